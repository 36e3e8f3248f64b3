// The package as a file: built from nothing, values only, text never a formula, validation on every
// Commitments column, neutral document properties; the leak check's own findings; customer packages.

import ExcelJS from "exceljs";
import JSZip from "jszip";
import { memoryPort } from "../../src/workbook/jobs/memoryPort";
import { findPackageLeaks } from "../../src/workbook/collaborate/leakCheck";
import { shareWithPartner } from "../../src/workbook/collaborate/share";
import { neutraliseText } from "../../src/workbook/collaborate/safeText";
import { table } from "./support";

const STAGES = ["Id", "Owner", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Service Cost", "Penalty Cost", "Max Service Time", "External Inbound Time"];

/** BikeCo-like book: a retailer buys from the buyer's assembly; a supplier "=Mill" (a formula-like id) feeds it. */
function book() {
  return {
    Stages: table("Stages", STAGES, [
      ["Assembly", "BikeCo", 20, 6, 1.5, 4.125, 2, 25, 2, null],
      ["=Mill", "MillCo", null, null, 2, 0.375, 1.5, 12, null, 1],
      ["Store", "Retailer", 15, 4, 0.5, 3.875, 1, 9, 0, null],
    ]),
    Arcs: table("Arcs", ["From", "To", "Quantity"], [["=Mill", "Assembly", 2], ["Assembly", "Store", 1]]),
    Settings: table("Settings", ["Name", "Value"], [["Buyer", "BikeCo"]]),
  };
}

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const entry of Object.values(zip.files)) if (!entry.dir) out[entry.name] = await entry.async("string");
  return out;
}

describe("a supplier's package", () => {
  it("has Read Me, Package, Requests and a Commitments table validated on every column, and nothing else", async () => {
    const outcome = await shareWithPartner(memoryPort(book()), { partner: "MillCo", now: "2026-12-01T10:00:00Z", user: "ann", newWorkbookId: "feedfacecafebeef" });
    if (!outcome.ok) throw new Error(outcome.errors.join());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(outcome.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Read Me", "Package", "Requests", "Commitments"]);
    expect(workbook.worksheets.every((s) => s.state === "visible")).toBe(true);
    // The formula-like stage id is text (Text format), not a formula.
    const cell = workbook.getWorksheet("Requests")!.getCell("A2");
    expect(cell.value).toBe("=Mill");
    expect(cell.numFmt).toBe("@");
    const xml = await parts(outcome.bytes);
    const sheets = Object.entries(xml).filter(([name]) => /worksheets\/sheet\d+\.xml$/.test(name)).map(([, x]) => x).join("");
    expect(sheets).not.toMatch(/<f[\s>]/);
    const commitments = xml[Object.keys(xml).find((n) => /sheet4\.xml$/.test(n))!];
    for (const column of ["A", "B", "C", "D", "E", "F"]) expect(commitments).toMatch(new RegExp(`sqref="${column}2:${column}2"`));
    expect(commitments).toMatch(/type="list"[^>]*sqref="E2:E2"/);
    expect(xml["xl/tables/table1.xml"]).toMatch(/name="Commitments"/);
    // Document properties are neutral: nothing names the buyer or its workbook.
    expect(xml["docProps/core.xml"]).toMatch(/<dc:creator>APS for Excel<\/dc:creator>/);
    expect(Object.values(xml).join("")).not.toMatch(/BikeCo|Retailer|Store|4\.125|3\.875|0\.375/);
  });

  it("refuses, in the leak check, a part off the allow-list, a hidden sheet, another partner's id and a cost", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Requests").getCell("A1").value = "Store";
    const hidden = workbook.addWorksheet("Costs");
    hidden.state = "hidden";
    hidden.getCell("A1").value = 4.125;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/comments1.xml", "<comments/>");
    const leaky = await zip.generateAsync({ type: "uint8array" });
    const findings = await findPackageLeaks(leaky, { forbiddenText: ["Store"], forbiddenNumbers: [4.125], allowedText: [], allowedNumbers: [] });
    const messages = findings.map((f) => f.message).join("\n");
    expect(messages).toMatch(/part "xl\/comments1.xml" is not one a package may hold/);
    expect(messages).toMatch(/a sheet is hidden/);
    expect(messages).toMatch(/holds "Store"/);
    expect(messages).toMatch(/holds the number 4\.125/);
  });

  it("does not mistake a partner's own value for a leak when another's figure happens to equal it", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Requests").getCell("A1").value = 40;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await findPackageLeaks(bytes, { forbiddenText: [], forbiddenNumbers: [40], allowedText: [], allowedNumbers: [40] })).toEqual([]);
  });
});

describe("a customer's package (sales collaboration)", () => {
  it("holds the lead time promised to it and the plan's delivery figures, never a cost", async () => {
    const outcome = await shareWithPartner(memoryPort(book()), { partner: "Retailer", now: "2026-12-01T10:00:00Z", user: "ann", newWorkbookId: "feedfacecafebeef" });
    if (!outcome.ok) throw new Error(outcome.errors.join());
    expect(outcome.package.role).toBe("customer");
    const promises = outcome.package.tables.find((t) => t.name === "Promises")!;
    const [row] = promises.rows;
    expect([row[0], row[1], row[2], row[4]]).toEqual(["Store", "Assembly", 1, 0.95]);
    // Assembly's committed service time: within its maximum of 2, rounded to 4 decimals.
    expect(row[3] as number).toBeGreaterThan(0);
    expect(row[3] as number).toBeLessThanOrEqual(2);
    const delivery = outcome.package.tables.find((t) => t.name === "Delivery")!;
    expect(delivery.rows[0]).toEqual(["Longest promised lead time to you", row[3]]);
    const xml = Object.values(await parts(outcome.bytes)).join("");
    expect(xml).not.toMatch(/MillCo|=Mill|4\.125|3\.875|0\.375/);
  });
});

describe("neutraliseText", () => {
  it("puts an apostrophe before text a spreadsheet could take for a formula (OWASP)", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "plain"].map(neutraliseText)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx", "plain"]);
  });
});
