// Headline figures of a supply plan (MODEL.md §11): the on-time share of each tier's demanded units
// and the peak utilisation of the resources, shared by the pane's cards, the command's summary and
// the comparison of scenarios.

import type { SupplyResult } from "./types";

/** On-time share of demanded units per tier (ascending tiers), 1 where a tier demands nothing. */
export function onTimeByTier(result: SupplyResult): { tier: number; quantity: number; onTime: number; share: number }[] {
  const byTier = new Map<number, { quantity: number; onTime: number }>();
  for (const d of result.demands) {
    const t = byTier.get(d.tier) ?? { quantity: 0, onTime: 0 };
    t.quantity += d.quantity;
    t.onTime += d.onTime;
    byTier.set(d.tier, t);
  }
  return [...byTier.entries()].sort((a, b) => a[0] - b[0]).map(([tier, t]) => ({ tier, ...t, share: t.quantity > 0 ? t.onTime / t.quantity : 1 }));
}

/** Highest load / capacity over resources and periods (capacity > 0), with where it is; null without resources. */
export function peakUtilisation(result: SupplyResult): { value: number; resource: string; period: number } | null {
  let peak: { value: number; resource: string; period: number } | null = null;
  for (const r of result.resources) {
    for (const p of r.periods) {
      if (p.capacity <= 1e-9) continue;
      const value = p.load / p.capacity;
      if (!peak || value > peak.value + 1e-12) peak = { value, resource: r.id, period: p.period };
    }
  }
  return peak;
}
