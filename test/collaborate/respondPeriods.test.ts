// The partner's deliveries by period, as the pane's Respond view handles them, in process: FrameWorks'
// package of the supply plan over 26 weeks opens with one entry per requested stage and period (pre-filled
// as the package is), the checks are the merge's own, Save writes Period Commitments and `aps merge` takes them.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { readResponseForm, type ResponseForm } from "../../src/workbook/collaborate/responseForm";
import { ResponseWriteError, writeCommitments } from "../../src/workbook/collaborate/responseWriter";
import { readResponse } from "../../src/workbook/collaborate/responseReader";
import { checkPeriodEntries, parsePeriodQuantity } from "../../src/workbook/collaborate/periodEntry";
import { initialRespond, respondReducer, type RespondAction, type RespondState } from "../../src/taskpane/components/collaborate/respondState";
import { runAps } from "../support/runCli";
import { fillPeriods } from "./periodSupport";
import { sheetRecords, sheetRows, tempDir } from "./support";

jest.setTimeout(120_000);

const SUPPLY_PLAN = path.join(__dirname, "../../examples/supply-plan.xlsx");
const NOW = ["--now", "2027-01-01T10:00:00Z", "--user", "ann"];
const LATER = ["--now", "2027-01-02T09:00:00Z", "--user", "ann"];

let dir: string;
let book: string;
let pkg: string;
let bytes: Uint8Array;
let form: ResponseForm;

beforeAll(async () => {
  dir = await tempDir();
  book = path.join(dir, "bikeco.xlsx");
  pkg = path.join(dir, "FrameWorks-package.xlsx");
  await fs.copyFile(SUPPLY_PLAN, book);
  const run = await runAps("share", book, "--partner", "FrameWorks", "--out", pkg, ...NOW);
  expect(run.status).toBe(0);
  bytes = new Uint8Array(await fs.readFile(pkg));
  const read = await readResponseForm({ name: path.basename(pkg), bytes });
  if (read.kind !== "form") throw new Error(JSON.stringify(read));
  form = read.form;
});

const at = (stage: string, period: number) => form.periods.findIndex((p) => p.stage === stage && p.period === period);

describe("a period package opened to answer", () => {
  it("has one entry per requested stage and period, pre-filled with the buyer's record, and the periods on record after them", () => {
    const welding = form.periods.filter((p) => p.stage === "Frame Welding");
    expect(welding.map((p) => p.period)).toEqual([2, ...Array.from({ length: 22 }, (_, k) => k + 3)]);
    expect(welding[0]).toEqual({ stage: "Frame Welding", period: 2, date: null, requested: null, quantity: "285" });
    expect(welding[1]).toEqual({ stage: "Frame Welding", period: 3, date: "2027-01-18", requested: 285, quantity: "285" });
    expect(welding.find((p) => p.period === 14)).toEqual({ stage: "Frame Welding", period: 14, date: "2027-04-05", requested: 358, quantity: "" });
    const cutting = form.periods.filter((p) => p.stage === "Tube Cutting");
    expect(cutting).toHaveLength(20);
    expect(cutting.every((p) => p.quantity === "" && p.requested !== null)).toBe(true);
    expect(form.stages).toEqual(["Frame Welding", "Tube Cutting"]);
    expect(form.horizon).toBe(24);
  });

  it("checks a quantity with the reader's rule: plain numbers of 0 or more; text and formulas are errors", async () => {
    expect(parsePeriodQuantity(" 120.5 ")).toEqual({ quantity: 120.5 });
    expect(parsePeriodQuantity("")).toEqual({ quantity: null });
    expect(parsePeriodQuantity("-5")).toEqual({ problem: "Quantity -5 is negative: it must be 0 or more." });
    expect(parsePeriodQuantity("=1+1")).toEqual({ problem: "Quantity must be a number such as 120 (got \"=1+1\")." });
    expect(parsePeriodQuantity("1,000")).toHaveProperty("problem");
    // The same negative quantity typed in Excel is what the merge's reader refuses, with the same words.
    const excel = path.join(dir, "negative.xlsx");
    await fillPeriods(pkg, excel, [{ stage: "Frame Welding", period: 14, quantity: -5 }]);
    const read = await readResponse({ name: "negative.xlsx", bytes: new Uint8Array(await fs.readFile(excel)) });
    if (!read.ok) throw new Error(read.errors.join("\n"));
    expect(read.response.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/: Quantity -5 is negative and is not read\.$/));
  });

  it("reports what the merge will: each shortfall by stage and period, and a stage left without any answer", () => {
    const periods = form.periods.map((p, k) => (k === at("Frame Welding", 14) ? { ...p, quantity: "300" } : p));
    const problems = checkPeriodEntries(periods, "FrameWorks", form.stages, form.horizon);
    expect(problems).toEqual([
      { row: at("Frame Welding", 14), stage: "Frame Welding", period: 14, severity: "warning", message: "FrameWorks, stage \"Frame Welding\", period 14 (2027-04-05): commits 300, 58 (16.2011 %) short of the 358 requested." },
      { row: at("Tube Cutting", 4), stage: "Tube Cutting", period: 4, severity: "warning", message: "FrameWorks sent no period commitment for stage \"Tube Cutting\" (20 requested period(s)): the plan keeps assuming the requested receipts." },
    ]);
  });
});

describe("the Respond view's state with deliveries by period", () => {
  const run = (...actions: RespondAction[]): RespondState => actions.reduce(respondReducer, initialRespond);

  it("shows the first stage, switches stage, re-checks each edit once checked", () => {
    const opened = run({ type: "fileChosen", name: "p.xlsx", bytes: new Uint8Array() }, { type: "formLoaded", form });
    expect(opened.periodStage).toBe("Frame Welding");
    expect(respondReducer(opened, { type: "periodStageChosen", stage: "Tube Cutting" }).periodStage).toBe("Tube Cutting");
    expect(respondReducer(opened, { type: "periodStageChosen", stage: "Paint Shop" }).periodStage).toBe("Frame Welding");
    const typed = respondReducer(opened, { type: "periodEdited", row: at("Tube Cutting", 5), value: "-1" });
    expect(typed.periodProblems).toBeNull();
    expect(form.periods[at("Tube Cutting", 5)].quantity).toBe("");
    const checked = respondReducer(typed, { type: "checked" });
    expect(checked.periodProblems!.filter((p) => p.severity === "error")).toEqual([
      { row: at("Tube Cutting", 5), stage: "Tube Cutting", period: 5, severity: "error", message: "Quantity -1 is negative: it must be 0 or more." },
    ]);
    expect(checked.notice?.text).toMatch(/^Checked: 1 error to fix before saving/);
    const fixed = respondReducer(checked, { type: "periodEdited", row: at("Tube Cutting", 5), value: "800" });
    expect(fixed.periodProblems!.some((p) => p.severity === "error")).toBe(false);
    expect(fixed.periodProblems!.map((p) => p.message)).toContainEqual(expect.stringMatching(/Tube Cutting", period 5 \(2027-02-01\): commits 800, 55 .* short of the 855 requested/));
  });
});

describe("saving deliveries by period and merging them", () => {
  it("refuses while a quantity has an error", async () => {
    const periods = form.periods.map((p, k) => (k === at("Tube Cutting", 5) ? { ...p, quantity: "lots" } : p));
    await expect(writeCommitments(bytes, form, form.entries, periods)).rejects.toThrow(ResponseWriteError);
    await expect(writeCommitments(bytes, form, form.entries, periods)).rejects.toThrow(/Tube Cutting, period 5: Quantity must be a number/);
  });

  it("writes the two periods into Period Commitments, leaves every issued value, and aps merge takes them with their shortfalls", async () => {
    const periods = form.periods.map((p, k) => (k === at("Frame Welding", 14) ? { ...p, quantity: "300" } : k === at("Tube Cutting", 5) ? { ...p, quantity: "800" } : p));
    const response = path.join(dir, "FrameWorks-package (response).xlsx");
    await fs.writeFile(response, await writeCommitments(bytes, form, form.entries, periods));
    const rows = (await sheetRows(response, "Period Commitments")).slice(1).filter((r) => r[2] !== null && r[2] !== undefined);
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ...Array.from({ length: 11 }, (_, k) => ["Frame Welding", k + 3, 285]), ["Frame Welding", 14, 300], ["Tube Cutting", 5, 800], ["Frame Welding", 2, 285],
    ]);
    for (const sheet of ["Package", "Requests", "Period Requests"]) expect(await sheetRows(response, sheet)).toEqual(await sheetRows(pkg, sheet));

    const out = path.join(dir, "merged.xlsx");
    const merged = await runAps("merge", book, response, "--out", out, ...LATER);
    expect(merged.stderr).toBe("");
    expect(merged.status).toBe(0);
    expect(merged.stdout).toMatch(/Frame Welding", period 14 \(2027-04-05\): commits 300, 58 \(16\.2011 %\) short of the 358 requested/);
    expect(merged.stdout).toMatch(/Tube Cutting", period 5 \(2027-02-01\): commits 800, 55 \(6\.43275 %\) short of the 855 requested/);
    const shortfalls = (await sheetRecords(out, "Reconciliation")).filter((r) => r.Figure === "Period Commitment" && r.Period !== null);
    expect(shortfalls.map((r) => [r.Partner, r.Stage, r.Period, r.Planned, r.Committed, r.Difference])).toEqual([
      ["FrameWorks", "Frame Welding", 14, 358, 300, -58],
      ["FrameWorks", "Tube Cutting", 5, 855, 800, -55],
    ]);
    const taken = (await sheetRecords(out, "Period Commitments")).map((r) => [r.Stage, r.Period, r.Quantity]);
    expect(taken).toContainEqual(["Frame Welding", 14, 300]);
    expect(taken).toContainEqual(["Tube Cutting", 5, 800]);

    // The saved response reopens with its quantities; saving it again with one cleared blanks that cell only.
    const again = await readResponseForm({ name: path.basename(response), bytes: new Uint8Array(await fs.readFile(response)) });
    if (again.kind !== "form") throw new Error(JSON.stringify(again));
    expect(again.form.periods).toEqual(periods);
    const cleared = again.form.periods.map((p, k) => (k === at("Tube Cutting", 5) ? { ...p, quantity: " " } : p));
    const second = path.join(dir, "second.xlsx");
    await fs.writeFile(second, await writeCommitments(new Uint8Array(await fs.readFile(response)), again.form, again.form.entries, cleared));
    const secondRows = (await sheetRows(second, "Period Commitments")).slice(1);
    expect(secondRows.find((r) => r[0] === "Tube Cutting" && r[1] === 5)?.[2] ?? null).toBeNull();
    expect(secondRows.find((r) => r[0] === "Frame Welding" && r[1] === 14)?.[2]).toBe(300);
  });
});
