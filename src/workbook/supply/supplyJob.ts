// The pane's "supply" job (the same run and sheets as `aps supply`) and its "supply-promise" job
// (capable to promise, as `aps supply --promise`): HiGHS loads inside the worker (highsProvider.ts).

import type { SupplyResult } from "../../engine/supply";
import type { JobException, JobInput, JobOutput, WorkbookJob } from "../jobs/types";
import { memoryPort } from "../jobs/memoryPort";
import { optionsAsSettings } from "../jobs/optionSettings";
import { problemException } from "../tables/problems";
import { loadHighsModule } from "./highsProvider";
import { supplyCards } from "./supplyFigures";
import { supplySheets } from "./supplySheets";
import { SUPPLY_TABLES } from "./supplyTables";
import { promiseWorkbookTables, SupplyRefusal } from "./supplyWorkbook";
import { supplyWorkbookWithEdits } from "./firmSupplyRun";
import { compareCards } from "./supplyCompare";
import { PLANNED_ORDERS_TABLE } from "./plannedOrderEdits";
import { HISTORY_TABLES } from "../forecast/forecastTables";

/** The pane's supply options; each is a Settings name (docs/formats.md §10), and a Settings row wins over it. */
export const SUPPLY_OPTION_NAMES = ["horizon", "frozenPeriods", "lotSizing", "supplyTimeLimit"] as const;

/** Every table the run reads; a table's name cannot hold spaces, so both spellings are asked for. */
const TABLES = ["Stages", "Arcs", "Settings", ...HISTORY_TABLES, ...SUPPLY_TABLES, ...SUPPLY_TABLES.filter((t) => t.includes(" ")).map((t) => t.replace(/ /g, ""))];
/** The supply job also reads the Planned Orders the last run wrote (the planner's firm orders, docs/editing.md). */
const SUPPLY_JOB_TABLES = [...TABLES, PLANNED_ORDERS_TABLE];

/** The Settings rows the options add: only where the option is set and the workbook's Settings lack it. */
export function supplySettingsWithOptions(settings: Record<string, unknown>, options: JobInput["options"]): Record<string, unknown> {
  return optionsAsSettings(SUPPLY_OPTION_NAMES, settings, options);
}

/** A refusal as the pane shows it: one row per problem, with its cell. */
function refused(outcome: SupplyRefusal): JobOutput {
  return { status: "invalid", cards: [], exceptions: outcome.problems.map(problemException), sheets: [] };
}

function exceptionsOf(result: SupplyResult): JobException[] {
  return result.exceptions.map((e) => ({ severity: e.severity, where: e.where.includes("!") ? e.where : null, message: e.where.includes("!") || e.where === "network" ? e.message : `${e.where}: ${e.message}` }));
}

export const supplyJob: WorkbookJob = {
  id: "supply",
  title: "Supply",
  step: "supply",
  order: 10,
  description: "Plans what every stage releases in each period within resource capacity and partner commitments, serving customers by priority tier. Firm rows and hand changes of Planned Orders are kept; Undo edits writes the last run's orders back.",
  tables: SUPPLY_JOB_TABLES,
  requiredTables: ["Stages"],
  options: [
    { name: "horizon", label: "Horizon (periods)", kind: "integer", default: null, min: 1, max: 1000, hint: "Blank: the Settings' horizon, else 26." },
    { name: "frozenPeriods", label: "Frozen periods", kind: "integer", default: null, min: 0, hint: "No new releases in the first periods." },
    { name: "lotSizing", label: "Lot sizing", kind: "choice", default: "none", choices: ["none", "mip"], hint: "mip: order costs, minimum lots and lot multiples." },
    { name: "supplyTimeLimit", label: "Time limit (s)", kind: "number", default: null, min: 0, hint: "Blank: the Settings' supplyTimeLimit, else 60." },
    { name: "action", label: "Action", kind: "choice", default: "Plan", choices: ["Plan", "Undo edits"], hint: "Undo edits: Planned Orders as the last run wrote them (its Run columns); the Action goes back to its default after the run.", oneShot: true },
  ],
  async run(input, onProgress): Promise<JobOutput> {
    onProgress({ step: "Loading the LP solver", fraction: 0 });
    const highs = await loadHighsModule();
    const undoEdits = input.options.action === "Undo edits";
    const outcome = await supplyWorkbookWithEdits(memoryPort(input.tables), highs, {
      onProgress: (step, fraction) => onProgress({ step, fraction }),
      settings: (given) => supplySettingsWithOptions(given, input.options),
      undoEdits,
    });
    if (!outcome.ok && "conflicts" in outcome) return { status: "invalid", cards: [{ label: "Firm orders that cannot be kept", value: outcome.conflicts.length }], exceptions: outcome.conflicts.map((c) => ({ severity: "error", where: c.where.includes("!") ? c.where : null, message: c.message })), sheets: [] };
    if (!outcome.ok) return refused(outcome);
    const { result } = outcome;
    const edited = outcome.undone || outcome.lastRun !== null || outcome.edits.firm + outcome.edits.changed > 0;
    const editCards = outcome.undone ? [{ label: "Rows restored", value: outcome.edits.restored, detail: "Planned Orders as the last run wrote them" }]
      : edited ? compareCards(outcome.lastRun, result.objective, outcome.edits) : [];
    onProgress({ step: "Writing the result sheets", fraction: 1 });
    return {
      status: result.status === "optimal" ? "done" : "stopped",
      // The compare's Cost card (now, with the last run's) stands for the plain one: one card per label.
      cards: [...editCards, ...supplyCards(result).filter((card) => !editCards.some((e) => e.label === card.label))],
      exceptions: exceptionsOf(result),
      sheets: result.stages.some((s) => s.periods.length > 0) ? supplySheets(outcome) : [],
      json: result,
    };
  },
};

export const supplyPromiseJob: WorkbookJob = {
  id: "supply-promise",
  title: "Promise an order",
  step: "supply",
  order: 20,
  description: "The most of a new order deliverable by its due period, and the earliest period for all of it, without making any customer later.",
  tables: TABLES,
  requiredTables: ["Stages"],
  options: [
    { name: "stage", label: "Stage", kind: "text", default: null, hint: "The stage the order is for (its Id)." },
    { name: "period", label: "Due period", kind: "text", default: null, hint: "A period 1..horizon, or a date (from planStart)." },
    { name: "quantity", label: "Quantity", kind: "number", default: null, min: 0, hint: "Optional: the earliest period for all of it." },
    { name: "supplyTimeLimit", label: "Time limit (s)", kind: "number", default: null, min: 0 },
  ],
  async run(input, onProgress): Promise<JobOutput> {
    const stage = String(input.options.stage ?? "").trim();
    const periodText = input.options.period;
    const missing: JobException[] = [];
    if (stage === "") missing.push({ severity: "error", where: null, message: "Give the Stage the order is for." });
    if (periodText === null || periodText === undefined || String(periodText).trim() === "") missing.push({ severity: "error", where: null, message: "Give the Due period (a period number or a date)." });
    if (missing.length > 0) return { status: "invalid", cards: [], exceptions: missing, sheets: [] };
    const period = typeof periodText === "string" && /^\s*\d+\s*$/.test(periodText) ? Number(periodText) : periodText;
    const quantity = typeof input.options.quantity === "number" ? input.options.quantity : null;
    onProgress({ step: "Loading the LP solver", fraction: 0 });
    const highs = await loadHighsModule();
    onProgress({ step: "Solving the promise", fraction: 0.2 });
    const timeLimit = typeof input.options.supplyTimeLimit === "number" && input.options.supplyTimeLimit > 0 ? input.options.supplyTimeLimit : undefined;
    const outcome = await promiseWorkbookTables(memoryPort(input.tables), highs, { stage, period, quantity }, { timeLimit });
    if (!outcome.ok) return refused(outcome);
    const p = outcome.promise;
    return {
      status: p.status === "optimal" ? "done" : "stopped",
      cards: [
        { label: "Most on time", value: p.maxOnTime, unit: "units", detail: `${p.stage} by period ${p.period}, no existing demand later` },
        ...(p.quantity === null ? [] : [{ label: `Earliest period for ${p.quantity}`, value: p.earliestPeriod ?? "none within the horizon", detail: p.status }]),
      ],
      exceptions: [],
      sheets: [],
      json: p,
    };
  },
};
