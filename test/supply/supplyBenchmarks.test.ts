// The supply benchmarks (MODEL.md §11): every sp-*.json solved, its plan through the independent
// checker, and its objective vector level by level against an independent LP solver's (expected.json).

import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { supplyProblemOf, supplyRecord } from "../../src/engine/supply";
import { checkSupplyPlan } from "./checkSupplyPlan";
import { loadHighs } from "./loadHighs";

const DIR = join(__dirname, "../fixtures/supply");
const expected: Record<string, Record<string, number>> = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8"));
const names = readdirSync(DIR).filter((f) => /^sp-\d+\.json$/.test(f)).map((f) => f.replace(".json", "")).sort();

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe("supply benchmarks: each level's optimum as an independent LP solver finds it", () => {
  it("has every instance's expected vector", () => {
    expect(names.length).toBe(10);
    expect(Object.keys(expected).sort()).toEqual(names);
  });

  it.each(names)("%s: feasible by the checker, lateness to 1e-6 and cost to 1e-4", async (name) => {
    const raw = JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8"));
    const highs = await loadHighs();
    const outcome = supplyRecord(raw, highs);
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    const result = outcome.result;
    expect(result.status).toBe("optimal");
    expect(result.levels.every((l) => l.status === "optimal")).toBe(true);
    const read = supplyProblemOf(raw);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const check = checkSupplyPlan(read.problem, result);
    expect(check.violations).toEqual([]);
    const want = expected[name];
    const tiers = Object.keys(want).filter((k) => k.startsWith("tier")).map((k) => Number(k.slice(4))).sort((a, b) => a - b);
    expect(result.objective.lateness.map((l) => l.tier)).toEqual(tiers);
    for (const { tier, value } of result.objective.lateness) {
      expect(relative(value!, want[`tier${tier}`])).toBeLessThan(1e-6);
      expect(relative(check.objective.lateness.get(tier)!, want[`tier${tier}`])).toBeLessThan(1e-6);
    }
    expect(relative(result.objective.safetyStockShortfall!, want.shortfall)).toBeLessThan(1e-6);
    expect(relative(check.objective.shortfall, want.shortfall)).toBeLessThan(1e-6);
    expect(relative(result.objective.cost!, want.cost)).toBeLessThan(1e-4);
    expect(relative(check.objective.cost, want.cost)).toBeLessThan(1e-4);
  });
});
