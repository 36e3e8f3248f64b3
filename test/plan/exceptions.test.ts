// The plan goes on past a stage's problem and lists it: unstable queue, invalid lot-size model,
// stock without holding cost, missing costs; and the paper's service-time rule stays available.

import * as fs from "node:fs";
import * as path from "node:path";
import { planRecord } from "../../src/engine/plan";
import type { PlanResult } from "../../src/engine/plan/types";

const workedExample = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/plan/worked-example.json"), "utf8"));

function plan(edit: (network: any) => void): PlanResult {
  const network = JSON.parse(JSON.stringify(workedExample));
  edit(network);
  const outcome = planRecord(network);
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  return outcome.plan;
}

const stageNamed = (result: PlanResult, id: string) => result.stages.find((s) => s.id === id)!;

describe("plan exceptions", () => {
  it("a production rate below demand is an unstable queue: an error on that stage, no placement, the rest planned", () => {
    const result = plan((n) => { n.stages[1].productionRate = 30; }); // Electronics draws 40 per day
    const error = result.exceptions.find((e) => e.where === "stages[1].productionRate")!;
    expect(error.severity).toBe("error");
    expect(error.message).toMatch(/Electronics/);
    expect(error.message).toMatch(/unstable|no finite wait/i);
    expect(stageNamed(result, "Electronics").waitInQueue).toBeNull();
    expect(result.placement).toBeNull();
    expect(stageNamed(result, "Casting").lotSize).toBeCloseTo(154.7448, 3);
  });

  it("an EPQ stage whose rate does not exceed demand gets an error naming it; the other lot sizes stand", () => {
    const result = plan((n) => { n.stages[0].productionRate = 20; n.stages[0].leadTime = 4; }); // Casting: μ = λ
    const error = result.exceptions.find((e) => e.where === "stages[0].lotSizeModel")!;
    expect(error.severity).toBe("error");
    expect(error.message).toMatch(/^Stage "Casting": no lot size by the production model/);
    expect(stageNamed(result, "Casting").lotSize).toBeNull();
    expect(stageNamed(result, "Assembly").lotSize).toBeCloseTo(54.77226, 4);
    expect(result.placement!.optimal).toBe(true);
  });

  it("a stage that holds safety stock without a holding cost is flagged", () => {
    const result = plan((n) => { delete n.stages[1].holdingCost; });
    const warning = result.exceptions.find((e) => e.where === "stages[1].holdingCost")!;
    expect(warning.severity).toBe("warning");
    expect(warning.message).toMatch(/no holding cost/);
  });

  it("without service and penalty costs the lead time leaves out the wait, with an info saying so", () => {
    const result = plan((n) => { delete n.stages[2].serviceCost; delete n.stages[2].penaltyCost; });
    const assembly = stageNamed(result, "Assembly");
    expect(assembly.rate).toBeNull();
    expect(assembly.leadTime).toBe(1.5);
    expect(result.exceptions.some((e) => e.severity === "info" && e.where === "stages[2].productionRate")).toBe(true);
  });

  it("the paper's rule places a feasible plan that costs at least the optimal placement", () => {
    const optimal = plan(() => undefined);
    const paper = plan((n) => { n.settings.placementMethod = "paper-rule"; });
    expect(paper.placement!.method).toBe("paper-rule");
    expect(paper.placement!.optimal).toBe(false);
    expect(paper.placement!.safetyStockCost).toBeGreaterThanOrEqual(optimal.placement!.safetyStockCost - 1e-9);
    for (const s of paper.stages) {
      expect(s.committedServiceTime!).toBeGreaterThanOrEqual(0);
      expect(s.netReplenishmentTime!).toBeGreaterThanOrEqual(-1e-12);
    }
    expect(stageNamed(paper, "Assembly").committedServiceTime).toBeLessThanOrEqual(2);
  });

  it("the exact rate option minimises eq. (2) with its ρ term: a slightly different rate than eq. (3)'s", () => {
    const closed = plan(() => undefined);
    const exact = plan((n) => { n.settings.rateMethod = "exact"; });
    const a = stageNamed(closed, "Assembly").rate!;
    const b = stageNamed(exact, "Assembly").rate!;
    expect(b).not.toBeCloseTo(a, 6);
    expect(Math.abs(b - a) / a).toBeLessThan(0.2);
  });
});
