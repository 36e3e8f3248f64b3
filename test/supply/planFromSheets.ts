// A supply plan read back from the sheets a run saved (Supply Plan, Resource Load, Demand Fulfilment),
// so the independent checker can judge what the pane wrote to the workbook, not only the engine's JSON.

import type ExcelJS from "exceljs";
import type { SupplyProblem } from "../../src/engine/supply";
import type { CellValue } from "../../src/workbook/port";
import { sheetRecords } from "../browser/support/excelRead";
import type { PlanOnly } from "./checkSupplyPlan";

const num = (v: CellValue): number => (v === null || v === "" ? 0 : Number(v));

/** "3: 10; 4: 5.5" (Late by period) → [{ period: 3, quantity: 10 }, …]. */
export function lateByPeriod(text: CellValue): { period: number; quantity: number }[] {
  if (text === null || String(text).trim() === "") return [];
  return String(text).split(";").map((part) => {
    const [period, quantity] = part.split(":").map((x) => Number(x.trim()));
    if (!Number.isFinite(period) || !Number.isFinite(quantity)) throw new Error(`Late by period: cannot read "${part}" of "${text}"`);
    return { period, quantity };
  });
}

/** The plan on the saved sheets, stages and resources in the problem's order (every period 1..T present). */
export function planFromSheets(book: ExcelJS.Workbook, problem: SupplyProblem): PlanOnly {
  const plan = sheetRecords(book, "Supply Plan");
  const load = sheetRecords(book, "Resource Load");
  const stages = problem.stages.map((stage) => {
    const rows = plan.filter((r) => r["Stage"] === stage.id).sort((a, b) => num(a["Period"]) - num(b["Period"]));
    return {
      id: stage.id, leadTimePeriods: stage.leadTimePeriods, safetyStockTarget: stage.safetyStockTarget,
      periods: rows.map((r) => ({
        period: num(r["Period"]), release: num(r["Release x (units)"]), receipt: num(r["Receipt (units)"]), inventory: num(r["Inventory I (units)"]),
        consumption: num(r["Consumption (units)"]), delivered: num(r["Delivered (units)"]), backlog: num(r["Backlog B (units)"]), shortfall: num(r["Below target V (units)"]),
      })),
    };
  });
  const resources = problem.resources.map((resource) => ({
    id: resource.id,
    periods: load.filter((r) => r["Resource"] === resource.id).sort((a, b) => num(a["Period"]) - num(b["Period"]))
      .map((r) => ({ period: num(r["Period"]), capacity: num(r["Capacity C"]), load: num(r["Load Σ u x"]), overtime: num(r["Overtime O"]) })),
  }));
  const demands = sheetRecords(book, "Demand Fulfilment").map((r) => ({
    stage: String(r["Stage"]), customer: r["Customer"] === null ? null : String(r["Customer"]), tier: num(r["Tier"]), period: num(r["Due period"]),
    quantity: num(r["Quantity (units)"]), onTime: num(r["On time (units)"]), late: lateByPeriod(r["Late by period"]), undelivered: num(r["Undelivered (units)"]), reasons: [],
  }));
  return { stages, resources, demands };
}
