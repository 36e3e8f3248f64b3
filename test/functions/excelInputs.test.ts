// The custom functions called as Excel calls them (functions.json allows error values and data types):
// error values name the argument, one bad cell of a range does not stop the spill, data types are read
// by their basicValue, and APS.PLAN reads empty cells alike from Excel desktop (0, then by reference)
// and Excel on the web (null), agreeing with the pane.
import * as F from "../../src/functions/functions";
import { plainCell } from "../../src/functions/excelValues";
import { blanksByValueType, splitAddress } from "../../src/functions/referenceBlanks";
import { planWorkbookTables } from "../../src/workbook/plan/planWorkbook";
import { memoryPort } from "../../src/workbook/jobs/memoryPort";
import { PLAN_COLUMNS } from "../../src/workbook/plan/planSheets";
import type { CellValue } from "../../src/workbook/port";

type Cell = number | string | { code: string; message: string };
const err = (cell: unknown) => cell as { code: string; message: string };

/** What office.js passes for an error cell (a CustomFunctions.Error: code and maybe a message). */
const excelError = (code: string) => Object.assign(new Error(""), { name: "CustomFunctions.Error", code });

describe("error values in arguments (allowErrorForDataTypeAny)", () => {
  it("an error argument comes back as #VALUE! naming the argument; #N/A stays #N/A", () => {
    const [[q]] = F.eoq([[excelError("#DIV/0!")]], [[50]], [[2]]) as Cell[][];
    expect(err(q)).toMatchObject({ code: "#VALUE!", message: "demandRate holds the error #DIV/0!" });
    const [[z]] = F.serviceZ([[excelError("#N/A")]]) as Cell[][];
    expect(err(z)).toMatchObject({ code: "#N/A", message: "serviceLevel holds the error #N/A" });
  });
  it("a data-type error ({ type: Error, errorType }) reads like the plain one", () => {
    const [[u]] = F.utilisationFn([[{ type: "Error", basicType: "Error", basicValue: "#DIV/0!", errorType: "Div0" }]], [[5]]) as Cell[][];
    expect(err(u).message).toBe("arrivalRate holds the error #DIV/0!");
  });
  it("one #DIV/0! in a 1,000-row range is one error cell; the other 999 rows are computed", () => {
    const rates = Array.from({ length: 1000 }, (_, i) => [i === 500 ? excelError("#DIV/0!") : 100 + i]);
    const out = F.eoq(rates, [[50]], [[2]]) as Cell[][];
    expect(out).toHaveLength(1000);
    expect(err(out[500][0]).message).toBe("demandRate holds the error #DIV/0!");
    expect(out[499][0]).toBeCloseTo(Math.sqrt((2 * 599 * 50) / 2), 10);
    expect(out.filter((row) => typeof row[0] === "number")).toHaveLength(999);
  });
  it("an error inside a forecast history names the history", async () => {
    const [[cell]] = await F.forecastRateFn([[10], [excelError("#REF!")], [12]]);
    expect(err(cell)).toMatchObject({ code: "#VALUE!", message: "history holds the error #REF!" });
  });
});

describe("data types in arguments (allowCustomDataForDataTypeAny)", () => {
  it("a formatted number is read by its basicValue", () => {
    const formatted = { type: "FormattedNumber", basicType: "Double", basicValue: 1200, numberFormat: "#,##0" };
    const [[q]] = F.eoq([[formatted]], [[{ type: "Double", basicValue: 50 }]], [[2]]) as Cell[][];
    expect(q).toBeCloseTo(244.948974278318, 10);
  });
  it("an entity with no plain value is an error naming the argument and the entity", () => {
    const entity = { type: "Entity", text: "Widget", basicType: "Error", basicValue: "#VALUE!", properties: {} };
    const [[q]] = F.eoq([[entity]], [[50]], [[2]]) as Cell[][];
    expect(err(q)).toMatchObject({ code: "#VALUE!", message: 'demandRate holds the error #VALUE!: Entity "Widget" has no plain value' });
  });
  it("plain cells pass unchanged; a boolean data type gives its basicValue", () => {
    for (const v of [null, 0, 3.5, "text", true]) expect(plainCell(v)).toBe(v);
    expect(plainCell({ type: "Boolean", basicValue: true })).toBe(true);
  });
});

describe("APS.PLAN: empty cells from Excel desktop (0) and the web (null), and the pane, agree", () => {
  const header = ["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Order Cost"];
  // Cut has no order cost (blank); Press has a typed order cost of 0 (lot size 0, not "no lot size").
  const web: CellValue[][] = [header, ["Press", 10, 2, 0.05, 1, 0], ["Cut", 5, 1, 1, 0.5, null]];
  const arcs: CellValue[][] = [["From", "To", "Quantity"], ["Cut", "Press", 1]];
  const desktop = web.map((row) => row.map((v) => v ?? 0));
  const valueTypes = web.map((row) => row.map((v) => (v === null ? "Empty" : typeof v === "number" ? "Double" : "String")));
  const lot = PLAN_COLUMNS.findIndex((c) => c.field === "lotSize");

  /** A fake Excel.run serving value types by "Sheet!A1:F3" address (only what referenceBlanks.ts asks). */
  function fakeExcel(types: Record<string, string[][]>) {
    return {
      run: async (batch: (context: unknown) => Promise<unknown>) => {
        const loaded: { address: string; valueTypes?: string[][] }[] = [];
        const context = {
          workbook: { worksheets: { getItem: (sheet: string) => ({ getRange: (range: string) => {
            const proxy = { address: `${sheet}!${range}`, valueTypes: undefined as string[][] | undefined, load: () => { loaded.push(proxy); } };
            return proxy;
          } }) } },
          sync: async () => { for (const p of loaded) p.valueTypes = types[p.address]; },
        };
        return batch(context);
      },
    };
  }

  afterEach(() => { delete (globalThis as { Excel?: unknown }).Excel; });

  it("the web encoding (null) plans like the pane: blank order cost → #N/A no lot size; typed 0 → lot size 0", async () => {
    const cell = await F.planFn(web, arcs);
    const pane = await planWorkbookTables(memoryPort({ Stages: { name: "Stages", sheet: "Stages", headers: header, rows: web.slice(1), headerRow: 1, firstColumn: 1 }, Arcs: { name: "Arcs", sheet: "Arcs", headers: arcs[0] as string[], rows: arcs.slice(1), headerRow: 1, firstColumn: 1 }, Settings: null }));
    if (!pane.ok) throw new Error(pane.errors.join("\n"));
    expect(cell[1][lot]).toBe(0);
    expect(pane.plan.stages[0].lotSize).toBe(0);
    expect(err(cell[2][lot])).toMatchObject({ code: "#N/A" });
    expect(err(cell[2][lot]).message).toMatch(/no lot size/);
    expect(pane.plan.stages[1].lotSize).toBeNull();
  });

  it("the desktop encoding (0) with the ranges' addresses reads the value types and gives the same spill", async () => {
    (globalThis as { Excel?: unknown }).Excel = fakeExcel({ "Inputs!A1:F3": valueTypes, "Inputs!H1:J2": arcs.map((r) => r.map(() => "String")) });
    const fromDesktop = await F.planFn(desktop, arcs, undefined, { parameterAddresses: ["Inputs!A1:F3", "Inputs!H1:J2", null] } as never);
    delete (globalThis as { Excel?: unknown }).Excel;
    const fromWeb = await F.planFn(web, arcs);
    expect(fromDesktop).toEqual(fromWeb);
  });

  it("without addresses a desktop 0 is taken as the number 0 (the documented fallback)", async () => {
    const spilled = await F.planFn(desktop, arcs);
    expect(spilled[2][lot]).toBe(0);
  });

  it("reference helpers: sheet names with quotes, value types by shape", () => {
    expect(splitAddress("'My ''plan'''!$A$1:$F$20")).toEqual({ sheet: "My 'plan'", range: "$A$1:$F$20" });
    expect(splitAddress("[Book1]Stages!A1:B2")).toEqual({ sheet: "Stages", range: "A1:B2" });
    expect(splitAddress("A1:B2")).toBeNull();
    expect(blanksByValueType([[0, 1]], [["Empty", "Double"]])).toEqual([[null, 1]]);
    expect(blanksByValueType([[0, 1]], [["Empty"]])).toEqual([[0, 1]]);
  });
});
