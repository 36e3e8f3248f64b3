// Issue 22 for the supply plan in Chromium (browser mode, docs/editing.md "Firm planned orders"): the
// pane plans examples/supply-plan.xlsx and saves it; a planner marks one Planned Orders row Firm and
// changes another's quantity in the saved copy (ExcelJS, as in Excel); the pane opens it again and
// re-plans: the compare (lateness per tier and cost, last run → now) and the edits on screen, both
// orders kept on the saved sheet, the saved plan passes the independent checker with its firm rule;
// an order far beyond capacity is refused at its Quantity cell with nothing written; Undo edits
// writes the last run's orders back; LibreOffice opens the result.
import * as fs from "node:fs";
import * as path from "node:path";
import { supplyProblemOf, type SupplyProblem } from "../../src/engine/supply";
import { PLANNED_ORDERS_TABLE, readPlannedOrders, type PlannedOrderRow } from "../../src/workbook/supply/plannedOrderEdits";
import { readWorkbookSupply } from "../../src/workbook/supply/supplyTables";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { OUTPUT, ROOT } from "../addin/support/paths";
import { checkSupplyPlan } from "../supply/checkSupplyPlan";
import { planFromSheets } from "../supply/planFromSheets";
import { editCells } from "../support/editedCopy";
import { sheetsAsCsv, testWithSoffice } from "../support/findSoffice";
import { readBack, sheetRecords } from "./support/excelRead";
import type { PaneDriver } from "./support/paneDriver";
import { describePane } from "./support/paneSuite";

const EXAMPLE = path.join(ROOT, "examples", "supply-plan.xlsx");
const DIR = path.join(OUTPUT, "pane-supply-edits");
const SHEET = "Planned Orders";
const LONG = 60_000;

/** Planned Orders as saved (the table the next run reads), each row with its cells. */
async function plannedOrders(file: string): Promise<PlannedOrderRow[]> {
  const { rows, problems } = readPlannedOrders((await (await openXlsxWorkbook(file)).readTable(PLANNED_ORDERS_TABLE))!);
  expect(problems).toEqual([]);
  return rows;
}

/** The validated problem of a workbook's supply tables (as the run reads them). */
async function supplyProblem(file: string): Promise<SupplyProblem> {
  const tables = await readWorkbookSupply(await openXlsxWorkbook(file));
  const read = supplyProblemOf(tables.raw, { naming: "workbook", where: tables.where });
  if (!read.ok) throw new Error(read.errors.join("\n"));
  return read.problem;
}

const rowNumber = (row: PlannedOrderRow) => Number(/(\d+)$/.exec(row.where.quantity)![1]);
const orderOf = (r: PlannedOrderRow) => ({ stage: r.stage, period: r.period, quantity: r.quantity, firm: r.firm });
/** Clicks Run supply on the Supply step and waits for the run's phase. */
async function runSupply(pane: PaneDriver): Promise<string> {
  await pane.startJob("Supply", "supply", "Run supply");
  return pane.jobFinished("supply", LONG);
}

/** The "last run X (±d)" of a compare card: X. */
const lastRunOf = (text: string) => Number(/last run (-?[\d.e+-]+) \(/.exec(text)?.[1]);
const near = (a: number, b: number, relative = 1e-3) => expect(Math.abs(a - b)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(b)));

describePane("firm planned orders of the supply plan in Chromium (browser mode)", (suite) => {
  const undone = path.join(DIR, "undone.xlsx");

  test("plan, mark one order Firm and change another's quantity, re-plan: kept and compared; an impossible order refused at its cell; Undo edits", async () => {
    const { page, pane, errors } = await suite.open("supply-edits");
    const consoleErrors: string[] = [];
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    await pane.open(EXAMPLE);
    expect(await runSupply(pane)).toBe("done");
    const firstCost = await pane.cardNumber("supply", "Cost");
    // Lateness per tier of the first run, from its "Late unit-periods" card ("tier 1: 0, tier 2: 379").
    const firstLate = [...(await pane.cardText("supply", "Late unit-periods")).matchAll(/tier (\d+): ([\d.]+)/g)].map((m) => ({ tier: Number(m[1]), value: Number(m[2]) }));
    expect(firstLate.length).toBeGreaterThanOrEqual(2);
    const planned = path.join(DIR, "planned.xlsx");
    await pane.save(planned);
    const rows = await plannedOrders(planned);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => !r.firm && r.runPeriod === r.period && r.runQuantity === r.quantity)).toBe(true);

    // 1. In the saved copy, as in Excel: the first order Firm, the second one's quantity halved.
    const [a, b] = rows;
    const half = Math.round(b.quantity / 2);
    const edited = path.join(DIR, "edited.xlsx");
    await editCells(planned, edited, SHEET, { [`I${rowNumber(a)}`]: "yes", [`G${rowNumber(b)}`]: half });
    await pane.open(edited);
    expect(await runSupply(pane)).toBe("done");
    // The compare on screen, each level now with the last run's (recomputed from the Run columns).
    const tiers = firstLate.map((l) => `Lateness, tier ${l.tier}`);
    for (const label of [...tiers, "Below safety stock", "Cost"]) expect(await pane.cardText("supply", label)).toMatch(/last run -?[\d.e+-]+ \([+-]?[\d.e+-]+\)$/);
    for (const [k, label] of tiers.entries()) near(lastRunOf(await pane.cardText("supply", label)), firstLate[k].value);
    near(lastRunOf(await pane.cardText("supply", "Cost")), firstCost);
    expect(await pane.cardText("supply", "Firm orders kept")).toBe("Firm orders kept 2 1 marked Firm, 1 changed by hand (kept this run)");
    expect(await pane.section("supply").locator('[data-card="Cost"]').count()).toBe(1);
    const nowLate = await Promise.all(tiers.map((label) => pane.cardNumber("supply", label)));
    const nowCost = await pane.cardNumber("supply", "Cost");
    await pane.section("supply").getByText(/Sheets written: .*Supply Plan.*Planned Orders/).waitFor();
    await pane.shot("kept");
    const replanned = path.join(DIR, "replanned.xlsx");
    await pane.save(replanned);

    // The saved sheet: the Firm row still Firm, the hand change kept once (Firm blank, Run columns = the new values).
    const after = await plannedOrders(replanned);
    const rowOf = (r: PlannedOrderRow) => after.find((x) => x.stage === r.stage && x.period === r.period);
    expect(rowOf(a)).toMatchObject({ firm: true, runFirm: true, quantity: a.quantity, runQuantity: a.quantity });
    expect(rowOf(b)).toMatchObject({ firm: false, quantity: half, runQuantity: half });
    expect((await readBack(replanned)).getWorksheet(SHEET)!.getCell(`I${rowNumber(rowOf(a)!)}`).dataValidation).toMatchObject({ type: "list", formulae: ['"yes"'] });
    // The saved plan (read back from its sheets) meets every constraint and releases exactly the two orders.
    const problem = await supplyProblem(edited);
    const stageOf = (id: string) => problem.stages.findIndex((s) => s.id === id);
    const firm = [{ stage: stageOf(a.stage), period: a.period, quantity: a.quantity }, { stage: stageOf(b.stage), period: b.period, quantity: half }];
    const check = checkSupplyPlan(problem, planFromSheets(await readBack(replanned), problem), false, firm);
    expect(check.violations).toEqual([]);
    // The cards on screen are the saved plan's own measures.
    firstLate.forEach(({ tier }, k) => near(nowLate[k], check.objective.lateness.get(tier)!));
    near(nowCost, check.objective.cost);

    // 2. An order far beyond capacity, Firm, and another order moved a period later: refused at the Quantity cell, nothing written.
    const moved = after.find((r) => r !== rowOf(a) && r !== rowOf(b) && r.period >= 3 && r.period + 3 < problem.horizon && !after.some((x) => x.stage === r.stage && x.period === r.period + 1))!;
    expect(moved).toBeDefined();
    const quantityCell = rowOf(a)!.where.quantity;
    const impossible = path.join(DIR, "impossible.xlsx");
    await editCells(replanned, impossible, SHEET, { [`G${rowNumber(rowOf(a)!)}`]: 1_000_000, [`C${rowNumber(moved)}`]: moved.period + 1 });
    await pane.open(impossible);
    expect(await runSupply(pane)).toBe("invalid");
    const refused = await pane.listed("supply");
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.map((p) => p.where)).toContain(quantityCell);
    expect(refused.find((p) => p.where === quantityCell)!.message).toMatch(new RegExp(`firm order of ${a.stage} in period ${a.period}.*(beyond its capacity|release cap|commitment|ahead of its components)`));
    expect(await pane.cardNumber("supply", "Firm orders that cannot be kept")).toBeGreaterThanOrEqual(1);
    expect(await pane.section("supply").getByText(/Sheets written:/).count()).toBe(0);
    const escaped = quantityCell.replace(/[.*+?^${}()|[\]\\']/g, "\\$&");
    await pane.section("supply").getByRole("button", { name: new RegExp(`^Go to ${escaped}: `) }).first().click();
    await page.getByRole("status").filter({ hasText: `${SHEET}!G${rowNumber(rowOf(a)!)}` }).filter({ hasText: "“1000000”" }).waitFor();
    await pane.shot("refused");
    const refusedSave = path.join(DIR, "refused.xlsx");
    await pane.save(refusedSave);
    expect(await plannedOrders(refusedSave)).toEqual(await plannedOrders(impossible));
    expect(sheetRecords(await readBack(refusedSave), "Supply Plan")).toEqual(sheetRecords(await readBack(impossible), "Supply Plan"));

    // 3. Undo edits (the job's Action): Planned Orders as the last run wrote them (Release period, Quantity, Firm from the Run columns).
    await pane.tab("Supply");
    await pane.section("supply").getByLabel("Action").selectOption("Undo edits");
    expect(await runSupply(pane)).toBe("done");
    expect(await pane.cardNumber("supply", "Rows restored")).toBe(2);
    // The cell shown for the refused run was rewritten: its view is gone.
    expect(await page.getByRole("status").filter({ hasText: "“1000000”" }).count()).toBe(0);
    await pane.shot("undone");
    await pane.save(undone);
    expect((await plannedOrders(undone)).map(orderOf)).toEqual(after.map(orderOf));
    expect(errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  }, LONG);

  testWithSoffice("LibreOffice opens the undone workbook", () => {
    expect(fs.existsSync(undone)).toBe(true);
    const lines = sheetsAsCsv(undone, DIR, 50_000)(SHEET);
    expect(lines[2]).toBe("Stage,Owner,Release period,Release date,Receipt period,Receipt date,Quantity (units),Resource use,Firm,Run Period,Run Quantity,Run Firm");
    expect(lines.filter((l) => l.includes(",yes,")).length).toBe(1);
  }, LONG);
}, { setup: () => { fs.rmSync(DIR, { recursive: true, force: true }); fs.mkdirSync(DIR, { recursive: true }); } });
