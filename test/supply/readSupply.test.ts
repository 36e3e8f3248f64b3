// Reading the supply tables of FORMATS.md §10: every error with its table, row and field, periods as
// numbers or dates, and the defaults that link the steady-state plan (MODEL.md §11).

import { readNetwork } from "../../src/engine/network/readNetwork";
import { defaultDemands, leadTimePeriodsOf, readSupply, safetyStockTargetOf, supplyJsonPath, supplyProblemOf } from "../../src/engine/supply";

const base = {
  format: "aps-network/1",
  stages: [{ id: "Assembly", leadTimePeriods: 1, onHand: 10 }, { id: "Motor", leadTime: 10, holdingCost: 1 }],
  arcs: [{ from: "Motor", to: "Assembly", quantity: 2 }],
  settings: { horizon: 6, periodLength: 7 },
};

function read(extra: Record<string, unknown>, settings: Record<string, unknown> = {}) {
  const raw = { ...base, ...extra, settings: { ...base.settings, ...settings } };
  const { network, issues } = readNetwork(raw, "json", { externalDemandRequired: false });
  if (!network) throw new Error(JSON.stringify(issues));
  return readSupply(raw, network, "json");
}

const errorsOf = (result: ReturnType<typeof read>) => result.issues.filter((i) => i.severity === "error").map((i) => `${supplyJsonPath(i.location)}: ${i.message}`);

describe("readSupply", () => {
  it("reads a complete input: periods, tiers, resources with overrides, loads, open supply, commitments", () => {
    const { problem, issues } = read({
      customers: [{ id: "Acme", tier: 2 }],
      demands: [{ stage: "Assembly", period: 3, quantity: 20, customer: "Acme" }, { stage: "Assembly", period: 4, quantity: 5 }],
      resources: [{ id: "Line", capacity: 30, overtimeCapacity: 5, overtimeCost: 2 }],
      resourceCapacity: [{ resource: "Line", period: 2, capacity: 0 }],
      resourceLoads: [{ stage: "Assembly", resource: "Line", usage: 1.5 }],
      openSupply: [{ stage: "Motor", period: 1, quantity: 8 }, { stage: "Motor", period: 1, quantity: 2 }],
      periodCommitments: [{ stage: "Motor", period: 3, quantity: 40 }],
    });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(problem!.demands).toEqual([
      { stage: 0, customer: "Acme", tier: 2, period: 3, quantity: 20, row: 0 },
      { stage: 0, customer: null, tier: 1, period: 4, quantity: 5, row: 1 },
    ]);
    expect(problem!.resources[0].capacity).toEqual([30, 0, 30, 30, 30, 30]);
    expect(problem!.resources[0].overtimeCapacity[0]).toBe(5);
    expect(problem!.loads).toEqual([{ stage: 0, resource: 0, usage: 1.5 }]);
    expect(problem!.stages[1].openSupply[0]).toBe(10);
    expect(problem!.stages[1].commitments[2]).toBe(40);
    expect(problem!.stages[1].leadTimePeriods).toBe(2); // ceil(10 / 7)
    expect(problem!.arcs).toEqual([{ component: 1, consumer: 0, quantity: 2 }]);
  });

  it("collects every error with its place", () => {
    const result = read({
      demands: [
        { stage: "Nowhere", period: 2, quantity: 1 }, { stage: "Assembly", period: 9, quantity: 1 },
        { stage: "Assembly", period: 2.5, quantity: -3 }, { stage: "Assembly", period: "2026-02-01", quantity: 1 },
        { stage: "Assembly", quantity: 1 },
      ],
      resources: [{ id: "Line", capacity: 1 }, { id: "Line", capacity: 2 }],
      resourceLoads: [{ stage: "Assembly", resource: "Oven", usage: 1 }],
      openSupply: "lots",
    });
    expect(result.problem).toBeNull();
    expect(errorsOf(result)).toEqual([
      "resources[1].id: Resource \"Line\" is listed twice.",
      "resourceLoads[0].resource: \"Oven\" is not a resource of the Resources table.",
      "demands[0].stage: \"Nowhere\" is not a stage of the network.",
      "demands[1].period: period must be within the horizon 1..6 (got 9).",
      "demands[2].period: period must be a whole period 1..6 (got 2.5).",
      "demands[2].quantity: quantity must not be negative (got -3).",
      "demands[3].period: period is the date 2026-02-01, but no planStart is set in Settings to count periods from.",
      "demands[4].period: period is required in every row of demands.",
      "openSupply: openSupply must be a list (got text \"lots\").",
    ]);
  });

  it("a workbook's tables (the same record shape) give the same problem, and messages name the headers", () => {
    const extra = { demands: [{ stage: "Assembly", period: 2, quantity: 3, customer: "Acme" }], customers: [{ id: "Acme", tier: 2 }] };
    const raw = { ...base, ...extra };
    const json = readSupply(raw, readNetwork(raw, "json", { externalDemandRequired: false }).network!, "json");
    const workbook = readSupply(raw, readNetwork(raw, "workbook", { externalDemandRequired: false }).network!, "workbook");
    expect(workbook.problem).toEqual(json.problem);
    const bad = { ...base, demands: [{ stage: "Assembly", period: 0, quantity: 1 }, { stage: "Assembly", quantity: 1 }] };
    const messages = readSupply(bad, readNetwork(bad, "workbook", { externalDemandRequired: false }).network!, "workbook").issues.map((i) => i.message);
    expect(messages).toEqual(["Period must be within the horizon 1..6 (got 0).", "Period is required in every row of the Demands table."]);
  });

  it("counts dates in periods from planStart (a date cell's serial too), and refuses dates outside the horizon", () => {
    const ok = read({ demands: [{ stage: "Assembly", period: "2026-01-19", quantity: 4 }, { stage: "Assembly", period: 46027, quantity: 1 }] }, { planStart: "2026-01-05" });
    expect(ok.problem!.demands.map((d) => d.period)).toEqual([3, 1]);
    const late = read({ demands: [{ stage: "Assembly", period: "2026-03-30", quantity: 4 }] }, { planStart: "2026-01-05" });
    expect(errorsOf(late)).toEqual(["demands[0].period: period 2026-03-30 falls in period 13, outside the horizon 1..6 (planStart 2026-01-05)."]);
  });

  it("refuses a fractional horizon and frozen periods beyond it, and fractional lead times in periods", () => {
    expect(errorsOf(read({ demands: [] }, { horizon: 4.5 }))).toEqual(["settings.horizon: horizon must be a whole number from 1 to 1000 (got 4.5)."]);
    expect(errorsOf(read({ demands: [] }, { frozenPeriods: 7 }))).toEqual(["settings.frozenPeriods: frozenPeriods must be a whole number from 0 to 6 (got 7)."]);
    const raw = { ...base, stages: [{ id: "Assembly", leadTimePeriods: 1.5 }], arcs: [], demands: [] };
    const read2 = supplyProblemOf(raw);
    expect(read2.ok ? [] : read2.errors).toEqual(["stages[0].leadTimePeriods: leadTimePeriods must be a whole number of periods (got 1.5)."]);
  });

  it("defaults: lead time periods from the lead time, safety stock from the placement, demand from the rate", () => {
    expect(leadTimePeriodsOf(null, 14, 7)).toEqual({ periods: 2, from: "leadTime" });
    expect(leadTimePeriodsOf(null, 14.0000000001, 7).periods).toBe(2);
    expect(leadTimePeriodsOf(null, 15, 7).periods).toBe(3);
    expect(leadTimePeriodsOf(3, 15, 7)).toEqual({ periods: 3, from: "given" });
    expect(leadTimePeriodsOf(null, null, 7)).toEqual({ periods: 0, from: "none" });
    expect(safetyStockTargetOf(null, 12.5)).toBe(12.5);
    expect(safetyStockTargetOf(4, 12.5)).toBe(4);
    expect(safetyStockTargetOf(null, null)).toBe(0);
    expect(defaultDemands([{ id: "A", demandRate: 5 }, { id: "B", demandRate: null }], 2, 7, { B: [1, 0] })).toEqual([
      { stage: 0, customer: null, tier: 1, period: 1, quantity: 35, row: null },
      { stage: 0, customer: null, tier: 1, period: 2, quantity: 35, row: null },
      { stage: 1, customer: null, tier: 1, period: 1, quantity: 1, row: null },
    ]);
  });

  it("without a Demands table, the record's plan fills the blanks: demand rate per period, the placement's safety stock", () => {
    const raw = {
      format: "aps-network/1",
      stages: [{ id: "Shop", demandRate: 4, demandSd: 2, processingTime: 0.1, holdingCost: 1, leadTime: 3, leadTimePeriods: 1 }],
      arcs: [], settings: { horizon: 3, periodLength: 7 },
    };
    const read3 = supplyProblemOf(raw);
    if (!read3.ok) throw new Error(read3.errors.join("\n"));
    expect(read3.problem.demands.map((d) => d.quantity)).toEqual([28, 28, 28]);
    expect(read3.problem.stages[0].safetyStockTarget).toBeGreaterThan(0);
  });
});
