// Demand History has one reader (readWorkbookHistory): a bad cell is the same problem record, at the
// same cell, from the plan, the forecast and the simulation (commands and pane jobs alike), the same
// rules hold for all three, and a simulation reads the table once.
import type { InputProblem } from "../../../src/engine/inputErrors";
import { forecastWorkbookTables } from "../../../src/workbook/forecast/forecastWorkbook";
import { jobById } from "../../../src/workbook/jobs/registry";
import { memoryPort } from "../../../src/workbook/jobs/memoryPort";
import { planWorkbookTables } from "../../../src/workbook/plan/planWorkbook";
import type { CellValue, TableData, WorkbookPort } from "../../../src/workbook/port";
import { simulateWorkbookTables } from "../../../src/workbook/simulate/simulateWorkbook";

const table = (name: string, headers: string[], rows: CellValue[][]): TableData => ({ name, sheet: name, headers, rows, headerRow: 1, firstColumn: 1 });
const noProgress = () => undefined;
const small = { replications: 1, horizon: 20, warmup: 0, seed: 3 };

/** Stage A serves customers and takes its demand from history (blank Demand Rate / Sd), unless `rated`. */
function tables(historyRows: CellValue[][], rated = false): Record<string, TableData> {
  return {
    Stages: table("Stages", ["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Service Level"], [["A", rated ? 10 : null, rated ? 2 : null, 1, 1, 0.95]]),
    "Demand History": table("Demand History", ["Stage", "Period", "Quantity"], historyRows),
  };
}

/** Twelve periods of history at A, with row `bad` (0-based) replaced. */
const history = (bad: number | null = null, row: CellValue[] = []) => Array.from({ length: 12 }, (_, k): CellValue[] => (k === bad ? row : ["A", k + 1, 10 + (k % 3)]));

/** A port counting its reads of each table. */
function countingPort(port: WorkbookPort): { port: WorkbookPort; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  return {
    reads,
    port: {
      ...port,
      readTable: async (name: string) => {
        reads.set(name, (reads.get(name) ?? 0) + 1);
        return port.readTable(name);
      },
    },
  };
}

const negative: InputProblem = { where: "'Demand History'!C4", table: "Demand History", row: 2, field: "Quantity", message: "Quantity must be a number of at least 0 (got -4)." };

describe("one reader of Demand History", () => {
  it("a negative quantity is the same record, at the same cell, from the forecast, the plan and the simulation", async () => {
    const input = tables(history(2, ["A", 3, -4]));
    const forecast = await forecastWorkbookTables(memoryPort(input));
    const plan = await planWorkbookTables(memoryPort(input));
    const simulation = await simulateWorkbookTables(memoryPort(input), small);
    if (forecast === null || forecast.ok || plan.ok || simulation.ok) throw new Error("each run should refuse the bad quantity");
    expect(forecast.problems).toEqual([negative]);
    expect(simulation.problems).toEqual([negative]);
    // The plan is refused (A has no demand without its history): the history's problem comes first, then the plan's own.
    expect(plan.problems[0]).toEqual(negative);
    expect(plan.problems.length).toBeGreaterThan(1);
  });

  it("the pane's forecast, plan and simulate jobs list that problem at that cell", async () => {
    const input = tables(history(2, ["A", 3, -4]));
    for (const id of ["forecast", "plan", "simulate"]) {
      const out = await jobById(id)!.run({ tables: input, options: { replications: 1, horizon: 20, warmup: 0 } }, noProgress);
      expect(out.status).toBe("invalid");
      expect(out.exceptions[0]).toEqual({ severity: "error", where: negative.where, field: "Quantity", message: negative.message });
    }
  });

  it("a plan that needs no history to run names the bad cell in its warning; the simulation refuses it", async () => {
    const input = tables(history(5, ["A", "soon", 12]), true);
    const counted = countingPort(memoryPort(input));
    const plan = await planWorkbookTables(counted.port);
    if (!plan.ok) throw new Error(plan.errors.join("\n"));
    // A is rated here; no blank is filled, so the history is not needed and not read for the plan.
    expect(counted.reads.get("Demand History")).toBeUndefined();
    expect(plan.plan.exceptions.some((e) => e.where.includes("Demand History"))).toBe(false);
    const simulation = await simulateWorkbookTables(memoryPort(input), small);
    const forecast = await forecastWorkbookTables(memoryPort(input));
    const soon: InputProblem = { where: "'Demand History'!B7", table: "Demand History", row: 5, field: "Period", message: 'Period must be a date or a whole number (got text "soon").' };
    expect(simulation.ok ? [] : simulation.problems).toEqual([soon]);
    expect(forecast !== null && !forecast.ok ? forecast.problems : []).toEqual([soon]);
    // A second stage with a blank rate makes the plan read the history: the warning is at the same cell.
    const withB = { ...input, Stages: table("Stages", ["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Service Level"], [["A", 10, 2, 1, 1, 0.95], ["B", null, null, 1, 1, null]]) };
    const planB = await planWorkbookTables(memoryPort(withB));
    if (!planB.ok) throw new Error(planB.errors.join("\n"));
    const warning = planB.plan.exceptions.find((e) => e.severity === "warning" && e.message.startsWith("Demand History not used"));
    expect(warning?.where).toBe(soon.where);
    expect(warning?.message).toContain(`${soon.where}: ${soon.message}`);
  });

  it("the same rules for all: text months are periods for the forecast and the simulation alike", async () => {
    const months = Array.from({ length: 12 }, (_, k): CellValue[] => ["A", `2024-${String(k + 1).padStart(2, "0")}`, 10 + (k % 3)]);
    const input = tables(months);
    const forecast = await forecastWorkbookTables(memoryPort(input));
    expect(forecast?.ok).toBe(true);
    const simulation = await simulateWorkbookTables(memoryPort(input), small);
    expect(simulation.ok).toBe(true);
    const plan = await planWorkbookTables(memoryPort(input));
    expect(plan.ok && plan.plan.stages[0].demandRate).toBeGreaterThan(9);
  });

  it("a simulation (and a plan) reads the Demand History table once", async () => {
    const simulated = countingPort(memoryPort(tables(history())));
    const outcome = await simulateWorkbookTables(simulated.port, small);
    expect(outcome.ok).toBe(true);
    expect(simulated.reads.get("Demand History")).toBe(1);
    const planned = countingPort(memoryPort(tables(history())));
    expect((await planWorkbookTables(planned.port)).ok).toBe(true);
    expect(planned.reads.get("Demand History")).toBe(1);
  });
});
