// Structured input errors: a reader's problems travel as records (place, table, row, the user's field,
// message) to the pane's Check, one row each with its own cell, and the count is the number of problems.
import { isPlanningInputError, PlanningInputError } from "../../../src/engine/errors";
import { checkJob } from "../../../src/taskpane/worker/checkJob";
import { planJob } from "../../../src/workbook/plan/planJob";
import type { TableData } from "../../../src/workbook/port";
import { jobShopFromOperationsTable } from "../../../src/workbook/schedule/scheduleTables";
import { scheduleJob } from "../../../src/workbook/schedule/scheduleJob";
import { inputErrorExceptions, problemsOf } from "../../../src/workbook/tables/problems";
import { tableColumns } from "../../../src/workbook/tables/tableReader";

const operations = (rows: (string | number | null)[][]): TableData => ({
  name: "Operations", sheet: "Operations", headers: ["Job", "Step", "Machine", "Duration"], rows, headerRow: 1, firstColumn: 1,
});
const threeBad = operations([["A", 1, "M1", "long"], ["A", 2, "M2", 3], ["B", 1, "M1", -2], ["B", 2, "M2", null]]);

function caught(run: () => unknown): PlanningInputError {
  try {
    run();
  } catch (error) {
    if (isPlanningInputError(error)) return error;
    throw error;
  }
  throw new Error("no error");
}

describe("input problems as records", () => {
  it("three bad Duration cells are three records, each with its cell, table, row and field", () => {
    const error = caught(() => jobShopFromOperationsTable(threeBad));
    expect(problemsOf(error)).toEqual([
      { where: "Operations!D2", table: "Operations", row: 0, field: "Duration", message: 'Duration must be a number (got "long").' },
      { where: "Operations!D4", table: "Operations", row: 2, field: "Duration", message: "Duration must be ≥ 0 (got -2)." },
      { where: "Operations!D5", table: "Operations", row: 3, field: "Duration", message: "Duration is blank." },
    ]);
    // The command's text is unchanged: one line per problem, place first.
    expect(error.message.split("\n")).toEqual(['Operations!D2: Duration must be a number (got "long").', "Operations!D4: Duration must be ≥ 0 (got -2).", "Operations!D5: Duration is blank."]);
  });

  it("Check lists the three problems, one row each linked to its cell, and counts three", async () => {
    const out = await checkJob.run({ tables: { Operations: threeBad }, options: {} }, () => undefined);
    expect(out.exceptions.map((e) => [e.where, e.field])).toEqual([["Operations!D2", "Duration"], ["Operations!D4", "Duration"], ["Operations!D5", "Duration"]]);
    expect(out.cards.find((c) => c.label === "Problems")!.value).toBe(3);
  });

  it("the schedule job refuses with the same three problems", async () => {
    const out = await scheduleJob.run({ tables: { Operations: threeBad }, options: { timeLimit: 0.1 } }, () => undefined);
    expect(out.status).toBe("invalid");
    expect(out.exceptions.map((e) => e.where)).toEqual(["Operations!D2", "Operations!D4", "Operations!D5"]);
  });

  it("a missing column names a near miss in the header and points at it", () => {
    const table: TableData = { ...threeBad, headers: ["Job", "Step", "Machine", "Durration"] };
    const error = caught(() => tableColumns(table, ["Job", "Step", "Machine", "Duration"], ["Job", "Step", "Machine", "Duration"]));
    expect(inputErrorExceptions(error)).toEqual([{
      severity: "error", where: "Operations!D1", field: "Duration",
      message: 'the Operations table has no "Duration" column (its header row is row 1); is "Durration" in Operations!D1 meant to be "Duration"?',
    }]);
  });

  it("an error without records still gives one problem, its place taken off the message", () => {
    const error = new PlanningInputError("Stages!C7: Holding Cost must be a number.", "holdingCost", "Stages!C7");
    expect(problemsOf(error)).toEqual([{ where: "Stages!C7", table: null, row: null, field: "holdingCost", message: "Holding Cost must be a number." }]);
  });

  it("the plan job refuses two bad Holding Cost cells as two problems, each with its cell and the user's header", async () => {
    const stages: TableData = { name: "Stages", sheet: "Stages", headers: ["Id", "Demand Rate", "Holding Cost"], rows: [["A", 10, "x"], ["B", 10, "y"]], headerRow: 1, firstColumn: 1 };
    const arcs: TableData = { name: "Arcs", sheet: "Arcs", headers: ["From", "To"], rows: [["B", "A"]], headerRow: 1, firstColumn: 1 };
    const out = await planJob.run({ tables: { Stages: stages, Arcs: arcs, Settings: null }, options: {} }, () => undefined);
    expect(out.status).toBe("invalid");
    expect(out.exceptions.map((e) => [e.where, e.field])).toEqual([["Stages!C2", "Holding Cost"], ["Stages!C3", "Holding Cost"]]);
  });

  it("a misspelt Stages header is a problem at its header cell", async () => {
    const stages: TableData = { name: "Stages", sheet: "Stages", headers: ["Id", "Demand Rate", "Holding Cots"], rows: [["A", 10, 1]], headerRow: 1, firstColumn: 1 };
    const out = await checkJob.run({ tables: { Stages: stages }, options: {} }, () => undefined);
    expect(out.exceptions[0]).toMatchObject({ where: "Stages!C1", field: "Holding Cots", message: expect.stringContaining('did you mean "Holding Cost"') });
  });
});
