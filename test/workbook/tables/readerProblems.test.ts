// Every reader's problems as records (place, table, row, the user's field, message): Demand History,
// Settings, a supply table, the Scenarios table and the collaboration tables; Check and the jobs list one
// exception per problem, linked to its cell, and count them. The command's lines are unchanged.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { checkJob } from "../../../src/taskpane/worker/checkJob";
import { COLLABORATION_TABLES } from "../../../src/workbook/collaborate/bookContext";
import { mergeJob } from "../../../src/workbook/collaborate/mergeJob";
import { readWorkbookHistory } from "../../../src/workbook/forecast/forecastTables";
import { memoryPort } from "../../../src/workbook/jobs/memoryPort";
import type { CellValue, TableData } from "../../../src/workbook/port";
import { planWorkbookScenarios } from "../../../src/workbook/scenarios/scenarioWorkbook";
import { scenariosJob } from "../../../src/workbook/scenarios/scenariosJob";
import { simulateJob } from "../../../src/workbook/simulate/simulateJob";
import { readPlannedOrders } from "../../../src/workbook/supply/plannedOrderEdits";
import { supplyInputProblems } from "../../../src/workbook/supply/supplyWorkbook";
import { loadXlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";

const table = (name: string, headers: string[], rows: CellValue[][]): TableData => ({ name, sheet: name, headers, rows, headerRow: 1, firstColumn: 1 });
const problemsCard = (cards: { label: string; value: unknown }[]) => cards.find((c) => c.label === "Problems")!.value;
const noProgress = () => undefined;

const history = table("Demand History", ["Stage", "Period", "Quantity"], [
  ["A", 1, 10], ["A", 2, "lots"], ["A", 3, -4], ["A", 4, 12], ["A", 5, null],
]);
const stages = table("Stages", ["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Service Level"], [["A", 10, 2, 1, 1, 0.95]]);

describe("Demand History problems as records", () => {
  it("three bad Quantity cells are three records, each with its cell, row and field", async () => {
    const read = await readWorkbookHistory(memoryPort({ "Demand History": history }));
    expect(read!.records.map((p) => [p.where, p.table, p.row, p.field])).toEqual([
      ["'Demand History'!C3", "Demand History", 1, "Quantity"],
      ["'Demand History'!C4", "Demand History", 2, "Quantity"],
      ["'Demand History'!C6", "Demand History", 4, "Quantity"],
    ]);
    // The command's lines: place first, as before.
    expect(read!.problems[0]).toBe(`'Demand History'!C3: Quantity must be a number of at least 0 (got text "lots").`);
  });

  it("Check lists the three, each linked to its cell, and says 3", async () => {
    const out = await checkJob.run({ tables: { "Demand History": history }, options: {} }, noProgress);
    expect(out.exceptions.map((e) => [e.where, e.field])).toEqual([["'Demand History'!C3", "Quantity"], ["'Demand History'!C4", "Quantity"], ["'Demand History'!C6", "Quantity"]]);
    expect(problemsCard(out.cards)).toBe(3);
  });

  it("counts are counts: 30 bad cells are 30 problems, though the command shows 20 lines and a count", async () => {
    const many = table("Demand History", ["Stage", "Period", "Quantity"], Array.from({ length: 30 }, (_, k) => ["A", k + 1, "x"]));
    const read = await readWorkbookHistory(memoryPort({ "Demand History": many }));
    expect(read!.records).toHaveLength(30);
    expect(read!.problems).toHaveLength(21);
    const out = await checkJob.run({ tables: { "Demand History": many }, options: {} }, noProgress);
    expect(problemsCard(out.cards)).toBe(30);
  });
});

describe("the simulation's Demand History problems as records", () => {
  it("the simulate job refuses the three bad quantities, each at its cell", async () => {
    const out = await simulateJob.run({ tables: { Stages: stages, "Demand History": history }, options: { replications: 1, horizon: 10, warmup: 0 } }, noProgress);
    expect(out.status).toBe("invalid");
    expect(out.exceptions.map((e) => [e.where, e.field])).toEqual([["'Demand History'!C3", "Quantity"], ["'Demand History'!C4", "Quantity"], ["'Demand History'!C6", "Quantity"]]);
  });
});

describe("Settings problems as records", () => {
  it("forecast settings out of range are problems at their Value cells", async () => {
    const settings = table("Settings", ["Name", "Value"], [["forecastHorizon", "soon"], ["seasonLength", 400], ["periodsPerYear", 12]]);
    const good = table("Demand History", ["Stage", "Period", "Quantity"], [["A", 1, 10], ["A", 2, 11]]);
    const out = await checkJob.run({ tables: { Stages: stages, "Demand History": good, Settings: settings }, options: {} }, noProgress);
    expect(out.exceptions.map((e) => [e.where, e.field, e.message])).toEqual([
      ["Settings!B2", "Value", 'setting forecastHorizon must be a whole number above 0 (got text "soon").'],
      ["Settings!B3", "Value", "seasonLength must be at most 366 (got 400)."],
    ]);
    expect(problemsCard(out.cards)).toBe(2);
  });
});

describe("supply table problems as records", () => {
  const demands = table("Demands", ["Stage", "Period", "Quantity"], [["A", 1, "many"], ["A", 2, 5], ["A", 3, -1], ["A", 4, null]]);

  it("three bad Demands quantities are three records with the user's header", async () => {
    const refusal = await supplyInputProblems(memoryPort({ Stages: stages, Demands: demands }));
    expect(refusal!.problems.map((p) => [p.where, p.table, p.row, p.field])).toEqual([
      ["Demands!C2", "Demands", 0, "Quantity"], ["Demands!C4", "Demands", 2, "Quantity"], ["Demands!C5", "Demands", 3, "Quantity"],
    ]);
    expect(refusal!.errorCount).toBe(3);
    expect(refusal!.errors.every((line, k) => line.startsWith(`${refusal!.problems[k].where}: `))).toBe(true);
  });

  it("Check says 3, each linked to its cell", async () => {
    const out = await checkJob.run({ tables: { Stages: stages, Demands: demands }, options: {} }, noProgress);
    expect(out.exceptions.filter((e) => e.severity === "error").map((e) => e.where)).toEqual(["Demands!C2", "Demands!C4", "Demands!C5"]);
    expect(problemsCard(out.cards)).toBe(3);
  });
});

describe("Planned Orders edits as records", () => {
  it("a bad Release period and a bad Firm are two records at their cells; the command's lines are as before", () => {
    const planned = table("PlannedOrders", ["Stage", "Release period", "Quantity", "Firm"], [["A", 2.5, 10, "yes"], ["A", 3, 10, "maybe"]]);
    const read = readPlannedOrders(planned);
    expect(read.problems.map((p) => [p.where, p.row, p.field])).toEqual([["PlannedOrders!B2", 0, "Release period"], ["PlannedOrders!D3", 1, "Firm"]]);
    expect(read.problems[1].message).toBe('Firm must be yes or blank (got "maybe")');
  });
});

describe("Scenarios problems as records", () => {
  const scenarios = table("Scenarios", ["Scenario", "Table", "Key", "Column", "Value"], [
    ["Late", "Stages", "Nowhere", "Processing Time", 3],
    ["Cheap", "Stages", "A", "Holding Cost", -1],
    ["Odd", "Tables", "A", "Holding Cost", 1],
  ]);

  it("a bad key, a bad changed value and a bad table are three records; the changed value's cell is the Scenarios cell", async () => {
    const outcome = await planWorkbookScenarios(memoryPort({ Stages: stages, Scenarios: scenarios }));
    if (outcome.ok) throw new Error("expected a refusal");
    expect(outcome.errorCount).toBe(3);
    expect(outcome.problems.map((p) => [p.table, p.row, p.field])).toEqual([["Scenarios", 0, "Key"], ["Scenarios", 2, "Table"], ["Stages", 0, "Holding Cost"]]);
    expect(outcome.problems[2]).toMatchObject({ where: 'Scenarios!E3 (scenario "Cheap" sets Stages!E2)', cell: "Scenarios!E3" });
    const out = await scenariosJob.run({ tables: { Stages: stages, Scenarios: scenarios }, options: {} }, noProgress);
    expect(out.exceptions.map((e) => e.where)).toEqual(["Scenarios!C2", "Scenarios!B4", "Scenarios!E3"]);
  });

  it("Check lists the rows' problems (the bad key and the bad table), each at its Scenarios cell", async () => {
    const out = await checkJob.run({ tables: { Stages: stages, Scenarios: scenarios }, options: {} }, noProgress);
    expect(out.exceptions.map((e) => [e.where, e.field])).toEqual([["Scenarios!C2", "Key"], ["Scenarios!B4", "Table"]]);
    expect(problemsCard(out.cards)).toBe(2);
  });

  it("a misspelt Scenarios header is a record at its header cell", async () => {
    const misspelt = table("Scenarios", ["Scenario", "Table", "Key", "Colum", "Value"], [["Late", "Stages", "A", "Processing Time", 3]]);
    const outcome = await planWorkbookScenarios(memoryPort({ Stages: stages, Scenarios: misspelt }));
    if (outcome.ok) throw new Error("expected a refusal");
    expect(outcome.problems[0]).toMatchObject({ where: "Scenarios!D1", table: "Scenarios", field: "Colum" });
  });
});

describe("collaboration problems as records", () => {
  async function exampleTables(): Promise<Record<string, TableData | null>> {
    const book = await loadXlsxWorkbook(await fs.readFile(path.join(__dirname, "../../../examples/supply-chain.xlsx")));
    const out: Record<string, TableData | null> = {};
    for (const name of COLLABORATION_TABLES) out[name] = await book.readTable(name);
    return out;
  }

  it("two bad Tolerances cells refuse a merge as two exceptions, each at its cell", async () => {
    const tables = { ...(await exampleTables()), Tolerances: table("Tolerances", ["Partner", "Time", "Quantity %"], [["FrameWorks", "late", 5], ["", 1, -2]]) };
    const out = await mergeJob.run({ tables, options: {}, files: [{ name: "r.xlsx", bytes: new Uint8Array([1, 2, 3]) }] }, noProgress);
    expect(out.status).toBe("invalid");
    expect(out.exceptions.map((e) => [e.where, e.field])).toEqual([["Tolerances!B2", "Time"], ["Tolerances!C3", "Quantity %"]]);
  });

  it("two damaged responses are two problems, each at its file", async () => {
    const tables = await exampleTables();
    const files = [{ name: "a.xlsx", bytes: new Uint8Array([1, 2, 3]) }, { name: "b.xlsx", bytes: new TextEncoder().encode("not a workbook") }];
    const out = await mergeJob.run({ tables, options: {}, files }, noProgress);
    expect(out.status).toBe("invalid");
    expect(out.exceptions).toHaveLength(2);
    expect(out.exceptions.map((e) => e.where)).toEqual([null, null]);
    expect(out.exceptions.map((e) => e.message.split(": ")[0])).toEqual(["a.xlsx", "b.xlsx"]);
  });
});
