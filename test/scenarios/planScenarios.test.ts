// Scenarios on the paper's Figure 5 (examples/supply-chain.json): a variant that changes nothing is
// the base exactly; "supplier late" (Tube Cutting's external inbound time 5 → 8 days) changes exactly
// the figures the model says it should, by the amounts the model gives, at a proven optimum.

import { comparedFigure, comparePlans, planScenarios, ScenarioComparison } from "../../src/engine/scenarios";
import type { PlanResult, StagePlan } from "../../src/engine/plan";
import { bruteForcePlacement, vertexCandidates } from "../placement/bruteForce";
import { figure5, jsonRowWhere, row } from "./support";

function planned(rows: ReturnType<typeof row>[], base = figure5()): { comparison: ScenarioComparison; plans: PlanResult[] } {
  const outcome = planScenarios({ base, rows, rowWhere: jsonRowWhere });
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  return outcome;
}

/** A plan without its timing (the only figure allowed to differ between identical runs). */
function figures(plan: PlanResult): unknown {
  return { stages: plan.stages, arcs: plan.arcs, kpis: plan.kpis, placement: plan.placement && { ...plan.placement, elapsedMs: 0 } };
}

describe("a scenario that changes nothing", () => {
  test("given Tube Cutting's external inbound time set to its own 5 days, every figure equals the base and every difference is 0", () => {
    const { comparison, plans } = planned([row("Same", "Stages", "Tube Cutting", "External Inbound Time", 5)]);
    expect(figures(plans[1])).toEqual(figures(plans[0]));
    const same = comparison.scenarios[1];
    for (const figure of Object.values(same.kpis)) expect([figure.difference, figure.percent]).toEqual([0, 0]);
    for (const stage of same.stages) {
      for (const [name, figure] of Object.entries(stage)) if (name !== "id") expect(figure).toEqual({ ...comparison.scenarios[0].stages.find((s) => s.id === stage.id)![name as "safetyStock"], difference: 0, percent: 0 });
    }
  });

  test("given a setting set to its default (placementTimeLimit 10), the plan is the base's", () => {
    const { plans } = planned([row("Default limit", "Settings", "placementTimeLimit", "Value", 10)]);
    expect(figures(plans[1])).toEqual(figures(plans[0]));
  });

  test("the base record is not modified by planning its scenarios", () => {
    const base = figure5();
    const before = JSON.stringify(base);
    planned([row("Late", "Stages", "Tube Cutting", "External Inbound Time", 8), row("Paper", "Settings", "placementMethod", null, "paper-rule")], base);
    expect(JSON.stringify(base)).toBe(before);
  });
});

describe('"Supplier late": Tube Cutting\'s steel supplier quotes 8 days instead of 5', () => {
  const { comparison, plans } = planned([row("Supplier late", "Stages", "Tube Cutting", "External Inbound Time", 8)]);
  const [base, late] = plans;
  const stage = (plan: PlanResult, id: string): StagePlan => plan.stages.find((s) => s.id === id)!;
  const baseTube = stage(base, "Tube Cutting");
  const lateTube = stage(late, "Tube Cutting");

  test("the flows upstream of placement (rates, waits, lead times) do not depend on E_j: they are unchanged everywhere", () => {
    for (const field of ["demandRate", "demandSd", "z", "rate", "utilisation", "waitInQueue", "leadTime", "lotSize"] as const) {
      expect(late.stages.map((s) => s[field])).toEqual(base.stages.map((s) => s[field]));
    }
  });

  test("the placement is still optimal: its cost equals an exhaustive search over the variant's candidate service times", () => {
    const input = figure5() as { stages: Record<string, unknown>[]; arcs: { from: string; to: string }[] };
    const ids = input.stages.map((s) => s.id as string);
    const problem = {
      stages: late.stages.map((s, j) => ({
        id: s.id, leadTime: s.leadTime as number,
        externalInboundTime: s.id === "Tube Cutting" ? 8 : ((input.stages[j].externalInboundTime as number | undefined) ?? 0),
        maxServiceTime: (input.stages[j].maxServiceTime as number | undefined) ?? ((input.stages[j].demandRate as number | undefined) ? 0 : null),
        unitCost: (input.stages[j].holdingCost as number) * s.z * s.demandSd,
      })),
      arcs: input.arcs.map((a) => ({ from: ids.indexOf(a.from), to: ids.indexOf(a.to) })),
    };
    const brute = bruteForcePlacement(problem, vertexCandidates(problem));
    expect(late.placement!.optimal).toBe(true);
    expect(late.placement!.safetyStockCost).toBeCloseTo(brute.cost, 9);
  });

  test("Tube Cutting's inbound service time rises by the 3 days and, still serving from stock (S = 0), its net replenishment time τ = SI + L − S by 3", () => {
    expect(lateTube.inboundServiceTime).toBe(8);
    expect(lateTube.committedServiceTime).toBe(0);
    expect(lateTube.netReplenishmentTime! - baseTube.netReplenishmentTime!).toBeCloseTo(3, 12);
  });

  test("its safety stock z σ_D √τ (eq. 13) grows by √((τ + 3)/τ), and its cost by h = 0.03 per unit of that", () => {
    const tau = baseTube.netReplenishmentTime!;
    expect(lateTube.safetyStock!).toBeCloseTo(baseTube.safetyStock! * Math.sqrt((tau + 3) / tau), 10);
    expect(lateTube.safetyStockCost!).toBeCloseTo(0.03 * lateTube.safetyStock!, 12);
    const figure = comparison.scenarios[1].stages.find((s) => s.id === "Tube Cutting")!;
    expect(figure.inboundServiceTime).toEqual({ value: 8, difference: 3, percent: 60 });
    expect(figure.safetyStock.difference!).toBeCloseTo(lateTube.safetyStock! - baseTube.safetyStock!, 12);
  });

  test("every other stage keeps identical figures (the optimum does not move them); only the make-to-order times W (eq. 7) downstream of Tube Cutting grow by the 3 days", () => {
    const downstream = ["Frame Welding", "Paint Shop", "Final Assembly"];
    for (const s of base.stages.filter((x) => x.id !== "Tube Cutting")) {
      const { promisedLeadTime, ...rest } = stage(late, s.id);
      expect({ ...rest, promisedLeadTime: s.promisedLeadTime }).toEqual(s);
      expect(promisedLeadTime! - s.promisedLeadTime!).toBeCloseTo(downstream.includes(s.id) ? 3 : 0, 12);
    }
    expect(late.arcs).toEqual(base.arcs); // eq. (15) reads the customer's demand bound and SI, unchanged
    const changed = comparison.scenarios[1].stages.filter((s) => Object.entries(s).some(([k, f]) => k !== "id" && (f as { difference: number }).difference !== 0));
    expect(changed.map((s) => s.id)).toEqual(["Tube Cutting"]);
  });

  test("the KPIs move as the model says: costs up by Tube Cutting's extra safety-stock cost, cycle time up 3 days on the frame path, turns down, lead time to customer unchanged", () => {
    const kpis = comparison.scenarios[1].kpis;
    const extra = lateTube.safetyStockCost! - baseTube.safetyStockCost!;
    expect(extra).toBeGreaterThan(0);
    expect(kpis.safetyStockHoldingCost.difference!).toBeCloseTo(extra, 12);
    expect(kpis.inventoryHoldingCost.difference!).toBeCloseTo(extra, 12); // cycle stocks q/2 do not change
    // W of eq. (7) along Tube Cutting → Frame Welding → Paint Shop → Final Assembly, the longest path in the base.
    expect(stage(base, "Paint Shop").promisedLeadTime!).toBeGreaterThan(stage(base, "Heat Treatment").promisedLeadTime!);
    expect(kpis.cycleTime.difference!).toBeCloseTo(3, 12);
    expect(kpis.leadTimeToCustomer).toEqual({ value: 2, difference: 0, percent: 0 });
    // turns = periodsPerYear · Σ λ_ext h / inventory holding cost: the same numerator over a larger cost.
    expect(kpis.inventoryTurns.value!).toBeCloseTo(base.kpis.inventoryTurns! * base.kpis.inventoryHoldingCost! / late.kpis.inventoryHoldingCost!, 10);
    expect(kpis.inventoryTurns.difference!).toBeLessThan(0);
    expect(kpis.safetyStockHoldingCost.percent!).toBeCloseTo(100 * extra / base.kpis.safetyStockHoldingCost!, 10);
  });
});

describe("several rows combine, blanks clear, and every table can be changed", () => {
  test('"No spare-parts sales": clearing Heat Treatment\'s demand and promise leaves Final Assembly the only customer, so its demand is all Gear Machining draws', () => {
    const { plans } = planned([
      row("No spares", "Stages", "Heat Treatment", "Demand Rate", null),
      row("No spares", "Stages", "Heat Treatment", "Demand Sd", ""),
      row("No spares", "Stages", "Heat Treatment", "Max Service Time", null),
    ]);
    const heat = plans[1].stages.find((s) => s.id === "Heat Treatment")!;
    expect(heat.demandRate).toBe(2 * 40); // Φ = 2 gear sets per bicycle, 40 bicycles a day
    expect(plans[0].stages.find((s) => s.id === "Heat Treatment")!.demandRate).toBe(2 * 40 + 5);
  });

  test("an arc's quantity, keyed From→To or From->To, changes the demand it carries", () => {
    const { plans } = planned([row("Three gears", "Arcs", "Heat Treatment -> Final Assembly", "Quantity", 3), row("Three gears 2", "Arcs", "Heat Treatment→Final Assembly", "quantity", 3)]);
    expect(plans[1].stages.find((s) => s.id === "Heat Treatment")!.demandRate).toBe(3 * 40 + 5);
    expect(figures(plans[2])).toEqual(figures(plans[1]));
  });

  test("a setting (placementMethod paper-rule) changes the method and, not being optimal, cannot cost less than the base", () => {
    const { comparison } = planned([row("Paper rule", "Settings", "Placement Method", "", "paper-rule")]);
    expect(comparison.scenarios[1].placement!.method).toBe("paper-rule");
    expect(comparison.scenarios[1].kpis.safetyStockHoldingCost.difference!).toBeGreaterThanOrEqual(-1e-9);
  });

  test("the comparison names each change by its Scenarios cell", () => {
    const { comparison } = planned([row(null, null, null, null, null), row("Late", "Stages", "Tube Cutting", "External Inbound Time", 8)]);
    expect(comparison.scenarios.map((s) => s.name)).toEqual(["Base", "Late"]);
    expect(comparison.scenarios[1].changes).toEqual([{ table: "Stages", key: "Tube Cutting", column: "External Inbound Time", value: 8, where: "scenarios[1].value" }]);
  });
});

describe("stopping, and reading differences of plans whose search stopped", () => {
  test("shouldStop between plans keeps the base and the scenarios planned so far", () => {
    let asked = 0;
    const outcome = planScenarios({ base: figure5(), rows: [row("A", "Stages", "Tube Cutting", "Holding Cost", 0.04), row("B", "Stages", "Tube Cutting", "Holding Cost", 0.05)], rowWhere: jsonRowWhere }, { shouldStop: () => ++asked > 1 });
    expect(outcome.ok && [outcome.stopped, outcome.comparison.scenarios.map((s) => s.name)]).toEqual([true, ["Base", "A"]]);
  });

  test("comparedFigure: difference and percent of |base|, 0 % for 0 → 0, blank % from a zero base", () => {
    expect(comparedFigure(12, 10)).toEqual({ value: 12, difference: 2, percent: 20 });
    expect(comparedFigure(-12, -10)).toEqual({ value: -12, difference: -2, percent: -20 });
    expect(comparedFigure(0, 0)).toEqual({ value: 0, difference: 0, percent: 0 });
    expect(comparedFigure(1, 0)).toEqual({ value: 1, difference: 1, percent: null });
    expect(comparedFigure(null, 3)).toEqual({ value: null, difference: null, percent: null });
  });

  test("a cost difference smaller than the two placements' gaps gets a note; a larger one does not", () => {
    const base = planned([row("x", "Stages", "Tube Cutting", "Holding Cost", 0.03)]).plans[0];
    const stoppedAt = (cost: number, gap: number): PlanResult => ({ ...base, placement: { ...base.placement!, optimal: false, status: "timeLimit", gap, safetyStockCost: cost } });
    const close = comparePlans([{ name: "Base", changes: [], plan: stoppedAt(100, 0.01) }, { name: "S", changes: [], plan: stoppedAt(99.5, 0.01) }]);
    expect(close.scenarios[1].notes).toEqual([expect.stringMatching(/^The safety-stock cost of "S" differs from "Base" by -0\.5000, within the placements' optimality gaps \(1\.995\)/)]);
    const far = comparePlans([{ name: "Base", changes: [], plan: stoppedAt(100, 0.01) }, { name: "S", changes: [], plan: stoppedAt(90, 0.01) }]);
    expect(far.scenarios[1].notes).toEqual([]);
  });
});
