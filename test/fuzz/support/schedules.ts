// Generated scheduling inputs, for `aps schedule` and later commands that read them (reschedule):
// job-shop texts and TSPLIB matrices (valid, then damaged word by word), and workbooks with
// Operations and Changeovers tables.

import fc from "fast-check";
import type { FuzzFile } from "./harness";
import { mutatedText } from "./files";
import { oddText, sometimes } from "./values";
import { CellSpec, cellSpec, extraSheet, SheetSpec, sheetSpec, WorkbookSpec } from "./workbooks";

/** A valid job shop as lines of words: `n m`, then per job m pairs `machine duration` (each machine once). */
export const jobShopLines: fc.Arbitrary<string[][]> = fc.record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 3 }) }).chain(({ n, m }) =>
  fc.array(fc.tuple(fc.shuffledSubarray([...Array(m).keys()], { minLength: m, maxLength: m }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: m, maxLength: m })), { minLength: n, maxLength: n })
    .map((jobs) => [[String(n), String(m)], ...jobs.map(([machines, durations]) => machines.flatMap((machine, k) => [String(machine), String(durations[k])]))]));

const FORMATS = ["FULL_MATRIX", "UPPER_ROW", "LOWER_DIAG_ROW", "UPPER_DIAG_COL"];

/** A valid TSPLIB explicit-weight file as lines of words. */
export const tsplibLines: fc.Arbitrary<string[][]> = fc.record({ n: fc.integer({ min: 1, max: 6 }), format: fc.constantFrom(...FORMATS), type: fc.constantFrom("ATSP", "TSP") }).chain(({ n, format, type }) => {
  const count = format === "FULL_MATRIX" ? n * n : format.includes("DIAG") ? (n * (n + 1)) / 2 : (n * (n - 1)) / 2;
  return fc.array(fc.integer({ min: 0, max: 50 }), { minLength: count, maxLength: count }).map((weights) => [
    ["NAME:", "fuzz"], ["TYPE:", format === "FULL_MATRIX" ? type : "TSP"], ["DIMENSION:", String(n)], ["EDGE_WEIGHT_TYPE:", "EXPLICIT"],
    ["EDGE_WEIGHT_FORMAT:", format], ["EDGE_WEIGHT_SECTION"],
    ...Array.from({ length: Math.ceil(weights.length / Math.max(1, n)) }, (_, r) => weights.slice(r * n, r * n + n).map(String)).filter((l) => l.length > 0),
    ["EOF"],
  ]);
});

export const jobShopFile = (name: string): fc.Arbitrary<FuzzFile> => mutatedText(name, jobShopLines);
export const tsplibFile = (name: string): fc.Arbitrary<FuzzFile> => mutatedText(name, tsplibLines);

const OPERATION_HEADERS = ["Job", "Step", "Machine", "Duration", "Due Date", "Weight"];
const CHANGEOVER_HEADERS = ["From Product", "To Product", "Time"];

const OPERATION_VALUES: Record<string, fc.Arbitrary<number | string | null>> = {
  "Job": fc.constantFrom("Order 1", "Order 2", "Order 3", 7),
  "Step": fc.constantFrom(1, 2, 3, 2.5),
  "Machine": fc.constantFrom("Lathe", "Mill", "Drill"),
  "Duration": fc.integer({ min: 0, max: 30 }),
  "Due Date": fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 })),
  "Weight": fc.oneof(fc.constant(null), fc.constantFrom(1, 2, 0.5)),
};
const CHANGEOVER_VALUES: Record<string, fc.Arbitrary<number | string | null>> = {
  "From Product": fc.constantFrom("Red", "Blue", "Green"),
  "To Product": fc.constantFrom("Red", "Blue", "Green"),
  "Time": fc.integer({ min: 0, max: 20 }),
};

const value = (cells: Record<string, fc.Arbitrary<number | string | null>>) => (header: string) => cellSpec(cells[header] ?? fc.constant(null));
const names = (sheet: string[], table: string) => fc.record({ sheet: fc.constantFrom(...sheet), table: fc.constant(table) });

/** A plausible Operations table: each job's steps 1…m on distinct machines. */
const plausibleOperations: fc.Arbitrary<SheetSpec> = fc.record({ jobs: fc.integer({ min: 1, max: 3 }), machines: fc.integer({ min: 1, max: 3 }) }).chain(({ jobs, machines }) =>
  fc.array(fc.tuple(fc.shuffledSubarray(["Lathe", "Mill", "Drill"].slice(0, machines), { minLength: machines, maxLength: machines }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: machines, maxLength: machines }), fc.option(fc.integer({ min: 5, max: 40 }), { nil: null })), { minLength: jobs, maxLength: jobs })
    .map((list) => ({
      name: "Operations", tableName: "Operations", top: 1, left: 1, headers: OPERATION_HEADERS, merges: [], hiddenRows: [],
      rows: list.flatMap(([order, durations, due], j) => order.map((machine, k): CellSpec[] => [`Order ${j + 1}`, k + 1, machine, durations[k], due, null].map((v) => ({ kind: "value" as const, value: v })))),
    })));

/** A plausible Changeovers table: every ordered pair of 2-3 products. */
const plausibleChangeovers: fc.Arbitrary<SheetSpec> = fc.integer({ min: 2, max: 3 }).chain((n) => {
  const products = ["Red", "Blue", "Green"].slice(0, n);
  const pairs = products.flatMap((a) => products.filter((b) => b !== a).map((b) => [a, b]));
  return fc.array(fc.integer({ min: 0, max: 9 }), { minLength: pairs.length, maxLength: pairs.length }).map((times) => ({
    name: "Changeovers", top: 1, left: 1, headers: CHANGEOVER_HEADERS, merges: [], hiddenRows: [],
    rows: pairs.map(([a, b], k): CellSpec[] => [a, b, times[k]].map((v) => ({ kind: "value" as const, value: v }))),
  }));
});

/** Workbooks with an Operations and/or Changeovers table: plausible ones, and ones odd in every cell. */
export const scheduleWorkbook: fc.Arbitrary<WorkbookSpec> = fc.oneof(
  fc.record({ operations: sometimes(plausibleOperations, 2, 1), changeovers: sometimes(plausibleChangeovers, 1, 1), extra: fc.array(extraSheet, { maxLength: 1 }) })
    .map(({ operations, changeovers, extra }) => ({ sheets: [operations, changeovers, ...extra.filter((e) => !/^(operations|changeovers)$/i.test(e.name))].filter((s): s is SheetSpec => s !== undefined) })),
  fc.record({
    operations: sometimes(sheetSpec(names(["Operations", "Shop"], "Operations"), OPERATION_HEADERS, value(OPERATION_VALUES)), 3, 1),
    changeovers: sometimes(sheetSpec(names(["Changeovers", "Line"], "Changeovers"), CHANGEOVER_HEADERS, value(CHANGEOVER_VALUES)), 2, 1),
    extra: fc.array(fc.oneof(extraSheet, extraSheet.map((s) => ({ ...s, name: "Operations" }))), { maxLength: 1 }),
  }).map(({ operations, changeovers, extra }) => {
    const seen = new Set<string>();
    const sheets = [operations, changeovers, ...extra].filter((s): s is SheetSpec => s !== undefined);
    return { sheets: sheets.filter((s) => !seen.has(s.name.toLowerCase()) && seen.add(s.name.toLowerCase()) !== undefined) };
  }),
);

export const scheduleWorkbookFile = (name: string): fc.Arbitrary<FuzzFile> => scheduleWorkbook.map((workbook) => ({ name, content: { workbook } }));

/** Text that is neither format, under either name. */
export const oddScheduleText = (name: string): fc.Arbitrary<FuzzFile> => oddText.map((content) => ({ name, content }));
