// =APS.PLAN(stagesRange, arcsRange, [settingsRange]): the plan of a whole network as a spilled table,
// equal to what `aps plan` computes for the same tables; wrong input is a #VALUE! naming the cell.

import * as path from "node:path";
import { planFn } from "../../src/functions/functions";
import { planWorkbookTables } from "../../src/workbook/plan/planWorkbook";
import { PLAN_COLUMNS } from "../../src/workbook/plan/planSheets";
import type { TableData } from "../../src/workbook/port";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

/** A table as Excel on the web passes its range to a custom function: header row first, empty cells as null. */
const asRange = (table: TableData): unknown[][] => [table.headers, ...table.rows.map((row) => row.map((v) => v ?? null))];

const column = (field: string) => PLAN_COLUMNS.findIndex((c) => c.field === field);

describe("APS.PLAN", () => {
  it("examples/supply-chain.xlsx: a header row, then the same figures as aps plan, stage by stage", async () => {
    const workbook = await openXlsxWorkbook(path.resolve(__dirname, "../../examples/supply-chain.xlsx"));
    const outcome = await planWorkbookTables(workbook);
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    const [stages, arcs, settings] = await Promise.all(["Stages", "Arcs", "Settings"].map((n) => workbook.readTable(n)));
    const spilled = await planFn(asRange(stages!), asRange(arcs!), asRange(settings!));
    expect(spilled[0]).toEqual(PLAN_COLUMNS.map((c) => c.header));
    expect(spilled).toHaveLength(outcome.plan.stages.length + 1);
    outcome.plan.stages.forEach((stage, k) => {
      const row = spilled[k + 1];
      expect(row[0]).toBe(stage.id);
      for (const field of ["committedServiceTime", "safetyStock", "lotSize", "leadTime", "promisedLeadTime", "rate"] as const) {
        expect(row[column(field)]).toBeCloseTo(stage[field] as number, 9);
      }
    });
  });

  it("a single stage with no arcs (the header row alone): EOQ lot size sqrt(2·10·50/1) = 31.62", async () => {
    const spilled = await planFn(
      [["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Order Cost", "Production Rate"], ["Press", 10, 2, 0.05, 1, 50, 20]],
      [["From", "To", "Quantity"]],
      undefined,
    );
    expect(spilled[1][0]).toBe("Press");
    expect(spilled[1][column("lotSize")]).toBeCloseTo(Math.sqrt(2 * 10 * 50 / 1), 9);
  });

  it("wrong input: one #VALUE! whose message names the cell of the range", async () => {
    const [[cell]] = await planFn([["Id", "Holding Cost"], ["A", -3]], [["From", "To", "Quantity"]]) as { code: string; message: string }[][];
    expect(cell.code).toBe("#VALUE!");
    expect(cell.message).toMatch(/^stagesRange!B2: /);
  });

  it("an arc to a stage that does not exist names the arcs cell", async () => {
    const [[cell]] = await planFn([["Id", "Holding Cost"], ["A", 1]], [["From", "To", "Quantity"], ["A", "Nowhere", 1]]) as { code: string; message: string }[][];
    expect(cell.code).toBe("#VALUE!");
    expect(cell.message).toMatch(/arcsRange!B2/);
  });

  it("an error cell in a range propagates with its place; an empty range says what to give", async () => {
    const error = { code: "#DIV/0!", message: "" };
    const [[held]] = await planFn([["Id", "Holding Cost"], ["A", error]], [["From", "To"]]) as { code: string; message: string }[][];
    expect(held.message).toMatch(/stagesRange \(row 2, column 2\) holds the error #DIV\/0!/);
    const [[empty]] = await planFn([[0]], [[0]]) as { code: string; message: string }[][];
    expect(empty.message).toMatch(/stagesRange is empty/);
  });
});

describe("APS.PLAN figures it cannot compute", () => {
  it("are #N/A with the reason: no lot size without an order cost, no rate without rate or costs", async () => {
    const spilled = await planFn(
      [["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Order Cost"], ["Press", 10, 2, 0.05, 1, 50], ["Cut", null, null, 1, 0.5, null]],
      [["From", "To", "Quantity"], ["Cut", "Press", 1]],
    );
    const cut = spilled[2] as { code?: string; message?: string }[];
    expect(cut[column("lotSize")]).toMatchObject({ code: "#N/A", message: 'Lot size q (units): Stage "Cut": no lot size: give both Order Cost and Holding Cost.' });
    expect(cut[column("rate")].message).toMatch(/^Rate μ \(units\/t\): Stage "Cut": no planned rate/);
    expect(spilled[1][column("lotSize")]).toBeCloseTo(Math.sqrt(2 * 10 * 50 / 1), 9);
  });
});
