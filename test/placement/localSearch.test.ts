// improveByLocalSearch(net, S): keeps placements feasible, never raises their cost, and reaches
// the exhaustive optimum's neighbourhood from all-stock on small networks.

import { evaluatePlacement } from "../../src/engine/placement";
import { buildPlacementNetwork } from "../../src/engine/placement/network";
import { improveByLocalSearch } from "../../src/engine/placement/localSearch";
import { placementCost, repairServiceTimes } from "../../src/engine/placement/evaluate";
import { bruteForcePlacement, vertexCandidates } from "./bruteForce";
import { randomPlacementProblem, rng } from "./randomNetworks";

describe("improveByLocalSearch(net, S)", () => {
  test("150 random networks from random feasible S: feasible, cost never higher, never below the optimum", () => {
    for (let seed = 1; seed <= 150; seed++) {
      const problem = randomPlacementProblem(seed * 97, { n: 2 + (seed % 6), tree: seed % 4 === 0, integer: seed % 2 === 0 });
      const net = buildPlacementNetwork(problem);
      const r = rng(seed);
      const S = repairServiceTimes(net, Array.from({ length: net.n }, () => 12 * r()));
      const before = placementCost(net, S);
      const after = improveByLocalSearch(net, S);
      const check = evaluatePlacement(problem, S);
      expect(check.violations).toEqual([]);
      expect(Math.abs(check.cost - after)).toBeLessThan(1e-9 * (1 + after));
      expect(after).toBeLessThanOrEqual(before + 1e-12);
      if (net.n <= 5) {
        const brute = bruteForcePlacement(problem, vertexCandidates(problem));
        expect(after).toBeGreaterThanOrEqual(brute.cost * (1 - 1e-9) - 1e-12);
      }
    }
  });

  test("a two-stage chain served from stock moves the supplier to make-to-order when that is cheaper", () => {
    // Supplier (L 2, c 10) → customer (L 1, c 1, s 0): all-stock costs 10·sqrt(2) + 1·sqrt(1) = 15.142;
    // S_supplier = 2 costs 0 + 1·sqrt(3) = 1.732.
    const problem = {
      stages: [
        { id: "A", leadTime: 2, externalInboundTime: 0, maxServiceTime: null, unitCost: 10 },
        { id: "B", leadTime: 1, externalInboundTime: 0, maxServiceTime: 0, unitCost: 1 },
      ],
      arcs: [{ from: 0, to: 1 }],
    };
    const net = buildPlacementNetwork(problem);
    const S = [0, 0];
    expect(improveByLocalSearch(net, S)).toBeCloseTo(Math.sqrt(3), 12);
    expect(S).toEqual([2, 0]);
  });
});
