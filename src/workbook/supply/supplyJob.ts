// The pane's "supply" job (the same run and sheets as `aps supply`) and its "supply-promise" job
// (capable to promise, as `aps supply --promise`): HiGHS loads inside the worker (highsProvider.ts).

import type { SupplyResult } from "../../engine/supply";
import type { JobException, JobInput, JobOutput, WorkbookJob } from "../jobs/types";
import { memoryPort } from "../jobs/memoryPort";
import { problemAsException } from "../plan/planJob";
import { problemException } from "../tables/problems";
import { loadHighsModule } from "./highsProvider";
import { supplyCards } from "./supplyFigures";
import { supplySheets } from "./supplySheets";
import { SUPPLY_TABLES } from "./supplyTables";
import { promiseWorkbookTables, supplyWorkbookTables, SupplyRefusal } from "./supplyWorkbook";

/** The pane's supply options; each is a Settings name (docs/formats.md §10), and a Settings row wins over it. */
export const SUPPLY_OPTION_NAMES = ["horizon", "frozenPeriods", "lotSizing", "supplyTimeLimit"] as const;

/** Every table the run reads; a table's name cannot hold spaces, so both spellings are asked for. */
const TABLES = ["Stages", "Arcs", "Settings", "Demand History", ...SUPPLY_TABLES, ...SUPPLY_TABLES.filter((t) => t.includes(" ")).map((t) => t.replace(/ /g, ""))];

/** The Settings rows the options add: only where the option is set and the workbook's Settings lack it. */
export function supplySettingsWithOptions(settings: Record<string, unknown>, options: JobInput["options"]): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...settings };
  for (const name of SUPPLY_OPTION_NAMES) {
    const value = options[name];
    const present = merged[name] !== undefined && merged[name] !== null && merged[name] !== "";
    if (!present && value !== undefined && value !== null && value !== "") merged[name] = value;
  }
  return merged;
}

/** A refusal as the pane shows it: one row per problem, with its cell. */
function refused(outcome: SupplyRefusal): JobOutput {
  const exceptions: JobException[] = outcome.problems && outcome.problems.length > 0 ? outcome.problems.map(problemException) : outcome.errors.map(problemAsException);
  return { status: "invalid", cards: [], exceptions, sheets: [] };
}

function exceptionsOf(result: SupplyResult): JobException[] {
  return result.exceptions.map((e) => ({ severity: e.severity, where: e.where.includes("!") ? e.where : null, message: e.where.includes("!") || e.where === "network" ? e.message : `${e.where}: ${e.message}` }));
}

export const supplyJob: WorkbookJob = {
  id: "supply",
  title: "Supply",
  description: "Plans what every stage releases in each period within resource capacity and partner commitments, serving customers by priority tier.",
  tables: TABLES,
  requiredTables: ["Stages"],
  options: [
    { name: "horizon", label: "Horizon (periods)", kind: "integer", default: null, min: 1, max: 1000, hint: "Blank: the Settings' horizon, else 26." },
    { name: "frozenPeriods", label: "Frozen periods", kind: "integer", default: null, min: 0, hint: "No new releases in the first periods." },
    { name: "lotSizing", label: "Lot sizing", kind: "choice", default: "none", choices: ["none", "mip"], hint: "mip: order costs, minimum lots and lot multiples." },
    { name: "supplyTimeLimit", label: "Time limit (s)", kind: "number", default: null, min: 0, hint: "Blank: the Settings' supplyTimeLimit, else 60." },
  ],
  async run(input, onProgress): Promise<JobOutput> {
    onProgress({ step: "Loading the LP solver", fraction: 0 });
    const highs = await loadHighsModule();
    const outcome = await supplyWorkbookTables(memoryPort(input.tables), highs, {
      onProgress: (step, fraction) => onProgress({ step, fraction }),
      settings: (given) => supplySettingsWithOptions(given, input.options),
    });
    if (!outcome.ok) return refused(outcome);
    const { result } = outcome;
    onProgress({ step: "Writing the result sheets", fraction: 1 });
    return {
      status: result.status === "optimal" ? "done" : "stopped",
      cards: supplyCards(result),
      exceptions: exceptionsOf(result),
      sheets: result.stages.some((s) => s.periods.length > 0) ? supplySheets(outcome) : [],
      json: result,
    };
  },
};

export const supplyPromiseJob: WorkbookJob = {
  id: "supply-promise",
  title: "Promise an order",
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
