// Why late (MODEL.md §11): small plans where the constraint that holds a demand back is known.

import { solveSupply } from "../../src/engine/supply";
import type { SupplyProblem } from "../../src/engine/supply";
import { describePeriods } from "../../src/engine/supply";
import { checkSupplyPlan } from "./checkSupplyPlan";
import { loadHighs } from "./loadHighs";
import { sketch } from "./supplyCases";

async function solved(problem: SupplyProblem) {
  const result = solveSupply(problem, await loadHighs());
  expect(result.status).toBe("optimal");
  expect(checkSupplyPlan(problem, result).violations).toEqual([]);
  return result;
}

describe("why late", () => {
  it("names periods as ranges", () => {
    expect(describePeriods([3, 1, 2, 5, 7, 6])).toBe("1-3, 5-7");
    expect(describePeriods([4])).toBe("4");
  });

  it("a resource at capacity with its overtime used up", async () => {
    const result = await solved(sketch({
      horizon: 2, stages: [{ id: "Press" }], resources: [{ id: "Line 1", capacity: 10, overtimeCapacity: 2, overtimeCost: 1 }],
      loads: [{ stage: "Press", resource: "Line 1", usage: 1 }], demands: [{ stage: "Press", period: 1, quantity: 20 }],
    }));
    const [demand] = result.demands;
    expect(demand.onTime).toBeCloseTo(12, 9);
    expect(demand.late).toEqual([{ period: 2, quantity: 8 }]);
    expect(demand.reasons).toEqual([{ kind: "resource", id: "Line 1", periods: [1], message: "Line 1 is at capacity with all overtime used in period 1" }]);
    expect(result.resources[0].periods[0]).toEqual({ period: 1, capacity: 10, load: 12, overtime: 2 });
  });

  it("a supplier commitment", async () => {
    const result = await solved(sketch({
      horizon: 3, stages: [{ id: "Casting", leadTimePeriods: 1, commitments: { 2: 5 } }], demands: [{ stage: "Casting", period: 2, quantity: 10 }],
    }));
    expect(result.demands[0]).toMatchObject({ onTime: 5, late: [{ period: 3, quantity: 5 }], undelivered: 0 });
    expect(result.demands[0].reasons).toEqual([{ kind: "commitment", id: "Casting", periods: [2], message: "Casting's supplier commitment is used up in period 2" }]);
  });

  it("a release cap", async () => {
    const result = await solved(sketch({ horizon: 1, stages: [{ id: "Oven", releaseCap: 5 }], demands: [{ stage: "Oven", period: 1, quantity: 8 }] }));
    expect(result.demands[0]).toMatchObject({ onTime: 5, late: [], undelivered: 3 });
    expect(result.demands[0].reasons.map((r) => [r.kind, r.id, r.periods])).toEqual([["releaseCap", "Oven", [1]]]);
  });

  it("a lead time longer than the periods left outside the frozen window", async () => {
    const result = await solved(sketch({
      horizon: 5, frozenPeriods: 1, stages: [{ id: "Motor", leadTimePeriods: 2 }], demands: [{ stage: "Motor", period: 3, quantity: 4 }],
    }));
    expect(result.demands[0]).toMatchObject({ onTime: 0, late: [{ period: 4, quantity: 4 }] });
    expect(result.demands[0].reasons[0]).toEqual({
      kind: "leadTime", id: "Motor", periods: [3],
      message: "Motor's lead time of 2 periods is longer than the 1 period between the end of the 1 frozen period and period 3",
    });
  });

  it("too little stock and open supply of a component", async () => {
    const result = await solved(sketch({
      horizon: 3,
      stages: [{ id: "Assembly" }, { id: "Motor", leadTimePeriods: 3, onHand: 2, openSupply: { 2: 1 } }],
      arcs: [{ from: "Motor", to: "Assembly" }], demands: [{ stage: "Assembly", period: 2, quantity: 5 }],
    }));
    expect(result.demands[0]).toMatchObject({ onTime: 3, undelivered: 2 });
    expect(result.demands[0].reasons.map((r) => [r.kind, r.id])).toEqual([["material", "Motor"]]);
  });

  it("a tier-2 demand waits for tier 1 on a shared resource, and both name it", async () => {
    const result = await solved(sketch({
      horizon: 2, stages: [{ id: "A" }, { id: "B" }], resources: [{ id: "Cell", capacity: 10 }],
      loads: [{ stage: "A", resource: "Cell", usage: 1 }, { stage: "B", resource: "Cell", usage: 1 }],
      demands: [{ stage: "A", period: 1, quantity: 8, tier: 2 }, { stage: "B", period: 1, quantity: 8, tier: 1 }],
    }));
    expect(result.objective.lateness).toEqual([{ tier: 1, value: 0 }, { tier: 2, value: 6 }]);
    const a = result.demands.find((d) => d.stage === "A")!;
    expect(a).toMatchObject({ onTime: 2, late: [{ period: 2, quantity: 6 }] });
    expect(a.reasons.map((r) => r.id)).toEqual(["Cell"]);
  });
});
