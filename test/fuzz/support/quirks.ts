// Generated workbooks with one of Excel's own quirks in an otherwise good network (issue 20): a
// table's totals row, a formula without a saved value, a date where a number belongs, two ids that
// differ only in Unicode form, a Settings name given twice or misspelt. Each knows what a right answer
// says, so the properties check the message and its cell, not only the exit status.

import ExcelJS from "exceljs";
import fc from "fast-check";

export type QuirkKind = "totals row" | "formula without value" | "date in a number column" | "unicode twins" | "setting twice" | "misspelt setting";

export interface QuirkCase {
  kind: QuirkKind;
  /** Stages S1…Sn in a chain, S1 with demand. */
  stages: number;
  /** As an Excel table (ListObject) or a plain sheet; the header's sheet row. */
  asTable: boolean;
  top: number;
  /** The data row (0-based) and number column (1-4) the quirk sits in, where it sits in one cell. */
  row: number;
  column: number;
}

const HEADERS = ["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost"];
export const QUIRK_KINDS: QuirkKind[] = ["totals row", "formula without value", "date in a number column", "unicode twins", "setting twice", "misspelt setting"];

export const quirkCase: fc.Arbitrary<QuirkCase> = fc.record({
  kind: fc.constantFrom(...QUIRK_KINDS),
  stages: fc.integer({ min: 2, max: 4 }),
  asTable: fc.boolean(),
  top: fc.constantFrom(1, 2, 3),
  row: fc.nat(3),
  column: fc.integer({ min: 1, max: 4 }),
}).map((c) => ({ ...c, row: c.row % c.stages, asTable: c.kind === "totals row" ? true : c.asTable }));

const letters = (column: number) => String.fromCharCode(64 + column);

/** The sheet cell (A1) of a data cell of the Stages block. */
export function stagesCell(c: QuirkCase, row: number, column: number): string {
  return `Stages!${letters(column + 1)}${c.top + 1 + row}`;
}

/** The ids of the stages: S1…Sn, or for the twins case the last one typed as the first in NFD. */
export function stageIds(c: QuirkCase): string[] {
  const ids = Array.from({ length: c.stages }, (_, i) => `S${i + 1}`);
  if (c.kind === "unicode twins") {
    ids[0] = "Caf\u00e9";
    ids[c.stages - 1] = "Cafe\u0301";
  }
  return ids;
}

/** The .xlsx bytes of the case. */
export async function quirkWorkbook(c: QuirkCase): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Stages");
  const ids = stageIds(c);
  const rows: ExcelJS.CellValue[][] = ids.map((id, i) => [id, i === 0 ? 10 : null, i === 0 ? 2 : null, 1 + (i % 3), 0.5 + i]);
  if (c.asTable) {
    sheet.addTable({
      name: "Stages", ref: `A${c.top}`, headerRow: true, totalsRow: c.kind === "totals row",
      columns: HEADERS.map((name, k) => (k === 0 ? { name, totalsRowLabel: "Total" } : { name, totalsRowFunction: "sum" as const })),
      rows,
    });
  } else {
    HEADERS.forEach((h, k) => { sheet.getCell(c.top, k + 1).value = h; });
    rows.forEach((row, r) => row.forEach((v, k) => { if (v !== null) sheet.getCell(c.top + 1 + r, k + 1).value = v; }));
  }
  const cell = sheet.getCell(c.top + 1 + c.row, c.column + 1);
  if (c.kind === "formula without value") cell.value = { formula: `${letters(c.column + 1)}${c.top}*1` } as ExcelJS.CellFormulaValue;
  if (c.kind === "date in a number column") cell.value = new Date(Date.UTC(2024, 0, 2));
  const arcs = workbook.addWorksheet("Arcs");
  arcs.addRow(["From", "To"]);
  for (let i = 1; i < ids.length; i++) arcs.addRow([ids[i], ids[i - 1]]);
  const settings = workbook.addWorksheet("Settings");
  settings.addRow(["Name", "Value"]);
  settings.addRow(["periodsPerYear", 365]);
  if (c.kind === "setting twice") settings.addRow(["Periods Per Year", 52]);
  if (c.kind === "misspelt setting") settings.addRow(["placementMethd", "auto"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** What the answer to the case must say: exit 0 with exactly these stages, or exit 2 with this text. */
export function expectedAnswer(c: QuirkCase): { status: 0; stages: string[] } | { status: 2; says: string } {
  const header = HEADERS[c.column];
  switch (c.kind) {
    case "totals row": return { status: 0, stages: stageIds(c) };
    case "formula without value": return { status: 2, says: `${stagesCell(c, c.row, c.column)}: ${header} holds a formula with no saved value` };
    case "date in a number column": return { status: 2, says: `${stagesCell(c, c.row, c.column)}: ${header} holds the date 2024-01-02, not a number` };
    case "unicode twins": return { status: 2, says: `${stagesCell(c, c.stages - 1, 0)}: Stage "Caf\u00e9" is listed twice (also on stage row 1): the two ids look the same but their letters are encoded differently` };
    case "setting twice": return { status: 2, says: 'Settings!A3: setting "Periods Per Year" is given twice (also in Settings!A2); keep one row.' };
    case "misspelt setting": return { status: 2, says: 'Settings!A3: setting "placementMethd" is not known; did you mean "placementMethod"?' };
  }
}

/** Bytes that are no workbook at all: empty, a CSV, an OLE file (a password-protected workbook), text. */
export const notWorkbookBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.constant(new Uint8Array(0)),
  fc.array(fc.array(fc.oneof(fc.integer({ min: -9, max: 999 }).map(String), fc.constantFrom("Id", "Demand Rate", "A", "")), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
    .map((rows) => new TextEncoder().encode(rows.map((r) => r.join(",")).join("\n"))),
  fc.uint8Array({ maxLength: 64 }).map((tail) => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...tail])),
  fc.string({ maxLength: 40 }).filter((t) => !t.startsWith("PK")).map((t) => new TextEncoder().encode(t)),
);

/** A history quantity past the limit (1e12 per period), as JSON writes it, and where it goes. */
export const hugeHistory = fc.record({
  values: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 3, maxLength: 10 }),
  at: fc.nat(20),
  huge: fc.constantFrom("1e13", "1e300", "-1e300", "1.5e12", "1e999", "-1e999"),
}).map(({ values, at, huge }) => ({ at: at % values.length, huge, text: `{"format":"aps-history/1","series":[{"id":"A","values":[${values.map((v, k) => (k === at % values.length ? huge : String(v))).join(",")}]}]}` }));

/** A partner's answer past the plan's limits: which stage row (0, 1), which column (Committed Rate 2, Service Time 3) and the figure. */
export const hugeCommitment = fc.record({
  row: fc.nat(1),
  column: fc.constantFrom(2, 3),
  value: fc.constantFrom(1e13, 5e12, 1e300, 2e6, 1e7),
});

/** The Stages headers of examples/supply-chain.xlsx a Private Columns entry may name. */
export const PRIVATE_CANDIDATES = ["Holding Cost", "Order Cost", "Backorder Cost", "Service Cost", "Penalty Cost", "External Inbound Time", "Processing Time"];

/** A Stages header misspelt as hurried typing does: a letter dropped, doubled or two swapped. */
export const misspeltHeader = fc.record({ header: fc.constantFrom(...PRIVATE_CANDIDATES), at: fc.nat(40), how: fc.constantFrom("drop", "double", "swap") })
  .map(({ header, at, how }) => {
    const k = 1 + (at % (header.length - 2));
    const typed = how === "drop" ? header.slice(0, k) + header.slice(k + 1) : how === "double" ? header.slice(0, k) + header[k] + header.slice(k) : header.slice(0, k) + header[k + 1] + header[k] + header.slice(k + 2);
    return { header, typed };
  })
  .filter(({ header, typed }) => typed.toLowerCase().replace(/\s+/g, "") !== header.toLowerCase().replace(/\s+/g, ""));

/** A quirk in another command's table: Operations (aps schedule) or Demand History (aps forecast). */
export interface TableQuirkCase {
  table: "Operations" | "Demand History";
  kind: "totals row" | "formula without value" | "date in a number column" | "unicode twins";
  asTable: boolean;
  /** The data row (0-based) of the quirk. */
  row: number;
}

export const tableQuirkCase: fc.Arbitrary<TableQuirkCase> = fc.record({
  table: fc.constantFrom<TableQuirkCase["table"]>("Operations", "Demand History"),
  kind: fc.constantFrom<TableQuirkCase["kind"]>("totals row", "formula without value", "date in a number column", "unicode twins"),
  asTable: fc.boolean(),
  row: fc.nat(3),
}).map((c) => ({ ...c, asTable: c.kind === "totals row" ? true : c.asTable }));

const OPERATIONS = { headers: ["Job", "Step", "Machine", "Duration"], number: 3, rows: () => [["Caf\u00e9", 0, "Saw", 3], ["Caf\u00e9", 1, "Lathe", 2], ["Tea", 0, "Lathe", 4], ["Tea", 1, "Saw", 1]] as ExcelJS.CellValue[][] };
const HISTORY = { headers: ["Stage", "Period", "Quantity"], number: 2, rows: () => Array.from({ length: 8 }, (_, t) => [t % 2 === 0 ? "Caf\u00e9" : "Tea", 1 + Math.floor(t / 2), 10 + t]) as ExcelJS.CellValue[][] };

/** The .xlsx bytes of a table quirk case: the table on a sheet of its name, header in row 1. */
export async function tableQuirkWorkbook(c: TableQuirkCase): Promise<Uint8Array> {
  const spec = c.table === "Operations" ? OPERATIONS : HISTORY;
  const rows = spec.rows();
  if (c.kind === "unicode twins") rows[c.row][0] = String(rows[c.row][0]).normalize("NFD");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(c.table);
  if (c.asTable) {
    sheet.addTable({
      name: c.table.replace(/ /g, ""), ref: "A1", headerRow: true, totalsRow: c.kind === "totals row",
      columns: spec.headers.map((name, k) => (k === 0 ? { name, totalsRowLabel: "Total" } : { name, totalsRowFunction: "sum" as const })), rows,
    });
  } else {
    sheet.addRow(spec.headers);
    for (const row of rows) sheet.addRow(row);
  }
  const cell = sheet.getCell(2 + c.row, spec.number + 1);
  if (c.kind === "formula without value") cell.value = { formula: "A1*1" } as ExcelJS.CellFormulaValue;
  if (c.kind === "date in a number column") cell.value = new Date(Date.UTC(2024, 0, 2));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** What the answer must say: exit 0 (the totals row and the twins read as data would not be), or exit 2 naming the cell. */
export function tableQuirkAnswer(c: TableQuirkCase): { status: 0 } | { status: 2; says: string } {
  const sheet = c.table === "Operations" ? "Operations" : "'Demand History'";
  const column = c.table === "Operations" ? "D" : "C";
  const field = c.table === "Operations" ? "Duration" : "Quantity";
  if (c.kind === "formula without value") return { status: 2, says: `${sheet}!${column}${2 + c.row}: ${field} holds a formula with no saved value` };
  if (c.kind === "date in a number column") return { status: 2, says: `${sheet}!${column}${2 + c.row}: ${field} holds the date 2024-01-02, not a number` };
  return { status: 0 };
}
