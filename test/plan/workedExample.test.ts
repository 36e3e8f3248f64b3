// docs/model.md §10: the three-stage worked example (Casting, Electronics → Assembly), every figure
// reproduced to 1e-6 relative, through the engine and through `aps plan --json`.

import * as fs from "node:fs";
import * as path from "node:path";
import { planRecord } from "../../src/engine/plan";
import type { PlanResult } from "../../src/engine/plan/types";
import { runAps } from "../support/runCli";

const fixtures = path.join(__dirname, "../fixtures/plan");
const input = JSON.parse(fs.readFileSync(path.join(fixtures, "worked-example.json"), "utf8"));
const reference = JSON.parse(fs.readFileSync(path.join(fixtures, "worked-example.plan.json"), "utf8"));

function expectClose(actual: unknown, expected: unknown, label: string): void {
  if (typeof expected === "number") {
    if (typeof actual !== "number") throw new Error(`${label}: expected ${expected}, got ${String(actual)}`);
    const scale = Math.max(1e-9, Math.abs(expected));
    if (Math.abs(actual - expected) / scale > 1e-6 && Math.abs(actual - expected) > 1e-12) {
      throw new Error(`${label}: expected ${expected}, got ${actual}`);
    }
  } else {
    expect(actual).toEqual(expected);
  }
}

function checkAgainstReference(plan: PlanResult): void {
  for (const expectedStage of reference.stages) {
    const stage = plan.stages.find((s) => s.id === expectedStage.id) as unknown as Record<string, unknown>;
    expect(stage).toBeDefined();
    for (const [field, value] of Object.entries(expectedStage)) expectClose(stage[field], value, `${expectedStage.id}.${field}`);
  }
  for (const expectedArc of reference.arcs) {
    const arc = plan.arcs.find((a) => a.from === expectedArc.from && a.to === expectedArc.to);
    expect(arc).toBeDefined();
    expectClose(arc!.inboundLeadTime, expectedArc.inboundLeadTime, `${expectedArc.from}→${expectedArc.to}.inboundLeadTime`);
  }
  for (const [field, value] of Object.entries(reference.kpis)) {
    expectClose((plan.kpis as unknown as Record<string, unknown>)[field], value, `kpis.${field}`);
  }
  expectClose(plan.placement!.safetyStockCost, reference.placement.safetyStockCost, "placement.safetyStockCost");
  expect(plan.placement!.optimal).toBe(true);
}

describe("docs/model.md §10 worked example", () => {
  it("the engine plans every figure of the table, the plan and the arcs", () => {
    const outcome = planRecord(input);
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    checkAgainstReference(outcome.plan);
    expect(outcome.plan.placement!.method).toBe("tree-dp");
    expect(outcome.plan.exceptions.filter((e) => e.severity === "error")).toEqual([]);
  });

  it("aps plan --json prints the same aps-plan/1 result", async () => {
    const run = await runAps("plan", path.join(fixtures, "worked-example.json"), "--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout) as PlanResult;
    expect(plan.format).toBe("aps-plan/1");
    checkAgainstReference(plan);
  });
});
