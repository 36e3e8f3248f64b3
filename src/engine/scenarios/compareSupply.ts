// Puts supply plans side by side (docs/scenarios.md): each scenario's objective vector (lateness per
// tier, safety-stock shortfall, cost), on-time share by tier and peak utilisation beside the base's,
// and whether the scenario is better or worse than the base in the lexicographic order of MODEL.md §11.

import { onTimeByTier, peakUtilisation } from "../supply/planFigures";
import type { SupplyResult } from "../supply/types";
import { comparedFigure } from "./comparePlans";
import type { ComparedSupply } from "./types";

/** Objective levels closer than this (relative, with an absolute floor of 1e-6) count as equal. */
const LEVEL_TOLERANCE = 1e-6;

/** The objective vector in lexicographic order over the given tiers: lateness per tier (0 where a plan has none), shortfall, cost. */
function objectiveVector(result: SupplyResult, tiers: readonly number[]): (number | null)[] {
  const o = result.objective;
  return [...tiers.map((t) => { const l = o.lateness.find((x) => x.tier === t); return l ? l.value : 0; }), o.safetyStockShortfall, o.cost];
}

/**
 * How a plan's objective vector compares with the base's, level by level (MODEL.md §11): the first
 * level that differs by more than the tolerance decides; null when either plan has no objective.
 * @example lexicographicOrder([0, 35, 0, 900], [0, 50, 0, 800]) // "better"
 */
export function lexicographicOrder(vector: readonly (number | null)[], base: readonly (number | null)[]): "better" | "same" | "worse" | null {
  for (let k = 0; k < vector.length; k++) {
    const v = vector[k];
    const b = base[k];
    if (v === null || b === null) return null;
    if (Math.abs(v - b) > LEVEL_TOLERANCE * Math.max(1, Math.abs(b))) return v < b ? "better" : "worse";
  }
  return "same";
}

/**
 * The supply figures of one scenario beside the base's (aps-scenarios/1 `supply`).
 * @example compareSupply(paintOvertime, base).objective.lateness // [{ tier: 1, value: 0, difference: 0, percent: 0 }, { tier: 2, … difference < 0 }]
 */
export function compareSupply(result: SupplyResult, base: SupplyResult): ComparedSupply {
  const tiers = [...new Set([...result.objective.lateness, ...base.objective.lateness].map((l) => l.tier))].sort((a, b) => a - b);
  const level = (r: SupplyResult, tier: number) => { const l = r.objective.lateness.find((x) => x.tier === tier); return l ? l.value : 0; };
  const own = onTimeByTier(result);
  const baseShares = onTimeByTier(base);
  const shareTiers = [...new Set([...own, ...baseShares].map((s) => s.tier))].sort((a, b) => a - b);
  const peak = peakUtilisation(result);
  const basePeak = peakUtilisation(base);
  const late = (r: SupplyResult) => (r.objective.lateness.some((l) => l.value === null) ? null : r.objective.lateness.reduce((s, l) => s + (l.value ?? 0), 0));
  return {
    status: result.status,
    gap: result.gap,
    order: lexicographicOrder(objectiveVector(result, tiers), objectiveVector(base, tiers)),
    objective: {
      lateness: tiers.map((tier) => ({ tier, ...comparedFigure(level(result, tier), level(base, tier)) })),
      safetyStockShortfall: comparedFigure(result.objective.safetyStockShortfall, base.objective.safetyStockShortfall),
      cost: comparedFigure(result.objective.cost, base.objective.cost),
    },
    lateUnitPeriods: comparedFigure(late(result), late(base)),
    onTime: shareTiers.map((tier) => {
      const s = own.find((x) => x.tier === tier);
      const b = baseShares.find((x) => x.tier === tier);
      return { tier, quantity: s?.quantity ?? 0, onTime: s?.onTime ?? 0, share: comparedFigure(s ? s.share : null, b ? b.share : null) };
    }),
    peakUtilisation: { ...comparedFigure(peak?.value ?? null, basePeak?.value ?? null), resource: peak?.resource ?? null, period: peak?.period ?? null },
    exceptions: result.exceptions.filter((e) => e.severity !== "info").length,
  };
}
