// Capable to promise (MODEL.md §11) against the answers of promise.json: the most deliverable by a
// period with every tier's lateness at its optimum, and the earliest period for a quantity.

import { readFileSync } from "fs";
import { join } from "path";
import { promiseSupply, supplyProblemOf } from "../../src/engine/supply";
import type { SupplyProblem } from "../../src/engine/supply";
import { loadHighs } from "./loadHighs";

const DIR = join(__dirname, "../fixtures/supply");
const answers: Record<string, { stage: string; period: number; quantity: number; maxOnTime: number; earliestPeriod: number | null }> =
  JSON.parse(readFileSync(join(DIR, "promise.json"), "utf8"));

function problemOf(name: string): SupplyProblem {
  const read = supplyProblemOf(JSON.parse(readFileSync(join(DIR, `${name}.json`), "utf8")));
  if (!read.ok) throw new Error(read.errors.join("\n"));
  return read.problem;
}

describe("capable to promise", () => {
  it.each(Object.keys(answers))("%s: maxOnTime and earliestPeriod as promise.json gives them", async (name) => {
    const answer = answers[name];
    const problem = problemOf(name);
    const stage = problem.stages.findIndex((s) => s.id === answer.stage);
    const promise = promiseSupply(problem, await loadHighs(), { stage, period: answer.period, quantity: answer.quantity });
    expect(promise).toMatchObject({ format: "aps-supply-promise/1", stage: answer.stage, period: answer.period, quantity: answer.quantity, status: "optimal" });
    expect(Math.abs(promise.maxOnTime - answer.maxOnTime) / Math.max(1, answer.maxOnTime)).toBeLessThan(1e-6);
    expect(promise.earliestPeriod).toBe(answer.earliestPeriod);
  });

  it("a quantity within maxOnTime is promised no later than asked, and maxOnTime never falls with time", async () => {
    const problem = problemOf("promise-03");
    const highs = await loadHighs();
    const stage = problem.stages.findIndex((s) => s.id === "S003");
    const by = [4, 7, 10].map((period) => promiseSupply(problem, highs, { stage, period }).maxOnTime);
    expect(by[0]).toBeLessThanOrEqual(by[1] + 1e-9);
    expect(by[1]).toBeLessThanOrEqual(by[2] + 1e-9);
    const small = promiseSupply(problem, highs, { stage, period: 7, quantity: by[0] / 2 });
    expect(small.earliestPeriod).not.toBeNull();
    expect(small.earliestPeriod!).toBeLessThanOrEqual(7);
    const none = promiseSupply(problem, highs, { stage, period: 7, quantity: 1e8 });
    expect(none.earliestPeriod).toBeNull();
  });
});
