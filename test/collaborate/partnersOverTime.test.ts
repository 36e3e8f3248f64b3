// Partners over time (issue 17 item 7, MODEL.md §8 with §11): a buyer with a supply plan shares each
// partner its Period Requests; the partner fills Period Commitments in plain Excel (ExcelJS); the merge
// turns every shortfall into an exception by partner, stage and period, writes the buyer's Period
// Commitments and re-plans with them. Through the `aps` command, in process.

import * as path from "node:path";
import { readBookContext } from "../../src/workbook/collaborate/bookContext";
import { readCollaborationStatus, STATUS_TABLES } from "../../src/workbook/collaborate/collaborationStatus";
import { memoryPort } from "../../src/workbook/jobs/memoryPort";
import { runSupplyPlan } from "../../src/workbook/collaborate/supplyRun";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { loadHighs } from "../supply/loadHighs";
import { runAps } from "../support/runCli";
import { allXml, EXAMPLE, fillPeriods, writeSupplyBook } from "./periodSupport";
import { putSheet, sheetRecords, sheetRows, tempDir } from "./support";

const NOW = ["--now", "2027-01-01T10:00:00Z", "--user", "ann"];
const LATER = ["--now", "2027-01-02T09:00:00Z", "--user", "ann"];

jest.setTimeout(120_000);

let dir: string;
let book: string;
const fw = () => path.join(dir, "FrameWorks.xlsx");
const gt = () => path.join(dir, "GearTech.xlsx");

beforeAll(async () => {
  dir = await tempDir();
  book = path.join(dir, "book.xlsx");
  await writeSupplyBook(book);
  for (const [partner, out] of [["FrameWorks", fw()], ["GearTech", gt()]]) {
    const run = await runAps("share", book, "--partner", partner, "--out", out, ...NOW);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/period request\(s\)/);
  }
});

describe("aps share of a workbook with a supply plan", () => {
  it("issues the planned receipts of the partner's own stages, period by period, with their dates", async () => {
    const requests = await sheetRecords(fw(), "Period Requests");
    // Final Assembly needs 40 in periods 5-8; each stage one period of lead time: Frame Welding delivers in 3-6, Tube Cutting (3 per frame) in 2-5.
    expect(requests).toEqual([
      ...[3, 4, 5, 6].map((t) => ({ Stage: "Frame Welding", Period: t, Date: ["2027-01-18", "2027-01-25", "2027-02-01", "2027-02-08"][t - 3], Quantity: 40 })),
      ...[2, 3, 4, 5].map((t) => ({ Stage: "Tube Cutting", Period: t, Date: ["2027-01-11", "2027-01-18", "2027-01-25", "2027-02-01"][t - 2], Quantity: 120 })),
    ]);
    const table = await sheetRows(fw(), "Period Commitments");
    expect(table[0]).toEqual(["Stage", "Period", "Quantity"]);
    expect(table.slice(1, 9).map((r) => [r[0], r[1], r[2] ?? null])).toEqual(requests.map((r) => [r.Stage, r.Period, null]));
    const xml = await allXml(fw());
    expect(/<dataValidation type="whole"[^>]*sqref="B2:B\d+"><formula1>1<\/formula1><formula2>8<\/formula2>/.test(xml)).toBe(true);
    expect(/<dataValidation type="decimal"[^>]*error="Quantity: a number of 0 or more."[^>]*sqref="C2:C\d+"/.test(xml)).toBe(true);
  });

  it("leaks nothing of the other partner or the buyer's private figures", async () => {
    const xml = await allXml(fw());
    for (const secret of ["GearTech", "Gear Machining", "Heat Treatment", "Paint Shop"]) expect(xml).not.toContain(secret);
    const gear = await sheetRecords(gt(), "Period Requests");
    expect(new Set(gear.map((r) => r.Stage))).toEqual(new Set(["Gear Machining", "Heat Treatment"]));
    const gearXml = await allXml(gt());
    for (const secret of ["FrameWorks", "Frame Welding", "Tube Cutting"]) expect(gearXml).not.toContain(secret);
    // Tube Cutting's 120 a period is FrameWorks' figure: never in GearTech's package (its own are 80).
    expect(gearXml).not.toMatch(/<v>120<\/v>/);
    expect(xml).not.toMatch(/<f[\s>]/);
  });

  it("leaves the package of a workbook without a supply plan as it was", async () => {
    const plain = path.join(dir, "plain.xlsx");
    const { promises: fs } = await import("node:fs");
    await fs.copyFile(EXAMPLE, plain);
    const pkg = path.join(dir, "plain-fw.xlsx");
    expect((await runAps("share", plain, "--partner", "FrameWorks", "--out", pkg, ...NOW)).status).toBe(0);
    expect(await sheetRows(pkg, "Period Requests")).toEqual([]);
    expect(await sheetRows(pkg, "Period Commitments")).toEqual([]);
  });
});

describe("aps merge of Period Commitments", () => {
  it("turns each shortfall into an exception by partner, stage and period, writes the buyer's Period Commitments and re-plans with them", async () => {
    const response = path.join(dir, "fw-answer.xlsx");
    await fillPeriods(fw(), response, [
      { stage: "Frame Welding", period: 4, quantity: 25 },
      { stage: "Tube Cutting", period: 5, quantity: 100 },
    ]);
    const out = path.join(dir, "merged.xlsx");
    const run = await runAps("merge", book, response, "--out", out, ...LATER);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Frame Welding", period 4 \(2027-01-25\): commits 25, 15 \(37\.5 %\) short of the 40 requested/);
    expect(run.stdout).toMatch(/Tube Cutting", period 5 \(2027-02-01\): commits 100, 20 \(16\.6667 %\) short of the 120 requested/);
    expect(run.stdout).toMatch(/Supply cost: /);
    const reconciliation = (await sheetRecords(out, "Reconciliation")).filter((r) => r.Figure === "Period Commitment" && r.Period !== null);
    expect(reconciliation.map((r) => [r.Severity, r.Partner, r.Stage, r.Period, r.Planned, r.Committed, r.Difference])).toEqual([
      ["warning", "FrameWorks", "Frame Welding", 4, 40, 25, -15],
      ["warning", "FrameWorks", "Tube Cutting", 5, 120, 100, -20],
    ]);
    expect(String(reconciliation[0].Where)).toMatch(/fw-answer\.xlsx 'Period Commitments'!C\d+/);
    expect((await sheetRecords(out, "Period Commitments")).map((r) => [r.Stage, r.Period, r.Quantity])).toEqual([
      ["Frame Welding", 4, 25], ["Tube Cutting", 5, 100],
    ]);
    const audit = await sheetRecords(out, "Audit");
    expect(audit.filter((r) => String(r.Figure).startsWith("Period Commitment")).map((r) => [r.Action, r.Stage, r.Figure, r.Before, r.After]))
      .toEqual([["accept", "Frame Welding", "Period Commitment 4", 40, 25], ["accept", "Tube Cutting", "Period Commitment 5", 120, 100]]);
    expect(audit.some((r) => r.Action === "re-plan" && String(r.Figure).startsWith("Supply"))).toBe(true);
    expect((await runAps("audit", out)).status).toBe(0);

    // The re-plan keeps to the commitments: Frame Welding receives at most 25 in period 4 and Tube Cutting 100 in
    // period 5; the plan makes up for both a period earlier, so no customer waits (the cost goes up).
    expect(run.stdout).toMatch(/Supply lateness, tier 1 \(unit-periods\): 0 → 0/);
    const context = await readBookContext(await openXlsxWorkbook(out));
    if (!context.ok) throw new Error(context.errors.join("\n"));
    const replanned = await runSupplyPlan(context.context.supply!, await loadHighs());
    if (!replanned.ok) throw new Error(replanned.errors.join("\n"));
    const welding = replanned.result.stages.find((s) => s.id === "Frame Welding")!;
    const receipt = (t: number) => welding.periods[t - 2].release;
    expect(receipt(4)).toBeLessThanOrEqual(25 + 1e-6);
    expect(replanned.result.objective.lateness[0].value).toBeCloseTo(0, 6);
    expect(receipt(3) + receipt(4)).toBeCloseTo(80, 6);
    const cutting = replanned.result.stages.find((s) => s.id === "Tube Cutting")!;
    expect(cutting.periods[3].release).toBeLessThanOrEqual(100 + 1e-6);
    // The merge wrote the re-planned supply sheets: Planned Orders receives 25 Frame Welding units in period 4.
    const orders = await sheetRows(out, "Planned Orders");
    const head = orders.findIndex((r) => r[0] === "Stage");
    const welding4 = orders.slice(head + 1).filter((r) => r[0] === "Frame Welding" && r[4] === 4);
    expect(welding4.map((r) => r[6])).toEqual([25]);
    expect(run.stdout).toMatch(/Period Commitments, Supply Plan, Resource Load, Planned Orders, Demand Fulfilment, Reconciliation/);
    const cost = /Supply cost: ([\d.]+) → ([\d.]+)/.exec(run.stdout)!;
    expect(Number(cost[2])).toBeGreaterThan(Number(cost[1]));
  });

  it("merges GearTech after FrameWorks (one after the other): both answers stay in Period Commitments, neither makes the other stale", async () => {
    const response = path.join(dir, "gt-answer.xlsx");
    const gear = await sheetRecords(gt(), "Period Requests");
    const first = gear[0];
    await fillPeriods(gt(), response, [{ stage: first.Stage, period: first.Period, quantity: (first.Quantity as number) - 1 }]);
    const out = path.join(dir, "merged-2.xlsx");
    const run = await runAps("merge", path.join(dir, "merged.xlsx"), response, "--out", out, ...LATER);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`"${first.Stage}", period ${first.Period} \\(${first.Date}\\): commits ${(first.Quantity as number) - 1}, 1 `));
    expect((await sheetRecords(out, "Period Commitments")).map((r) => [r.Stage, r.Period, r.Quantity])).toEqual([
      ["Frame Welding", 4, 25], ["Tube Cutting", 5, 100], [first.Stage, first.Period, (first.Quantity as number) - 1],
    ]);
    expect((await runAps("audit", out)).status).toBe(0);
    // The pane's status panel reads the supply tables too, so both answers stay reconciled with the plan they answer.
    const pane = memoryPort(Object.fromEntries(await Promise.all(STATUS_TABLES.map(async (name) => [name, await (await openXlsxWorkbook(out)).readTable(name)] as const))));
    const status = await readCollaborationStatus(pane, "2027-01-02T10:00:00Z");
    expect(status.live).toBe(true);
    expect(status.rows.map((r) => [r.partner, r.status])).toEqual([["FrameWorks", "with exceptions"], ["GearTech", "with exceptions"]]);
  });

  it("pre-fills what the buyer has on record from the partner, and replaces the partner's rows of the buyer's own Period Commitments sheet in place", async () => {
    const own = path.join(dir, "own-book.xlsx");
    await writeSupplyBook(own, (workbook) => putSheet(workbook, "Period Commitments", ["Stage", "Period", "Quantity"], [["Paint Shop", 8, 50], ["Frame Welding", 6, 45]]));
    const pkg = path.join(dir, "own-fw.xlsx");
    expect((await runAps("share", own, "--partner", "FrameWorks", "--out", pkg, ...NOW)).status).toBe(0);
    // What the buyer has on record from FrameWorks is pre-filled (not issued: FrameWorks may change it).
    expect((await sheetRecords(pkg, "Period Commitments")).filter((r) => r.Quantity !== null)).toEqual([{ Stage: "Frame Welding", Period: 6, Quantity: 45 }]);
    const response = path.join(dir, "own-fw-answer.xlsx");
    await fillPeriods(pkg, response, [{ stage: "Frame Welding", period: 5, quantity: 39 }]);
    const out = path.join(dir, "own-merged.xlsx");
    const run = await runAps("merge", own, response, "--out", out, ...LATER);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect((await sheetRecords(out, "Period Commitments")).map((r) => [r.Stage, r.Period, r.Quantity])).toEqual([["Paint Shop", 8, 50], ["Frame Welding", 5, 39], ["Frame Welding", 6, 45]]);
    expect(await sheetRows(out, "Period Commitments (2)")).toEqual([]);
  });

  it("names the customers the re-plan serves late because of a commitment (why late), by partner and stage", async () => {
    const response = path.join(dir, "fw-zero.xlsx");
    await fillPeriods(fw(), response, [{ stage: "Frame Welding", period: 3, quantity: 0 }]);
    const out = path.join(dir, "merged-late.xlsx");
    const run = await runAps("merge", book, response, "--out", out, ...LATER);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Supply lateness, tier 1 \(unit-periods\): 0 → [1-9]/);
    const late = (await sheetRecords(out, "Reconciliation")).filter((r) => r.Figure === "Late Demand");
    expect(late.length).toBeGreaterThan(0);
    expect(late[0]).toMatchObject({ Severity: "info", Partner: "FrameWorks", Stage: "Frame Welding" });
    expect(String(late[0].Message)).toMatch(/^Final Assembly for Shop, due in period 5: .* late after the re-plan: Frame Welding's supplier commitment is used up/);
  });

  it("reads cell by cell as Commitments does: formulas, other stages, periods outside the horizon and negative quantities are reported and not taken", async () => {
    const response = path.join(dir, "gt-bad.xlsx");
    await fillPeriods(gt(), response, [
      { stage: "Gear Machining", period: 3, quantity: { formula: "1+1", result: 2 } },
      { stage: "Frame Welding", period: 4, quantity: 10 },
      { stage: "Gear Machining", period: 99, quantity: 10 },
      { stage: "Heat Treatment", period: 5, quantity: -4 },
      { stage: "Heat Treatment", period: 6, quantity: 80 },
    ]);
    const out = path.join(dir, "merged-bad.xlsx");
    const run = await runAps("merge", book, response, "--out", out, ...LATER);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/'Period Commitments'!C\d+ holds a formula, which is not read/);
    expect(run.stdout).toMatch(/committed for stage "Frame Welding", which is not in the package; the row is ignored/);
    expect(run.stdout).toMatch(/period 99 is outside the plan's horizon 1\.\.8; the row is ignored/);
    expect(run.stdout).toMatch(/Quantity -4 is negative and is not read/);
    expect((await sheetRecords(out, "Period Commitments")).map((r) => [r.Stage, r.Period, r.Quantity])).toEqual([["Heat Treatment", 6, 80]]);
  });

  it("refuses a response whose Period Requests were changed, naming nothing written", async () => {
    const response = path.join(dir, "fw-tampered.xlsx");
    await fillPeriods(fw(), response, [{ stage: "Frame Welding", period: 3, quantity: 40 }], (workbook) => {
      workbook.getWorksheet("Period Requests")!.getCell(2, 4).value = 4;
    });
    const out = path.join(dir, "never.xlsx");
    const run = await runAps("merge", book, response, "--out", out, ...LATER);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refused: issued values were changed/);
    expect(run.stderr).toMatch(/Period Requests row 2 Quantity: issued 40, now 4/);
    const { existsSync } = await import("node:fs");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses an answer once the buyer's Demands changed since the share (the supply tables are part of the plan)", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const changed = path.join(dir, "changed-book.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    workbook.getWorksheet("Demands")!.getCell(2, 3).value = 41;
    await workbook.xlsx.writeFile(changed);
    const response = path.join(dir, "fw-stale.xlsx");
    await fillPeriods(fw(), response, [{ stage: "Frame Welding", period: 4, quantity: 40 }]);
    const run = await runAps("merge", changed, response, "--out", path.join(dir, "never-3.xlsx"), ...LATER);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refused: the plan changed since package/);
  });

  it("refuses a response to a package with Period Requests whose Period Commitments sheet was removed", async () => {
    const response = path.join(dir, "fw-no-periods.xlsx");
    await fillPeriods(fw(), response, [], (workbook) => workbook.removeWorksheet(workbook.getWorksheet("Period Commitments")!.id));
    const run = await runAps("merge", book, response, "--out", path.join(dir, "never-2.xlsx"), ...LATER);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/fw-no-periods\.xlsx: refused: it has Period Requests but no Period Commitments sheet/);
  });
});
