// Fuzz test of `aps supply` (docs/formats.md §10): small valid networks whose supply tables (Demands,
// Customers, Resources, Resource Capacity, Resource Loads, Open Supply, Period Commitments) are
// generated with odd cells, headers and values, as workbooks and as JSON. Every case ends with exit 0
// and a plan, or exit 2 with every line naming the file and the cell (or JSON path), nothing written.

import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { SUPPLY_TABLE_FIELDS } from "../../src/engine/supply";
import { badJsonFile } from "./support/files";
import { fuzzCommand, type FuzzFile } from "./support/harness";
import { oddText } from "./support/values";
import { cellSpec, type CellSpec, type SheetSpec, sheetSpec } from "./support/workbooks";

type SupplyTableName = keyof typeof SUPPLY_TABLE_FIELDS;
const TABLES = Object.keys(SUPPLY_TABLE_FIELDS) as SupplyTableName[];
const STAGES = ["A", "B", "C"];
const RESOURCES = ["R1", "R2"];

const value = (v: number | string | null): CellSpec => ({ kind: "value", value: v });
const plain = (name: string, headers: string[], rows: (number | string | null)[][]): SheetSpec => ({
  name, tableName: name.replace(/ /g, ""), top: 1, left: 1, headers, rows: rows.map((r) => r.map(value)), merges: [], hiddenRows: [],
});

/** The network every case shares: C → B → A, four weekly periods. */
const NETWORK_SHEETS: SheetSpec[] = [
  plain("Stages", ["Id", "Lead Time Periods", "On Hand", "Holding Cost", "Unit Cost", "Demand Rate"], [["A", 1, 10, 1, 2, 2], ["B", 0, 5, 0.5, 1, null], ["C", 1, 20, 0.1, 1, null]]),
  plain("Arcs", ["From", "To", "Quantity"], [["B", "A", 1], ["C", "B", 2]]),
  plain("Settings", ["Name", "Value"], [["horizon", 4], ["planStart", "2027-01-04"]]),
];

/** A cell that is mostly right for its column (ids, periods near the horizon, quantities), sometimes odd. */
function rightValue(header: string): fc.Arbitrary<number | string | boolean | null> {
  const mostly = <T,>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: bad });
  switch (header) {
    case "Stage": return mostly(fc.constantFrom(...STAGES), fc.constantFrom("D", " A "));
    case "Resource": return mostly(fc.constantFrom(...RESOURCES), fc.constant("R3"));
    case "Customer": return fc.constantFrom("Acme", "Beta", null);
    case "Period": return mostly(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, 5, "2027-01-11", "2026-12-01", 2.5));
    case "Priority Tier": return mostly(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 1.5));
    default: return mostly(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 100, noNaN: true })), fc.constant(-2));
  }
}

const names = (table: string) => fc.constant({ sheet: table, table: table.replace(/ /g, "") });

/** A workbook: the shared network plus some of the supply tables, generated (no chain: fast-check shrinks it). */
const workbooks: fc.Arbitrary<FuzzFile> = fc.tuple(
  fc.array(fc.boolean(), { minLength: TABLES.length, maxLength: TABLES.length }),
  fc.tuple(...TABLES.map((t) => sheetSpec(names(t), SUPPLY_TABLE_FIELDS[t].fields.map((f) => f.header), (h) => cellSpec(rightValue(h)), 4))),
).map(([keep, sheets]) => ({ name: "supply.xlsx", content: { workbook: { sheets: [...NETWORK_SHEETS, ...sheets.filter((_, k) => keep[k])] } } }));

/** JSON: the same network with generated supply lists, values sometimes odd. */
const oddJson = fc.oneof(oddText, fc.constantFrom(null, -1, 1e12, [], {}, true));
const records = fc.tuple(
  fc.array(fc.boolean(), { minLength: TABLES.length, maxLength: TABLES.length }),
  fc.tuple(...TABLES.map((t) =>
    fc.array(fc.tuple(...SUPPLY_TABLE_FIELDS[t].fields.map((f) => fc.oneof({ weight: 20, arbitrary: rightValue(f.header) }, { weight: 1, arbitrary: oddJson }))), { maxLength: 4 })
      .map((rows) => [t, rows.map((r) => Object.fromEntries(SUPPLY_TABLE_FIELDS[t].fields.map((f, k) => [f.name, r[k]])))] as const))),
).map(([keep, all]) => {
  const lists = all.filter((_, k) => keep[k]);
  const keys: Record<SupplyTableName, string> = { Demands: "demands", Customers: "customers", Resources: "resources", "Resource Capacity": "resourceCapacity", "Resource Loads": "resourceLoads", "Open Supply": "openSupply", "Period Commitments": "periodCommitments" };
  return {
    format: "aps-network/1",
    stages: [{ id: "A", leadTimePeriods: 1, onHand: 10, holdingCost: 1, demandRate: 2 }, { id: "B", leadTimePeriods: 0, onHand: 5 }, { id: "C", leadTimePeriods: 1 }],
    arcs: [{ from: "B", to: "A", quantity: 1 }, { from: "C", to: "B", quantity: 2 }],
    settings: { horizon: 4, planStart: "2027-01-04" },
    ...Object.fromEntries(lists.map(([t, rows]) => [keys[t], rows])),
  };
});

/** Every refusal line names a cell of the workbook (Sheet!A1), a sheet, or a JSON path. */
function namesItsPlace(line: string, workbook: boolean): boolean {
  if (/\d+ input error\(s\); nothing was written\.$/.test(line) || /^\(and \d+ more/.test(line.replace(/^[^:]+: /, ""))) return true;
  const rest = line.replace(/^[^:]*supply\.(xlsx|json): /, "");
  if (/^(not a readable|the workbook|cannot read|the file)/i.test(rest)) return true; // the file as a whole
  if (workbook) return /^('[^']+'|[A-Za-z]+)!([A-Z]+\d+)?/.test(rest) || [...TABLES, "Stages", "Arcs", "Settings"].some((t) => rest.startsWith(`${t}:`) || rest.startsWith(`'${t}':`));
  return /^(network|settings|stages|arcs|demands|customers|resources|resourceCapacity|resourceLoads|openSupply|periodCommitments)\b/.test(rest) || /^[^:]+ line \d+/.test(rest) || /JSON/.test(rest);
}

fuzzCommand({
  command: "supply",
  args: (file) => ["supply", file, "--out", path.join(path.dirname(file), "out.xlsx"), "--time-limit", "5"],
  inputs: [
    { label: "workbooks with odd supply tables", runs: 100, file: workbooks, timeoutMs: 180_000 },
    { label: "JSON with odd supply lists", runs: 150, file: badJsonFile("supply.json", records), timeoutMs: 120_000 },
  ],
  check: (run, file, full) => {
    const out = path.join(path.dirname(full), "out.xlsx");
    if (run.status === 2) {
      if (fs.existsSync(out)) throw new Error("a refused input left an output");
      const workbook = file.name.endsWith(".xlsx");
      const unplaced = run.stderr.split("\n").filter((l) => l.trim() !== "").find((l) => !namesItsPlace(l, workbook));
      if (unplaced) throw new Error(`a refusal does not name its place: ${unplaced}\n${run.stderr.slice(0, 1500)}`);
    } else if (!fs.existsSync(out)) {
      throw new Error("exit 0 without the result workbook");
    }
  },
});
