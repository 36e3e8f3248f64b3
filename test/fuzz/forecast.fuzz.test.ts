// Fuzz test of `aps forecast`: thousands of generated bad (and odd) inputs through main(), in-process.
// Every run exits 0 or 2 (never 1), prints no stack trace, and names the file in its messages.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-forecast-fuzz-"));

async function run(args: string[]) {
  let stdout = "", stderr = "";
  const status = await main(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { status, stdout, stderr };
}

/** Bad command-line options are named instead of the file. */
const BAD_FLAGS = ["x", "0", "--bogus"];

function check(result: { status: number; stderr: string }, file: string, args: string[] = []) {
  expect([0, 2]).toContain(result.status);
  expect(result.stderr).not.toContain("\n    at ");
  if (result.status !== 2 || result.stderr.trim() === "") return;
  const namesFile = result.stderr.includes(path.basename(file));
  if (args.some((a) => BAD_FLAGS.includes(a))) expect(namesFile || /--horizon|--season-length|bogus/.test(result.stderr)).toBe(true);
  else expect(namesFile).toBe(true);
}

const oddNumber = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double({ noNaN: false }), fc.constant(0), fc.constant(1e308), fc.constant(-1e-300));
const oddValue = fc.oneof(oddNumber, fc.string({ maxLength: 6 }), fc.constant(null), fc.boolean(), fc.constant([]), fc.constant({}));
const series = fc.record({
  id: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)),
  values: fc.oneof(fc.array(oddNumber, { maxLength: 14 }), fc.array(oddValue, { maxLength: 8 }), oddValue),
  frequency: fc.option(fc.oneof(fc.integer({ min: -2, max: 14 }), oddValue), { nil: undefined }),
  horizon: fc.option(fc.oneof(fc.integer({ min: -2, max: 12 }), oddValue), { nil: undefined }),
}, { requiredKeys: [] });
const history = fc.record({
  format: fc.oneof(fc.constant("aps-history/1"), fc.constant("aps-history/2"), oddValue),
  horizon: fc.option(fc.oneof(fc.integer({ min: -1, max: 12 }), oddValue), { nil: undefined }),
  series: fc.oneof(fc.array(series, { maxLength: 3 }), oddValue),
}, { requiredKeys: [] });
const text = fc.oneof(
  history.map((h) => JSON.stringify(h)),
  history.map((h) => JSON.stringify(h).slice(0, 30)),
  fc.string({ maxLength: 40 }),
  fc.constant(""),
);
const flags = fc.array(fc.oneof(fc.constant(["--horizon", "3"]), fc.constant(["--horizon", "x"]), fc.constant(["--season-length", "0"]), fc.constant(["--season-length", "4"]), fc.constant(["--json"]), fc.constant(["--bogus"])), { maxLength: 2 });

describe("aps forecast fuzz", () => {
  it("JSON and text files: exit 0 or 2, no stack trace, file named", async () => {
    let k = 0;
    await fc.assert(fc.asyncProperty(text, flags, fc.constantFrom(".json", ".json", ".txt"), async (content, extra, ext) => {
      const file = path.join(dir, `h${k++}${ext}`);
      fs.writeFileSync(file, content);
      check(await run(["forecast", file, ...extra.flat()]), file, extra.flat());
      fs.unlinkSync(file);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 10_000) });
  }, 300_000);

  it(".xlsx workbooks with odd Demand History tables: exit 0 or 2, no stack trace, file named", async () => {
    let k = 0;
    const cell = fc.oneof(fc.integer({ min: -3, max: 60 }), fc.string({ maxLength: 5 }), fc.constant(null), fc.boolean(), fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2024, 0, 1)), noInvalidDate: true }), fc.double());
    const headers = fc.oneof(fc.constant(["Stage", "Period", "Quantity"]), fc.constant(["Stage", "Perod", "Quantity"]), fc.constant(["Stage", "Quantity"]));
    await fc.assert(fc.asyncProperty(headers, fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 12 }), async (names, rows) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Demand History");
      ws.addTable({ name: "DemandHistory", ref: "A1", columns: names.map((name) => ({ name })), rows: rows.length ? rows.map((r) => r.slice(0, names.length)) : [names.map(() => null)] });
      const file = path.join(dir, `w${k++}.xlsx`);
      await wb.xlsx.writeFile(file);
      check(await run(["forecast", file]), file);
      fs.unlinkSync(file);
    }), { numRuns: Number(process.env.FUZZ_XLSX_RUNS ?? 200) });
  }, 300_000);
});
