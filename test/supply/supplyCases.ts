// Small supply problems written by hand (MODEL.md §11), with blanks filled: for tests where the answer is known.

import type { SupplyProblem, SupplyStage } from "../../src/engine/supply";

export type StageSketch = Partial<Omit<SupplyStage, "releaseCap" | "openSupply" | "commitments">> & {
  id: string;
  releaseCap?: (number | null)[] | number;
  openSupply?: Record<number, number>;
  commitments?: Record<number, number>;
};

/** A problem from a sketch: stages by id, arcs and loads by id, demands by stage id. */
export function sketch(spec: {
  horizon: number; frozenPeriods?: number; periodLength?: number;
  stages: StageSketch[];
  arcs?: { from: string; to: string; quantity?: number }[];
  resources?: { id: string; capacity: number | number[]; overtimeCapacity?: number; overtimeCost?: number }[];
  loads?: { stage: string; resource: string; usage: number }[];
  demands: { stage: string; period: number; quantity: number; tier?: number; customer?: string }[];
}): SupplyProblem {
  const T = spec.horizon;
  const ids = new Map(spec.stages.map((s, j) => [s.id, j]));
  const resources = spec.resources ?? [];
  const rids = new Map(resources.map((r, k) => [r.id, k]));
  const perPeriod = (values: Record<number, number> | undefined, blank: number | null) => Array.from({ length: T }, (_, t) => values?.[t + 1] ?? blank);
  return {
    horizon: T, periodLength: spec.periodLength ?? 1, frozenPeriods: spec.frozenPeriods ?? 0, planStart: null,
    stages: spec.stages.map((s) => ({
      id: s.id, leadTimePeriods: s.leadTimePeriods ?? 0, onHand: s.onHand ?? 0, unitCost: s.unitCost ?? 0, holdingCost: s.holdingCost ?? 0,
      safetyStockTarget: s.safetyStockTarget ?? 0, orderCost: s.orderCost ?? 0, minLot: s.minLot ?? 0, lotMultiple: s.lotMultiple ?? null,
      releaseCap: Array.isArray(s.releaseCap) ? s.releaseCap : new Array(T).fill(s.releaseCap ?? null),
      openSupply: perPeriod(s.openSupply, 0) as number[], commitments: perPeriod(s.commitments, null),
    })),
    arcs: (spec.arcs ?? []).map((a) => ({ component: ids.get(a.from)!, consumer: ids.get(a.to)!, quantity: a.quantity ?? 1 })),
    resources: resources.map((r) => ({
      id: r.id, capacity: Array.isArray(r.capacity) ? r.capacity : new Array(T).fill(r.capacity),
      overtimeCapacity: new Array(T).fill(r.overtimeCapacity ?? 0), overtimeCost: r.overtimeCost ?? 0,
    })),
    loads: (spec.loads ?? []).map((l) => ({ stage: ids.get(l.stage)!, resource: rids.get(l.resource)!, usage: l.usage })),
    demands: spec.demands.map((d, row) => ({ stage: ids.get(d.stage)!, customer: d.customer ?? null, tier: d.tier ?? 1, period: d.period, quantity: d.quantity, row })),
    issues: [],
  };
}
