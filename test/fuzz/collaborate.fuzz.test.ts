// Fuzz test of `aps share`, `aps merge` and `aps audit` in-process: over 10,000 generated bad inputs
// (argument vectors, garbage and damaged files, mutated responses — Period Commitments of a supply
// plan's package included — and audit trails) must give exit 0
// or 2, never a stack trace, and name the file when a file is at fault. fast-check prints the seed.

import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { writeSupplyBook } from "../collaborate/periodSupport";

interface Run { status: number; out: string }

async function aps(args: string[]): Promise<Run> {
  let out = "";
  const status = await main(args, { stdout: (t) => { out += t; }, stderr: (t) => { out += t; } });
  return { status, out };
}

function expectClean(run: Run, files: string[] = []): void {
  expect([0, 2]).toContain(run.status);
  expect(run.out).not.toMatch(/\n\s+at /);
  expect(run.out).not.toMatch(/internal error/);
  if (run.status === 2 && files.length > 0) expect(files.some((f) => run.out.includes(path.basename(f)))).toBe(true);
}

let dir: string;
let book: string;
let pkg: string;
let pkgBytes: Uint8Array;
let counter = 0;
const next = (ext: string) => path.join(dir, `f${counter++}${ext}`);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "aps-collab-fuzz-"));
  book = path.join(dir, "book.xlsx");
  await fs.copyFile(path.join(__dirname, "../../examples/supply-chain.xlsx"), book);
  pkg = path.join(dir, "fw.xlsx");
  const shared = await aps(["share", book, "--partner", "FrameWorks", "--out", pkg, "--now", "2026-12-01T10:00:00Z", "--user", "fuzz"]);
  expect(shared.status).toBe(0);
  pkgBytes = new Uint8Array(await fs.readFile(pkg));
  await fs.writeFile(path.join(dir, "garbage.xlsx"), "not a workbook");
  await fs.writeFile(path.join(dir, "empty.xlsx"), "");
  await fs.mkdir(path.join(dir, "folder.xlsx"));
}, 60_000);

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("aps share / merge / audit fuzz", () => {
  it("argument vectors: usage errors and missing, empty, garbage files or folders (8,100 cases)", async () => {
    const files = () => fc.constantFrom("missing.xlsx", "garbage.xlsx", "empty.xlsx", "folder.xlsx", "x.json", "out.xlsx", "book.csv").map((f) => path.join(dir, f));
    const token = fc.oneof(
      fc.constantFrom("--partner", "--out", "--book-out", "--deadline", "--now", "--user", "--help", "--bogus", "-x", "--", "FrameWorks", "2026-13-45", "yesterday"),
      files(), fc.string({ maxLength: 12 }),
    );
    await fc.assert(fc.asyncProperty(fc.constantFrom("share", "merge", "audit"), fc.array(token, { maxLength: 7 }), async (command, args) => {
      expectClean(await aps([command, ...args]));
    }), { numRuns: 8100 });
  }, 120_000);

  it("garbage, random-zip, truncated and bit-flipped responses to a real workbook (2,000 cases)", async () => {
    const randomZip = fc.array(fc.tuple(fc.constantFrom("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "a.bin", "docProps/app.xml"), fc.string({ maxLength: 60 })), { maxLength: 4 })
      .map((entries) => ({ kind: "zip" as const, entries }));
    const garbage = fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ kind: "bytes" as const, bytes }));
    const withHeader = fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ kind: "bytes" as const, bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]) }));
    const truncated = fc.integer({ min: 0, max: 1_000_000 }).map((cut) => ({ kind: "cut" as const, cut }));
    const flipped = fc.array(fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }).map((flips) => ({ kind: "flip" as const, flips }));
    await fc.assert(fc.asyncProperty(fc.oneof({ arbitrary: garbage, weight: 3 }, { arbitrary: withHeader, weight: 3 }, { arbitrary: randomZip, weight: 3 }, { arbitrary: truncated, weight: 1 }, { arbitrary: flipped, weight: 1 }), async (input) => {
      let bytes: Uint8Array;
      if (input.kind === "bytes") bytes = input.bytes;
      else if (input.kind === "zip") {
        const zip = new JSZip();
        for (const [name, text] of input.entries) zip.file(name, text);
        bytes = await zip.generateAsync({ type: "uint8array" });
      } else if (input.kind === "cut") bytes = pkgBytes.subarray(0, input.cut % pkgBytes.length);
      else {
        bytes = new Uint8Array(pkgBytes);
        for (const [at, x] of input.flips) bytes[at % bytes.length] ^= x;
      }
      const response = next(".xlsx");
      await fs.writeFile(response, bytes);
      const out = next(".xlsx");
      const run = await aps(["merge", book, response, "--out", out, "--now", "2026-12-02T10:00:00Z"]);
      expectClean(run, [response, book]);
      await fs.rm(response, { force: true });
      await fs.rm(out, { force: true });
    }), { numRuns: 2000 });
  }, 240_000);

  it("responses filled with anything a spreadsheet cell can hold, and edited issued values (100 .xlsx cases)", async () => {
    const cellValue = fc.oneof(
      fc.double({ noNaN: false }), fc.integer({ min: -1e6, max: 1e6 }), fc.string({ maxLength: 30 }), fc.string({ maxLength: 700 }),
      fc.constantFrom("=1+1", "+SUM(A1)", "-2", "@x", "\tx", "Capacity", "Frame Welding", "Tube Cutting", "Gear Machining", ""),
      fc.constant({ formula: "1+1", result: 2 }), fc.constant({ error: "#DIV/0!" }), fc.constant({ richText: [{ text: "r" }] }),
      fc.constant({ text: "t", hyperlink: "http://x" }), fc.boolean(), fc.date({ min: new Date(0), max: new Date(4e12) }), fc.constant(null),
    );
    const edit = fc.record({
      sheet: fc.constantFrom("Commitments", "Commitments", "Commitments", "Requests", "Package"),
      row: fc.integer({ min: 1, max: 6 }), column: fc.integer({ min: 1, max: 8 }), value: cellValue,
    });
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(pkgBytes as unknown as ArrayBuffer);
      for (const e of edits) {
        const sheet = workbook.getWorksheet(e.sheet)!;
        sheet.getCell(e.row, e.column).value = e.value as ExcelJS.CellValue;
      }
      const response = next(".xlsx");
      await workbook.xlsx.writeFile(response);
      const out = next(".xlsx");
      expectClean(await aps(["merge", book, response, "--out", out, "--now", "2026-12-02T10:00:00Z"]), [response, book]);
    }), { numRuns: 100 });
  }, 240_000);

  it("Period Commitments and Period Requests of a supply plan's package filled with anything a cell can hold (25 .xlsx cases)", async () => {
    const supplyBook = path.join(dir, "supply-book.xlsx");
    await writeSupplyBook(supplyBook);
    const supplyPkg = path.join(dir, "supply-fw.xlsx");
    expect((await aps(["share", supplyBook, "--partner", "FrameWorks", "--out", supplyPkg, "--now", "2027-01-01T10:00:00Z", "--user", "fuzz"])).status).toBe(0);
    const cellValue = fc.oneof(
      fc.double({ noNaN: false }), fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -2, max: 12 }), fc.string({ maxLength: 30 }),
      fc.constantFrom("=1+1", "-2", "@x", "Frame Welding", "Tube Cutting", "Gear Machining", "2027-01-18", ""),
      fc.constant({ formula: "1+1", result: 2 }), fc.constant({ error: "#N/A" }), fc.constant({ richText: [{ text: "r" }] }),
      fc.boolean(), fc.date({ min: new Date(0), max: new Date(4e12) }), fc.constant(null),
    );
    const edit = fc.record({
      sheet: fc.constantFrom("Period Commitments", "Period Commitments", "Period Commitments", "Period Requests"),
      row: fc.integer({ min: 1, max: 14 }), column: fc.integer({ min: 1, max: 5 }), value: cellValue,
    });
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(supplyPkg);
      for (const e of edits) workbook.getWorksheet(e.sheet)!.getCell(e.row, e.column).value = e.value as ExcelJS.CellValue;
      const response = next(".xlsx");
      await workbook.xlsx.writeFile(response);
      const out = next(".xlsx");
      expectClean(await aps(["merge", supplyBook, response, "--out", out, "--now", "2027-01-02T10:00:00Z"]), [response, supplyBook]);
    }), { numRuns: 25 });
  }, 240_000);

  it("audit trails with edited cells (40 .xlsx cases)", async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 16 }), fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)), async (row, column, value) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(book);
      workbook.getWorksheet("Audit")!.getCell(row, column).value = value;
      const file = next(".xlsx");
      await workbook.xlsx.writeFile(file);
      expectClean(await aps(["audit", file]), [file]);
    }), { numRuns: 40 });
  }, 120_000);
});
