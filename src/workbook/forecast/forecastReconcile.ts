// CPFR in the workbook: the optional `Partner Forecasts` table (Partner, Stage, Period, Quantity)
// against the history (periods already past: forecast vs actual) and our forecast (periods ahead:
// forecast vs forecast); deviations beyond the tolerance become exceptions naming partner, stage, periods.

import type { ForecastRun } from "../../engine/forecast/forecastRun";
import { futurePeriodLabels, periodIndex } from "../../engine/forecast/history";
import { reconcile } from "../../engine/forecast/reconcile";
import { normaliseName } from "../../engine/network/fields";
import { TableData, tableCellAddress } from "../port";

type Exception = { severity: "error" | "warning" | "info"; where: string; message: string };

function column(table: TableData, name: string): number {
  return table.headers.findIndex((h) => normaliseName(String(h ?? "")) === normaliseName(name));
}

/**
 * Reconciles each partner's forecast of each stage; rows that cannot be read are reported, not
 * guessed. `tolerance` is the relative deviation allowed (0.2 = 20 %).
 */
export function reconcilePartnerForecasts(table: TableData | null, run: ForecastRun, tolerance = 0.2): Exception[] {
  if (!table) return [];
  const cols = { partner: column(table, "Partner"), stage: column(table, "Stage"), period: column(table, "Period"), quantity: column(table, "Quantity") };
  const missing = Object.entries(cols).filter(([, c]) => c < 0).map(([k]) => k.charAt(0).toUpperCase() + k.slice(1));
  if (missing.length) return [{ severity: "error", where: table.sheet, message: `${table.sheet}: the Partner Forecasts table needs column(s) ${missing.join(", ")}.` }];
  const out: Exception[] = [];
  const groups = new Map<string, { partner: string; stage: string; rows: { period: number; quantity: number }[] }>();
  table.rows.forEach((row, r) => {
    const partner = row[cols.partner], stage = row[cols.stage], period = row[cols.period], quantity = row[cols.quantity];
    if ([partner, stage, period, quantity].every((v) => v === null || (typeof v === "string" && v.trim() === ""))) return;
    const detail = run.details.find((d) => d.series.id === String(stage ?? "").trim());
    if (!detail) { out.push({ severity: "warning", where: tableCellAddress(table, r, cols.stage), message: `Partner Forecasts: stage "${String(stage ?? "")}" has no Demand History; the row is not reconciled.` }); return; }
    const index = typeof period === "number" || typeof period === "string" ? periodIndex(period, detail.series.grain ?? "integer") : null;
    if (index === null || typeof quantity !== "number" || !Number.isFinite(quantity)) {
      out.push({ severity: "warning", where: tableCellAddress(table, r, index === null ? cols.period : cols.quantity), message: `Partner Forecasts: ${index === null ? "Period must be a period of the Demand History's kind (date or whole number)" : "Quantity must be a number"}; the row is not reconciled.` });
      return;
    }
    const key = `${String(partner ?? "")}\u0000${detail.series.id}`;
    if (!groups.has(key)) groups.set(key, { partner: String(partner ?? "").trim() || "partner", stage: detail.series.id, rows: [] });
    groups.get(key)!.rows.push({ period: index, quantity });
  });
  for (const g of groups.values()) {
    const { series, result } = run.details.find((d) => d.series.id === g.stage)!;
    const last = series.lastIndex ?? series.values.length;
    const first = last - series.values.length + 1;
    const future = futurePeriodLabels(series.grain, series.lastIndex, result.forecast.length, series.values.length);
    const sums = new Map<number, number>();
    for (const row of g.rows) sums.set(row.period, (sums.get(row.period) ?? 0) + row.quantity);
    const past = [...sums].filter(([p]) => p >= first && p <= last).sort((a, b) => a[0] - b[0]);
    const ahead = [...sums].filter(([p]) => p > last && p <= last + result.forecast.length).sort((a, b) => a[0] - b[0]);
    const checks = [
      { kind: "forecast vs actual" as const, pairs: past.map(([p, q]) => ({ label: series.periods[p - first], a: q, b: series.values[p - first] })) },
      { kind: "forecast vs forecast" as const, pairs: ahead.map(([p, q]) => ({ label: future[p - last - 1], a: q, b: result.forecast[p - last - 1] })) },
    ];
    for (const check of checks) {
      if (check.pairs.length === 0) continue;
      const found = reconcile({ partner: g.partner, stage: g.stage, kind: check.kind, periods: check.pairs.map((x) => x.label), compared: check.pairs.map((x) => x.a), reference: check.pairs.map((x) => x.b), tolerance });
      if (found) out.push({ severity: "warning", where: table.sheet, message: found.message });
    }
  }
  return out;
}
