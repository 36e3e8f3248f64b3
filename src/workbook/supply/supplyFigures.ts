// Headline figures of a supply plan (docs/supply.md): period dates from planStart, on-time share by
// tier, late unit-periods, peak utilisation and cost, for the sheets' titles, the pane's cards and
// the command's summary.

import type { SupplyProblem, SupplyResult } from "../../engine/supply";
import { onTimeByTier, peakUtilisation } from "../../engine/supply/planFigures";

export { onTimeByTier, peakUtilisation };
import type { JobCard } from "../jobs/types";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The Excel date serial of period t's first day (planStart + (t−1)·P days), or null without planStart. */
export function periodStartSerial(problem: Pick<SupplyProblem, "planStart" | "periodLength">, period: number): number | null {
  if (!problem.planStart) return null;
  const start = Date.parse(problem.planStart);
  if (!Number.isFinite(start)) return null;
  return Math.round((start - EXCEL_EPOCH_MS) / DAY_MS + (period - 1) * problem.periodLength);
}

/** Total lateness (unit-periods of backlog) over every tier; null when no plan was found. */
export function lateUnitPeriods(result: SupplyResult): number | null {
  if (result.objective.lateness.some((l) => l.value === null)) return null;
  return result.objective.lateness.reduce((s, l) => s + (l.value ?? 0), 0);
}

const round = (v: number | null, digits = 4): number | null => (v === null || !Number.isFinite(v) ? null : Number(v.toPrecision(digits + 2)));

/** "optimal: lateness tier 1 = 0, tier 2 = 35; shortfall 12.5; cost 10,234.75". */
export function supplyHeadline(result: SupplyResult): string {
  const o = result.objective;
  const fmt = (v: number | null) => (v === null ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: 2 }));
  const tiers = o.lateness.map((l) => `tier ${l.tier} = ${fmt(l.value)}`).join(", ") || "no demand";
  const status = result.status === "optimal" ? "proven optimal" : `${result.status}${result.gap !== null ? `, gap ${(result.gap * 100).toFixed(2)} %` : ""}`;
  return `Supply plan over ${result.horizon} periods (${status}): lateness ${tiers}; below safety stock ${fmt(o.safetyStockShortfall)}; cost ${fmt(o.cost)}`;
}

/** The pane's cards: on-time share by tier, late unit-periods, peak utilisation, cost, status. */
export function supplyCards(result: SupplyResult): JobCard[] {
  const cards: JobCard[] = onTimeByTier(result).map((t) => ({
    label: `On time, tier ${t.tier}`, value: round(t.share), unit: "share of units",
    detail: `${round(t.onTime)} of ${round(t.quantity)} units delivered in their due period`,
  }));
  const peak = peakUtilisation(result);
  cards.push(
    { label: "Late unit-periods", value: round(lateUnitPeriods(result)), unit: "unit-periods", detail: result.objective.lateness.map((l) => `tier ${l.tier}: ${round(l.value) ?? "—"}`).join(", ") },
    { label: "Peak utilisation", value: peak ? round(peak.value) : null, unit: "load / capacity", detail: peak ? `${peak.resource} in period ${peak.period}` : "No resources" },
    { label: "Cost", value: round(result.objective.cost), detail: "Releases, holding and overtime" },
    { label: "Status", value: result.status, detail: result.status === "optimal" ? "Every level proven optimal" : `Gap ${result.gap === null ? "unknown" : `${(result.gap * 100).toFixed(2)} %`}` },
  );
  return cards;
}
