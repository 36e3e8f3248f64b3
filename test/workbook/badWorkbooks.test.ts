// Bad workbooks through `aps plan`: one clear message each, naming sheet, row and column;
// exit status 2; and no output file written.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runAps } from "../support/runCli";

const STAGE_HEADERS = ["Id", "Owner", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Order Cost", "Max Service Time"];
const STAGE_ROWS: unknown[][] = [
  ["Assembly", "Buyer", 20, 6, 1.5, 4, 300, 2],
  ["Casting", "SupplierA", null, null, 4, 0.5, 200, null],
];
const ARC_HEADERS = ["From", "To", "Quantity"];
const ARC_ROWS: unknown[][] = [["Casting", "Assembly", 1]];

let folder: string;
beforeAll(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), "aps-bad-")); });
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

async function workbookFile(name: string, tables: { sheet: string; table: string; headers: string[]; rows: unknown[][] }[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const t of tables) {
    const sheet = workbook.getWorksheet(t.sheet) ?? workbook.addWorksheet(t.sheet);
    sheet.addTable({ name: t.table, ref: "B2", headerRow: true, columns: t.headers.map((h) => ({ name: h })), rows: t.rows });
  }
  const file = path.join(folder, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

async function expectRefused(file: string, message: string | RegExp): Promise<void> {
  const out = file.replace(/\.xlsx$/, ".out.xlsx");
  const run = await runAps("plan", file, "--out", out);
  expect(run.status).toBe(2);
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(2); // the message, then "1 input error(s); nothing was written."
  expect(lines[0]).toMatch(message);
  expect(fs.existsSync(out)).toBe(false);
}

describe("aps plan on a bad workbook", () => {
  it("plans the good workbook these are made from", async () => {
    const file = await workbookFile("good.xlsx", [
      { sheet: "Network", table: "Stages", headers: STAGE_HEADERS, rows: STAGE_ROWS },
      { sheet: "Network2", table: "Arcs", headers: ARC_HEADERS, rows: ARC_ROWS },
    ]);
    const out = path.join(folder, "good.out.xlsx");
    const run = await runAps("plan", file, "--out", out);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
  });

  it("a missing Stages table", async () => {
    const file = await workbookFile("missing.xlsx", [{ sheet: "Network", table: "Arcs", headers: ARC_HEADERS, rows: ARC_ROWS }]);
    await expectRefused(file, /missing\.xlsx: The workbook has no "Stages" table/);
  });

  it("a misspelt header, with the column it likely meant", async () => {
    const headers = STAGE_HEADERS.map((h) => (h === "Holding Cost" ? "Holdng Cost" : h));
    const file = await workbookFile("misspelt.xlsx", [
      { sheet: "Network", table: "Stages", headers, rows: STAGE_ROWS },
      { sheet: "Links", table: "Arcs", headers: ARC_HEADERS, rows: ARC_ROWS },
    ]);
    await expectRefused(file, /misspelt\.xlsx: Network!G2: column "Holdng Cost" is not a column of the Stages table; did you mean "Holding Cost"\?/);
  });

  it("text in a number column, named by its cell", async () => {
    const rows = STAGE_ROWS.map((r) => [...r]);
    rows[1][5] = "cheap";
    const file = await workbookFile("text.xlsx", [
      { sheet: "Network", table: "Stages", headers: STAGE_HEADERS, rows },
      { sheet: "Links", table: "Arcs", headers: ARC_HEADERS, rows: ARC_ROWS },
    ]);
    await expectRefused(file, /text\.xlsx: Network!G4: Holding Cost must be a number \(got text "cheap"\)\./);
  });

  it("a cycle, named by the arc row that closes it", async () => {
    const file = await workbookFile("cycle.xlsx", [
      { sheet: "Network", table: "Stages", headers: STAGE_HEADERS, rows: STAGE_ROWS },
      { sheet: "Links", table: "Arcs", headers: ARC_HEADERS, rows: [...ARC_ROWS, ["Assembly", "Casting", 1]] },
    ]);
    await expectRefused(file, /cycle\.xlsx: Links!B4:D4: The arcs form a cycle \((Casting → Assembly, Assembly → Casting|Assembly → Casting, Casting → Assembly)\)/);
  });

  it("an arc to an unknown stage, named by its cell", async () => {
    const file = await workbookFile("unknown.xlsx", [
      { sheet: "Network", table: "Stages", headers: STAGE_HEADERS, rows: STAGE_ROWS },
      { sheet: "Links", table: "Arcs", headers: ARC_HEADERS, rows: [["Forging", "Assembly", 1]] },
    ]);
    await expectRefused(file, /unknown\.xlsx: Links!B3: Arc from "Forging" is not a stage of the network\./);
  });

  it("a file that is not a workbook", async () => {
    const file = path.join(folder, "broken.xlsx");
    fs.writeFileSync(file, "not a zip");
    const run = await runAps("plan", file, "--out", path.join(folder, "broken.out.xlsx"));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${file}: not an .xlsx workbook (password-protected, or another format renamed?).\n`);
  });

  it("never writes over its input", async () => {
    const file = await workbookFile("same.xlsx", [{ sheet: "Network", table: "Stages", headers: STAGE_HEADERS, rows: STAGE_ROWS }]);
    const before = fs.readFileSync(file);
    const run = await runAps("plan", file, "--out", file);
    expect(run.status).toBe(2);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
