// Properties on seeded random networks: a scenario that sets inputs to the values they already have
// plans exactly the base, and applying a scenario touches only the fields it names.

import fc from "fast-check";
import { randomNetwork } from "../../examples/generator/randomNetwork";
import { STAGE_FIELDS, titleCase } from "../../src/engine/network/fields";
import { applyScenario, planScenarios, readScenarios } from "../../src/engine/scenarios";
import type { PlanResult } from "../../src/engine/plan";
import { jsonRowWhere, row } from "./support";

const FIELDS = STAGE_FIELDS.filter((f) => f.name !== "id").map((f) => f.name);

function figures(plan: PlanResult): unknown {
  return { stages: plan.stages, arcs: plan.arcs, kpis: plan.kpis, placement: plan.placement && { ...plan.placement, elapsedMs: 0 } };
}

test("on 60 random tree networks, setting random stage fields to their own values (or a blank to blank) plans exactly the base", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FIELDS)), { minLength: 1, maxLength: 4 }), (seed, picks) => {
    const network = randomNetwork({ stages: 12, seed, products: 2 });
    const seen = new Set<string>();
    const rows = picks.flatMap(([s, field]) => {
      const stage = network.stages[s % network.stages.length];
      const key = `${stage.id}/${field}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [row("Same", "Stages", stage.id as string, titleCase(field), (stage[field] ?? null) as number | string | null)];
    });
    const outcome = planScenarios({ base: network, rows, rowWhere: jsonRowWhere });
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    expect(figures(outcome.plans[1])).toEqual(figures(outcome.plans[0]));
    for (const figure of Object.values(outcome.comparison.scenarios[1].kpis)) expect(figure.difference === null || figure.difference === 0).toBe(true);
  }), { numRuns: 60 });
});

test("applying a scenario changes only the named fields of new copies; the base's records are untouched and the others shared", () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.nat(), fc.constantFrom(...FIELDS), fc.double({ min: 0, max: 50, noNaN: true }), (seed, s, field, value) => {
    const network = randomNetwork({ stages: 8, seed });
    const before = JSON.stringify(network);
    const target = s % network.stages.length;
    const { scenarios, problems } = readScenarios([row("S", "Stages", network.stages[target].id as string, titleCase(field), value)], network);
    expect(problems).toEqual([]);
    const variant = applyScenario(network, scenarios[0]) as typeof network;
    expect(JSON.stringify(network)).toBe(before);
    expect(variant.stages[target]).toEqual({ ...network.stages[target], [field]: value });
    variant.stages.forEach((stage, i) => { if (i !== target) expect(stage).toBe(network.stages[i]); });
    expect(variant.arcs).toEqual(network.arcs);
  }), { numRuns: 300 });
});
