// Properties of the supply plan over time on small random networks (MODEL.md §11): every plan passes
// the checker, and its levels are never worse than those of a plan serving the tiers in reverse order.

import fc from "fast-check";
import { solveSupply } from "../../src/engine/supply";
import type { LpSolverModule, SupplyProblem } from "../../src/engine/supply";
import { checkSupplyPlan } from "./checkSupplyPlan";
import { loadHighs } from "./loadHighs";
import { randomSupplyProblem } from "./randomSupply";

/** The objective vector in the original tiers' order: lateness of tier 1..K, shortfall, cost. */
function vector(problem: SupplyProblem, highs: LpSolverModule, tierOf: (tier: number) => number, K: number): number[] {
  const result = solveSupply(problem, highs);
  expect(result.status).toBe("optimal");
  const check = checkSupplyPlan(problem, result);
  expect(check.violations).toEqual([]);
  const lateness = new Array(K).fill(0);
  for (const [tier, value] of check.objective.lateness) lateness[tierOf(tier) - 1] += value;
  return [...lateness, check.objective.shortfall, check.objective.cost];
}

/** a ≤ b lexicographically, each entry compared with a relative tolerance. */
function lexNotWorse(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const tol = 1e-6 * Math.max(1, Math.abs(a[i]), Math.abs(b[i]));
    if (a[i] < b[i] - tol) return true;
    if (a[i] > b[i] + tol) return false;
  }
  return true;
}

describe("supply plan properties", () => {
  let highs: LpSolverModule;
  beforeAll(async () => { highs = await loadHighs(); });

  it("feasible by the checker and lexicographically no worse than serving the tiers in reverse", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 2, max: 3 }),
        (seed, stages, periods, resources, tiers) => {
          const problem = randomSupplyProblem(seed, { stages, periods, resources, tiers });
          const ours = vector(problem, highs, (k) => k, tiers);
          const reversed: SupplyProblem = { ...problem, demands: problem.demands.map((d) => ({ ...d, tier: tiers + 1 - d.tier })) };
          const theirs = vector(reversed, highs, (k) => tiers + 1 - k, tiers);
          expect(lexNotWorse(ours, theirs)).toBe(true);
        },
      ),
      { numRuns: 25 },
    );
  });
});
