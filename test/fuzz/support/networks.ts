// Generated aps-network/1 inputs, for `aps plan` and every later command that reads a network:
// plausible networks with a few odd edits, records odd all over, and workbooks of the three tables.

import fc from "fast-check";
import { LOT_SIZE_MODELS, PLACEMENT_METHODS } from "../../../src/engine/network/fields";
import type { FuzzFile } from "./harness";
import { anyJson, fieldValue, oddRecord, oddText, sometimes } from "./values";
import { CellSpec, cellSpec, extraSheet, SheetSpec, sheetSpec, WorkbookSpec } from "./workbooks";

const IDS = ["A", "B", "C", "D", "E", "a", " A ", "Final Assembly", "1"];
const id = fc.constantFrom(...IDS);
const rate = fc.oneof(fc.double({ min: 0.1, max: 200, noNaN: true }), fc.constant(0));
const time = fc.double({ min: 0.01, max: 10, noNaN: true });
const cost = fc.oneof(fc.double({ min: 0.01, max: 500, noNaN: true }), fc.constant(0));

/** Right values of each stage field (the generators then make some of them odd). */
const STAGE_VALUES: Record<string, fc.Arbitrary<unknown>> = {
  id, owner: fc.constantFrom("Buyer", "SupplierA"), demandRate: rate, demandSd: rate, serviceLevel: fc.constantFrom(0.5, 0.9, 0.95, 0.99),
  z: fc.constantFrom(-1, 0, 1.2, 1.645, 2.33), processingTime: time, holdingCost: cost, orderCost: cost, backorderCost: cost,
  shortageCost: cost, productionRate: fc.double({ min: 1, max: 500, noNaN: true }), lotSizeModel: fc.constantFrom(...LOT_SIZE_MODELS, "Classic", " lead-time "),
  serviceCost: fc.double({ min: 0.1, max: 50, noNaN: true }), penaltyCost: cost, interarrivalSd: time, leadTime: time, externalInboundTime: time, externalInboundSd: time,
  maxServiceTime: fc.constantFrom(0, 1, 2, 5), predictedLeadTime: time,
};
const ARC_VALUES = { from: id, to: id, quantity: fc.constantFrom(1, 2, 0.5, 3) };
const SETTING_VALUES = {
  defaultServiceLevel: fc.constantFrom(0.9, 0.95), periodsPerYear: fc.constantFrom(365, 52, 250), placementMethod: fc.constantFrom(...PLACEMENT_METHODS),
  rateMethod: fc.constantFrom("closed-form", "exact"), placementTimeLimit: fc.constantFrom(0.5, 1),
};

const stage = oddRecord(STAGE_VALUES, ["holdngCost", "extra", "demand"]);
const arc = oddRecord(ARC_VALUES, ["qty"]);

/** Optional fields of a plausible stage: each present or not, with a right value. */
const optionalFields = fc.record(Object.fromEntries(Object.entries(STAGE_VALUES).filter(([k]) => k !== "id").map(([k, v]) => [k, sometimes(v, 1, 2)])));

/**
 * A network that plans: a tree of stages S1…Sn (suppliers of lower-numbered customers), demand at
 * S1, a processing time everywhere; then up to three odd edits (a field, an id, an arc end).
 */
const plausibleNetwork: fc.Arbitrary<{ format: string; stages: Record<string, unknown>[]; arcs: Record<string, unknown>[]; settings?: Record<string, unknown> }> = fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
  stages: fc.tuple(...Array.from({ length: n }, () => optionalFields)),
  parents: fc.tuple(...Array.from({ length: n }, (_, i) => fc.nat(Math.max(0, i - 1)))),
  quantities: fc.array(fc.constantFrom(1, 2, 0.5), { minLength: n, maxLength: n }),
  edits: fc.array(fc.tuple(fc.nat(n - 1), fc.constantFrom(...Object.keys(STAGE_VALUES), "from", "to", "quantity"), fieldValue(fc.constantFrom("S1", "S2", "S9", 1))), { maxLength: 3 }),
  settings: sometimes(oddRecord(SETTING_VALUES), 1, 3),
})).map(({ stages, parents, quantities, edits, settings }) => {
  const records: Record<string, unknown>[] = stages.map((fields, i) => {
    const record: Record<string, unknown> = { id: `S${i + 1}`, processingTime: 1 + (i % 3) };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) record[k] = v;
    return record;
  });
  records[0].demandRate = records[0].demandRate || 20;
  const arcs: Record<string, unknown>[] = records.slice(1).map((_, k) => ({ from: `S${k + 2}`, to: `S${parents[k + 1] + 1}`, quantity: quantities[k + 1] }));
  for (const [i, field, value] of edits) {
    if (field === "from" || field === "to" || field === "quantity") { if (arcs.length > 0) arcs[i % arcs.length][field] = value; }
    else records[i][field] = value;
  }
  return { format: "aps-network/1", stages: records, arcs, ...(settings ? { settings } : {}) };
});

/** An aps-network/1 record: plausible with a few odd edits, or odd all over, or any JSON at all. */
export const networkRecord: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 20, arbitrary: plausibleNetwork },
  { weight: 10, arbitrary: fc.record({
    format: fc.oneof({ weight: 9, arbitrary: fc.constant("aps-network/1") }, { weight: 1, arbitrary: fc.oneof(fc.constant("aps-plan/1"), oddText) }),
    stages: fc.oneof({ weight: 12, arbitrary: fc.array(stage, { minLength: 1, maxLength: 6 }) }, { weight: 1, arbitrary: anyJson }),
    arcs: fc.oneof({ weight: 12, arbitrary: fc.array(arc, { maxLength: 7 }) }, { weight: 1, arbitrary: anyJson }),
    settings: sometimes(fc.oneof({ weight: 6, arbitrary: oddRecord(SETTING_VALUES) }, { weight: 1, arbitrary: anyJson }), 1, 2),
  }) },
  { weight: 1, arbitrary: anyJson },
);

const STAGE_HEADERS = ["Id", "Owner", "Demand Rate", "Demand Sd", "Service Level", "Processing Time", "Holding Cost", "Order Cost",
  "Production Rate", "Lot Size Model", "Service Cost", "Penalty Cost", "Max Service Time", "Lead Time"];
const camel = (header: string) => header.charAt(0).toLowerCase() + header.slice(1).replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
const valueFor = (values: Record<string, fc.Arbitrary<unknown>>) => (header: string) =>
  cellSpec((values[camel(header)] ?? fc.constant(null)) as fc.Arbitrary<number | string | boolean | null>);

const names = (sheet: string[], table: string) => fc.record({ sheet: fc.constantFrom(...sheet), table: fc.constant(table) });

/** A cell that holds `value` in another form a workbook may use: a formula's result, a link's text, rich text. */
function sameValueCell(value: unknown): fc.Arbitrary<CellSpec> {
  // A cell holds a number, text, a logical or nothing: other JSON values (lists, objects) become their text.
  const plain = value === undefined || value === null ? null
    : typeof value === "number" || typeof value === "string" || typeof value === "boolean" ? value : JSON.stringify(value);
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant<CellSpec>({ kind: "value", value: plain }) },
    { weight: 1, arbitrary: fc.constant<CellSpec>({ kind: "formula", formula: "1*1", ...(plain === null ? {} : { result: plain }) }) },
    { weight: 1, arbitrary: fc.constant<CellSpec>(typeof plain === "string" ? { kind: "hyperlink", text: plain, hyperlink: "https://example.com" } : { kind: "value", value: plain }) },
    { weight: 1, arbitrary: fc.constant<CellSpec>(typeof plain === "string" && plain.length > 1 ? { kind: "richText", parts: [plain.slice(0, 1), plain.slice(1)] } : { kind: "value", value: plain }) },
  );
}

/** The tables of a plausible network, as a workbook: values in every cell form, sometimes hidden rows and an extra sheet. */
const plausibleWorkbook: fc.Arbitrary<WorkbookSpec> = plausibleNetwork.chain((network) => {
  const stageRows = network.stages.map((stage) => STAGE_HEADERS.map((h) => sameValueCell(stage[camel(h)])));
  const arcRows = network.arcs.map((arc) => ["from", "to", "quantity"].map((k) => sameValueCell(arc[k])));
  const block = (name: string, tableName: string | undefined, headers: string[], rows: fc.Arbitrary<CellSpec>[][]) =>
    fc.record({ rows: fc.tuple(...rows.map((r) => fc.tuple(...r))), hiddenRows: fc.array(fc.integer({ min: 1, max: rows.length + 1 }), { maxLength: 1 }) })
      .map(({ rows: cells, hiddenRows }): SheetSpec => ({ name, ...(tableName ? { tableName } : {}), top: 1, left: 1, headers, rows: cells as CellSpec[][], merges: [], hiddenRows }));
  return fc.record({
    tables: fc.boolean(),
    extra: fc.array(extraSheet, { maxLength: 1 }),
  }).chain(({ tables, extra }) => fc.tuple(
    block("Stages", tables ? "Stages" : undefined, STAGE_HEADERS, stageRows),
    arcRows.length > 0 ? block("Arcs", tables ? "Arcs" : undefined, ["From", "To", "Quantity"], arcRows) : fc.constant(null),
  ).map(([stages, arcs]) => ({ sheets: [stages, ...(arcs ? [arcs] : []), ...extra.filter((e) => !/^(stages|arcs|settings)$/i.test(e.name))] })));
});

/** A workbook with Stages, Arcs and maybe Settings (tables or plain sheets), and maybe extra sheets. */
const oddWorkbook: fc.Arbitrary<WorkbookSpec> = fc.record({
  stages: sometimes(sheetSpec(names(["Stages", "Network", "stages"], "Stages"), STAGE_HEADERS, valueFor(STAGE_VALUES)), 12, 1),
  arcs: sometimes(sheetSpec(names(["Arcs", "Links"], "Arcs"), ["From", "To", "Quantity"], valueFor(ARC_VALUES)), 6, 1),
  settings: sometimes(sheetSpec(names(["Settings"], "Settings"), ["Name", "Value"], (h) => cellSpec(h === "Name"
    ? fc.constantFrom(...Object.keys(SETTING_VALUES), "Default Service Level", "periods per year", "placementMethd")
    : fc.oneof(fc.constantFrom(0.95, 365, 1, "auto", "tree-dp", "exact"), oddText) as fc.Arbitrary<number | string>), 4), 1, 2),
  extra: fc.array(extraSheet, { maxLength: 2 }),
}).map(({ stages, arcs, settings, extra }) => {
  const sheets = [stages, arcs, settings, ...extra].filter((s): s is NonNullable<typeof s> => s !== undefined);
  // Two tables cannot share a sheet's cells: keep one table per sheet name.
  const seen = new Set<string>();
  return { sheets: sheets.filter((s) => !seen.has(s.name.toLowerCase()) && seen.add(s.name.toLowerCase()) !== undefined) };
});

/** Workbooks of the network tables: half plausible (they plan), half odd all over. */
export const networkWorkbook: fc.Arbitrary<WorkbookSpec> = fc.oneof(plausibleWorkbook, oddWorkbook);

export const networkWorkbookFile = (name: string): fc.Arbitrary<FuzzFile> => networkWorkbook.map((workbook) => ({ name, content: { workbook } }));

