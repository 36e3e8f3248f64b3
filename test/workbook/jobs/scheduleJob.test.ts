// The schedule job as the pane's worker runs it: machine-shop.xlsx's tables in, the schedule sheets out,
// partial results on the way (what Cancel keeps), errors with their cell.
import * as path from "path";
import { checkSchedule } from "../../../src/engine/schedule/check";
import { scheduleJob } from "../../../src/workbook/schedule/scheduleJob";
import { better } from "../../../src/workbook/schedule/scheduleRun";
import type { JobProgress } from "../../../src/workbook/jobs/types";
import type { TableData } from "../../../src/workbook/port";
import { jobShopFromOperationsTable } from "../../../src/workbook/schedule/scheduleTables";
import { openXlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";
import type { JobShopResult } from "../../../src/engine/schedule/jobShop/solveJobShop";

const MACHINE_SHOP = path.join(__dirname, "..", "..", "..", "examples", "machine-shop.xlsx");

async function exampleTables(): Promise<Record<string, TableData | null>> {
  const workbook = await openXlsxWorkbook(MACHINE_SHOP);
  return { Operations: await workbook.readTable("Operations"), Changeovers: await workbook.readTable("Changeovers") };
}

describe("the schedule job", () => {
  test("given machine-shop.xlsx, it writes the schedule and sequence sheets and a checked schedule", async () => {
    const tables = await exampleTables();
    const progress: JobProgress[] = [];
    const output = await scheduleJob.run({ tables, options: { timeLimit: 0.5, objective: "makespan" } }, (p) => progress.push(p));
    expect(output.status).toBe("done");
    expect(output.sheets.map((s) => s.name)).toEqual(["Schedule", "Schedule Operations", "Schedule Jobs", "Sequence"]);
    const json = output.json as { makespan: number; bound: number; status: string; operations: { job: number; step: number; machine: number; start: number; end: number }[] };
    const shop = jobShopFromOperationsTable(tables.Operations!);
    expect(checkSchedule(shop.instance, json.operations)).toMatchObject({ valid: true, makespan: json.makespan });
    const card = (label: string) => output.cards.find((c) => c.label === label)!;
    expect(card("Makespan").value).toBe(json.makespan);
    expect(card("Lower bound").value).toBe(json.bound);
    expect(json.bound).toBeLessThanOrEqual(json.makespan);
    expect(card("Status").value).toBe(json.status);
    expect(card("Changeover time").value).toBeGreaterThan(0);
    expect(progress[0].step).toMatch(/Sequencing/);
  });

  test("each progress with a partial result is a whole, usable schedule marked stopped", async () => {
    const tables = await exampleTables();
    // A job shop the search cannot prove in its first round: 20 jobs × 10 machines, pseudo-random times and routes.
    const rows: (string | number)[][] = [];
    let x = 7;
    const next = () => (x = (x * 48271) % 2147483647);
    for (let j = 0; j < 20; j++) {
      const machines = Array.from({ length: 10 }, (_, m) => m).sort(() => (next() % 2) - 0.5);
      machines.forEach((m, s) => rows.push([`J${j}`, s, `M${m}`, 1 + (next() % 99)]));
    }
    const operations: TableData = { name: "Operations", sheet: "Operations", headers: ["Job", "Step", "Machine", "Duration"], rows, headerRow: 1, firstColumn: 1 };
    const partials: JobProgress[] = [];
    await scheduleJob.run({ tables: { Operations: operations, Changeovers: tables.Changeovers }, options: { timeLimit: 0.3 } }, (p) => { if (p.partial) partials.push(p); });
    expect(partials.length).toBeGreaterThan(0);
    for (const p of partials) {
      expect(p.partial!.status).toBe("stopped");
      expect(p.partial!.sheets.map((s) => s.name)).toEqual(["Schedule", "Schedule Operations", "Schedule Jobs", "Sequence"]);
      expect(p.partial!.cards.find((c) => c.label === "Status")!.value).toBe("stopped");
      const json = p.partial!.json as { operations: { job: number; step: number; machine: number; start: number; end: number }[]; makespan: number };
      expect(checkSchedule(jobShopFromOperationsTable(operations).instance, json.operations)).toMatchObject({ valid: true, makespan: json.makespan });
    }
  });

  test("better keeps the lower objective and the higher bound", () => {
    const result = (makespan: number, bound: number): JobShopResult => ({
      status: "timeLimit", objective: "makespan", makespan, totalWeightedTardiness: 0, bound, operations: [],
      statistics: { iterations: 10, elapsedMs: 5, restarts: 0, branchAndBoundNodes: 0, initialValue: makespan },
    });
    const kept = better(result(60, 50), result(58, 52));
    expect([kept.makespan, kept.bound, kept.status, kept.statistics.iterations]).toEqual([58, 52, "timeLimit", 20]);
    expect(better(result(55, 50), result(58, 55))).toMatchObject({ makespan: 55, bound: 55, status: "optimal" });
  });

  test("a bad duration is refused with its cell; nothing to write", async () => {
    const tables = await exampleTables();
    const ops = tables.Operations!;
    const rows = ops.rows.map((r) => [...r]);
    rows[4][3] = "long";
    const output = await scheduleJob.run({ tables: { Operations: { ...ops, rows }, Changeovers: null }, options: { timeLimit: 0.1 } }, () => undefined);
    expect(output.status).toBe("invalid");
    expect(output.sheets).toEqual([]);
    expect(output.exceptions).toEqual([{ severity: "error", where: "Operations!D6", field: "Duration", message: expect.stringMatching(/Duration must be a number/) }]);
  });

  test("a workbook with neither table says so", async () => {
    const output = await scheduleJob.run({ tables: { Operations: null, Changeovers: null }, options: {} }, () => undefined);
    expect(output.status).toBe("invalid");
    expect(output.exceptions[0].message).toMatch(/neither an Operations nor a Changeovers table/);
  });
});
