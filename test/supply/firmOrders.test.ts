// Firm planned orders (docs/editing.md "Firm planned orders"): kept exactly (the checker's firm rule),
// the rest re-planned, the public case's objective not better than without them (lexicographically),
// and each conflict family named at the order's place.

import { readFileSync } from "fs";
import { join } from "path";
import { solveFirmSupply, solveSupply, supplyProblemOf } from "../../src/engine/supply";
import type { FirmOrder, SupplyObjective, SupplyProblem } from "../../src/engine/supply";
import { checkSupplyPlan } from "./checkSupplyPlan";
import { loadHighs } from "./loadHighs";
import { randomSupplyProblem } from "./randomSupply";
import { sketch } from "./supplyCases";
import { seededRandom } from "../../src/engine/random";

const DIR = join(__dirname, "../fixtures/supply");

/** −1, 0, 1: a compared to b level by level (lateness per tier, shortfall, cost), with a relative tolerance. */
function compareObjectives(a: SupplyObjective, b: SupplyObjective): number {
  const va = [...a.lateness.map((l) => l.value!), a.safetyStockShortfall!, a.cost!];
  const vb = [...b.lateness.map((l) => l.value!), b.safetyStockShortfall!, b.cost!];
  for (let i = 0; i < va.length; i++) {
    if (Math.abs(va[i] - vb[i]) <= 1e-6 * Math.max(1, Math.abs(vb[i]))) continue;
    return va[i] < vb[i] ? -1 : 1;
  }
  return 0;
}

/** Two stages (Part → Bike), one resource; Bike demand 30 in periods 3 and 5. */
function bikes(): SupplyProblem {
  return sketch({
    horizon: 6, frozenPeriods: 1,
    stages: [
      { id: "Part", leadTimePeriods: 1, unitCost: 1, holdingCost: 0.1, onHand: 20 },
      { id: "Bike", leadTimePeriods: 1, unitCost: 5, holdingCost: 0.5, releaseCap: 50, commitments: { 6: 25 } },
    ],
    arcs: [{ from: "Part", to: "Bike", quantity: 1 }],
    resources: [{ id: "Line", capacity: 40, overtimeCapacity: 10, overtimeCost: 2 }],
    loads: [{ stage: "Bike", resource: "Line", usage: 1 }],
    demands: [{ stage: "Bike", period: 3, quantity: 30 }, { stage: "Bike", period: 5, quantity: 30 }],
  });
}

const order = (stage: number, period: number, quantity: number, where: string): FirmOrder => ({ stage, period, quantity, where });

describe("firm planned orders", () => {
  it("keeps firm orders exactly and re-plans the rest (checker with the firm rule)", async () => {
    const problem = bikes();
    const firm = [order(1, 3, 35, "P!G4"), order(0, 4, 0, "P!G5")];
    const outcome = solveFirmSupply(problem, await loadHighs(), firm);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.conflicts));
    expect(checkSupplyPlan(problem, outcome.result, false, firm).violations).toEqual([]);
    expect(outcome.result.stages[1].periods[2].release).toBeCloseTo(35, 9);
    expect(outcome.result.stages[0].periods[3].release).toBe(0);
    expect(outcome.result.exceptions.some((e) => /firm planned order/.test(e.message))).toBe(true);
  });

  it("with lot sizing (mip): a firm order above every demand is kept, paying its order cost; a broken lot multiple is a conflict", async () => {
    const problem = bikes();
    problem.stages[1].releaseCap = problem.stages[1].releaseCap.map(() => null);
    problem.stages[0].orderCost = 10;
    problem.stages[0].lotMultiple = 5;
    const highs = await loadHighs();
    const firm = [order(0, 2, 200, "P!G4")];
    const outcome = solveFirmSupply(problem, highs, firm, { lotSizing: "mip" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.conflicts));
    expect(checkSupplyPlan(problem, outcome.result, true, firm).violations).toEqual([]);
    const broken = solveFirmSupply(problem, highs, [order(0, 2, 12, "P!G4")], { lotSizing: "mip" });
    expect(broken.ok ? [] : broken.conflicts.map((c) => c.kind)).toEqual(["lot"]);
  });

  it("the checker's firm rule fails a plan that does not keep a firm order", async () => {
    const problem = bikes();
    const free = solveSupply(problem, await loadHighs());
    const released = free.stages[1].periods[2].release;
    expect(checkSupplyPlan(problem, free, false, [order(1, 3, released + 7, "x")]).violations.length).toBe(1);
  });

  it.each([
    ["frozen", order(1, 1, 10, "P!G4"), /frozen/],
    ["horizon", order(1, 6, 10, "P!G4"), /after the horizon/],
    ["releaseCap", order(1, 3, 60, "P!G4"), /release cap of 50/],
    ["commitment", order(1, 5, 30, "P!G4"), /supplier commitment of 25/],
    ["resource", order(1, 4, 55, "P!G4"), /beyond its capacity 40 plus overtime 10/],
  ])("a firm order %s is a conflict at its cell", async (kind, firm, message) => {
    const problem = bikes();
    if (kind === "resource") problem.stages[1].releaseCap = problem.stages[1].releaseCap.map(() => null);
    const outcome = solveFirmSupply(problem, await loadHighs(), [firm]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.conflicts).toEqual(expect.arrayContaining([expect.objectContaining({ kind, where: "P!G4", message: expect.stringMatching(message) })]));
  });

  it("an order in the frozen window and another beyond capacity: both conflicts at once", async () => {
    const problem = bikes();
    problem.stages[1].releaseCap = problem.stages[1].releaseCap.map(() => null);
    const outcome = solveFirmSupply(problem, await loadHighs(), [{ ...order(1, 1, 10, "P!G4"), periodWhere: "P!C4" }, order(1, 4, 49, "P!G5"), order(1, 4, 2, "P!G6")]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.conflicts.map((c) => [c.kind, c.where])).toEqual([["frozen", "P!C4"], ["resource", "P!G5"], ["resource", "P!G6"]]);
    expect(outcome.conflicts[1].message).toMatch(/load Line with 51 in period 4/);
  });

  it("a firm order ahead of its components is a material conflict (from the elastic relaxation)", async () => {
    const problem = bikes();
    // 45 bikes in period 2 need 45 parts by period 2: 20 on hand, and parts released in period 2 arrive in 3.
    const outcome = solveFirmSupply(problem, await loadHighs(), [order(1, 2, 45, "P!G9")]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.conflicts).toEqual([expect.objectContaining({ kind: "material", where: "P!G9", message: expect.stringMatching(/ahead of its components: Part is short of 25 units in period 2/) })]);
  });

  it("a firm order whose components need a resource beyond its capacity names the resource", async () => {
    const problem = sketch({
      horizon: 5,
      stages: [{ id: "Part", leadTimePeriods: 1 }, { id: "Bike", leadTimePeriods: 0 }],
      arcs: [{ from: "Part", to: "Bike" }],
      resources: [{ id: "Press", capacity: 10 }],
      loads: [{ stage: "Part", resource: "Press", usage: 1 }],
      demands: [{ stage: "Bike", period: 4, quantity: 10 }],
    });
    const outcome = solveFirmSupply(problem, await loadHighs(), [order(1, 2, 15, "P!G3")]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.conflicts.map((c) => c.where)).toEqual(expect.arrayContaining(["P!G3"]));
    expect(outcome.conflicts.every((c) => c.kind === "resource" || c.kind === "material")).toBe(true);
  });

  it("sp-01 with firm orders: kept, feasible, and not better than the free optimum (lexicographically)", async () => {
    const raw = JSON.parse(readFileSync(join(DIR, "sp-01.json"), "utf8"));
    const read = supplyProblemOf(raw);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const highs = await loadHighs();
    const free = solveSupply(read.problem, highs);
    const j = free.stages.findIndex((s) => s.periods.some((p) => p.release > 1));
    const t = free.stages[j].periods.find((p) => p.release > 1)!.period;
    const firm = [order(j, t, free.stages[j].periods[t - 1].release / 2, "x")];
    const outcome = solveFirmSupply(read.problem, highs, firm);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.conflicts));
    const check = checkSupplyPlan(read.problem, outcome.result, false, firm);
    expect(check.violations).toEqual([]);
    expect(compareObjectives(outcome.result.objective, free.objective)).toBeGreaterThanOrEqual(0);
    // The free optimum's own release, made firm, costs nothing on any level.
    const same = solveFirmSupply(read.problem, highs, [order(j, t, free.stages[j].periods[t - 1].release, "x")]);
    if (!same.ok) throw new Error(JSON.stringify(same.conflicts));
    expect(compareObjectives(same.result.objective, free.objective)).toBe(0);
  });

  it("random firm orders on random networks: a plan that keeps them all (checker), or conflicts each at a firm order's place", async () => {
    const highs = await loadHighs();
    let kept = 0;
    let refused = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const problem = randomSupplyProblem(seed, { stages: 6, periods: 8, resources: 2, tiers: 2 });
      const free = solveSupply(problem, highs);
      const random = seededRandom(seed * 7919);
      const firm: FirmOrder[] = [];
      for (let k = 0; k < 3; k++) {
        const stage = Math.floor(random() * problem.stages.length);
        const period = 1 + Math.floor(random() * problem.horizon);
        const base = free.stages[stage].periods[period - 1].release;
        const quantity = Math.round((base > 0 ? base : 20) * (0.5 + random()) * 100) / 100;
        firm.push(order(stage, period, quantity, `row ${k}`));
      }
      const outcome = solveFirmSupply(problem, highs, firm);
      if (outcome.ok) {
        kept++;
        expect(checkSupplyPlan(problem, outcome.result, false, firm).violations).toEqual([]);
        expect(compareObjectives(outcome.result.objective, free.objective)).toBeGreaterThanOrEqual(0);
      } else {
        refused++;
        expect(outcome.conflicts.length).toBeGreaterThan(0);
        for (const c of outcome.conflicts) expect(firm.map((f) => f.where)).toContain(c.where);
      }
    }
    expect(kept).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 60_000);
});
