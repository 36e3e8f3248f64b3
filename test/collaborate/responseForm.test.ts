// The partner's side without the add-in, as the pane's Respond view does it: open a package, type the
// commitments, check them, write them into the package, and the buyer merges the file with `aps merge`.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { checkEntries, parseFigure } from "../../src/workbook/collaborate/entryChecks";
import { readResponseForm, type CommitmentEntry, type ResponseForm } from "../../src/workbook/collaborate/responseForm";
import { responseName, ResponseWriteError, writeCommitments } from "../../src/workbook/collaborate/responseWriter";
import { REASON_CODES } from "../../src/workbook/collaborate/packageWorkbook";
import { runAps } from "../support/runCli";
import { sheetRecords, sheetRows, tempDir } from "./support";

const EXAMPLES = path.join(__dirname, "../../examples/collaboration");
const PACKAGE = path.join(EXAMPLES, "FrameWorks-package.xlsx");
const LATER = ["--now", "2026-12-03T09:00:00Z", "--user", "ann"];

async function openForm(file: string): Promise<{ bytes: Uint8Array; form: ResponseForm }> {
  const bytes = new Uint8Array(await fs.readFile(file));
  const read = await readResponseForm({ name: path.basename(file), bytes });
  if (read.kind !== "form") throw new Error(`not a form: ${JSON.stringify(read)}`);
  return { bytes, form: read.form };
}

const blank = (stage: string): CommitmentEntry => ({ stage, committedRate: "", committedServiceTime: "", onHand: "", reasonCode: "", comment: "" });

/** Every sheet's values except Commitments, for "nothing issued changed". */
async function issuedValues(file: string): Promise<Record<string, unknown>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const out: Record<string, unknown> = {};
  for (const sheet of workbook.worksheets) if (sheet.name !== "Commitments") out[sheet.name] = await sheetRows(file, sheet.name);
  return out;
}

describe("opening FrameWorks' package to answer it", () => {
  it("gives the package facts, the buyer's requests and one empty entry per requested stage", async () => {
    const { form } = await openForm(PACKAGE);
    expect(form.facts).toEqual({ id: "P-ade3f114-0001", partner: "FrameWorks", version: "1", issued: "2026-12-01T09:00:00Z", deadline: "2026-12-08" });
    expect(form.entries).toEqual([blank("Frame Welding"), blank("Tube Cutting")]);
    expect(form.requests["Frame Welding"]).toEqual({ demandRate: 40, plannedRate: 58.776, serviceTimeAssumed: 0.1539 });
    expect(form.tables.map((t) => t.name)).toEqual(["Requests"]);
    expect(form.reasonCodes).toEqual(REASON_CODES);
  });

  it("says a workbook without Package and Commitments sheets is not a package", async () => {
    const bytes = new Uint8Array(await fs.readFile(path.join(__dirname, "../../examples/supply-chain.xlsx")));
    expect(await readResponseForm({ name: "supply-chain.xlsx", bytes })).toEqual({ kind: "notPackage" });
  });

  it("refuses a package whose Package sheet holds a formula, saying which cell", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(PACKAGE);
    workbook.getWorksheet("Package")!.getCell("B4").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readResponseForm({ name: "edited.xlsx", bytes });
    expect(read.kind).toBe("refused");
    expect(read.kind === "refused" && read.errors[0]).toMatch(/edited\.xlsx: refused: Package!B4 \(Version\) holds a formula/);
  });
});

describe("checking typed commitments", () => {
  const requests = { "Frame Welding": { demandRate: 40, plannedRate: 58.776, serviceTimeAssumed: 0.1539 } };
  const check = (entry: Partial<CommitmentEntry>) => checkEntries([{ ...blank("Frame Welding"), ...entry }], REASON_CODES, requests).map((p) => [p.field, p.severity, p.message]);

  it("reads plain decimals only", () => {
    expect([parseFigure(""), parseFigure(" 12.5 "), parseFigure(".5"), parseFigure("1e2")]).toEqual([null, 12.5, 0.5, 100]);
    expect([parseFigure("-1"), parseFigure("1,5"), parseFigure("12 t"), parseFigure("=1")].every(Number.isNaN)).toBe(true);
  });

  it("accepts the plan's own figures with no reason code", () => {
    expect(check({ committedRate: "58.776", committedServiceTime: "0.1539", onHand: "28" })).toEqual([]);
  });

  it("flags a negative or non-numeric figure as an error in its column", () => {
    expect(check({ committedRate: "-5", onHand: "lots", committedServiceTime: "0.1539" })).toEqual([
      ["committedRate", "error", 'Committed Rate must be 0 or more (got "-5").'],
      ["onHand", "error", 'On Hand must be a number such as 12.5 (got "lots").'],
    ]);
  });

  it("requires a reason code from the list where the answer differs from the request", () => {
    expect(check({ committedServiceTime: "2" })).toEqual([["reasonCode", "error", "Reason Code is required where the commitment differs from the plan's request."]]);
    expect(check({ committedServiceTime: "2", reasonCode: "Bribe" })[0]).toEqual(["reasonCode", "error", expect.stringMatching(/^Reason Code "Bribe" is not one of the list \(As planned, Capacity/)]);
    expect(check({ committedServiceTime: "2", reasonCode: "capacity" })).toEqual([]);
  });

  it("warns about a stage left unanswered, a rate that does not cover demand, and a comment that looks like a formula", () => {
    expect(check({})).toEqual([["committedRate", "warning", "No figure given: the buyer will see this stage as not answered."]]);
    expect(check({ committedRate: "40", reasonCode: "Capacity" })).toEqual([["committedRate", "warning", "Committed Rate 40 does not cover the demand rate 40: the buyer's plan cannot use it."]]);
    expect(check({ onHand: "1", comment: "=HYPERLINK(\"http://x\")" })).toEqual([["comment", "warning", expect.stringMatching(/starts like a formula/)]]);
    expect(check({ onHand: "1", comment: "x".repeat(501) })).toEqual([["comment", "error", "Comment is 501 characters; at most 500."]]);
  });
});

describe("saving the response and merging it at the buyer's", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  it("refuses to write while an entry has an error", async () => {
    const { bytes, form } = await openForm(PACKAGE);
    const entries = [{ ...blank("Frame Welding"), committedRate: "-1" }, blank("Tube Cutting")];
    await expect(writeCommitments(bytes, form, entries)).rejects.toThrow(ResponseWriteError);
    await expect(writeCommitments(bytes, form, entries)).rejects.toThrow(/Not saved: 1 entry needs fixing first \(Frame Welding: Committed Rate must be 0 or more/);
  });

  it("writes only the Commitments cells; aps merge verifies the hash and reconciles the figures", async () => {
    const { bytes, form } = await openForm(PACKAGE);
    const entries: CommitmentEntry[] = [
      { stage: "Frame Welding", committedRate: "55", committedServiceTime: "2", onHand: "20", reasonCode: "Capacity", comment: "=HYPERLINK(\"http://evil\",\"x\")" },
      { stage: "Tube Cutting", committedRate: "200", committedServiceTime: "0", onHand: "160", reasonCode: "As planned", comment: "" },
    ];
    const response = path.join(dir, responseName("FrameWorks-package.xlsx"));
    expect(path.basename(response)).toBe("FrameWorks-package (response).xlsx");
    await fs.writeFile(response, await writeCommitments(bytes, form, entries));
    expect(await issuedValues(response)).toEqual(await issuedValues(PACKAGE));
    expect((await sheetRows(response, "Commitments")).slice(1)).toEqual([
      ["Frame Welding", 55, 2, 20, "Capacity", "=HYPERLINK(\"http://evil\",\"x\")"],
      ["Tube Cutting", 200, 0, 160, "As planned"],
    ]);

    const book = path.join(dir, "bikeco.xlsx");
    await fs.copyFile(path.join(EXAMPLES, "bikeco.xlsx"), book);
    const out = path.join(dir, "merged.xlsx");
    const run = await runAps("merge", book, response, "--out", out, ...LATER);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/FrameWorks: with exceptions \(3 exception\(s\)\), package P-ade3f114-0001/);
    const reconciliation = await sheetRecords(out, "Reconciliation");
    expect(reconciliation.filter((e) => e.Partner === "FrameWorks").map((e) => [e.Stage, e.Figure, e.Severity, e.Committed])).toEqual([
      ["Frame Welding", "Committed Service Time", "warning", 2],
      ["Frame Welding", "Committed Rate", "warning", 55],
      ["Frame Welding", "On Hand", "warning", 20],
    ]);
    const commitments = await sheetRecords(out, "Partner Commitments");
    expect(commitments.find((c) => c.Stage === "Frame Welding")).toMatchObject({ "Committed Rate": 55, "Reason Code": "Capacity", Comment: "'=HYPERLINK(\"http://evil\",\"x\")" });
    expect((await runAps("audit", out)).status).toBe(0);
  });

  it("a commitment of the plan's own figures is accepted, and a saved response reopens as typed", async () => {
    const { bytes, form } = await openForm(PACKAGE);
    const entries: CommitmentEntry[] = [
      { stage: "Frame Welding", committedRate: "58.776", committedServiceTime: "0.1539", onHand: "28", reasonCode: "", comment: "-as asked" },
      { stage: "Tube Cutting", committedRate: "177.0934", committedServiceTime: "0", onHand: "150.6", reasonCode: "As planned", comment: "ok" },
    ];
    const saved = new Uint8Array(await writeCommitments(bytes, form, entries));
    const reopened = await readResponseForm({ name: "again.xlsx", bytes: saved });
    expect(reopened.kind === "form" && reopened.form.entries).toEqual(entries);
    const response = path.join(dir, "accepted.xlsx");
    await fs.writeFile(response, saved);
    const book = path.join(dir, "bikeco-2.xlsx");
    await fs.copyFile(path.join(EXAMPLES, "bikeco.xlsx"), book);
    const run = await runAps("merge", book, response, "--out", path.join(dir, "merged-2.xlsx"), ...LATER);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/FrameWorks: accepted/);
  });
});
