// A single stage with normal demand and base stock at the plan's demand bound (docs/model.md eq. 13-14):
// its simulated cycle service level lies within the interval of the nominal Φ(z), for integer and
// fractional lead times (an off-by-one period in the timing would move it far outside).

import { readNetwork } from "../../src/engine/network/readNetwork";
import { standardNormalCdf } from "../../src/engine/normal";
import { planPolicies, simulatePolicies } from "../../src/engine/simulate/simulatePlan";
import type { SimulationOptions } from "../../src/engine/simulate/types";

function singleStage(z: number, leadTime: number, extra: Record<string, unknown> = {}) {
  const { network } = readNetwork({
    format: "aps-network/1",
    stages: [{ id: "Depot", demandRate: 100, demandSd: 20, z, leadTime, holdingCost: 1, ...extra }],
    arcs: [],
  });
  return network!;
}

function simulateStage(z: number, leadTime: number, options: SimulationOptions = {}, extra: Record<string, unknown> = {}) {
  const network = singleStage(z, leadTime, extra);
  const planned = planPolicies(network, ["optimised"]);
  const result = simulatePolicies(network, planned, new Map(), { replications: 20, horizon: 2000, warmup: 20, seed: 3, ...options }, () => "Stages!A2");
  return { plan: planned[0].plan.stages[0], result, stage: result.policies[0].stages[0] };
}

describe("a single stage holding the plan's base stock", () => {
  it.each([
    [1.645, 2], [1, 3], [2, 1], [1.645, 2.5], [1, 1.25], [2, 0.75],
  ])("with z = %p and lead time %p has cycle service level Φ(z) within its 95 %% interval", (z, lead) => {
    const { stage, result, plan } = simulateStage(z, lead);
    expect(plan.netReplenishmentTime).toBeCloseTo(lead, 12);
    expect(result.ticksPerPeriod).toBe(Number.isInteger(lead) ? 1 : lead * 2 === Math.round(lead * 2) ? 2 : 4);
    const nominal = standardNormalCdf(z);
    expect(stage.serviceLevel).toBeCloseTo(nominal, 12);
    expect(stage.cycleServiceLevel.ci95![0]).toBeLessThanOrEqual(nominal);
    expect(stage.cycleServiceLevel.ci95![1]).toBeGreaterThanOrEqual(nominal);
    // No promise at risk when the service level holds.
    expect(result.exceptions.filter((e) => e.message.startsWith("Promise at risk"))).toEqual([]);
  });

  it("holds its safety stock z σ √τ on average as net inventory (on hand minus backorders)", () => {
    const { stage, plan } = simulateStage(1.645, 2.5);
    const net = stage.averageInventory.mean! - stage.backorders.mean!;
    expect(Math.abs(net - plan.safetyStock!) / plan.safetyStock!).toBeLessThan(0.03);
  });

  it("is one period short of stock when the base stock covers one period less: the check sees an off-by-one", () => {
    // Base stock for τ = 2 while the real replenishment takes 3 periods: Φ(z) no longer holds.
    const network = singleStage(1.645, 3);
    const planned = planPolicies(network, ["optimised"]);
    const short = { ...planned[0], plan: { ...planned[0].plan, stages: [{ ...planned[0].plan.stages[0], demandBound: 100 * 2 + 1.645 * 20 * Math.sqrt(2) }] } };
    const result = simulatePolicies(network, [short], new Map(), { replications: 10, horizon: 1000, seed: 3 }, () => "Stages!A2");
    const stage = result.policies[0].stages[0];
    expect(stage.cycleServiceLevel.ci95![1]).toBeLessThan(0.7);
    const risk = result.exceptions.find((e) => e.message.startsWith("Promise at risk"));
    expect(risk?.where).toBe("Stages!A2");
    expect(risk?.severity).toBe("warning");
  });

  it("with a committed service time S = 1 and lead time 3 keeps Φ(z) over τ = 2, and its median order leaves exactly S after it arrives", () => {
    const { stage, plan } = simulateStage(1.645, 3, {}, { maxServiceTime: 1 });
    expect(plan.committedServiceTime).toBe(1);
    expect(plan.netReplenishmentTime).toBeCloseTo(2, 12);
    expect(stage.cycleServiceLevel.ci95![0]).toBeLessThanOrEqual(0.95);
    expect(stage.cycleServiceLevel.ci95![1]).toBeGreaterThanOrEqual(0.95);
    expect(stage.leadTimeP50.mean).toBe(1);
  });
});

describe("same seed, same result", () => {
  it("gives the same JSON twice (elapsedMs aside) and another with another seed", () => {
    const strip = (r: object) => JSON.stringify({ ...r, elapsedMs: 0 });
    const a = simulateStage(1.645, 2.5, { replications: 3, horizon: 200 }).result;
    const b = simulateStage(1.645, 2.5, { replications: 3, horizon: 200 }).result;
    const c = simulateStage(1.645, 2.5, { replications: 3, horizon: 200, seed: 4 }).result;
    expect(strip(a)).toBe(strip(b));
    expect(strip(a)).not.toBe(strip(c));
  });
});
