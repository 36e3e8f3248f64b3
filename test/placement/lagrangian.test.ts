// The Lagrangian relaxation of dropped arcs (lagrangian.ts) and the weighted tree DP behind it:
// the weighted DP equals an exhaustive search, and every L(u) is a valid lower bound.

import { buildPlacementNetwork, type PlacementNetwork } from "../../src/engine/placement/network";
import { layoutForest, spanningForestArcs } from "../../src/engine/placement/forest";
import { solveTreeDp } from "../../src/engine/placement/treeDp";
import { droppedArcWeights, lagrangianAscent } from "../../src/engine/placement/lagrangian";
import { placeByBranchAndBound } from "../../src/engine/placement/branchAndBound";
import { placementResult } from "../../src/engine/placement/result";
import { bruteForcePlacement, integerGridCandidates, vertexCandidates } from "./bruteForce";
import { randomPlacementProblem, rng } from "./randomNetworks";

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-7 * Math.max(1, Math.abs(b));

/** A spanning forest of a network, its dropped arcs, and the root limits (no branching). */
function relaxation(net: PlacementNetwork) {
  const tree = spanningForestArcs(net, []);
  const inTree = new Set(tree);
  const offTree = Array.from({ length: net.arcFrom.length }, (_, a) => a).filter((a) => !inTree.has(a));
  const layout = layoutForest(net, tree);
  const limits = { inbound: net.externalInbound, floor: new Float64Array(net.n), cap: net.maxService };
  return { tree, offTree, layout, limits };
}

/**
 * Exhaustive minimum of Σ_j [c_j sqrt(SI_j + L_j − S_j) + wS_j S_j + wI_j SI_j] over integer S, with
 * SI_j ∈ [max(E_j, tree suppliers' S, S_j − L_j), UI_j] (UI over all arcs): for fixed S each SI_j
 * term is concave, so only the two ends are tried.
 */
function bruteForceWeighted(net: PlacementNetwork, tree: number[], wS: Float64Array, wI: Float64Array): number {
  const n = net.n;
  const treeUp: number[][] = Array.from({ length: n }, () => []);
  for (const a of tree) treeUp[net.arcTo[a]].push(net.arcFrom[a]);
  const maxS = new Float64Array(n);
  const maxSI = new Float64Array(n);
  for (const j of net.topologicalOrder) {
    let si = net.externalInbound[j];
    for (const i of net.upstream[j]) si = Math.max(si, maxS[i]);
    maxSI[j] = si;
    maxS[j] = Math.min(net.maxService[j], si + net.leadTime[j]);
  }
  const S = new Array<number>(n).fill(0);
  let best = Infinity;
  const go = (j: number): void => {
    if (j === n) {
      let total = 0;
      for (let k = 0; k < n; k++) {
        let lo = Math.max(net.externalInbound[k], S[k] - net.leadTime[k]);
        for (const i of treeUp[k]) lo = Math.max(lo, S[i]);
        if (lo > maxSI[k] + 1e-9) return;
        const at = (v: number): number => net.unitCost[k] * Math.sqrt(Math.max(0, v + net.leadTime[k] - S[k])) + wI[k] * v;
        total += Math.min(at(lo), at(maxSI[k])) + wS[k] * S[k];
      }
      best = Math.min(best, total);
      return;
    }
    for (let x = 0; x <= maxS[j] + 1e-9; x++) {
      S[j] = x;
      go(j + 1);
    }
  };
  go(0);
  return best;
}

describe("solveTreeDp(net, layout, limits, weights) equals an exhaustive search", () => {
  test("120 random integer networks with random linear weights of either sign", () => {
    for (let seed = 1; seed <= 120; seed++) {
      const problem = randomPlacementProblem(seed * 131, { n: 2 + (seed % 4), tree: seed % 3 === 0, integer: true, maxLead: 3 });
      const net = buildPlacementNetwork(problem);
      const { tree, layout, limits } = relaxation(net);
      const r = rng(seed);
      const wS = Float64Array.from({ length: net.n }, () => (r() < 0.4 ? 0 : 3 * r() - 1));
      const wI = Float64Array.from({ length: net.n }, () => (r() < 0.4 ? 0 : 1 - 3 * r()));
      const dp = solveTreeDp(net, layout, limits, { service: wS, inbound: wI });
      const want = bruteForceWeighted(net, tree, wS, wI);
      if (!close(dp.cost, want)) throw new Error(`seed ${seed}: weighted DP ${dp.cost} vs exhaustive ${want}`);
      // The traced-back solution attains the reported value.
      let value = 0;
      for (let j = 0; j < net.n; j++) {
        const tau = dp.inboundTimes[j] + net.leadTime[j] - dp.serviceTimes[j];
        expect(tau).toBeGreaterThanOrEqual(-1e-9);
        value += net.unitCost[j] * Math.sqrt(Math.max(0, tau)) + wS[j] * dp.serviceTimes[j] + wI[j] * dp.inboundTimes[j];
      }
      expect(close(value, dp.cost)).toBe(true);
    }
  });

  test("zero weights give the plain tree relaxation's value", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const net = buildPlacementNetwork(randomPlacementProblem(seed * 17, { n: 3 + (seed % 4), tree: false, integer: seed % 2 === 0 }));
      const { layout, limits } = relaxation(net);
      const zero = { service: new Float64Array(net.n), inbound: new Float64Array(net.n) };
      expect(close(solveTreeDp(net, layout, limits, zero).cost, solveTreeDp(net, layout, limits).cost)).toBe(true);
    }
  });
});

describe("lagrangianAscent on a three-stage triangle", () => {
  test("A (L 2, c 3) → B (L 1, c 1) → C (L 1, c 2, s 0), A → C dropped: 3.7321 → 3.9107 ≤ optimum 4", () => {
    const net = buildPlacementNetwork({
      stages: [
        { id: "A", leadTime: 2, externalInboundTime: 0, maxServiceTime: null, unitCost: 3 },
        { id: "B", leadTime: 1, externalInboundTime: 0, maxServiceTime: null, unitCost: 1 },
        { id: "C", leadTime: 1, externalInboundTime: 0, maxServiceTime: 0, unitCost: 2 },
      ],
      arcs: [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 0, to: 2 }],
    });
    const { offTree, layout, limits } = relaxation(net);
    expect(offTree).toEqual([2]);
    expect(solveTreeDp(net, layout, limits).cost).toBeCloseTo(2 + Math.sqrt(3), 12);
    const ascent = lagrangianAscent(net, layout, limits, offTree, new Float64Array(1), {
      iterations: 50, stepFactor: 1, target: () => 4, stopAt: () => Infinity,
    });
    expect(ascent.bound).toBeGreaterThan(3.91);
    expect(ascent.bound).toBeLessThanOrEqual(4);
    expect(ascent.multipliers[0]).toBeGreaterThan(0);
  });
});

describe("L(u) is a lower bound on the exhaustive optimum", () => {
  test("150 random general networks: random u ≥ 0 and the ascent's bound never exceed it; the ascent beats u = 0", () => {
    let raised = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const integer = seed % 2 === 0;
      const problem = randomPlacementProblem(seed * 7 + 3, { n: 3 + (seed % 4), tree: false, integer, maxLead: 3 });
      const net = buildPlacementNetwork(problem);
      const { offTree, layout, limits } = relaxation(net);
      const brute = bruteForcePlacement(problem, integer ? integerGridCandidates(problem) : vertexCandidates(problem));
      const r = rng(seed);
      for (let t = 0; t < 3; t++) {
        const u = Float64Array.from(offTree, () => 5 * r() * r());
        const value = solveTreeDp(net, layout, limits, droppedArcWeights(net, offTree, u)).cost;
        expect(value).toBeLessThanOrEqual(brute.cost * (1 + 1e-9) + 1e-9);
      }
      const plain = solveTreeDp(net, layout, limits).cost;
      const ascent = lagrangianAscent(net, layout, limits, offTree, new Float64Array(offTree.length), {
        iterations: 60, stepFactor: 1, target: () => brute.cost, stopAt: () => Infinity,
      });
      expect(ascent.bound).toBeLessThanOrEqual(brute.cost * (1 + 1e-9) + 1e-9);
      expect(ascent.bound).toBeGreaterThanOrEqual(plain - 1e-9 * Math.abs(plain));
      if (ascent.bound > plain + 1e-9) raised++;
    }
    expect(raised).toBeGreaterThan(10); // the multipliers do strengthen the bound
  });
});

describe("placeByBranchAndBound with Lagrangian bounds equals exhaustive search", () => {
  const settings: [string, { rootLagrangianSolves?: number; nodeLagrangianSolves?: number; localSearch?: boolean }][] = [
    ["one solve per child (many fall-backs to the plain relaxation)", { nodeLagrangianSolves: 1 }],
    ["no child ascent", { nodeLagrangianSolves: 0 }],
    ["plain bounds, no local search", { rootLagrangianSolves: 0, localSearch: false }],
  ];
  for (const [name, extra] of settings) {
    test(`${name}: 80 seeds, proven optimal`, () => {
      for (let seed = 1; seed <= 80; seed++) {
        const integer = seed % 2 === 1;
        const problem = randomPlacementProblem(seed * 53 + 1, { n: 3 + (seed % 4), tree: false, integer, maxLead: 3 });
        const net = buildPlacementNetwork(problem);
        const bb = placeByBranchAndBound(net, { timeLimitMs: 5000, relativeGap: 1e-9, ...extra });
        const res = placementResult(net, "branch-and-bound", bb.serviceTimes, bb.bound, bb.stoppedBy, bb.statistics);
        const brute = bruteForcePlacement(problem, integer ? integerGridCandidates(problem) : vertexCandidates(problem));
        if (!close(res.cost, brute.cost)) throw new Error(`seed ${seed}: ${res.cost} vs exhaustive ${brute.cost}`);
        expect(res.optimal).toBe(true);
        expect(bb.bound).toBeLessThanOrEqual(brute.cost * (1 + 1e-9) + 1e-9);
      }
    });
  }
});
