// The defaults that link the supply run to the other modules (docs/supply.md "Sheets and command"):
// without a Demands table, demand per period from the Demand History forecast (else Demand Rate · P);
// blank Safety Stock Target and Lead Time Periods from the steady-state plan. Also: Cancel stops the run.

import { bikeSupplyRecord, supplyTablesWorkbook } from "../../examples/generator/supplyPlanExample";
import { forecastHistory } from "../../src/engine/forecast/forecastRun";
import { plannedFigures, supplyProblemOf } from "../../src/engine/supply";
import { readWorkbookHistory } from "../../src/workbook/forecast/forecastTables";
import { loadHighsModule } from "../../src/workbook/supply/highsProvider";
import { supplyWorkbookTables } from "../../src/workbook/supply/supplyWorkbook";
import { xlsxWorkbookFrom } from "../../src/workbook/xlsx/xlsxWorkbook";

/** The bike example without Demands, Lead Time Periods or Safety Stock Target, and 20 weeks of history at Final Assembly. */
function defaultsWorkbook() {
  const record = bikeSupplyRecord() as Record<string, unknown>;
  delete record.demands;
  record.stages = (record.stages as Record<string, unknown>[]).map(({ leadTimePeriods: _l, safetyStockTarget: _s, ...stage }) => stage);
  const book = supplyTablesWorkbook(record, ["test"]);
  const sheet = book.addWorksheet("Demand History");
  sheet.addTable({
    name: "DemandHistory", ref: "A1", headerRow: true, columns: [{ name: "Stage" }, { name: "Period" }, { name: "Quantity" }],
    rows: Array.from({ length: 20 }, (_, k) => ["Final Assembly", k + 1, 270 + (k % 4) * 10]),
  });
  return { record, port: xlsxWorkbookFrom(book) };
}

describe("the supply run's defaults", () => {
  it("takes demand from the Demand History forecast, else Demand Rate · periodLength", async () => {
    const { port } = defaultsWorkbook();
    const outcome = await supplyWorkbookTables(port, await loadHighsModule());
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    const history = await readWorkbookHistory(port);
    const forecast = forecastHistory(history!.series.map((s) => ({ ...s, horizon: 26 })), { ...history!.settings, horizon: 26 }).record.series[0].forecast;
    const assembly = outcome.result.demands.filter((d) => d.stage === "Final Assembly");
    expect(assembly.map((d) => d.quantity)).toEqual(forecast.map((f) => expect.closeTo(f, 9)));
    expect(assembly.every((d) => d.tier === 1 && d.customer === null)).toBe(true);
    const heat = outcome.result.demands.filter((d) => d.stage === "Heat Treatment");
    expect(heat).toHaveLength(26);
    expect(heat.every((d) => Math.abs(d.quantity - 5 * 7) < 1e-9)).toBe(true);
    expect(outcome.result.exceptions.some((e) => e.severity === "info" && /Final Assembly: demand per period from its Demand History forecast/.test(e.message))).toBe(true);
  });

  it("takes blank lead times and safety-stock targets from the steady-state plan", async () => {
    const { record, port } = defaultsWorkbook();
    const outcome = await supplyWorkbookTables(port, await loadHighsModule());
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    const read = supplyProblemOf({ ...record, demands: [] });
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const planned = plannedFigures(read.network)!;
    for (const stage of outcome.result.stages) {
      const p = planned.find((s) => s.id === stage.id)!;
      expect(stage.leadTimePeriods).toBe(Math.max(0, Math.ceil(p.leadTime! / 7 - 1e-9)));
      expect(stage.safetyStockTarget).toBeCloseTo(Math.max(0, p.safetyStock ?? 0), 9);
    }
    expect(outcome.result.stages.some((s) => s.safetyStockTarget > 0)).toBe(true);
  });

  it("stops when cancelled, saying so", async () => {
    const { port } = defaultsWorkbook();
    const outcome = await supplyWorkbookTables(port, await loadHighsModule(), { isCancelled: () => true });
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    expect(outcome.result.status).toBe("cancelled");
  });
});
