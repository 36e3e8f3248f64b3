// Lot sizes over time (MODEL.md §11, lotSizing = mip): order costs as setups, minimum lots and lot
// multiples, solved by HiGHS's MIP level by level, each plan through the checker.

import { readFileSync } from "fs";
import { join } from "path";
import { solveSupply, supplyProblemOf } from "../../src/engine/supply";
import type { SupplyProblem } from "../../src/engine/supply";
import { checkSupplyPlan } from "./checkSupplyPlan";
import { loadHighs } from "./loadHighs";
import { sketch } from "./supplyCases";

async function mip(problem: SupplyProblem) {
  const result = solveSupply(problem, await loadHighs(), { lotSizing: "mip", timeLimit: 30 });
  expect(result.status).toBe("optimal");
  expect(checkSupplyPlan(problem, result, true).violations).toEqual([]);
  return result;
}

describe("lot sizes over time", () => {
  it("trades order cost against holding: two orders of 20 for four periods of 10 (Wagner-Whitin by hand)", async () => {
    const problem = sketch({
      horizon: 4, stages: [{ id: "Part", orderCost: 25, holdingCost: 1 }],
      demands: [1, 2, 3, 4].map((period) => ({ stage: "Part", period, quantity: 10 })),
    });
    const result = await mip(problem);
    expect(result.objective.lateness).toEqual([{ tier: 1, value: 0 }]);
    expect(result.objective.cost).toBeCloseTo(70, 6);
    expect(result.stages[0].periods.map((p) => p.release)).toEqual([20, 0, 20, 0]);
    expect(checkSupplyPlan(problem, result, true).objective.cost).toBeCloseTo(70, 6);
    // The LP pays no order cost and releases each period's demand.
    const lp = solveSupply(problem, await loadHighs());
    expect(lp.objective.cost).toBeCloseTo(0, 9);
  });

  it("releases whole lot multiples of at least the minimum lot", async () => {
    const result = await mip(sketch({
      horizon: 2, stages: [{ id: "Sheet", minLot: 12, lotMultiple: 5, holdingCost: 1 }], demands: [{ stage: "Sheet", period: 1, quantity: 7 }],
    }));
    expect(result.stages[0].periods[0].release).toBeCloseTo(15, 9);
    expect(result.stages[0].periods[1].release).toBe(0);
    expect(result.objective.cost).toBeCloseTo(16, 6); // 8 units held at the end of both periods
  });

  it("a lot multiple can make a tier late that the LP serves on time", async () => {
    const problem = sketch({
      horizon: 1, stages: [{ id: "Tube", lotMultiple: 10, releaseCap: 15 }], demands: [{ stage: "Tube", period: 1, quantity: 15 }],
    });
    const result = await mip(problem);
    expect(result.demands[0].onTime).toBeCloseTo(10, 6);
    expect(result.demands[0].undelivered).toBeCloseTo(5, 6);
    expect(solveSupply(problem, await loadHighs()).demands[0].onTime).toBeCloseTo(15, 9);
  });

  it("without lots the MIP path gives the LP's levels (sp-01)", async () => {
    const read = supplyProblemOf(JSON.parse(readFileSync(join(__dirname, "../fixtures/supply/sp-01.json"), "utf8")));
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const result = await mip(read.problem);
    expect(result.objective.lateness.map((l) => l.value)).toEqual([expect.closeTo(274.5, 5), expect.closeTo(276, 5), expect.closeTo(105, 5)]);
    expect(result.objective.cost! / 3503.759199769074 - 1).toBeLessThan(1e-4);
  });
});
