// The public safety-stock placement cases (Snyder & Shen ch. 6, Willems 2008 chains) planned whole:
// `aps plan` reaches each known optimal safety-stock cost and says it is proven optimal.

import * as fs from "node:fs";
import * as path from "node:path";
import { planRecord } from "../../src/engine/plan";
import type { PlanResult } from "../../src/engine/plan/types";
import { runAps } from "../support/runCli";

const folder = path.join(__dirname, "../fixtures/placement");
const expected: Record<string, { safetyStockCost: number }> = JSON.parse(fs.readFileSync(path.join(folder, "expected.json"), "utf8"));
const cases = Object.keys(expected).sort();

describe("aps plan on the public placement cases", () => {
  it("has every case of expected.json as a fixture", () => {
    expect(cases.length).toBe(27);
    for (const name of cases) expect(fs.existsSync(path.join(folder, `${name}.json`))).toBe(true);
  });

  it.each(cases)("%s reaches its optimal safety-stock cost, proven", (name) => {
    const outcome = planRecord(JSON.parse(fs.readFileSync(path.join(folder, `${name}.json`), "utf8")));
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    const placement = outcome.plan.placement!;
    expect(placement.safetyStockCost).toBeCloseTo(expected[name].safetyStockCost, 6 - Math.ceil(Math.log10(Math.max(1, expected[name].safetyStockCost))));
    expect(Math.abs(placement.safetyStockCost - expected[name].safetyStockCost) / expected[name].safetyStockCost).toBeLessThan(1e-6);
    expect(placement.optimal).toBe(true);
    expect(outcome.plan.kpis.safetyStockHoldingCost).toBeCloseTo(placement.safetyStockCost, 6);
  });

  it("the command line gives the same answer on the largest general chain (willems_14_general, 116 stages)", async () => {
    const run = await runAps("plan", path.join(folder, "willems_14_general.json"), "--json");
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout) as PlanResult;
    expect(Math.abs(plan.placement!.safetyStockCost - expected.willems_14_general.safetyStockCost) / expected.willems_14_general.safetyStockCost).toBeLessThan(1e-6);
    expect(plan.placement!.optimal).toBe(true);
  });
});
