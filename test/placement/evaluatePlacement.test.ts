// evaluatePlacement on hand examples (docs/model.md §10 worked example), infeasible service times,
// invalid input, and placeSafetyStock's baselines, options and input checks.

import { evaluatePlacement, isSpanningTree, placeSafetyStock, type PlacementProblem } from "../../src/engine/placement";

const Z95 = 1.6448536269514715;
/** docs/model.md §10: Casting and Electronics supply Assembly (σ_D 6, 12, 6). */
const workedExample: PlacementProblem = {
  stages: [
    { id: "Casting", leadTime: 4.606818639023674, externalInboundTime: 3, maxServiceTime: null, unitCost: 0.5 * Z95 * 6 },
    { id: "Electronics", leadTime: 2.0211999078990255, externalInboundTime: 1, maxServiceTime: null, unitCost: 1.2 * Z95 * 12 },
    { id: "Assembly", leadTime: 2.090173579585814, externalInboundTime: 0, maxServiceTime: 2, unitCost: 4 * 1.8807936081512504 * 6 },
  ],
  arcs: [{ from: 0, to: 2 }, { from: 1, to: 2 }],
};

describe("evaluatePlacement(problem, serviceTimes)", () => {
  test("docs/model.md §10 with S = (0, 0, 2) costs 68.33438163153009", () => {
    const e = evaluatePlacement(workedExample, [0, 0, 2]);
    expect(e.feasible).toBe(true);
    expect(e.violations).toEqual([]);
    expect(e.cost).toBeCloseTo(68.33438163153009, 10);
    expect(e.inboundServiceTimes).toEqual([3, 1, 0]);
    expect(e.netReplenishmentTimes[0]).toBeCloseTo(7.606819, 6);
    expect(e.netReplenishmentTimes[1]).toBeCloseTo(3.0212, 6);
    expect(e.netReplenishmentTimes[2]).toBeCloseTo(0.0901736, 6);
  });

  test("the inbound service time is the latest supplier's service time", () => {
    const e = evaluatePlacement(workedExample, [7.606818639023674, 1, 2]);
    expect(e.inboundServiceTimes[2]).toBeCloseTo(7.606818639023674, 12);
    expect(e.netReplenishmentTimes[0]).toBeCloseTo(0, 12);
    expect(e.feasible).toBe(true);
  });

  test("reports a cap, a negative time and a service time beyond SI + L", () => {
    const e = evaluatePlacement(workedExample, [-1, 5, 3]);
    expect(e.feasible).toBe(false);
    expect(e.violations).toHaveLength(3);
    expect(e.violations.join(" ")).toMatch(/Casting.*negative/);
    expect(e.violations.join(" ")).toMatch(/Electronics.*inbound time plus lead time/);
    expect(e.violations.join(" ")).toMatch(/Assembly.*maximum service time 2/);
  });

  test("throws PlanningInputError for a wrong length, NaN, a negative lead time or a cycle", () => {
    expect(() => evaluatePlacement(workedExample, [0, 0])).toThrow(/one number per stage/);
    expect(() => evaluatePlacement(workedExample, [0, NaN, 0])).toThrow(/serviceTimes\[1\]/);
    const bad = { ...workedExample, stages: workedExample.stages.map((s, j) => (j === 1 ? { ...s, leadTime: -1 } : s)) };
    expect(() => evaluatePlacement(bad, [0, 0, 0])).toThrow(/Electronics.*leadTime/);
    const cyclic = { ...workedExample, arcs: [...workedExample.arcs, { from: 2, to: 0 }] };
    expect(() => evaluatePlacement(cyclic, [0, 0, 0])).toThrow(/cycle/);
    expect(() => evaluatePlacement({ ...workedExample, arcs: [{ from: 0, to: 9 }] }, [0, 0, 0])).toThrow(/index 9/);
  });

  test("does not mutate its input", () => {
    const copy = JSON.parse(JSON.stringify(workedExample));
    const s = [0, 0, 2];
    evaluatePlacement(workedExample, s);
    expect(workedExample).toEqual(copy);
    expect(s).toEqual([0, 0, 2]);
  });
});

describe("placeSafetyStock(problem, options)", () => {
  test("docs/model.md §10: tree DP, S = (0, 0, 2), cost 68.33438163153009, proven", () => {
    const r = placeSafetyStock(workedExample);
    expect(r.method).toBe("tree-dp");
    expect(r.optimal).toBe(true);
    expect(r.status).toBe("optimal");
    expect(r.serviceTimes).toEqual([0, 0, 2]);
    expect(r.cost).toBeCloseTo(68.33438163153009, 10);
    expect(r.bound).toBeCloseTo(r.cost, 10);
    expect(r.gap).toBe(0);
  });

  test("all-stock and make-to-order baselines", () => {
    const stock = placeSafetyStock(workedExample, { method: "all-stock" });
    expect(stock.serviceTimes).toEqual([0, 0, 0]);
    expect(stock.method).toBe("all-stock");
    expect(stock.cost).toBeCloseTo(evaluatePlacement(workedExample, [0, 0, 0]).cost, 12);
    const mto = placeSafetyStock(workedExample, { method: "make-to-order" });
    expect(mto.serviceTimes[0]).toBeCloseTo(7.606818639023674, 12);
    expect(mto.serviceTimes[1]).toBeCloseTo(3.0211999078990255, 12);
    expect(mto.serviceTimes[2]).toBe(2); // capped by the promise to the customer
    expect(mto.optimal).toBe(false);
    expect(mto.cost).toBeGreaterThan(68.33438163153009);
  });

  test("forcing branch and bound on a tree gives the tree DP's cost", () => {
    const r = placeSafetyStock(workedExample, { method: "branch-and-bound" });
    expect(r.method).toBe("branch-and-bound");
    expect(r.optimal).toBe(true);
    expect(r.cost).toBeCloseTo(68.33438163153009, 10);
  });

  test("a component feeding two products that share a supplier is solved by branch and bound", () => {
    // Supplier → Component → ProductA, ProductB; Supplier → ProductA, ProductB: a general network.
    const problem: PlacementProblem = {
      stages: [
        { id: "Supplier", leadTime: 3, externalInboundTime: 2, maxServiceTime: null, unitCost: 1 },
        { id: "Component", leadTime: 5, externalInboundTime: 0, maxServiceTime: null, unitCost: 2 },
        { id: "ProductA", leadTime: 1, externalInboundTime: 0, maxServiceTime: 0, unitCost: 6 },
        { id: "ProductB", leadTime: 2, externalInboundTime: 0, maxServiceTime: 1, unitCost: 5 },
      ],
      arcs: [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 1, to: 3 }, { from: 0, to: 2 }, { from: 0, to: 3 }],
    };
    expect(isSpanningTree(problem)).toBe(false);
    expect(() => placeSafetyStock(problem, { method: "tree-dp" })).toThrow(/spanning-tree/);
    const r = placeSafetyStock(problem);
    expect(r.method).toBe("branch-and-bound");
    expect(r.optimal).toBe(true);
    expect(evaluatePlacement(problem, r.serviceTimes).feasible).toBe(true);
    // Exhaustive check over the integer grid.
    let best = Infinity;
    for (let a = 0; a <= 5; a++) for (let b = 0; b <= 10; b++) for (let d = 0; d <= 1; d++) {
      const e = evaluatePlacement(problem, [a, b, 0, d]);
      if (e.feasible) best = Math.min(best, e.cost);
    }
    expect(r.cost).toBeCloseTo(best, 9);
  });

  test("an empty network costs 0; a lone stage with no cost is optimal at any S", () => {
    expect(placeSafetyStock({ stages: [], arcs: [] }).cost).toBe(0);
    const lone = placeSafetyStock({ stages: [{ id: "A", leadTime: 2, externalInboundTime: 0, maxServiceTime: null, unitCost: 0 }], arcs: [] });
    expect(lone.cost).toBe(0);
    expect(lone.optimal).toBe(true);
  });

  test("isSpanningTree: forests yes, an undirected cycle no", () => {
    expect(isSpanningTree(workedExample)).toBe(true);
    expect(isSpanningTree({ stages: workedExample.stages, arcs: [] })).toBe(true);
    expect(isSpanningTree({ ...workedExample, arcs: [...workedExample.arcs, { from: 0, to: 1 }] })).toBe(false);
  });

  test("rejects an unknown method and a non-positive time limit", () => {
    expect(() => placeSafetyStock(workedExample, { method: "paper-rule" as never })).toThrow(/method/);
    expect(() => placeSafetyStock(workedExample, { timeLimitMs: 0 })).toThrow(/timeLimitMs/);
    expect(() => placeSafetyStock(workedExample, { relativeGap: -1 })).toThrow(/relativeGap/);
  });

  test("does not mutate its input", () => {
    const copy = JSON.parse(JSON.stringify(workedExample));
    placeSafetyStock(workedExample);
    expect(workedExample).toEqual(copy);
  });
});
