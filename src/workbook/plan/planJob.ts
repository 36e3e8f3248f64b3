// The "plan" job: plans the Stages / Arcs / Settings tables (the same reader and sheets as `aps plan`)
// and returns the headline cards, where stock is held, the exceptions and the Plan/Matching/KPIs/Exceptions sheets.

import { PLACEMENT_METHODS, RATE_METHODS } from "../../engine/network/fields";
import { planWorkbookTables } from "./planWorkbook";
import type { PlanResult } from "../../engine/plan/types";
import { planSheets } from "./planSheets";
import { networkFigure, stageRows } from "./networkFigure";
import { memoryPort } from "../jobs/memoryPort";
import { optionsAsSettings } from "../jobs/optionSettings";
import type { JobCard, JobInput, JobOutput, WorkbookJob } from "../jobs/types";
import { problemException } from "../tables/problems";
import { HISTORY_TABLES } from "../forecast/forecastTables";

/** The pane's plan options; each is also a Settings name, and a Settings table row wins over it. */
export const PLAN_OPTION_NAMES = ["placementMethod", "rateMethod", "placementTimeLimit", "defaultServiceLevel", "periodsPerYear"] as const;

function round(value: number | null, digits = 4): number | null {
  return value === null || !Number.isFinite(value) ? null : Number(value.toPrecision(digits + 2));
}

/** Headline cards of a plan: lead time to customer, cycle time, costs, turns, placement and where stock is held. */
export function planCards(plan: PlanResult): JobCard[] {
  const k = plan.kpis;
  const p = plan.placement;
  const held = plan.stages.filter((s) => (s.safetyStock ?? 0) > 1e-9);
  const heldText = held.length === 0 ? "No stage" : held.slice(0, 6).map((s) => s.id).join(", ") + (held.length > 6 ? ` and ${held.length - 6} more` : "");
  return [
    { label: "Lead time to customer", value: round(k.leadTimeToCustomer), unit: "t", detail: "Longest committed service time to customers" },
    { label: "Cycle time", value: round(k.cycleTime), unit: "t", detail: "Longest make-to-order time, if no stage held stock" },
    { label: "Inventory holding cost", value: round(k.inventoryHoldingCost), unit: "per t", detail: "Cycle stock and safety stock" },
    { label: "Safety-stock cost", value: round(k.safetyStockHoldingCost), unit: "per t", detail: "The placement's cost" },
    { label: "Inventory turns", value: round(k.inventoryTurns), unit: "per year" },
    {
      label: "Placement",
      value: p ? p.method : "none",
      detail: p ? (p.optimal ? "Proven optimal" : `${p.status}, gap ${(((p.gap ?? 0) * 100)).toFixed(2)} %`) : "No placement: see the exceptions",
    },
    { label: "Stock held at", value: `${held.length} of ${plan.stages.length} stages`, detail: heldText },
  ];
}

/** The Settings rows the options add: only where the option is set and the workbook's Settings table lacks it. */
export function settingsWithOptions(settings: Record<string, unknown>, options: JobInput["options"]): Record<string, unknown> {
  return optionsAsSettings(PLAN_OPTION_NAMES, settings, options);
}

export const planJob: WorkbookJob = {
  id: "plan",
  title: "Plan",
  step: "plan",
  order: 10,
  description: "Plans every stage of the Stages and Arcs tables: rates, lead times, service times, safety stock and lot sizes.",
  tables: ["Stages", "Arcs", "Settings", ...HISTORY_TABLES],
  requiredTables: ["Stages"],
  options: [
    { name: "placementMethod", label: "Placement method", kind: "choice", default: "auto", choices: [...PLACEMENT_METHODS], hint: "auto picks the exact method for the network's shape." },
    { name: "rateMethod", label: "Rate method", kind: "choice", default: "closed-form", choices: [...RATE_METHODS] },
    { name: "placementTimeLimit", label: "Placement time limit (s)", kind: "number", default: null, min: 0, hint: "Blank: the engine's default." },
    { name: "defaultServiceLevel", label: "Default service level", kind: "number", default: null, min: 0, max: 1, hint: "For stages with no service level of their own, e.g. 0.95." },
  ],
  async run(input, onProgress): Promise<JobOutput> {
    onProgress({ step: "Reading the tables", fraction: 0 });
    // The same run as `aps plan` (planWorkbook.ts), the options as Settings rows the table lacks.
    const outcome = await planWorkbookTables(memoryPort(input.tables), { onProgress: (step, done) => onProgress({ step, fraction: done }) },
      (settings) => settingsWithOptions(settings, input.options));
    // Every problem as its own row with its cell.
    if (!outcome.ok) return { status: "invalid", cards: [], exceptions: outcome.problems.map(problemException), sheets: [] };
    const plan = outcome.plan;
    onProgress({ step: "Writing the result sheets", fraction: 1 });
    return {
      status: "done",
      cards: planCards(plan),
      exceptions: plan.exceptions.map((e) => ({ severity: e.severity, where: e.where, message: e.message })),
      sheets: planSheets(plan),
      json: plan,
      figure: networkFigure(plan, stageRows(tableNamed(input.tables, "Stages"))),
    };
  },
};

/** The table of that name, whatever the case of its key. */
function tableNamed(tables: JobInput["tables"], name: string): JobInput["tables"][string] {
  const key = Object.keys(tables).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : tables[key];
}
