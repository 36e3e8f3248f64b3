// Policies side by side: the worked example of docs/model.md §10 under the four placements, on common
// random numbers (a narrower paired interval than independent streams), and the three modes.

import * as fs from "node:fs";
import * as path from "node:path";
import { readNetwork } from "../../src/engine/network/readNetwork";
import { planPolicies, simulatePolicies } from "../../src/engine/simulate/simulatePlan";
import type { SimulationOptions } from "../../src/engine/simulate/types";

const worked = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/plan/worked-example.json"), "utf8"));

function run(raw: unknown, options: SimulationOptions) {
  const { network } = readNetwork(raw);
  const planned = planPolicies(network!, options.policies);
  return simulatePolicies(network!, planned, new Map(), { replications: 10, horizon: 500, warmup: 50, seed: 9, ...options }, (r) => `stages[${r}].id`);
}

describe("the worked example under four policies", () => {
  const result = run(worked, {});

  it("plans each policy with its own placement method and reports the plan's KPIs beside the simulated ones", () => {
    expect(result.policies.map((p) => p.name)).toEqual(["optimised", "paper-rule", "make-to-order", "all-stock"]);
    expect(result.policies[0].planned.safetyStockHoldingCost).toBeCloseTo(68.33438, 4);
    expect(result.policies[0].kpis.leadTimeToCustomer.mean).toBeCloseTo(2, 9);
    expect(result.format).toBe("aps-simulation/1");
  });

  it("compares the optimised plan with each rival by paired intervals", () => {
    const comparisons = result.comparisons.filter((c) => c.measure === "inventoryHoldingCost");
    expect(comparisons.map((c) => c.b)).toEqual(["paper-rule", "make-to-order", "all-stock"]);
    for (const c of result.comparisons) {
      if (c.difference.mean === null) continue;
      expect(c.difference.ci95![0]).toBeLessThanOrEqual(c.difference.mean);
      expect(c.difference.ci95![1]).toBeGreaterThanOrEqual(c.difference.mean);
    }
  });

  it("narrows the paired interval with common random numbers compared with independent streams", () => {
    const options: SimulationOptions = { policies: ["optimised", "all-stock"], replications: 12 };
    const width = (r: ReturnType<typeof run>) => {
      const d = r.comparisons.find((c) => c.measure === "inventoryHoldingCost")!.difference.ci95!;
      return d[1] - d[0];
    };
    const common = width(run(worked, options));
    const independent = width(run(worked, { ...options, commonRandomNumbers: false }));
    expect(common).toBeLessThan(0.5 * independent);
  });
});

describe("the three modes on a chain whose supplier holds no stock but promises S = 0", () => {
  // The supplier's base stock is cut to 0 by a z of 0: the guaranteed-service plan assumes it is on time anyway.
  const chain = {
    format: "aps-network/1",
    stages: [
      { id: "Shop", demandRate: 20, demandSd: 6, z: 1.645, leadTime: 1, holdingCost: 2 },
      { id: "Supplier", z: 0, leadTime: 2, holdingCost: 1, maxServiceTime: 0, productionRate: 30, processingTime: 1 / 30 },
    ],
    arcs: [{ from: "Supplier", to: "Shop", quantity: 1 }],
    settings: { placementMethod: "all-stock" },
  };

  it("planned: the shop keeps Φ(z) and the supplier's shortfall is counted as expediting", () => {
    const r = run(chain, { policies: ["paper-rule"], mode: "planned" });
    const [shop, supplier] = r.policies[0].stages;
    expect(shop.cycleServiceLevel.ci95![0]).toBeLessThanOrEqual(0.95);
    expect(shop.cycleServiceLevel.ci95![1]).toBeGreaterThanOrEqual(0.95);
    // z = 0 sizes the supplier's stock for half the periods: Φ(0) = 0.5.
    expect(supplier.cycleServiceLevel.ci95![0]).toBeLessThanOrEqual(0.5);
    expect(supplier.cycleServiceLevel.ci95![1]).toBeGreaterThanOrEqual(0.5);
    expect(supplier.expeditingVolume.mean!).toBeGreaterThan(1);
  });

  it("propagating: the supplier's shortfall delays the shop, which then breaks its promise", () => {
    const r = run(chain, { policies: ["paper-rule"], mode: "propagating" });
    const shop = r.policies[0].stages[0];
    expect(shop.cycleServiceLevel.mean!).toBeLessThan(0.9);
    expect(shop.expeditingVolume.mean).toBe(0);
    expect(r.exceptions.some((e) => e.where === "stages[0].id" && e.message.startsWith("Promise at risk"))).toBe(true);
  });

  it("capacity: orders queue at the supplier's rate and its replenishment takes longer than planned", () => {
    const r = run(chain, { policies: ["paper-rule"], mode: "capacity" });
    const supplier = r.policies[0].stages[1];
    expect(supplier.queueWait.mean!).toBeGreaterThan(0);
    expect(r.policies[0].stages[0].queueWait.mean).toBeNull();
  });
});
