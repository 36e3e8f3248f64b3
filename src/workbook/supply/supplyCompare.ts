// What the planner's edits of Planned Orders cost against the last run (docs/editing.md "Firm planned
// orders"): lateness per tier, shortfall and cost, last run → now, as the pane's cards and as text.

import type { SupplyObjective } from "../../engine/supply";
import type { JobCard } from "../jobs/types";
import type { EditCounts } from "./firmSupplyRun";

const tidy = (v: number | null): number | null => (v === null || !Number.isFinite(v) ? null : Number(v.toPrecision(8)));
const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

/** Each level: its name, the last run's value and now (tiers of either run). */
export function compareLevels(before: SupplyObjective | null, after: SupplyObjective): { label: string; before: number | null; after: number | null }[] {
  const tiers = [...new Set([...(before?.lateness ?? []).map((l) => l.tier), ...after.lateness.map((l) => l.tier)])].sort((a, b) => a - b);
  const tierValue = (o: SupplyObjective | null, tier: number) => (o ? o.lateness.find((l) => l.tier === tier)?.value ?? 0 : null);
  return [
    ...tiers.map((tier) => ({ label: `Lateness, tier ${tier}`, before: tidy(tierValue(before, tier)), after: tidy(tierValue(after, tier)) })),
    { label: "Below safety stock", before: tidy(before?.safetyStockShortfall ?? null), after: tidy(after.safetyStockShortfall) },
    { label: "Cost", before: tidy(before?.cost ?? null), after: tidy(after.cost) },
  ];
}

/** The compare cards: each level now, with the last run's value and the change; then the edits kept. */
export function compareCards(before: SupplyObjective | null, after: SupplyObjective, edits: EditCounts): JobCard[] {
  const cards: JobCard[] = compareLevels(before, after).map(({ label, before: b, after: a }) => ({
    label, value: a, unit: label === "Cost" ? undefined : "unit-periods",
    detail: b === null ? "no last run to compare with" : a === null ? `last run ${b}` : `last run ${b} (${signed(tidy(a - b)!)})`,
  }));
  cards.push({ label: "Firm orders kept", value: edits.firm + edits.changed, detail: `${edits.firm} marked Firm, ${edits.changed} changed by hand (kept this run)` });
  return cards;
}

/** The compare as text: one line per level, last run → now. */
export function compareText(before: SupplyObjective | null, after: SupplyObjective, edits: EditCounts): string {
  const show = (v: number | null) => (v === null ? "-" : v.toLocaleString("en-US", { maximumFractionDigits: 2 }));
  const lines = [`Edits of Planned Orders: ${edits.firm} firm, ${edits.changed} changed by hand (kept this run)`, `                         last run →        now`];
  for (const { label, before: b, after: a } of compareLevels(before, after)) lines.push(`  ${label.padEnd(20)} ${show(b).padStart(12)} → ${show(a).padStart(10)}`);
  if (!before) lines.push("  (no last run to compare with: the Run columns do not fit the inputs, or there is no Planned Orders sheet)");
  return lines.join("\n");
}
