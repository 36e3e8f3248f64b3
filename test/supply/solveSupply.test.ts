// solveSupply's options and result shape: progress per level, cancellation, statistics, aps-supply/1 keys.

import { readFileSync } from "fs";
import { join } from "path";
import { solveSupply, supplyProblemOf } from "../../src/engine/supply";
import type { SupplyProgress } from "../../src/engine/supply";
import { loadHighs } from "./loadHighs";

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
});
