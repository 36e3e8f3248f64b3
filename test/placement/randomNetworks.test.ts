// placeSafetyStock on 320 random small networks equals an exhaustive search, passes
// evaluatePlacement, and never costs more than all-stock or make-to-order.

import { evaluatePlacement, isSpanningTree, placeSafetyStock } from "../../src/engine/placement";
import { bruteForcePlacement, integerGridCandidates, vertexCandidates } from "./bruteForce";
import { randomPlacementProblem, type RandomNetworkSpec } from "./randomNetworks";
import { buildPlacementNetwork } from "../../src/engine/placement/network";
import { placeByBranchAndBound } from "../../src/engine/placement/branchAndBound";
import { placementResult } from "../../src/engine/placement/result";

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(b));

function check(seed: number, spec: RandomNetworkSpec): void {
  const problem = randomPlacementProblem(seed, spec);
  const result = placeSafetyStock(problem);
  const candidates = spec.integer ? integerGridCandidates(problem) : vertexCandidates(problem);
  const brute = bruteForcePlacement(problem, candidates);
  const check = evaluatePlacement(problem, result.serviceTimes);
  expect(check.violations).toEqual([]);
  expect(close(check.cost, result.cost)).toBe(true);
  expect(result.inboundServiceTimes).toEqual(check.inboundServiceTimes);
  if (!close(result.cost, brute.cost)) {
    throw new Error(`seed ${seed} ${JSON.stringify(spec)}: solver ${result.cost} vs brute force ${brute.cost} (${brute.serviceTimes})`);
  }
  expect(result.optimal).toBe(true);
  expect(result.method).toBe(isSpanningTree(problem) ? "tree-dp" : "branch-and-bound");
  for (const method of ["all-stock", "make-to-order"] as const) {
    const baseline = placeSafetyStock(problem, { method });
    expect(evaluatePlacement(problem, baseline.serviceTimes).feasible).toBe(true);
    expect(result.cost).toBeLessThanOrEqual(baseline.cost * (1 + 1e-9) + 1e-9);
  }
}

describe("placeSafetyStock on random small networks equals exhaustive search", () => {
  const cases: [string, RandomNetworkSpec][] = [
    ["integer trees", { n: 6, tree: true, integer: true, maxLead: 3 }],
    ["integer general networks", { n: 5, tree: false, integer: true, maxLead: 3 }],
    ["fractional trees", { n: 7, tree: true, integer: false }],
    ["fractional general networks", { n: 6, tree: false, integer: false }],
  ];
  for (const [name, spec] of cases) {
    test(`${name}: 80 seeds`, () => {
      for (let seed = 1; seed <= 80; seed++) check(seed * 7919 + spec.n, { ...spec, n: 2 + (seed % (spec.n - 1)) });
    });
  }
});

describe("branch and bound with midpoint splits (vertex values not listed) on random fractional networks", () => {
  test("60 seeds: bound ≤ exhaustive optimum ≤ cost, equal when proven", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const problem = randomPlacementProblem(seed * 31, { n: 2 + (seed % 5), tree: false, integer: false });
      const net = buildPlacementNetwork(problem);
      const bb = placeByBranchAndBound(net, { timeLimitMs: 300, relativeGap: 1e-9, vertexValueBudget: 0 });
      const r = placementResult(net, "branch-and-bound", bb.serviceTimes, bb.bound, bb.stoppedBy, bb.statistics);
      const brute = bruteForcePlacement(problem, vertexCandidates(problem));
      expect(r.bound).toBeLessThanOrEqual(brute.cost * (1 + 1e-9) + 1e-12);
      expect(r.cost).toBeGreaterThanOrEqual(brute.cost * (1 - 1e-9) - 1e-12);
      if (r.optimal) expect(close(r.cost, brute.cost)).toBe(true);
    }
  });
});
