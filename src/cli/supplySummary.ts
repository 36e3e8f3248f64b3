// What `aps supply` prints without --json: status, each level's value, the late demands (the first
// ones, with why) and the peak utilisation; and the one-line answer of --promise.

import type { SupplyPromise, SupplyResult } from "../engine/supply";
import { onTimeByTier, peakUtilisation } from "../workbook/supply/supplyFigures";

const fmt = (v: number | null) => (v === null ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: 2 }));

/** The summary of a supply plan: status, objective per level, on-time shares, late demands (at most `maxLate`). */
export function supplySummary(result: SupplyResult, maxLate = 15): string {
  const lines: string[] = [];
  const gap = result.status === "optimal" ? "every level proven optimal" : `gap ${result.gap === null ? "unknown" : `${(result.gap * 100).toFixed(2)} %`}`;
  lines.push(`Supply plan over ${result.horizon} periods of ${result.periodLength}: ${result.status} (${gap})`);
  lines.push("Objective, level by level:");
  for (const l of result.objective.lateness) lines.push(`  tier ${l.tier} lateness      ${fmt(l.value)} unit-periods`);
  lines.push(`  safety-stock shortfall ${fmt(result.objective.safetyStockShortfall)} unit-periods`);
  lines.push(`  cost                   ${fmt(result.objective.cost)}`);
  for (const t of onTimeByTier(result)) lines.push(`On time, tier ${t.tier}: ${(t.share * 100).toFixed(1)} % (${fmt(t.onTime)} of ${fmt(t.quantity)} units)`);
  const peak = peakUtilisation(result);
  if (peak) lines.push(`Peak utilisation: ${(peak.value * 100).toFixed(1)} % (${peak.resource}, period ${peak.period})`);
  const late = result.demands.filter((d) => d.late.length > 0 || d.undelivered > 1e-7);
  lines.push(late.length === 0 ? "No demand is late." : `Late demands: ${late.length}`);
  for (const d of late.slice(0, maxLate)) {
    const lateUnits = d.late.reduce((s, l) => s + l.quantity, 0);
    const why = d.reasons.length > 0 ? ` — ${d.reasons.map((r) => r.message).join("; ")}` : "";
    lines.push(`  ${d.stage}${d.customer ? ` for ${d.customer}` : ""} (tier ${d.tier}), due ${d.period}: ${fmt(d.quantity)} units, ${fmt(lateUnits)} late${d.undelivered > 1e-7 ? `, ${fmt(d.undelivered)} undelivered` : ""}${why}`);
  }
  if (late.length > maxLate) lines.push(`  … and ${late.length - maxLate} more (--json or --out for all)`);
  const notes = result.exceptions.filter((e) => e.severity !== "info");
  if (notes.length > 0) lines.push(`Exceptions: ${notes.length} (${notes.slice(0, 3).map((e) => `${e.where}: ${e.message}`).join(" | ")}${notes.length > 3 ? " | …" : ""})`);
  return lines.join("\n");
}

/** "Assembly, due in period 6: at most 120 units on time; all 150 by period 8." */
export function promiseSummary(p: SupplyPromise): string {
  const whole = p.quantity === null ? "" : p.earliestPeriod === null ? `; all ${fmt(p.quantity)} units cannot be delivered within the horizon` : `; all ${fmt(p.quantity)} units by period ${p.earliestPeriod}`;
  return `${p.stage}, due in period ${p.period}: at most ${fmt(p.maxOnTime)} units on time without making any existing demand later${whole} (${p.status}).`;
}
