// Seeded random supply networks over time (MODEL.md §11) for the benchmark and the property tests:
// a bill of materials in layers, resources loaded near their capacity, tiered demand on end items.

import { seededRandom } from "../../src/engine/random";
import type { SupplyProblem } from "../../src/engine/supply";

export interface RandomSupplySize {
  stages: number;
  periods: number;
  resources: number;
  tiers: number;
}

/** A reproducible supply problem of the given size: every figure drawn from `seed`. */
export function randomSupplyProblem(seed: number, size: RandomSupplySize): SupplyProblem {
  const random = seededRandom(seed);
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
  const { stages: J, periods: T, resources: R, tiers: K } = size;
  const endItems = Math.max(1, Math.round(J * 0.2));
  const arcs: SupplyProblem["arcs"] = [];
  for (let j = 0; j < J; j++) {
    if (j >= J - Math.max(1, Math.round(J * 0.3))) continue; // purchased parts: no components
    const count = int(1, 3);
    const seen = new Set<number>();
    for (let k = 0; k < count; k++) {
      const component = int(Math.max(j + 1, endItems), J - 1);
      if (component <= j || seen.has(component)) continue;
      seen.add(component);
      arcs.push({ component, consumer: j, quantity: int(1, 3) });
    }
  }
  const demands: SupplyProblem["demands"] = [];
  const rate = new Array<number>(J).fill(0);
  for (let j = 0; j < endItems; j++) {
    for (let t = 1; t <= T; t++) {
      if (random() < 0.3) continue;
      const quantity = int(5, 50);
      const tier = int(1, K);
      demands.push({ stage: j, customer: `C${tier}-${int(0, 3)}`, tier, period: t, quantity, row: demands.length });
      rate[j] += quantity / T;
    }
  }
  for (let j = 0; j < J; j++) for (const a of arcs) if (a.consumer === j) rate[a.component] += a.quantity * rate[j];
  const loads: SupplyProblem["loads"] = [];
  for (let j = 0; j < J; j++) {
    const count = R === 0 ? 0 : int(0, 2);
    const used = new Set<number>();
    for (let k = 0; k < count; k++) {
      const resource = int(0, R - 1);
      if (used.has(resource)) continue;
      used.add(resource);
      loads.push({ stage: j, resource, usage: round(0.5 + random() * 1.5, 1) });
    }
  }
  const resources = Array.from({ length: R }, (_, r) => {
    const load = loads.filter((l) => l.resource === r).reduce((s, l) => s + l.usage * rate[l.stage], 0);
    const capacity = round(Math.max(1, load * (0.8 + random() * 0.4)), 1);
    const overtime = random() < 0.5 ? round(capacity * 0.1, 1) : 0;
    return { id: `R${r}`, capacity: new Array(T).fill(capacity), overtimeCapacity: new Array(T).fill(overtime), overtimeCost: round(1 + random() * 5) };
  });
  const stages = Array.from({ length: J }, (_, j) => {
    const openSupply = new Array(T).fill(0);
    if (random() < 0.3) openSupply[int(0, Math.min(2, T - 1))] = Math.round(rate[j] * 2);
    const commitments = new Array<number | null>(T).fill(null);
    if (j >= J - Math.round(J * 0.3) && random() < 0.3) for (let t = 0; t < T; t++) commitments[t] = Math.round(rate[j] * (0.8 + random() * 0.6));
    return {
      id: `S${String(j).padStart(3, "0")}`, leadTimePeriods: int(0, 3), onHand: random() < 0.5 ? Math.round(rate[j] * int(0, 3)) : 0,
      unitCost: round(random() * 20), holdingCost: round(0.1 + random() * 2, 3), safetyStockTarget: random() < 0.3 ? Math.round(rate[j] * 0.5) : 0,
      orderCost: round(10 + random() * 100), minLot: 0, lotMultiple: null,
      releaseCap: new Array(T).fill(random() < 0.2 ? Math.round(rate[j] * 1.3) + 1 : null),
      openSupply, commitments,
    };
  });
  return { horizon: T, periodLength: 7, frozenPeriods: 1, planStart: null, stages, arcs, resources, loads, demands, issues: [] };
}
