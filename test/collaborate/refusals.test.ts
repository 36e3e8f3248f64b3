// Every refusal of `aps merge` (exit 2, nothing written, the buyer's workbook byte-for-byte unchanged),
// each with a message that says what differs; and `aps audit` on an edited, inserted or deleted row.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runAps } from "../support/runCli";
import { fillPackage, tempDir } from "./support";

const EXAMPLE = path.join(__dirname, "../../examples/supply-chain.xlsx");
const NOW = ["--now", "2026-12-01T10:00:00Z", "--user", "ann"];
const LATER = ["--now", "2026-12-03T09:00:00Z", "--user", "ann"];

let dir: string;
let book: string;
let pkg: string;

async function share(file: string, partner: string, out: string) {
  const run = await runAps("share", file, "--partner", partner, "--out", out, ...NOW);
  expect(run.status).toBe(0);
}

/** Merges and expects a refusal naming `pattern`, with the book unchanged and no output written. */
async function expectRefused(response: string, pattern: RegExp, into = book): Promise<void> {
  const before = await fs.readFile(into);
  const out = path.join(dir, `out-${path.basename(response)}`);
  const run = await runAps("merge", into, response, "--out", out, ...LATER);
  expect(run.stderr).toMatch(pattern);
  expect(run.status).toBe(2);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr).toContain(path.basename(response));
  expect(Buffer.compare(await fs.readFile(into), before)).toBe(0);
  await expect(fs.access(out)).rejects.toThrow();
}

beforeAll(async () => {
  dir = await tempDir();
  book = path.join(dir, "book.xlsx");
  await fs.copyFile(EXAMPLE, book);
  pkg = path.join(dir, "fw.xlsx");
  await share(book, "FrameWorks", pkg);
});

describe("aps merge refuses", () => {
  it("a response whose issued values were changed, naming the cell and both values", async () => {
    const response = path.join(dir, "tampered.xlsx");
    await fillPackage(pkg, response, { "Frame Welding": { serviceTime: 1 } }, (wb) => {
      wb.getWorksheet("Requests")!.getCell("D2").value = 99;
    });
    await expectRefused(response, /issued values were changed.*Requests row 2 Planned Rate: issued [\d.]+, now 99/);
  });

  it("a response whose Package sheet holds an injected formula", async () => {
    const response = path.join(dir, "formula.xlsx");
    await fillPackage(pkg, response, {}, (wb) => {
      wb.getWorksheet("Package")!.getCell("B4").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    });
    await expectRefused(response, /Package!B4 \(Version\) holds a formula/);
  });

  it("a response to an older plan version once the plan changed and was shared again", async () => {
    const changed = path.join(dir, "book-v2.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const stages = workbook.getWorksheet("Stages")!;
    let demandColumn = 0;
    stages.getRow(1).eachCell((cell, c) => { if (cell.value === "Demand Rate") demandColumn = c; });
    stages.getCell(2, demandColumn).value = 45;
    await workbook.xlsx.writeFile(changed);
    const response = path.join(dir, "old.xlsx");
    await fillPackage(pkg, response, { "Frame Welding": { serviceTime: 1 } });
    await expectRefused(response, /the plan changed since package P-\w+-0001 \(version 1\) was issued/, changed);
    await share(changed, "FrameWorks", path.join(dir, "fw-v2.xlsx"));
    await expectRefused(response, /answers plan version 1, but FrameWorks's current package P-\w+-0002 is of version 2/, changed);
  });

  it("a package of another workbook", async () => {
    const other = path.join(dir, "other-book.xlsx");
    await fs.copyFile(EXAMPLE, other);
    const otherPkg = path.join(dir, "other-fw.xlsx");
    await share(other, "FrameWorks", otherPkg);
    const response = path.join(dir, "foreign.xlsx");
    await fillPackage(otherPkg, response, { "Frame Welding": { serviceTime: 1 } });
    await expectRefused(response, /a package of another workbook \(workbook "\w+"; this workbook is \w+\)/);
  });

  it("a package whose partner was changed to another partner's name", async () => {
    const response = path.join(dir, "partner.xlsx");
    await fillPackage(pkg, response, {}, (wb) => { wb.getWorksheet("Package")!.getCell("B5").value = "GearTech"; });
    await expectRefused(response, /issued to FrameWorks, but the response names "GearTech"/);
  });

  it("a 50 MB file, before reading it", async () => {
    const big = path.join(dir, "big.xlsx");
    const handle = await fs.open(big, "w");
    await handle.truncate(50 * 1024 * 1024);
    await handle.close();
    // The general .xlsx limit (docs/errors.md) is checked first, before the response limit of 10 MB.
    await expectRefused(big, /the file is 50 MiB; aps reads .xlsx files of at most 32 MiB/);
  });

  it("a zip bomb, from the zip's declared sizes, before ExcelJS loads it", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/worksheets/sheet1.xml", new Uint8Array(8 * 1024 * 1024));
    const bomb = path.join(dir, "bomb.xlsx");
    await fs.writeFile(bomb, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
    await expectRefused(bomb, /inflates \d+ times \(a zip bomb\?\)/);
  });

  it("a damaged file and a file that is not a workbook", async () => {
    const bytes = await fs.readFile(pkg);
    const damaged = path.join(dir, "damaged.xlsx");
    await fs.writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(damaged, /damaged/);
    const text = path.join(dir, "notes.xlsx");
    await fs.writeFile(text, "hello");
    await expectRefused(text, /not an \.xlsx workbook/);
  });
});

describe("aps merge reads only plain values from a response", () => {
  it("reports a formula, a hyperlink, rich text and an error value and never copies them", async () => {
    const response = path.join(dir, "cells.xlsx");
    await fillPackage(pkg, response, {
      "Frame Welding": { rate: { formula: "A1*2", result: 80 } as ExcelJS.CellFormulaValue, serviceTime: { text: "1", hyperlink: "http://x" } as ExcelJS.CellHyperlinkValue },
      "Tube Cutting": { onHand: { error: "#N/A" } as ExcelJS.CellErrorValue, comment: { richText: [{ text: "bold" }] } as ExcelJS.CellRichTextValue },
    });
    const out = path.join(dir, "cells-out.xlsx");
    const run = await runAps("merge", book, response, "--out", out, ...LATER);
    expect(run.status).toBe(0);
    for (const what of ["a formula", "a hyperlink", "an error value \\(#N/A\\)", "rich text"]) expect(run.stdout).toMatch(new RegExp(`holds ${what}, which is not read`));
    const xml = await (await JSZip.loadAsync(await fs.readFile(out))).file(/worksheets\/sheet\d+\.xml$/).reduce(async (acc, f) => (await acc) + (await f.async("string")), Promise.resolve(""));
    expect(xml).not.toMatch(/<f>A1\*2<\/f>|http:\/\/x/);
  });
});

describe("aps audit", () => {
  async function tamper(edit: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
    const base = path.join(dir, "audited.xlsx");
    const response = path.join(dir, "ok.xlsx");
    await fillPackage(pkg, response, { "Frame Welding": { serviceTime: 1 } });
    await runAps("merge", book, response, "--out", base, ...LATER);
    expect((await runAps("audit", base)).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(base);
    edit(workbook.getWorksheet("Audit")!);
    const file = path.join(dir, `tampered-${Math.random().toString(36).slice(2)}.xlsx`);
    await workbook.xlsx.writeFile(file);
    return file;
  }
  it("finds an edited row and names it", async () => {
    const file = await tamper((sheet) => { sheet.getCell(4, 11).value = 0.5; });
    const run = await runAps("audit", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Audit!A4: the audit trail is broken\. Audit row 3: its hash does not match its content/);
  });
  it("finds an inserted row", async () => {
    const file = await tamper((sheet) => { sheet.insertRow(3, (sheet.getRow(3).values as ExcelJS.CellValue[]).slice(1)); });
    const run = await runAps("audit", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Audit!A4:.*inserted or removed/);
  });
  it("finds a deleted row, and a deleted last row", async () => {
    const middle = await tamper((sheet) => { sheet.spliceRows(3, 1); });
    expect((await runAps("audit", middle)).stderr).toMatch(/Audit!A3:.*broken/);
    const last = await tamper((sheet) => { sheet.spliceRows(sheet.rowCount, 1); });
    const run = await runAps("audit", last);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/recorded in Collaboration!\w+, is missing/);
  });
  it("refuses to merge into a workbook whose audit trail is broken", async () => {
    const file = await tamper((sheet) => { sheet.getCell(2, 3).value = "mallory"; });
    const response = path.join(dir, "ok2.xlsx");
    await fillPackage(pkg, response, { "Frame Welding": { serviceTime: 1 } });
    const run = await runAps("merge", file, response, "--out", path.join(dir, "never.xlsx"), ...LATER);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/the audit trail is broken/);
  });
});
