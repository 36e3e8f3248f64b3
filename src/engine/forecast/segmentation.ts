// Demand segmentation: ABC by volume or value (cumulative share cut-offs), XYZ by coefficient of
// variation, the Syntetos–Boylan pattern, and the service level suggested per segment.

import { PlanningInputError } from "../errors";
import { demandPattern, DemandPattern } from "./intermittent";

export interface SegmentationSettings {
  /** Cumulative shares closing classes A and B (default 0.80 and 0.95: 80/15/5). */
  abcCutoffs: [number, number];
  /** CV limits closing classes X and Y (default 0.5 and 1.0). */
  xyzCutoffs: [number, number];
}

export const DEFAULT_SEGMENTATION: SegmentationSettings = { abcCutoffs: [0.8, 0.95], xyzCutoffs: [0.5, 1.0] };

export interface Segment {
  id: string;
  abc: "A" | "B" | "C";
  xyz: "X" | "Y" | "Z";
  pattern: DemandPattern;
  /** Volume (Σ quantity) or value (Σ quantity × price) over the history. */
  total: number;
  /** Coefficient of variation of demand per period (sd/mean; Infinity when the mean is 0). */
  cv: number;
}

function checkCutoffs(pair: [number, number], name: string, max: number): void {
  if (!(pair[0] > 0 && pair[0] < pair[1] && pair[1] <= max)) {
    throw new PlanningInputError(`${name} must be two increasing numbers above 0${max === 1 ? " and at most 1" : ""} (got ${pair.join(", ")}).`, name);
  }
}

/**
 * ABC: items sorted by total, largest first; an item is A while the cumulative share before it is
 * below the first cut-off, B below the second, else C. XYZ: CV ≤ first cut-off X, ≤ second Y, else Z.
 * @example segmentDemand([{id:"a",values:[80,80]},{id:"b",values:[15,15]},{id:"c",values:[5,5]}]).map(s => s.abc) // ["A","B","C"]
 */
export function segmentDemand(
  items: { id: string; values: readonly number[]; price?: number }[],
  settings: SegmentationSettings = DEFAULT_SEGMENTATION,
): Segment[] {
  checkCutoffs(settings.abcCutoffs, "abcCutoffs", 1);
  checkCutoffs(settings.xyzCutoffs, "xyzCutoffs", Infinity);
  const totals = items.map((item) => item.values.reduce((a, b) => a + Math.max(0, b), 0) * (item.price ?? 1));
  const grand = totals.reduce((a, b) => a + b, 0);
  const order = items.map((_, i) => i).sort((a, b) => totals[b] - totals[a]);
  const abc = new Array<"A" | "B" | "C">(items.length);
  let cumulative = 0;
  for (const i of order) {
    const before = grand > 0 ? cumulative / grand : 1;
    abc[i] = before < settings.abcCutoffs[0] ? "A" : before < settings.abcCutoffs[1] ? "B" : "C";
    cumulative += totals[i];
  }
  return items.map((item, i) => {
    const n = item.values.length;
    const mean = n ? item.values.reduce((a, b) => a + b, 0) / n : 0;
    const sd = n > 1 ? Math.sqrt(item.values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : 0;
    const cv = mean > 0 ? sd / mean : sd === 0 && mean === 0 ? Infinity : Infinity;
    const xyz = cv <= settings.xyzCutoffs[0] ? "X" : cv <= settings.xyzCutoffs[1] ? "Y" : "Z";
    return { id: item.id, abc: abc[i], xyz, pattern: demandPattern(item.values).pattern, total: totals[i], cv };
  });
}

/** A row of the `Segment Service Levels` table: a segment pattern ("AX", "A", "X", "*") and its level. */
export interface SegmentServiceLevel {
  segment: string;
  serviceLevel: number;
}

/**
 * The suggested service level for a segment: the most specific matching row wins ("AX" over "A"
 * or "X" over "*"); null when no row matches.
 * @example suggestedServiceLevel("A", "X", [{segment:"A",serviceLevel:0.98},{segment:"AX",serviceLevel:0.99}]) // 0.99
 */
export function suggestedServiceLevel(abc: string, xyz: string, table: SegmentServiceLevel[]): number | null {
  const keys = [abc + xyz, abc, xyz, "*"];
  for (const key of keys) {
    const row = table.find((r) => r.segment.trim().toUpperCase() === key);
    if (row) return row.serviceLevel;
  }
  return null;
}

/** Orders per period and the mean lead-time tolerance (due − order date) of one customer. */
export interface CustomerProfile {
  customer: string;
  orders: number;
  /** Orders per period over the span of the customer's order dates. */
  orderFrequency: number;
  /** Mean of (due date − order date), in days; null when no order has both. */
  leadTimeTolerance: number | null;
}

/**
 * Order frequency and lead-time tolerance per customer from `Orders` rows (dates as Excel serials
 * or day numbers). `periodDays` turns days into periods (30.4375 for months).
 * @example customerProfiles([{customer:"K",orderDate:0,dueDate:10},{customer:"K",orderDate:60,dueDate:64}], 30)[0].leadTimeTolerance // 7
 */
export function customerProfiles(orders: { customer: string; orderDate: number; dueDate?: number | null }[], periodDays = 30.4375): CustomerProfile[] {
  const byCustomer = new Map<string, { dates: number[]; tolerances: number[] }>();
  for (const o of orders) {
    const entry = byCustomer.get(o.customer) ?? { dates: [], tolerances: [] };
    entry.dates.push(o.orderDate);
    if (typeof o.dueDate === "number") entry.tolerances.push(o.dueDate - o.orderDate);
    byCustomer.set(o.customer, entry);
  }
  return [...byCustomer].map(([customer, e]) => {
    const span = (Math.max(...e.dates) - Math.min(...e.dates)) / periodDays;
    return {
      customer, orders: e.dates.length,
      orderFrequency: e.dates.length / Math.max(1, span),
      leadTimeTolerance: e.tolerances.length ? e.tolerances.reduce((a, b) => a + b, 0) / e.tolerances.length : null,
    };
  });
}
