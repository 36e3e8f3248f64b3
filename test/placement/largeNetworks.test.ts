// placeSafetyStock on larger networks: a 2,000-stage tree in well under a second, and a
// 300-stage general network under a short time limit (valid bound, gap, progress reports).

import { evaluatePlacement, placeSafetyStock, type PlacementProblem } from "../../src/engine/placement";
import { rng } from "./randomNetworks";

/** Stage k ≥ 1 joins a random earlier stage as supplier or customer; `extra` more arcs. */
function chain(seed: number, n: number, extra: number, integer: boolean): PlacementProblem {
  const r = rng(seed);
  const rank = Array.from({ length: n }, () => r());
  const arcs: { from: number; to: number }[] = [];
  const seen = new Set<string>();
  const add = (a: number, b: number): void => {
    const [from, to] = rank[a] < rank[b] ? [a, b] : [b, a];
    if (a === b || seen.has(`${from}>${to}`)) return;
    seen.add(`${from}>${to}`);
    arcs.push({ from, to });
  };
  for (let k = 1; k < n; k++) add(k, Math.floor(r() * k));
  while (arcs.length < n - 1 + extra) add(Math.floor(r() * n), Math.floor(r() * n));
  const hasCustomer = new Set(arcs.map((a) => a.from));
  const stages = Array.from({ length: n }, (_, j) => ({
    id: `S${j}`,
    leadTime: integer ? 1 + Math.floor(r() * 10) : 0.5 + 9.5 * r(),
    externalInboundTime: r() < 0.1 ? 3 : 0,
    maxServiceTime: hasCustomer.has(j) ? null : Math.floor(r() * 3),
    unitCost: 1 + 99 * r(),
  }));
  return { stages, arcs };
}

describe("placeSafetyStock on larger networks", () => {
  test("a 2,000-stage tree with integer lead times: tree DP, proven, under 1 s", () => {
    const problem = chain(1, 2000, 0, true);
    const started = Date.now();
    const r = placeSafetyStock(problem);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(r.method).toBe("tree-dp");
    expect(r.optimal).toBe(true);
    const e = evaluatePlacement(problem, r.serviceTimes);
    expect(e.violations).toEqual([]);
    expect(e.cost).toBeCloseTo(r.cost, 6);
    expect(r.cost).toBeLessThanOrEqual(placeSafetyStock(problem, { method: "all-stock" }).cost);
    expect(r.cost).toBeLessThanOrEqual(placeSafetyStock(problem, { method: "make-to-order" }).cost);
  });

  test("a 300-stage tree with fractional lead times scaled from integers costs sqrt(k) × the integer optimum", () => {
    const problem = chain(2, 300, 0, true);
    const k = 0.6180339887;
    const scaled = {
      ...problem,
      stages: problem.stages.map((s) => ({
        ...s, leadTime: s.leadTime * k, externalInboundTime: s.externalInboundTime * k,
        maxServiceTime: s.maxServiceTime === null ? null : s.maxServiceTime * k,
      })),
    };
    const exact = placeSafetyStock(problem).cost;
    const r = placeSafetyStock(scaled);
    expect(r.optimal).toBe(true);
    expect(Math.abs(r.cost - Math.sqrt(k) * exact) / r.cost).toBeLessThan(1e-9);
  });

  test("a 300-stage general network within a 1.5 s limit: feasible, bound ≤ cost, gap reported", () => {
    const problem = chain(3, 300, 40, true);
    const progress: number[] = [];
    const r = placeSafetyStock(problem, { timeLimitMs: 1500, onProgress: (p) => progress.push(p.bound) });
    expect(r.method).toBe("branch-and-bound");
    expect(evaluatePlacement(problem, r.serviceTimes).violations).toEqual([]);
    expect(r.bound).toBeLessThanOrEqual(r.cost);
    expect(r.bound).toBeGreaterThan(0);
    if (r.optimal) expect(r.gap).toBe(0);
    else {
      expect(r.status).toBe("timeLimit");
      expect(r.gap).toBeCloseTo((r.cost - r.bound) / r.cost, 12);
      expect(progress.length).toBeGreaterThan(0);
    }
    expect(r.cost).toBeLessThanOrEqual(placeSafetyStock(problem, { method: "make-to-order" }).cost);
    expect(r.cost).toBeLessThanOrEqual(placeSafetyStock(problem, { method: "all-stock" }).cost);
    // A loose target gap stops early with status "feasible" unless proven.
    const loose = placeSafetyStock(problem, { relativeGap: 0.5, timeLimitMs: 1500 });
    expect(loose.gap).toBeLessThanOrEqual(0.5);
    expect(["optimal", "feasible"]).toContain(loose.status);
  });
});
