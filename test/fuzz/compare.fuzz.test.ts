// Fuzzing `aps compare A B…` and `aps plan FILE --scenarios` in-process: ≥ 10,000 generated inputs,
// mostly bad (small JSON networks and Scenarios lists, broken text), a few hundred .xlsx workbooks.
// Every run exits 0 or 2 (never 1), prints no stack trace, and a refusal names the file it concerns.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { runAps } from "../support/runCli";

const JSON_RUNS = 9_800;
const XLSX_RUNS = 200;

let folder: string;
let counter = 0;
beforeAll(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), "aps-compare-fuzz-")); });
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const IDS = ["A", "B", "C", "Casting", "", " A ", "a"];
const STAGE_COLUMNS = ["demandRate", "demandSd", "processingTime", "holdingCost", "orderCost", "externalInboundTime", "maxServiceTime", "serviceCost", "penaltyCost", "lotSizeModel", "serviceLevel", "z", "productionRate", "leadTime"];
const oddValue = fc.oneof(
  fc.constantFrom(null, 0, 1, 2, 5, -1, 0.5, 1e308, -0.0, "", "x", "12", true, "classic", "production", "paper-rule", "tree-dp"),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 6 }),
  fc.constant({ nested: [1] }),
);
/** Mostly a value the field accepts, sometimes not. */
const mostlyGood = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(0.5, 1, 2, 3, 8) }, { weight: 1, arbitrary: oddValue });
const stage = fc.record({
  id: fc.oneof(fc.constantFrom(...IDS), fc.integer({ min: 0, max: 3 }), fc.constant(null)),
  ...Object.fromEntries(STAGE_COLUMNS.map((c) => [c, oddValue])),
}, { requiredKeys: ["id"] });
const arc = fc.record({ from: fc.constantFrom(...IDS), to: fc.constantFrom(...IDS), quantity: oddValue }, { requiredKeys: ["from", "to"] });
/** A small network: usually a plausible chain A → B with demand at B, with a few fields garbled. */
const network = fc.oneof(
  { weight: 5, arbitrary: fc.record({ demand: fc.constantFrom(0, 5, 20, 20), holding: mostlyGood, inbound: mostlyGood, max: mostlyGood }).map(({ demand, holding, inbound, max }) => ({
    format: "aps-network/1",
    stages: [
      { id: "A", processingTime: 1, holdingCost: holding, orderCost: 50, externalInboundTime: inbound, serviceCost: 1, penaltyCost: 2 },
      { id: "B", demandRate: demand, demandSd: 3, processingTime: 0.5, holdingCost: 2, orderCost: 80, serviceCost: 1.5, penaltyCost: 4, maxServiceTime: max },
    ],
    arcs: [{ from: "A", to: "B", quantity: 2 }],
    settings: { placementMethod: "auto" },
  })) },
  { weight: 2, arbitrary: fc.record({ format: fc.constantFrom("aps-network/1", "aps-network/2", undefined), stages: fc.array(stage, { maxLength: 3 }), arcs: fc.array(arc, { maxLength: 3 }), settings: fc.oneof(fc.constant(undefined), fc.dictionary(fc.constantFrom("placementMethod", "periodsPerYear", "placementTimeLimit", "junk"), oddValue)) }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);
const scenarioRow = fc.record({
  scenario: fc.oneof(fc.constantFrom("Late", "Surge", "Base", "", null, 7), fc.string({ maxLength: 4 })),
  table: fc.oneof(fc.constantFrom("Stages", "Arcs", "Settings", "stages", "Stagez", "", null, 1)),
  key: fc.oneof(fc.constantFrom("A", "B", "A→B", "A->B", "B→A", "placementMethod", "placementTimeLimit", "periodsPerYear", "", null), fc.string({ maxLength: 4 })),
  column: fc.oneof(fc.constantFrom("Holding Cost", "External Inbound Time", "Demand Rate", "quantity", "Value", "Id", "From", "Holdng Cost", "", null), fc.constantFrom(...STAGE_COLUMNS)),
  value: oddValue,
}, { requiredKeys: [] });
/** A row a user would plausibly type: a known stage, arc or setting and a value that is usually fine. */
const goodRow = fc.oneof(
  fc.record({ scenario: fc.constantFrom("Late", "Surge"), table: fc.constant("Stages"), key: fc.constantFrom("A", "B"), column: fc.constantFrom("Holding Cost", "External Inbound Time", "Demand Rate", "Processing Time", "Max Service Time"), value: mostlyGood }),
  fc.record({ scenario: fc.constantFrom("Late", "Two"), table: fc.constant("Arcs"), key: fc.constantFrom("A→B", "A -> B"), column: fc.constant("Quantity"), value: mostlyGood }),
  fc.record({ scenario: fc.constantFrom("Rule", "Late"), table: fc.constant("Settings"), key: fc.constantFrom("placementMethod", "rateMethod"), column: fc.constantFrom("Value", ""), value: fc.constantFrom("paper-rule", "exact", "tree-dp", "all-stock", "guess") }),
);
const scenarios = fc.oneof(
  { weight: 8, arbitrary: fc.array(goodRow, { minLength: 1, maxLength: 3 }) },
  { weight: 6, arbitrary: fc.array(fc.oneof(goodRow, scenarioRow), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(undefined), fc.constant("rows"), fc.jsonValue({ maxDepth: 1 })) },
);
const fileText = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(network, scenarios).map(([n, s]) => JSON.stringify(typeof n === "object" && n !== null && !Array.isArray(n) && s !== undefined ? { ...n, scenarios: s } : n)) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 20 }), fc.constant("{\"format\": \"aps-network/1\", \"stages\": ["), fc.constant("")) },
);
const flags = fc.subarray(["--json", "--out"], { minLength: 0 });
/** Mostly JSON outputs: writing an .xlsx copy is slow, and a few hundred suffice. */
const outName = fc.oneof({ weight: 12, arbitrary: fc.constant("out.json") }, { weight: 2, arbitrary: fc.constant("out.csv") }, { weight: 1, arbitrary: fc.constant("out.xlsx") });

function writeInput(text: string | Buffer, extension: string): string {
  const file = path.join(folder, `in-${counter++}${extension}`);
  fs.writeFileSync(file, text);
  return file;
}

function args(command: string[], chosen: string[], out: string): string[] {
  return [...command, ...chosen.flatMap((f) => (f === "--out" ? ["--out", path.join(folder, `${counter++}-${out}`)] : [f]))];
}

async function check(argv: string[], files: string[]): Promise<void> {
  const run = await runAps(...argv);
  if (![0, 2].includes(run.status) || /\n\s+at /.test(run.stderr)) throw new Error(`exit ${run.status}: ${run.stderr.slice(0, 500)}`);
  if (run.status === 2 && !/^usage|--out/.test(run.stderr) && !files.some((f) => run.stderr.includes(f))) throw new Error(`the message names no file: ${run.stderr.slice(0, 300)}`);
  if (run.status === 0 && argv.includes("--json") && !argv.includes("--out")) expect(JSON.parse(run.stdout).format).toBe("aps-scenarios/1");
}

test(`${JSON_RUNS} generated JSON inputs to aps plan --scenarios and aps compare: exit 0 or 2, no stack trace, the file named`, async () => {
  await fc.assert(fc.asyncProperty(fc.boolean(), fileText, fileText, flags, outName, async (compare, a, b, chosen, out) => {
    const first = writeInput(a, ".json");
    if (compare) {
      const second = writeInput(b, ".json");
      await check(args(["compare", first, second], chosen, out), [first, second]);
    } else {
      await check(args(["plan", first, "--scenarios"], chosen, out), [first]);
    }
  }), { numRuns: JSON_RUNS });
}, 240_000);

async function workbookBytes(rows: unknown[][], withScenarios: boolean, garble: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const add = (name: string, headers: string[], data: unknown[][]) => {
    book.addWorksheet(name).addTable({ name, ref: "A1", headerRow: true, columns: headers.map((h) => ({ name: h })), rows: data.length > 0 ? data : [headers.map(() => null)] });
  };
  add("Stages", ["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Order Cost", "External Inbound Time"], [["A", null, null, 1, 0.5, 50, 2], ["B", 20, 4, 0.5, 2, 80, null]]);
  add("Arcs", ["From", "To", "Quantity"], [["A", "B", 1]]);
  if (withScenarios) add("Scenarios", ["Scenario", "Table", "Key", "Column", "Value"], rows);
  const bytes = Buffer.from(await book.xlsx.writeBuffer());
  if (garble > 0) bytes.fill(7, garble % bytes.length, (garble % bytes.length) + 64);
  return bytes;
}

test(`${XLSX_RUNS} generated workbooks: Scenarios rows of every kind, missing tables, damaged files`, async () => {
  const cell = fc.oneof(fc.constantFrom(null, "A", "B", "A→B", "Stages", "Arcs", "Settings", "Holding Cost", "Value", "placementMethod", "=1+1", -1, 0, 3, true), fc.string({ maxLength: 5 }));
  await fc.assert(fc.asyncProperty(
    fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 4 }), fc.boolean(), fc.oneof(fc.constant(0), fc.constant(0), fc.nat(5000)), fc.boolean(), flags, outName,
    async (rows, withScenarios, garble, compare, chosen, out) => {
      const file = writeInput(await workbookBytes(rows, withScenarios, garble), ".xlsx");
      if (compare) await check(args(["compare", file, file], chosen, out), [file]);
      else await check(args(["plan", file, "--scenarios"], chosen, out), [file]);
    },
  ), { numRuns: XLSX_RUNS });
}, 240_000);
