// End to end (docs/editing.md "Firm planned orders"): `aps supply` on the supply example, two cells of
// Planned Orders edited in the saved copy with ExcelJS as a planner would in Excel, then `aps supply`
// on that copy: the firm orders kept (the checker's firm rule), the compare printed; an order beyond
// capacity named at its cell with nothing written; --undo-edits restores the last run's orders.

import { existsSync, promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { supplyProblemOf } from "../../src/engine/supply";
import type { SupplyResult } from "../../src/engine/supply";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { supplyJob } from "../../src/workbook/supply/supplyJob";
import { readPlannedOrders, PLANNED_ORDERS_TABLE } from "../../src/workbook/supply/plannedOrderEdits";
import { readWorkbookSupply } from "../../src/workbook/supply/supplyTables";
import { editCells, firstRun } from "../support/editedCopy";
import { runAps } from "../support/runCli";
import { checkSupplyPlan } from "./checkSupplyPlan";

const EXAMPLE = path.join(__dirname, "../../examples/supply-plan.xlsx");
const SHEET = "Planned Orders";

interface OrderRow { row: number; stage: string; period: number; quantity: number }

/** The data rows of Planned Orders (header on row 3; Stage A, Release period C, Quantity G, Firm I). */
function orderRows(book: ExcelJS.Workbook): OrderRow[] {
  const sheet = book.getWorksheet(SHEET)!;
  expect(sheet.getCell("I3").value).toBe("Firm");
  expect(sheet.getCell("J3").value).toBe("Run Period");
  const out: OrderRow[] = [];
  for (let r = 4; r <= sheet.rowCount; r++) {
    const v = (c: string) => sheet.getCell(`${c}${r}`).value;
    if (v("A") === null) continue;
    out.push({ row: r, stage: String(v("A")), period: Number(v("C")), quantity: Number(v("G")) });
  }
  return out;
}

/** The tables the pane's Supply job asks for, read from a saved workbook. */
async function paneTables(file: string) {
  const port = await openXlsxWorkbook(file);
  return Object.fromEntries(await Promise.all(supplyJob.tables.map(async (n) => [n, await port.readTable(n)] as const)));
}

const edit = (from: string, to: string, cells: Record<string, number | string>) => editCells(from, to, SHEET, cells);

describe("firm planned orders through aps supply", () => {
  let dir: string;
  let first: string;
  let rows: OrderRow[];
  beforeAll(async () => {
    const run = await firstRun("aps-firm-", "supply", EXAMPLE);
    ({ dir, first } = run);
    rows = orderRows(run.book);
    expect(rows.length).toBeGreaterThan(1);
  }, 120_000);
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it("a firm row and a hand-changed quantity: both kept, the rest re-planned, the compare printed", async () => {
    const [a, b] = rows;
    const edited = path.join(dir, "edited.xlsx"), out = path.join(dir, "replanned.xlsx"), json = path.join(dir, "replanned.json");
    const newQuantity = Math.round(b.quantity * 0.5);
    await edit(first, edited, { [`I${a.row}`]: "yes", [`G${b.row}`]: newQuantity });
    const before = await fs.readFile(edited);
    const run = await runAps("supply", edited, "--out", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Edits of Planned Orders: 1 firm, 1 changed by hand/);
    expect(run.stdout).toMatch(/Lateness, tier 1\s+[\d,.]+ →\s+[\d,.]+/);
    expect(await fs.readFile(edited)).toEqual(before); // the input is never modified

    const asJson = await runAps("supply", edited, "--out", json, "--json");
    expect(asJson.status).toBe(0);
    const result = JSON.parse(await fs.readFile(json, "utf8")) as SupplyResult & { edits: { firm: number; changed: number }; compare: { lastRun: unknown } };
    expect(result.edits).toEqual({ firm: 1, changed: 1, restored: 0 });
    expect(result.compare.lastRun).not.toBeNull();
    // The plan keeps both orders exactly (the checker's firm rule) and meets every constraint.
    const port = await openXlsxWorkbook(edited);
    const tables = await readWorkbookSupply(port);
    const read = supplyProblemOf(tables.raw, { naming: "workbook", where: tables.where });
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const stageOf = (id: string) => read.problem.stages.findIndex((s) => s.id === id);
    const firm = [{ stage: stageOf(a.stage), period: a.period, quantity: a.quantity }, { stage: stageOf(b.stage), period: b.period, quantity: newQuantity }];
    expect(checkSupplyPlan(read.problem, result, false, firm).violations).toEqual([]);

    // The sheet written: row a still Firm; the hand change kept once (Firm blank); Run columns = the new values.
    const book = await openXlsxWorkbook(out);
    const table = (await book.readTable(PLANNED_ORDERS_TABLE))!;
    const { rows: written, problems } = readPlannedOrders(table);
    expect(problems).toEqual([]);
    const rowOf = (stage: string, period: number) => written.find((r) => r.stage === stage && r.period === period);
    expect(rowOf(a.stage, a.period)).toMatchObject({ firm: true, runFirm: true, quantity: a.quantity });
    expect(rowOf(b.stage, b.period)).toMatchObject({ firm: false, quantity: newQuantity, runQuantity: newQuantity });

    // The pane's cards: one per label (the compare's Cost, now and last run, stands for the plain Cost card).
    const pane = await supplyJob.run({ tables: await paneTables(edited), options: {} }, () => undefined);
    const labels = pane.cards.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(pane.cards.find((c) => c.label === "Cost")?.detail).toMatch(/^last run [\d.]+ \(/);
  }, 120_000);

  it("without edits: the last run recomputed from the Run columns has the run's objective", async () => {
    const json = path.join(dir, "again.json");
    const run = await runAps("supply", first, "--out", json, "--json");
    expect(run.status).toBe(0);
    const result = JSON.parse(await fs.readFile(json, "utf8")) as SupplyResult & { edits: unknown; compare: { lastRun: SupplyResult["objective"] } };
    expect(result.edits).toEqual({ firm: 0, changed: 0, restored: 0 });
    const near = (a: number | null, b: number | null) => expect(Math.abs(a! - b!)).toBeLessThan(1e-6 * Math.max(1, Math.abs(b!)));
    result.objective.lateness.forEach((l, k) => near(result.compare.lastRun.lateness[k].value, l.value));
    near(result.compare.lastRun.cost, result.objective.cost);
  }, 120_000);

  it("a bad Firm cell is refused at its cell", async () => {
    const edited = path.join(dir, "bad-firm.xlsx");
    await edit(first, edited, { [`I${rows[0].row}`]: "maybe" });
    const run = await runAps("supply", edited, "--out", path.join(dir, "never-bad.xlsx"));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`'Planned Orders'!I${rows[0].row}: Firm must be yes or blank (got "maybe")`);
  }, 120_000);

  it("an order beyond capacity: a conflict naming the edited cell, exit 2, nothing written", async () => {
    const [a] = rows;
    const edited = path.join(dir, "too-much.xlsx"), out = path.join(dir, "never.xlsx");
    await edit(first, edited, { [`G${a.row}`]: a.quantity * 1000 + 1e6 });
    const run = await runAps("supply", edited, "--out", out);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`'Planned Orders'!G${a.row}: firm order of ${a.stage} in period ${a.period}`);
    expect(run.stderr).toMatch(/beyond its capacity|release cap|commitment|ahead of its components/);
    expect(run.stderr).toMatch(/nothing was written/);
    expect(existsSync(out)).toBe(false);

    // The pane's Supply job: the same conflict as an exception on the edited cell, no sheets.
    const pane = await supplyJob.run({ tables: await paneTables(edited), options: {} }, () => undefined);
    expect(pane.status).toBe("invalid");
    expect(pane.sheets).toEqual([]);
    expect(pane.exceptions).toEqual(expect.arrayContaining([expect.objectContaining({ severity: "error", where: `'Planned Orders'!G${a.row}` })]));
  }, 120_000);

  it("Undo edits (--undo-edits and the pane's action) writes the last run's orders back", async () => {
    const [a, b] = rows;
    const edited = path.join(dir, "to-undo.xlsx"), out = path.join(dir, "undone.xlsx");
    await edit(first, edited, { [`I${a.row}`]: "yes", [`G${b.row}`]: b.quantity + 5 });
    const run = await runAps("supply", edited, "--undo-edits", "--out", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Undo edits: 2 row\(s\) of Planned Orders restored/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const undone = orderRows(book).map(({ stage, period, quantity }) => ({ stage, period, quantity }));
    expect(undone).toEqual(rows.map(({ stage, period, quantity }) => ({ stage, period, quantity })));

    const pane = await supplyJob.run({ tables: await paneTables(edited), options: { action: "Undo edits" } }, () => undefined);
    expect(pane.status).toBe("done");
    expect(pane.cards.find((c) => c.label === "Rows restored")?.value).toBe(2);
  }, 120_000);
});
