// The placement honours fixed service times (a partner's commitment) and stays optimal: checked
// against exhaustive search on small random networks, with tree DP and branch and bound.

import fc from "fast-check";
import { placeSafetyStock, PlacementProblem } from "../../src/engine/placement";

/** Exhaustive search over integer S (integer data), fixed stages held at their value, τ of a fixed stage floored at 0. */
function bruteForce(problem: PlacementProblem): number {
  const n = problem.stages.length;
  let top = 0;
  for (const s of problem.stages) top += s.leadTime + s.externalInboundTime + (s.fixedServiceTime ?? 0);
  const S = new Array<number>(n).fill(0);
  let best = Infinity;
  const upstream = problem.stages.map((_, j) => problem.arcs.filter((a) => a.to === j).map((a) => a.from));
  const evaluate = (): void => {
    let cost = 0;
    for (let j = 0; j < n; j++) {
      const stage = problem.stages[j];
      const si = Math.max(stage.externalInboundTime, ...upstream[j].map((i) => S[i]));
      const tau = si + stage.leadTime - S[j];
      const fixed = stage.fixedServiceTime !== null && stage.fixedServiceTime !== undefined;
      if (!fixed && (tau < 0 || (stage.maxServiceTime !== null && S[j] > stage.maxServiceTime))) return;
      cost += stage.unitCost * Math.sqrt(Math.max(0, tau));
    }
    best = Math.min(best, cost);
  };
  const walk = (j: number): void => {
    if (j === n) return evaluate();
    const fixed = problem.stages[j].fixedServiceTime;
    if (fixed !== null && fixed !== undefined) {
      S[j] = fixed;
      return walk(j + 1);
    }
    for (let s = 0; s <= top; s++) {
      S[j] = s;
      walk(j + 1);
    }
  };
  walk(0);
  return best;
}

const networks = fc.integer({ min: 2, max: 5 }).chain((n) => fc.record({
  stages: fc.array(fc.record({
    leadTime: fc.integer({ min: 0, max: 4 }), externalInboundTime: fc.integer({ min: 0, max: 3 }),
    maxServiceTime: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), unitCost: fc.integer({ min: 0, max: 9 }),
    fixedServiceTime: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null, freq: 2 }),
  }), { minLength: n, maxLength: n }),
  arcs: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: 2 * n }),
})).map(({ stages, arcs }): PlacementProblem => {
  const seen = new Set<string>();
  const kept = arcs.filter(([a, b]) => a < b && !seen.has(`${a}>${b}`) && seen.add(`${a}>${b}`)).map(([from, to]) => ({ from, to }));
  return { stages: stages.map((s, j) => ({ id: `S${j}`, ...s })), arcs: kept };
});

describe("placeSafetyStock with fixed service times", () => {
  it("keeps every fixed S and matches exhaustive search (auto: tree DP or branch and bound)", () => {
    fc.assert(fc.property(networks, (problem) => {
      const result = placeSafetyStock(problem);
      problem.stages.forEach((s, j) => {
        if (s.fixedServiceTime !== null && s.fixedServiceTime !== undefined) expect(result.serviceTimes[j]).toBe(s.fixedServiceTime);
      });
      const best = bruteForce(problem);
      expect(result.cost).toBeCloseTo(best, 9);
      expect(result.optimal).toBe(true);
    }), { numRuns: 150 });
  });
  it("matches exhaustive search by branch and bound too", () => {
    fc.assert(fc.property(networks, (problem) => {
      const result = placeSafetyStock(problem, { method: "branch-and-bound" });
      expect(result.cost).toBeCloseTo(bruteForce(problem), 9);
    }), { numRuns: 60 });
  });
  it("places around a supplier's commitment in docs/model.md §10: Casting fixed at S = 3 raises Assembly's inbound time", () => {
    const problem: PlacementProblem = {
      stages: [
        { id: "Casting", leadTime: 4.606818639023674, externalInboundTime: 3, maxServiceTime: null, unitCost: 0.5 * 1.6448536269514722 * 6, fixedServiceTime: 3 },
        { id: "Electronics", leadTime: 2.0211999078990255, externalInboundTime: 1, maxServiceTime: null, unitCost: 1.2 * 1.6448536269514722 * 12 },
        { id: "Assembly", leadTime: 2.090173579585814, externalInboundTime: 0, maxServiceTime: 2, unitCost: 4 * 1.880793608151251 * 6 },
      ],
      arcs: [{ from: 0, to: 2 }, { from: 1, to: 2 }],
    };
    const free = placeSafetyStock({ ...problem, stages: problem.stages.map((s) => ({ ...s, fixedServiceTime: null })) });
    expect(free.serviceTimes).toEqual([0, 0, 2]);
    const fixed = placeSafetyStock(problem);
    expect(fixed.serviceTimes[0]).toBe(3);
    expect(fixed.inboundServiceTimes[2]).toBeGreaterThanOrEqual(3);
    // Once Assembly waits 3 for castings anyway, Electronics may as well make to order (S = E + L).
    expect(fixed.serviceTimes[1]).toBeCloseTo(1 + 2.0211999078990255, 12);
    expect(fixed.netReplenishmentTimes[0]).toBeCloseTo(3 + 4.606818639023674 - 3, 12);
    expect(fixed.cost).toBeGreaterThan(free.cost);
  });
});
