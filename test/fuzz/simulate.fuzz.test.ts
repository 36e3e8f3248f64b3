// Fuzz test of `aps simulate`: thousands of generated bad inputs (broken networks, broken Demand
// History, bad options; a few hundred .xlsx workbooks) must end with exit 0 or 2, never 1, never a
// stack trace, and a refusal names the file (or the option at fault). fast-check prints the seed.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-sim-fuzz-"));

async function aps(args: string[]) {
  let stdout = "";
  let stderr = "";
  const status = await main(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { status, stdout, stderr };
}

function expectClean(run: { status: number; stderr: string }, file: string) {
  expect([0, 2]).toContain(run.status);
  expect(run.stderr).not.toContain("\n    at ");
  if (run.status === 2) expect(run.stderr.includes(file) || /--[a-z]|usage:/.test(run.stderr)).toBe(true);
}

const oddValue = fc.oneof(
  fc.constantFrom(null, "", " ", "abc", "12", true, -1, 0, 0.5, 1, 2.5, 1e9, -0.0, 1e-300, [], {}, "=1+1", "NaN"),
  fc.double({ noNaN: true, min: -100, max: 1000 }),
  fc.integer({ min: -5, max: 50 }),
);
const ids = ["A", "B", "C", "D"];
const stageField = fc.constantFrom(
  "demandRate", "demandSd", "serviceLevel", "z", "processingTime", "holdingCost", "orderCost", "backorderCost", "productionRate",
  "lotSizeModel", "serviceCost", "penaltyCost", "leadTime", "externalInboundTime", "maxServiceTime", "interarrivalSd", "id",
);
const stage = fc.record({
  id: fc.constantFrom(...ids),
  base: fc.record({ demandRate: fc.constantFrom(0, 5, 20), demandSd: fc.constantFrom(0, 2, 6), leadTime: fc.constantFrom(0, 1, 2.5, 3.2), holdingCost: fc.constantFrom(1, 2) }, { requiredKeys: [] }),
  broken: fc.array(fc.tuple(stageField, oddValue), { maxLength: 2 }),
}).map(({ id, base, broken }) => {
  const s: Record<string, unknown> = { id, ...base };
  for (const [k, v] of broken) s[k] = v;
  return s;
});
const arc = fc.record({ from: fc.oneof(fc.constantFrom(...ids), oddValue), to: fc.oneof(fc.constantFrom(...ids), oddValue), quantity: fc.oneof(fc.constantFrom(1, 2), oddValue) }, { requiredKeys: ["from", "to"] });
const historyRow = fc.record({ stage: fc.oneof(fc.constantFrom(...ids), oddValue), period: fc.oneof(fc.integer({ min: -3, max: 30 }), oddValue), quantity: fc.oneof(fc.integer({ min: 0, max: 50 }), oddValue) });
const network = fc.record({
  format: fc.constantFrom("aps-network/1", "aps-network/1", "aps-network/2", 7),
  stages: fc.oneof(fc.array(stage, { minLength: 1, maxLength: 4 }), oddValue),
  arcs: fc.oneof(fc.array(arc, { maxLength: 4 }), oddValue),
  settings: fc.oneof(fc.constant(undefined), fc.record({ placementMethod: fc.constantFrom("auto", "paper-rule", "all-stock", "make-to-order", "magic"), defaultServiceLevel: oddValue })),
  demandHistory: fc.oneof(fc.constant(undefined), fc.array(historyRow, { maxLength: 5 }), oddValue),
});
const optionValue = fc.constantFrom("1", "2", "0", "-1", "abc", "", "1.5", "1e1", "3");
const extraArgs = fc.array(
  fc.oneof(
    fc.tuple(fc.constantFrom("--replications", "--horizon", "--warmup", "--seed"), optionValue),
    fc.tuple(fc.constant("--mode"), fc.constantFrom("planned", "propagating", "capacity", "fast")),
    fc.tuple(fc.constant("--demand"), fc.constantFrom("normal", "poisson", "uniform")),
    fc.tuple(fc.constant("--policies"), fc.constantFrom("optimised", "optimised,all-stock", "all-stock,all-stock", "x", ",")),
    fc.tuple(fc.constantFrom("--bogus", "--json"), fc.constant("")),
  ),
  { maxLength: 3 },
).map((pairs) => pairs.flatMap(([flag, value]) => (flag === "--json" || flag === "--bogus" ? [flag] : [flag, value])));

const small = ["--replications", "1", "--horizon", "8", "--warmup", "2", "--policies", "optimised"];

describe("aps simulate on generated bad input", () => {
  it("answers 10,000 broken JSON networks and option sets with exit 0 or 2, never a stack trace", async () => {
    const file = path.join(dir, "network.json");
    await fc.assert(
      fc.asyncProperty(network, extraArgs, fc.boolean(), async (record, args, garble) => {
        const text = JSON.stringify(record);
        fs.writeFileSync(file, garble ? text.slice(0, Math.max(1, text.length - 7)) : text);
        expectClean(await aps(["simulate", file, ...small, ...args]), file);
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);

  it("answers files that are missing, empty, of the wrong kind or binary with exit 2 naming them", async () => {
    const cases: [string, string | Buffer | null][] = [
      ["missing.json", null], ["empty.json", ""], ["notes.txt", "hello"], ["binary.xlsx", Buffer.from([0, 1, 2, 3, 255])], ["array.json", "[]"],
    ];
    for (const [name, content] of cases) {
      const file = path.join(dir, name);
      if (content !== null) fs.writeFileSync(file, content);
      const run = await aps(["simulate", file, ...small]);
      expect(run.status).toBe(2);
      expectClean(run, file);
    }
  });

  it("answers 200 generated .xlsx workbooks with broken Stages, Arcs and Demand History tables", async () => {
    const cell = fc.oneof(fc.constantFrom(null, "", "x", "=A1", -1, 0, 1, 2.5, 20, true), fc.double({ noNaN: true, min: -10, max: 100 }));
    const headers = fc.shuffledSubarray(["Id", "Demand Rate", "Demand Sd", "Lead Time", "Holding Cost", "Z", "Max Service Time", "Lot Size Modle"], { minLength: 1 });
    await fc.assert(
      fc.asyncProperty(headers, fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.constantFrom("A", "Id1", null), cell, cell), { maxLength: 3 }), async (cols, rows, history) => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet("Stages");
        sheet.addRow(cols);
        rows.forEach((r, k) => sheet.addRow(cols.map((h, c) => (h === "Id" ? (k === 0 ? "Id1" : String(r[c] ?? "")) : r[c]))));
        if (history.length > 0) {
          const h = book.addWorksheet("Demand History");
          h.addRow(["Stage", "Period", "Quantity"]);
          for (const row of history) h.addRow(row);
        }
        const file = path.join(dir, "book.xlsx");
        await book.xlsx.writeFile(file);
        expectClean(await aps(["simulate", file, ...small]), file);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
