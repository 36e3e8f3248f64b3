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
const mutation = fc.tuple(fc.constantFrom("stage", "stage", "stage", "arc", "settings", "format", "history", "stages", "arcs"), stageField, oddValue, fc.nat(3));
/** A valid network of 1-4 stages (a DAG, stage A with customers) with 0-2 defects planted in it. */
const network = fc.record({
  count: fc.integer({ min: 1, max: 4 }),
  stages: fc.array(fc.record({
    demandRate: fc.constantFrom(0, 5, 20), demandSd: fc.constantFrom(0, 2, 6), leadTime: fc.constantFrom(0, 1, 2.5, 3.2),
    holdingCost: fc.constantFrom(1, 2), orderCost: fc.constantFrom(undefined, 100), productionRate: fc.constantFrom(undefined, 40, 90),
    maxServiceTime: fc.constantFrom(undefined, 0, 1, 2.5),
  }), { minLength: 4, maxLength: 4 }),
  arcs: fc.array(fc.tuple(fc.nat(3), fc.nat(3), fc.constantFrom(1, 2)), { maxLength: 4 }),
  placementMethod: fc.constantFrom("auto", "paper-rule", "all-stock", "make-to-order"),
  history: fc.option(fc.array(fc.record({ stage: fc.constant("A"), period: fc.integer({ min: 1, max: 12 }), quantity: fc.integer({ min: 0, max: 50 }) }), { maxLength: 4 })),
  mutations: fc.array(mutation, { maxLength: 2 }),
}).map(({ count, stages, arcs, placementMethod, history, mutations }) => {
  const record: Record<string, unknown> = {
    format: "aps-network/1",
    stages: stages.slice(0, count).map((s, k) => ({ id: ids[k], ...s, ...(k === 0 ? { demandRate: 20 } : {}) })),
    arcs: [...new Map(arcs.filter(([a, b]) => a > b && a < count).map(([a, b, q]) => [`${a}-${b}`, { from: ids[a], to: ids[b], quantity: q }])).values()],
    settings: { placementMethod },
    ...(history ? { demandHistory: history } : {}),
  };
  for (const [target, field, value, index] of mutations) {
    const stagesList = record.stages as Record<string, unknown>[];
    const arcList = record.arcs as Record<string, unknown>[];
    if (target === "stage" && Array.isArray(stagesList) && stagesList.length > 0) stagesList[index % stagesList.length][field] = value;
    else if (target === "arc" && Array.isArray(arcList) && arcList.length > 0) arcList[index % arcList.length][["from", "to", "quantity"][index % 3]] = value;
    else if (target === "settings") record.settings = { [field === "id" ? "placementMethod" : "defaultServiceLevel"]: value };
    else if (target === "format") record.format = value;
    else if (target === "history") record.demandHistory = index === 0 ? value : [{ stage: index === 1 ? value : "A", period: index === 2 ? value : 1, quantity: index === 3 ? value : 5 }];
    else if (target === "stages") record.stages = value;
    else if (target === "arcs") record.arcs = value;
  }
  return record;
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
  { maxLength: 2 },
).map((pairs) => pairs.flatMap(([flag, value]) => (flag === "--json" || flag === "--bogus" ? [flag] : [flag, value])));

const small = ["--replications", "1", "--horizon", "8", "--warmup", "2", "--policies", "optimised"];

describe("aps simulate on generated bad input", () => {
  it("answers 10,000 broken JSON networks and option sets with exit 0 or 2, never a stack trace", async () => {
    const file = path.join(dir, "network.json");
    await fc.assert(
      fc.asyncProperty(network, extraArgs, fc.integer({ min: 0, max: 9 }), async (record, args, garble) => {
        const text = JSON.stringify(record);
        fs.writeFileSync(file, garble === 0 ? text.slice(0, Math.max(1, text.length - 7)) : text);
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
