// The job-shop solver: every answer passes the independent checker; ft06 = 55 is reached and
// proven; exact and local search agree with brute force on small random shops; runs are reproducible.
import { solveJobShop } from "../../src/engine/schedule/jobShop/solveJobShop";
import { parseJobShopText } from "../../src/engine/schedule/jobShop/jobShopText";
import { checkSchedule } from "../../src/engine/schedule/check";
import { flattenJobShop } from "../../src/engine/schedule/jobShop/jobShop";
import { jacksonPreemptiveBound, jobShopLowerBound } from "../../src/engine/schedule/jobShop/oneMachineBound";
import type { JobShopInstance } from "../../src/engine/schedule/jobShop/jobShop";
import { bruteForceJobShop, fixture, randomJobShop } from "./support";

function solveChecked(instance: JobShopInstance, options: Parameters<typeof solveJobShop>[1]) {
  const result = solveJobShop(instance, options);
  const check = checkSchedule(instance, result.operations);
  expect(check.violations).toEqual([]);
  expect(check.makespan).toBe(result.makespan);
  expect(check.totalWeightedTardiness).toBe(result.totalWeightedTardiness);
  expect(result.bound).toBeLessThanOrEqual(result.objective === "makespan" ? result.makespan : result.totalWeightedTardiness);
  return result;
}

describe("solveJobShop(instance, { maxIterations, seed })", () => {
  it("reaches ft06's optimum 55 and proves it", () => {
    const result = solveChecked(parseJobShopText(fixture("jobshop", "ft06.txt"), "ft06.txt"), { maxIterations: 20_000, seed: 1 });
    expect(result.makespan).toBe(55);
    expect(result.status).toBe("optimal");
    expect(result.bound).toBe(55);
  });

  it.each([["la01", 666], ["la02", 655], ["la03", 597], ["la05", 593]])("proves %s = %i", (name, optimum) => {
    const result = solveChecked(parseJobShopText(fixture("jobshop", `${name}.txt`), name), { maxIterations: 20_000, seed: 1 });
    expect(result.makespan).toBe(optimum);
    expect(result.status).toBe("optimal");
  });

  it("gets within 2 % of ft10's 930 in 30,000 iterations", () => {
    const result = solveChecked(parseJobShopText(fixture("jobshop", "ft10.txt"), "ft10"), { maxIterations: 30_000, seed: 3 });
    expect(result.makespan).toBeLessThanOrEqual(930 * 1.02);
    expect(result.status).toBe("feasible");
  });

  it("is reproducible: same seed and iterations give the same schedule", () => {
    const ft10 = parseJobShopText(fixture("jobshop", "ft10.txt"), "ft10");
    const a = solveJobShop(ft10, { maxIterations: 3000, seed: 7 });
    const b = solveJobShop(ft10, { maxIterations: 3000, seed: 7 });
    expect(b.operations).toEqual(a.operations);
    expect(b.statistics.iterations).toBe(a.statistics.iterations);
  });

  it("stops at a time limit with status timeLimit and a valid schedule", () => {
    let t = 0;
    const result = solveChecked(parseJobShopText(fixture("jobshop", "la21.txt"), "la21"), { timeLimitMs: 50, now: () => (t += 1) });
    expect(result.status).toBe("timeLimit");
  });

  it("reports progress with the best makespan", () => {
    const seen: number[] = [];
    solveJobShop(parseJobShopText(fixture("jobshop", "ft10.txt"), "ft10"), { maxIterations: 2000, onProgress: (p) => seen.push(p.best) });
    expect(seen.length).toBeGreaterThan(0);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it("does not mutate its input", () => {
    const shop = randomJobShop(5, 3, 3);
    const copy = JSON.parse(JSON.stringify(shop));
    solveJobShop(shop, { maxIterations: 200 });
    expect(shop).toEqual(copy);
  });
});

describe("small random shops against brute force (3 jobs × 3 machines)", () => {
  const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
  it.each(seeds)("seed %i: branch and bound and tabu search both find the optimal makespan", (seed) => {
    const shop = randomJobShop(seed, 3, 3);
    const { makespan } = bruteForceJobShop(shop);
    const exact = solveChecked(shop, { objective: "makespan", exact: "always", maxIterations: 1, seed });
    expect(exact.makespan).toBe(makespan);
    expect(exact.status).toBe("optimal");
    const tabu = solveChecked(shop, { objective: "makespan", exact: "never", maxIterations: 3000, seed });
    expect(tabu.makespan).toBe(makespan);
  });

  it.each(seeds)("seed %i: the exact and local tardiness searches find the optimal total weighted tardiness", (seed) => {
    const shop = randomJobShop(100 + seed, 3, 3, true);
    const { tardiness } = bruteForceJobShop(shop);
    const exact = solveChecked(shop, { exact: "always", maxIterations: 1, seed });
    expect(exact.objective).toBe("totalWeightedTardiness");
    expect(exact.totalWeightedTardiness).toBe(tardiness);
    expect(exact.status).toBe("optimal");
    const local = solveChecked(shop, { exact: "never", maxIterations: 2000, seed });
    expect(local.totalWeightedTardiness).toBe(tardiness);
  });
});

describe("lower bounds", () => {
  it("jacksonPreemptiveBound: a later job with a long tail preempts", () => {
    expect(jacksonPreemptiveBound([0, 1], [3, 1], [0, 5], [0, 1])).toBe(7);
  });
  it("jobShopLowerBound(ft06) is at most 55 and above the longest job", () => {
    const lb = jobShopLowerBound(flattenJobShop(parseJobShopText(fixture("jobshop", "ft06.txt"))));
    expect(lb).toBeLessThanOrEqual(55);
    expect(lb).toBeGreaterThanOrEqual(47);
  });
});

describe("checkSchedule(instance, operations)", () => {
  const shop: JobShopInstance = { machineCount: 2, jobs: [{ operations: [{ machine: 0, duration: 3 }, { machine: 1, duration: 2 }] }, { operations: [{ machine: 0, duration: 1 }] }] };
  it("finds overlaps, broken precedence, wrong durations and missing operations", () => {
    const check = checkSchedule(shop, [
      { job: 0, step: 0, machine: 0, start: 0, end: 3 },
      { job: 0, step: 1, machine: 1, start: 2, end: 4 },
      { job: 1, step: 0, machine: 0, start: 2, end: 4 },
    ]);
    expect(check.valid).toBe(false);
    expect(check.violations.join("\n")).toMatch(/before step 0 ends/);
    expect(check.violations.join("\n")).toMatch(/overlaps/);
    expect(check.violations.join("\n")).toMatch(/lasts 2, not 1/);
    expect(checkSchedule(shop, []).violations).toHaveLength(3);
  });
});
