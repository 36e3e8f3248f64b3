// The collaboration round trip on the BikeCo example, through the `aps` command in-process: share
// with FrameWorks and GearTech, fill the packages as the suppliers would (ExcelJS), merge, audit.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runAps } from "../support/runCli";
import { fillPackage, putSheet, sheetRecords, sheetRows, tempDir } from "./support";

const EXAMPLE = path.join(__dirname, "../../examples/supply-chain.xlsx");
const NOW = ["--now", "2026-12-01T10:00:00Z", "--user", "ann"];
const LATER = ["--now", "2026-12-03T09:00:00Z", "--user", "ann"];

async function sharedBook(dir: string, edit?: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const book = path.join(dir, "book.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(EXAMPLE);
  edit?.(workbook);
  await workbook.xlsx.writeFile(book);
  for (const partner of ["FrameWorks", "GearTech"]) {
    const run = await runAps("share", book, "--partner", partner, "--out", path.join(dir, `${partner}.xlsx`), ...NOW);
    expect(run).toMatchObject({ status: 0, stderr: "" });
  }
  return book;
}

describe("aps share → fill → aps merge → aps audit on examples/supply-chain.xlsx", () => {
  let dir: string;
  let book: string;
  beforeAll(async () => {
    dir = await tempDir();
    book = await sharedBook(dir);
  });

  it("records both shares in the buyer's workbook and the package holds what docs/formats.md §9 fixes", async () => {
    const shares = await sheetRecords(book, "Shares");
    expect(shares.map((s) => [s.Partner, s.Version, s.Stages])).toEqual([["FrameWorks", 1, 2], ["GearTech", 1, 2]]);
    expect(String(shares[0].Hash)).toMatch(/^[0-9a-f]{64}$/);
    const pkg = path.join(dir, "FrameWorks.xlsx");
    const fields = Object.fromEntries((await sheetRows(pkg, "Package")).slice(1).map(([k, v]) => [k, v]));
    expect(fields).toMatchObject({ Id: shares[0].Package, Version: 1, Partner: "FrameWorks", Issued: "2026-12-01T10:00:00Z", Deadline: "2026-12-08", Hash: shares[0].Hash });
    expect((await sheetRows(pkg, "Commitments"))[0]).toEqual(["Stage", "Committed Rate", "Committed Service Time", "On Hand", "Reason Code", "Comment"]);
    expect((await sheetRecords(pkg, "Requests")).map((r) => r.Stage)).toEqual(["Frame Welding", "Tube Cutting"]);
    const audit = await runAps("audit", book);
    expect(audit).toMatchObject({ status: 0 });
    expect(audit.stdout).toMatch(/2 row\(s\) are intact/);
  });

  it("merges FrameWorks' answer: the expected exceptions, the re-plan around its committed S, and the audit rows", async () => {
    const response = path.join(dir, "fw-answer.xlsx");
    await fillPackage(path.join(dir, "FrameWorks.xlsx"), response, {
      "Frame Welding": { rate: 55, serviceTime: 2, onHand: 20, reason: "Capacity", comment: "=HYPERLINK(\"http://evil\",\"x\")" },
      "Tube Cutting": { rate: 200, serviceTime: 0, onHand: 160, reason: "As planned" },
    });
    const out = path.join(dir, "merged.xlsx");
    const run = await runAps("merge", book, response, "--out", out, ...LATER);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/FrameWorks: with exceptions \(3 exception\(s\)\)/);
    const exceptions = await sheetRecords(out, "Reconciliation");
    const figures = exceptions.filter((e) => e.Partner === "FrameWorks").map((e) => [e.Stage, e.Figure, e.Severity]);
    expect(figures).toEqual([
      ["Frame Welding", "Committed Service Time", "warning"],
      ["Frame Welding", "Committed Rate", "warning"],
      ["Frame Welding", "On Hand", "warning"],
    ]);
    const rate = exceptions.find((e) => e.Figure === "Committed Rate")!;
    expect(rate.Committed).toBe(55);
    expect(rate.Difference as number).toBeCloseTo(55 - (rate.Planned as number), 9);
    expect(rate["Difference %"] as number).toBeCloseTo((100 * (55 - (rate.Planned as number))) / (rate.Planned as number), 9);
    // Re-plan: Frame Welding's S is the committed 2 and its rate the committed 55.
    const replan = await sheetRecords(out, "Re-plan");
    const welding = replan.find((r) => r.Stage === "Frame Welding")!;
    expect(welding["Service Time After"]).toBe(2);
    expect(welding["Rate After"]).toBe(55);
    const paint = replan.find((r) => r.Stage === "Paint Shop")!;
    expect(paint["Safety Stock After"] as number).toBeGreaterThan(paint["Safety Stock Before"] as number);
    const summary = await sheetRecords(out, "Re-plan Summary");
    expect(summary.map((s) => s.Figure)).toEqual(["Lead time to customer", "Safety-stock cost", "Inventory holding cost", "Cycle time"]);
    // The partner's comment is text, never a formula, in the buyer's workbook.
    const commitments = await sheetRecords(out, "Partner Commitments");
    expect(commitments.find((c) => c.Stage === "Frame Welding")!.Comment).toBe("'=HYPERLINK(\"http://evil\",\"x\")");
    // Audit: the two shares unchanged, then merge, accept and re-plan rows; the chain verifies.
    const before = await sheetRows(book, "Audit");
    const after = await sheetRows(out, "Audit");
    expect(after.slice(0, before.length)).toEqual(before);
    const actions = after.slice(before.length).map((r) => r[3]);
    expect(actions[0]).toBe("merge");
    expect(actions.filter((a) => a === "accept")).toHaveLength(6);
    expect(actions).toContain("re-plan");
    expect((await runAps("audit", out)).status).toBe(0);
    const collaboration = await sheetRecords(out, "Collaboration");
    expect(collaboration.map((c) => [c.Partner, c.Status])).toEqual([["FrameWorks", "with exceptions"], ["GearTech", "issued"]]);
  });

  it("merges GearTech after FrameWorks (one after the other): FrameWorks' commitments stay in the plan", async () => {
    const response = path.join(dir, "gt-answer.xlsx");
    await fillPackage(path.join(dir, "GearTech.xlsx"), response, { "Gear Machining": { serviceTime: 0 }, "Heat Treatment": { serviceTime: 1 } });
    const out2 = path.join(dir, "merged2.xlsx");
    const run = await runAps("merge", path.join(dir, "merged.xlsx"), response, "--out", out2, ...LATER);
    expect(run.status).toBe(0);
    const collaboration = await sheetRecords(out2, "Collaboration");
    expect(collaboration.map((c) => [c.Partner, c.Status])).toEqual([["FrameWorks", "with exceptions"], ["GearTech", "accepted"]]);
    const replan = await sheetRecords(out2, "Re-plan");
    const welding = replan.find((r) => r.Stage === "Frame Welding")!;
    expect([welding["Service Time Before"], welding["Service Time After"]]).toEqual([2, 2]);
    expect((await runAps("audit", out2)).status).toBe(0);
  });

  it("reports a customer promise that can no longer be kept: GearTech commits 3 for Heat Treatment, whose customers are promised 1", async () => {
    const response = path.join(dir, "gt-late.xlsx");
    await fillPackage(path.join(dir, "GearTech.xlsx"), response, { "Heat Treatment": { serviceTime: 3, rate: 130 } });
    const out = path.join(dir, "merged-late.xlsx");
    const run = await runAps("merge", book, response, "--out", out, ...LATER);
    expect(run.status).toBe(0);
    const promise = (await sheetRecords(out, "Reconciliation")).find((e) => e.Figure === "Customer Promise")!;
    expect(promise).toMatchObject({ Severity: "error", Stage: "Heat Treatment", Planned: 1, Committed: 3, Difference: 2 });
    expect(String(promise.Message)).toMatch(/can no longer be kept/);
    // At the promise's own cell in the buyer's Stages: Heat Treatment's Max Service Time.
    const stages = new ExcelJS.Workbook();
    await stages.xlsx.readFile(book);
    const sheet = stages.getWorksheet("Stages")!;
    let column = 0, row = 0;
    sheet.eachRow((r, n) => r.eachCell((c, k) => {
      if (c.value === "Max Service Time") column = k;
      if (c.value === "Heat Treatment") row = n;
    }));
    expect(promise.Where).toBe(`Stages!${sheet.getColumn(column).letter}${row}`);
  });
});

describe("a commitment within the partner's tolerance is accepted", () => {
  it("accepts S one day longer and a rate 5 % lower when Tolerances allow 1 day and 10 %", async () => {
    const dir = await tempDir();
    const book = await sharedBook(dir, (workbook) => putSheet(workbook, "Tolerances", ["Partner", "Time", "Quantity %"], [["FrameWorks", 1, 10]]));
    const requests = await sheetRecords(path.join(dir, "FrameWorks.xlsx"), "Requests");
    const welding = requests.find((r) => r.Stage === "Frame Welding")!;
    const response = path.join(dir, "answer.xlsx");
    await fillPackage(path.join(dir, "FrameWorks.xlsx"), response, {
      "Frame Welding": { rate: (welding["Planned Rate"] as number) * 0.95, serviceTime: (welding["Service Time Assumed"] as number) + 1, onHand: welding["Safety Stock"] as number },
      "Tube Cutting": { rate: 500, serviceTime: 0 },
    });
    const out = path.join(dir, "out.xlsx");
    const run = await runAps("merge", book, response, "--out", out, ...LATER);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/FrameWorks: accepted \(0 exception\(s\)\)/);
    const exceptions = (await sheetRecords(out, "Reconciliation")).filter((e) => e.Partner === "FrameWorks");
    expect(exceptions.map((e) => e.Severity)).toEqual(["info", "info"]);
    expect(exceptions.every((e) => /accepted/.test(String(e.Message)))).toBe(true);
    expect((await sheetRecords(out, "Collaboration")).find((c) => c.Partner === "FrameWorks")!.Status).toBe("accepted");
  });
});

describe("where aps share records the share", () => {
  it("with --book-out: in the copy, BOOK untouched; with --partner \"*\": a package for every partner in the folder", async () => {
    const dir = await tempDir();
    const book = path.join(dir, "book.xlsx");
    await fs.copyFile(EXAMPLE, book);
    const before = await fs.readFile(book);
    const copy = path.join(dir, "book-shared.xlsx");
    const run = await runAps("share", book, "--partner", "*", "--out", path.join(dir, "packages"), "--book-out", copy, ...NOW);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(Buffer.compare(await fs.readFile(book), before)).toBe(0);
    expect((await fs.readdir(path.join(dir, "packages"))).sort()).toEqual([expect.stringMatching(/^FrameWorks-P-\w+-0001\.xlsx$/), expect.stringMatching(/^GearTech-P-\w+-0002\.xlsx$/)]);
    expect((await sheetRecords(copy, "Shares")).map((s) => s.Partner)).toEqual(["FrameWorks", "GearTech"]);
    // The input tables are written back as they were read.
    expect(await sheetRows(copy, "Stages")).toEqual(await sheetRows(book, "Stages"));
  });

  it("refuses to rewrite in place a workbook holding parts ExcelJS would drop (a chart), and names --book-out", async () => {
    const dir = await tempDir();
    const zip = await JSZip.loadAsync(await fs.readFile(EXAMPLE));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    const book = path.join(dir, "charted.xlsx");
    await fs.writeFile(book, await zip.generateAsync({ type: "uint8array" }));
    const before = await fs.readFile(book);
    const run = await runAps("share", book, "--partner", "FrameWorks", "--out", path.join(dir, "fw.xlsx"), ...NOW);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/charted\.xlsx: holds xl\/charts\/chart1\.xml, which rewriting it would lose; record the share in a copy with --book-out FILE/);
    expect(Buffer.compare(await fs.readFile(book), before)).toBe(0);
  });
});
