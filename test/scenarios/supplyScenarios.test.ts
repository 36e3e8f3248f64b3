// Scenarios that vary the supply tables (docs/scenarios.md): examples/supply-plan.json (the bike chain
// over 26 weeks, the paint line the bottleneck) with more paint overtime, less paint capacity, a moved
// maintenance week and a lifted commitment; supply plans compared lexicographically; errors at once.

import { bikeSupplyRecord } from "../../examples/generator/supplyPlanExample";
import { planScenarios, type ScenarioRow } from "../../src/engine/scenarios";
import { supplyRecord } from "../../src/engine/supply";
import { loadHighs } from "../supply/loadHighs";
import { jsonRowWhere, row } from "./support";

const plan = async (rows: ScenarioRow[]) => planScenarios({ base: bikeSupplyRecord(), rows, rowWhere: jsonRowWhere, supply: { highs: await loadHighs() } });

describe("scenarios of the supply plan (examples/supply-plan.json)", () => {
  it("compares the supply plans: paint overtime +20 is not worse and cuts tier-2 lateness; a smaller paint line is worse", async () => {
    const outcome = await plan([
      row("Paint overtime +20", "Resources", "Paint Line", "Overtime Capacity", 60),
      row("Paint line cut", "Resources", "Paint Line", "Capacity", 250),
      row("Maintenance in week 20", "Resource Capacity", "Paint Line @ 12", "Capacity", null),
      row("Maintenance in week 20", "Resource Capacity", "Paint Line @ 20", "Capacity", 180),
      row("No FrameWorks cap in week 5", "Period Commitments", "Frame Welding @ 5", "Quantity", null),
    ]);
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    const [base, overtime, cut, moved, uncapped] = outcome.comparison.scenarios;
    const highs = await loadHighs();
    const direct = supplyRecord(bikeSupplyRecord(), highs);
    if (!direct.ok) throw new Error(direct.errors.join("\n"));
    // The base's supply plan is aps supply's, every scenario's plan passes the independent checker.
    expect(base.supply!.objective.lateness.map((l) => l.value)).toEqual(direct.result.objective.lateness.map((l) => expect.closeTo(l.value!, 4)));
    expect(base.supply!.order).toBe("same");
    for (const s of outcome.comparison.scenarios) expect(s.supply!.status).toBe("optimal");
    expect(outcome.supplyPlans).toHaveLength(5);

    expect(overtime.changes).toEqual([{ table: "Resources", key: "Paint Line", column: "Overtime Capacity", value: 60, where: "scenarios[0].value" }]);
    expect(["better", "same"]).toContain(overtime.supply!.order);
    const tier2 = overtime.supply!.objective.lateness.find((l) => l.tier === 2)!;
    expect(tier2.difference).toBeLessThan(0);
    expect(overtime.supply!.objective.lateness.find((l) => l.tier === 1)!.value).toBe(0);
    expect(overtime.supply!.onTime.find((t) => t.tier === 2)!.share.difference).toBeGreaterThan(0);

    expect(cut.supply!.order).toBe("worse");
    expect(cut.supply!.lateUnitPeriods.difference).toBeGreaterThan(0);
    expect(cut.supply!.peakUtilisation.resource).not.toBeNull();

    expect(moved.changes.map((c) => c.key)).toEqual(["Paint Line @ 12", "Paint Line @ 20"]);
    expect(moved.supply!.order).not.toBeNull();
    expect(["better", "same"]).toContain(uncapped.supply!.order);

    for (const result of outcome.supplyPlans!) expect(result.status).toBe("optimal");
  });

  it("names every bad supply row at its Scenarios cell, all at once", async () => {
    const outcome = await plan([
      row("a", "Resources", "Paint Lin", "Capacity", 10),
      row("b", "Resources", "Paint Line", "Overtime Capasity", 10),
      row("c", "Resource Capacity", "Paint Line", "Capacity", 10),
      row("d", "Period Commitments", "Frame Weld @ 3", "Quantity", 10),
      row("e", "Demands", "Final Assembly @ 3", "Quantity", 10),
      row("f", "Resources", "Paint Line", "Capacity", -5),
      row("g", "Open Supply", "Paint Shop @ 40", "Quantity", 10),
      row("h", "Resource Loads", "Paint Shop @ Paint Line", "Stage", "x"),
      row("i", "Resorces", "Paint Line", "Capacity", 1),
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual(expect.arrayContaining([
      'scenarios[0].key: Key "Paint Lin" is not a row of the Resources table; did you mean "Paint Line"?',
      'scenarios[1].column: Column "Overtime Capasity" is not a column of the Resources table; did you mean "Overtime Capacity"?',
      'scenarios[2].key: Key "Paint Line" does not name a row of Resource Capacity: write Resource @ Period (e.g. "Paint Line @ 12").',
      'scenarios[3].key: Key "Frame Weld @ 3": "Frame Weld" is not a stage of the network (write Stage @ Period).',
      expect.stringMatching(/^scenarios\[4\]\.key: Key "Final Assembly @ 3" matches 3 rows of Demands: add the customer \("Final Assembly @ 3 @ CityBikes"\)/),
      'scenarios[7].column: Column "Stage" cannot be changed by a scenario: it is part of the row\'s Key; change "Usage".',
      expect.stringMatching(/^scenarios\[8\]\.table: Table "Resorces" is not a table a scenario can change: .*\(did you mean "Resources"\?\)\.$/),
    ]));
    expect(outcome.errors).toHaveLength(9);
  });

  it("names a value the supply plan refuses by the Scenarios cell and the input it sets or adds", async () => {
    const outcome = await plan([
      row("f", "Resources", "Paint Line", "Capacity", -5),
      row("g", "Open Supply", "Paint Shop @ 40", "Quantity", 10),
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toEqual([
      expect.stringMatching(/^scenarios\[0\]\.value \(scenario "f" sets resources\[0\]\.capacity\): .*capacity/),
      expect.stringMatching(/^scenarios\[1\]\.value \(scenario "g" adds Open Supply "Paint Shop @ 40"\): .*horizon/),
    ]);
  });

  it("varies a customer's tier, a stage's supply column, a load and a supply setting", async () => {
    const outcome = await plan([
      row("TrailShop first", "Customers", "TrailShop", "Priority Tier", 1),
      row("Everything frozen for 4 weeks", "Settings", "frozenPeriods", null, 4),
      row("More paint stock", "Stages", "Paint Shop", "On Hand", 600),
      row("Paint twice", "Resource Loads", "Paint Shop @ Paint Line", "Usage", 2),
    ]);
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    const [base, trail, frozen, stock, twice] = outcome.comparison.scenarios;
    // TrailShop joins tier 1: tier 1 now carries TrailShop's demand, the on-time units of tier 1 grow.
    expect(trail.supply!.onTime.find((t) => t.tier === 1)!.quantity).toBeGreaterThan(base.supply!.onTime.find((t) => t.tier === 1)!.quantity);
    // A longer frozen window only takes releases away, so it cannot be better; more paint stock helps here; painting twice is worse.
    expect(["same", "worse"]).toContain(frozen.supply!.order);
    expect(["better", "same"]).toContain(stock.supply!.order);
    expect(twice.supply!.order).toBe("worse");
    expect(twice.changes[0]).toMatchObject({ table: "Resource Loads", key: "Paint Shop @ Paint Line", column: "Usage", value: 2 });
  });

  it("refuses a base whose supply tables are wrong once, at the base's place", async () => {
    const base = bikeSupplyRecord();
    (base.resources as { capacity: number }[])[1].capacity = -1;
    const outcome = planScenarios({ base, rows: [row("a", "Resources", "Paint Line", "Capacity", 250), row("b", "Resources", "Paint Line", "Capacity", 200)], rowWhere: jsonRowWhere, supply: { highs: await loadHighs() } });
    expect(outcome).toEqual({
      ok: false, errors: ["resources[1].capacity: capacity must not be negative (got -1)."], errorCount: 1,
      problems: [{ where: "resources[1].capacity", table: "Resources", row: 1, field: "capacity", message: "capacity must not be negative (got -1)." }],
    });
  });
});
