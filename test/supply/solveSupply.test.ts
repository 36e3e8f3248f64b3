// solveSupply's options and result shape: progress per level, cancellation, statistics, aps-supply/1 keys.

import { readFileSync } from "fs";
import { join } from "path";
import { solveSupply, supplyProblemOf } from "../../src/engine/supply";
import type { SupplyProgress } from "../../src/engine/supply";
import { checkSupplyPlan } from "./checkSupplyPlan";
import { loadHighs } from "./loadHighs";
import { randomSupplyProblem } from "./randomSupply";

const read = supplyProblemOf(JSON.parse(readFileSync(join(__dirname, "../fixtures/supply/sp-04.json"), "utf8")));
if (!read.ok) throw new Error(read.errors.join("\n"));
const problem = read.problem;

describe("solveSupply", () => {
  it("reports progress after each level and statistics per level", async () => {
    const seen: SupplyProgress[] = [];
    const result = solveSupply(problem, await loadHighs(), { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.name)).toEqual(["tier 1", "tier 2", "tier 3", "shortfall", "cost"]);
    expect(result.levels.map((l) => [l.name, l.status, l.held])).toEqual([
      ["tier 1", "optimal", "face"], ["tier 2", "optimal", "face"], ["tier 3", "optimal", "face"], ["shortfall", "optimal", "face"], ["cost", "optimal", "last"],
    ]);
    for (const level of result.levels) {
      expect(level.rows).toBeGreaterThan(0);
      expect(level.columns).toBeGreaterThan(level.rows / 2);
      expect(level.nonzeros).toBeGreaterThan(level.columns);
      expect(level.gap).toBe(0);
      expect(level.bound).toBeCloseTo(level.value!, 9);
    }
    expect(Object.keys(result)).toEqual(["format", "status", "horizon", "periodLength", "objective", "bound", "gap", "stages", "resources", "demands", "exceptions", "levels"]);
    expect(Object.keys(result.stages[0].periods[0])).toEqual(["period", "release", "receipt", "inventory", "consumption", "delivered", "backlog", "shortfall"]);
    expect(result).toMatchObject({ format: "aps-supply/1", status: "optimal", bound: null, gap: 0, horizon: problem.horizon });
  });

  it("stops when cancelled, and never calls a stopped level optimal", async () => {
    const result = solveSupply(problem, await loadHighs(), { isCancelled: () => true });
    expect(result.status).toBe("cancelled");
    expect(result.levels).toHaveLength(1);
    expect(result.levels[0].status).toBe("cancelled");
    expect(result.exceptions.some((e) => e.severity !== "info")).toBe(true);
  });

  it("a time limit far below the first level's solve time stops there: timeLimit, never optimal", async () => {
    const big = randomSupplyProblem(11, { stages: 100, periods: 26, resources: 10, tiers: 3 });
    const result = solveSupply(big, await loadHighs(), { timeLimit: 0.005 });
    expect(result.status).toBe("timeLimit");
    expect(result.levels).toHaveLength(1);
    expect(result.levels[0].status).toBe("timeLimit");
    expect(result.levels[0].held).toBe("none");
    expect(result.exceptions.map((e) => e.severity)).toContain(result.stages[0].periods.length === 0 ? "error" : "warning");
  });

  it("a MIP stopped by its time limit reports the level it stopped in, with its bound and gap when it has them", async () => {
    const big = randomSupplyProblem(5, { stages: 60, periods: 20, resources: 6, tiers: 2 });
    const result = solveSupply(big, await loadHighs(), { lotSizing: "mip", timeLimit: 0.2 });
    expect(result.status).toBe("timeLimit");
    const stopped = result.levels[result.levels.length - 1];
    expect(stopped.status).toBe("timeLimit");
    expect(result.bound).toBe(stopped.bound);
    expect(result.gap).toBe(stopped.gap);
    if (stopped.value !== null && stopped.bound !== null) expect(stopped.bound).toBeLessThanOrEqual(stopped.value + 1e-6);
    if (result.stages[0].periods.length > 0) expect(checkSupplyPlan(big, result, true).violations).toEqual([]);
  });
});

describe("a level the simplex cannot finish within its budget", () => {
  it("is solved again by the interior-point method with crossover, and held by its face as before", async () => {
    const { solveLevels, objectiveValue } = await import("../../src/engine/supply/solveLevels");
    const { supplyLevels } = await import("../../src/engine/supply/solveSupply");
    const { buildSupplyModel } = await import("../../src/engine/supply/supplyModel");
    const highs = await loadHighs();
    const model = buildSupplyModel(problem, highs.infinity);
    const levels = supplyLevels(model, problem.horizon);
    const normal = solveLevels(highs, model, levels, { timeLimit: 60, hold: "face", integrality: null });
    const fallback = solveLevels(highs, model, levels, { timeLimit: 60, hold: "face", integrality: null, simplexIterations: 5 });
    expect(fallback.status).toBe("optimal");
    expect(fallback.statistics.map((l) => l.held)).toEqual(["face", "face", "face", "face", "last"]);
    levels.forEach((level) => {
      const a = objectiveValue(level.objective, normal.solution!.colValue);
      const b = objectiveValue(level.objective, fallback.solution!.colValue);
      expect(Math.abs(a - b) / Math.max(1, Math.abs(a))).toBeLessThan(1e-6);
    });
  });
});

describe("levels started by the interior-point method (large models)", () => {
  it("reach every level's optimum of the dual simplex, held by their faces, on a random network", async () => {
    const { solveLevels, objectiveValue, levelMethod, IPM_ROWS } = await import("../../src/engine/supply/solveLevels");
    const { supplyLevels } = await import("../../src/engine/supply/solveSupply");
    const { buildSupplyModel } = await import("../../src/engine/supply/supplyModel");
    const highs = await loadHighs();
    const random = randomSupplyProblem(7, { stages: 30, periods: 12, resources: 4, tiers: 2 });
    const model = buildSupplyModel(random, highs.infinity);
    expect(levelMethod(model, 0)).toBe("simplex");
    expect(levelMethod({ ...model, numRows: IPM_ROWS }, 0)).toBe("simplex");
    expect(levelMethod({ ...model, numRows: IPM_ROWS }, 1)).toBe("ipm");
    expect(levelMethod({ ...model, numRows: IPM_ROWS - 1 }, 1)).toBe("simplex");
    const levels = supplyLevels(model, random.horizon);
    const simplex = solveLevels(highs, model, levels, { timeLimit: 60, hold: "face", integrality: null, method: "simplex" });
    const ipm = solveLevels(highs, model, levels, { timeLimit: 60, hold: "face", integrality: null, method: "ipm" });
    expect(ipm.status).toBe("optimal");
    expect(ipm.statistics.map((l) => l.held)).toEqual(["face", "face", "face", "last"]);
    levels.forEach((level, l) => {
      const a = objectiveValue(level.objective, simplex.solution!.colValue);
      const b = objectiveValue(level.objective, ipm.solution!.colValue);
      expect(Math.abs(a - b) / Math.max(1, Math.abs(a))).toBeLessThan(1e-6);
      expect(Math.abs((ipm.values[l] ?? NaN) - a) / Math.max(1, Math.abs(a))).toBeLessThan(1e-6);
    });
  });
});
