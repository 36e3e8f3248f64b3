// placeSafetyStock on larger networks: a 2,000-stage tree proven optimal, and a 300-stage general
// network under a short time limit (valid bound, gap, progress reports). Speed: `npm run bench`.

import { evaluatePlacement, placeSafetyStock } from "../../src/engine/placement";
import { randomChain as chain } from "./randomNetworks";

describe("placeSafetyStock on larger networks", () => {
  test("a 2,000-stage tree with integer lead times: tree DP, proven", () => {
    const problem = chain(1, 2000, 0, true);
    const r = placeSafetyStock(problem);
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
