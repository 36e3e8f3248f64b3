// The one reader of the Operations table: the plain job shop and the shop (reschedule, re-time) read
// the same records and report the same problem records; Alternative Machines is an optional column.
import { InputErrorList } from "../../src/engine/inputErrors";
import { shopFromJson } from "../../src/engine/reschedule/shopJson";
import type { TableData } from "../../src/workbook/port";
import { readOperations } from "../../src/workbook/schedule/operationsTable";
import { jobShopFromOperationsTable } from "../../src/workbook/schedule/scheduleTables";
import { shopFromTables } from "../../src/workbook/schedule/shopTables";

const HEADERS = ["Job", "Step", "Machine", "Duration", "Due Date", "Alternative Machines"];
const operations = (rows: TableData["rows"], headers = HEADERS): TableData => ({ name: "Operations", sheet: "Operations", headers, rows, headerRow: 1, firstColumn: 1 });

const caught = (run: () => unknown): { problems?: { where: string | null; field: string | null }[] } => {
  try { run(); } catch (error) { return error as { problems?: { where: string | null; field: string | null }[] }; }
  throw new Error("no error");
};

describe("readOperations(table, errors)", () => {
  it("reads each row as a record, steps by Step, alternatives split on , and ; without repeats or the row's own machine", () => {
    const errors = new InputErrorList();
    const read = readOperations(operations([
      ["A", 2, "Lathe", 4, 20, null],
      ["A", 1, "Mill", 3, null, "Mill 2; Mill, Mill 2 ,"],
      ["B", 1, "Lathe", 5, null, "Mill"],
    ]), errors);
    expect(errors.count).toBe(0);
    expect(read.machines).toEqual(["Lathe", "Mill"]);
    expect(read.alternativeOnly).toEqual(["Mill 2"]);
    expect(read.jobs[0]).toEqual({ name: "A", firstRow: 0, dueDate: 20, operations: [
      { row: 1, step: 1, machine: "Mill", duration: 3, alternatives: ["Mill 2"] },
      { row: 0, step: 2, machine: "Lathe", duration: 4, alternatives: [] },
    ] });
    expect(read.jobs[1].operations[0].alternatives).toEqual(["Mill"]);
  });

  it("gives the shop the alternatives as machine indexes (names only given as alternatives after the others); the job shop ignores them", () => {
    const table = operations([["A", 1, "Mill", 3, null, "Mill 2"], ["A", 2, "Lathe", 4, null, "Mill"]]);
    const { shop } = shopFromTables({ operations: table });
    expect(shop.machines).toEqual(["Mill", "Lathe", "Mill 2"]);
    expect(shop.jobs[0].operations).toEqual([{ machine: 0, duration: 3, alternatives: [2] }, { machine: 1, duration: 4, alternatives: [0] }]);
    expect(jobShopFromOperationsTable(table).machineNames).toEqual(["Mill", "Lathe"]);
  });

  it("aps-shop/1 \"alternatives\" give the same shop as the column; a non-list is named by its path", () => {
    const table = operations([["A", 1, "Mill", 3, null, "Mill 2"], ["A", 2, "Lathe", 4, null, "Mill"]]);
    const json = shopFromJson({ format: "aps-shop/1", jobs: [{ id: "A", operations: [{ machine: "Mill", duration: 3, alternatives: ["Mill 2"] }, { machine: "Lathe", duration: 4, alternatives: ["Mill"] }] }] }, "shop.json");
    expect(json.shop).toEqual(shopFromTables({ operations: table }).shop);
    expect(() => shopFromJson({ format: "aps-shop/1", jobs: [{ id: "A", operations: [{ machine: "Mill", duration: 3, alternatives: "Mill 2" }] }] }, "shop.json"))
      .toThrow(/shop.json: jobs\[0\].operations\[0\].alternatives must be an array of machine names/);
  });

  it("reports the same problem cells to the job shop and to the shop", () => {
    const bad = operations([["A", 1, "Mill", "long", null, null], ["A", 1, "Mill", 2, null, null], ["B", 1, "Mill", 2, 5, null], ["B", 2, "Lathe", 2, 6, "x".repeat(300)]]);
    const cells = (e: { problems?: { where: string | null }[] }) => e.problems?.map((p) => p.where);
    const expected = ["Operations!D2", "Operations!F5", "Operations!E5"];
    expect(cells(caught(() => jobShopFromOperationsTable(bad)))).toEqual(expected);
    expect(cells(caught(() => shopFromTables({ operations: bad })))).toEqual(expected);
  });
});
