// The job-shop solver on degenerate durations (1e-12, 5e-10, tenths, zeros, 1e-12 beside 1e6): it used
// to loop for ever, because Jackson's preemptive bound waited for a remainder to reach 0 that rounding
// kept a few ulps above it. Every solve here runs under a watchdog (guardedSolve.ts), must pass the
// checker, and a scaled shop must get the same answer as the shop itself, scaled.
import fc from "fast-check";
import { checkSchedule } from "../../src/engine/schedule/check";
import { parseJobShopText } from "../../src/engine/schedule/jobShop/jobShopText";
import type { JobShopInstance } from "../../src/engine/schedule/jobShop/jobShop";
import type { JobShopResult, JobShopSolveOptions } from "../../src/engine/schedule/jobShop/solveJobShop";
import { fixture, randomJobShop } from "./support";
import { jacksonWithin, solveWithin, stopGuard } from "./guardedSolve";

afterAll(stopGuard);

/** Watchdog per solve: far above any time limit used here, so only a loop trips it. */
const WITHIN_MS = 10_000;

const scaled = (shop: JobShopInstance, factor: number): JobShopInstance => ({
  ...shop,
  jobs: shop.jobs.map((job) => ({ ...job, operations: job.operations.map((op) => ({ ...op, duration: op.duration * factor })) })),
});

/** Solves under the watchdog and checks the answer independently; returns it. */
function solveChecked(shop: JobShopInstance, options: JobShopSolveOptions, withinMs = WITHIN_MS): JobShopResult {
  const result = solveWithin(shop, options, withinMs);
  const check = checkSchedule(shop, result.operations);
  expect(check.violations).toEqual([]);
  expect(check.makespan).toBe(result.makespan);
  const value = result.objective === "makespan" ? result.makespan : result.totalWeightedTardiness;
  expect(result.bound).toBeLessThanOrEqual(value * (1 + 1e-12));
  if (result.status === "optimal") expect(result.bound).toBe(value);
  return result;
}

/** The same relative value up to rounding (the scaled sums are rounded differently). */
const expectSameTime = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));

/** A shop whose durations are 0 for about half the operations and 1..3 for the others. */
function shopWithZeros(seed: number, jobs: number, machines: number): JobShopInstance {
  const shop = randomJobShop(seed, jobs, machines);
  return { ...shop, jobs: shop.jobs.map((job) => ({ operations: job.operations.map((op) => ({ ...op, duration: op.duration % 4 === 0 ? 0 : op.duration % 4 })) })) };
}

const ft06 = parseJobShopText(fixture("jobshop", "ft06.txt"), "ft06");
const ft10 = parseJobShopText(fixture("jobshop", "ft10.txt"), "ft10");

describe("a shop scaled by a tiny factor is solved like the shop itself (same seed and iteration budget)", () => {
  it.each<[string, JobShopInstance, number, number]>([
    ["ft06 with every duration × 1e-12", ft06, 1e-12, 2_000],
    ["a 6×6 random shop with durations × 5e-10", randomJobShop(7, 6, 6), 5e-10, 2_000],
    ["a 4×3 shop in tenths (0.1 … 0.9), which looped like 1e-12", randomJobShop(3, 4, 3), 0.1, 2_000],
    ["zeros mixed with multiples of 1e-12 (8×4)", shopWithZeros(5, 8, 4), 1e-12, 2_000],
    ["a 15×5 random shop × 1e-12 (it took other decisions before times were compared up to rounding)", randomJobShop(1, 15, 5), 1e-12, 3_000],
    ["ft10 (10×10) scaled by 1e-12, through restarts", ft10, 1e-12, 6_000],
  ])("%s", (_name, shop, factor, maxIterations) => {
    const options: JobShopSolveOptions = { maxIterations, timeLimitMs: 5_000, seed: 1 };
    const tiny = solveChecked(scaled(shop, factor), options);
    const plain = solveChecked(shop, options);
    if (tiny.status === "timeLimit" || plain.status === "timeLimit") {
      // A loaded machine stopped one of them by the clock: the runs are not comparable step by step.
      expect(tiny.makespan / factor).toBeGreaterThanOrEqual(plain.bound * (1 - 1e-12));
      return;
    }
    expect(tiny.status).toBe(plain.status);
    expect(tiny.statistics).toMatchObject({ iterations: plain.statistics.iterations, restarts: plain.statistics.restarts });
    expectSameTime(tiny.makespan / factor, plain.makespan);
    expectSameTime(tiny.bound / factor, plain.bound);
  });
});

describe("degenerate shops", () => {
  it("every duration 0: makespan 0, optimal", () => {
    const result = solveChecked(scaled(ft06, 0), { timeLimitMs: 500, seed: 1 });
    expect(result).toMatchObject({ status: "optimal", makespan: 0, bound: 0 });
  });

  it("zeros mixed with 1e-12, with jobs that revisit a machine, both objectives", () => {
    const shop: JobShopInstance = {
      machineCount: 2,
      jobs: [
        { operations: [{ machine: 0, duration: 1e-12 }, { machine: 0, duration: 0 }, { machine: 1, duration: 1e-12 }] },
        { operations: [{ machine: 1, duration: 0 }, { machine: 0, duration: 1e-12 }, { machine: 1, duration: 0 }] },
        { operations: [{ machine: 0, duration: 0 }, { machine: 1, duration: 1e-12 }, { machine: 0, duration: 1e-12 }] },
      ],
    };
    const makespan = solveChecked(shop, { timeLimitMs: 300, seed: 1 });
    expect(makespan.status).toBe("optimal");
    expectSameTime(makespan.makespan, 3e-12); // machine 0 carries 3e-12 of work
    const late = { ...shop, jobs: shop.jobs.map((job) => ({ ...job, dueDate: 1e-12, weight: 2 })) };
    const tardiness = solveChecked(late, { timeLimitMs: 300, seed: 1 });
    expect(tardiness.objective).toBe("totalWeightedTardiness");
    expect(tardiness.status).not.toBe("timeLimit"); // 9 operations: the branch and bound proves it
  });

  it("1e-12 beside 1e6: the optimum is the one of the shop with the tiny durations set to 0 (rounding apart)", () => {
    const base = randomJobShop(11, 4, 3);
    const mixed = { ...base, jobs: base.jobs.map((job) => ({ operations: job.operations.map((op) => ({ ...op, duration: op.duration > 5 ? 1e6 : 1e-12 })) })) };
    const zeroed = { ...base, jobs: base.jobs.map((job) => ({ operations: job.operations.map((op) => ({ ...op, duration: op.duration > 5 ? 1e6 : 0 })) })) };
    const a = solveChecked(mixed, { timeLimitMs: 1_000, seed: 1 });
    const b = solveChecked(zeroed, { timeLimitMs: 1_000, seed: 1 });
    expect(a.status).toBe("optimal");
    expect(b.status).toBe("optimal");
    expectSameTime(a.makespan, b.makespan);
    expect(a.makespan).toBeGreaterThanOrEqual(1e6);
  });

  it("a 10×10 shop of 1e-12 and 1e6 stops at its time limit with a checked schedule", () => {
    const mixed = { ...ft10, jobs: ft10.jobs.map((job, j) => ({ operations: job.operations.map((op, k) => ({ ...op, duration: (j + k) % 3 === 0 ? 1e-12 : op.duration * 1e4 })) })) };
    const result = solveChecked(mixed, { timeLimitMs: 200, seed: 1 });
    expect(["timeLimit", "optimal"]).toContain(result.status);
  });
});

describe("the pieces that looped or let tiny schedules through", () => {
  it("jacksonPreemptiveBound ends when 0.7 + 0.1 rounds below 0.8 (it looped on the remainder 2.8e-17)", () => {
    // Op 1 (r 0.1, p 0.3, q 0.7) ends at 0.4 → 1.1; op 0 (r 0.7, p 0.1) ends at 0.7999999999999999.
    const bound = jacksonWithin([0.7, 0.1], [0.1, 0.30000000000000004], [0, 0.7], [0, 1], WITHIN_MS);
    expect(bound).toBeCloseTo(1.1, 12);
  });

  it("the checker rejects an overlap of 1e-12 on a shop of 1e-12 durations (an absolute 1e-9 slack let it pass)", () => {
    const shop = scaled(ft06, 1e-12);
    const result = solveChecked(shop, { maxIterations: 500, seed: 1 });
    const ops = result.operations.map((op) => ({ ...op, start: 0, end: op.end - op.start })); // everything at time 0
    expect(checkSchedule(shop, ops).valid).toBe(false);
    const late = result.operations.map((op, i) => (i === 0 ? { ...op, end: op.end + 1e-12 } : op)); // one op too long
    expect(checkSchedule(shop, late).violations.join(" ")).toMatch(/lasts/);
  });
});

describe("property: any small shop with durations from {0, 1e-12, 1e-10, 1, 1e6} is solved and checks", () => {
  const duration = fc.constantFrom(0, 1e-12, 1e-10, 1, 1e6);
  const shop = fc.integer({ min: 1, max: 3 }).chain((machines) =>
    fc.record({
      machineCount: fc.constant(machines),
      jobs: fc.array(
        fc.record(
          {
            operations: fc.array(fc.record({ machine: fc.integer({ min: 0, max: machines - 1 }), duration }), { minLength: 1, maxLength: 4 }),
            dueDate: duration,
            weight: fc.constantFrom(0, 1, 2),
          },
          { requiredKeys: ["operations"] },
        ),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  );
  const options = fc.record({
    timeLimitMs: fc.constant(50),
    maxIterations: fc.option(fc.constantFrom(50, 300), { nil: undefined }),
    exact: fc.constantFrom("auto" as const, "never" as const),
    seed: fc.integer({ min: 1, max: 1000 }),
  });

  it("terminates, passes the checker and reports a consistent status (100 shops)", () => {
    fc.assert(
      fc.property(shop, options, (instance, opts) => {
        const result = solveChecked(instance, opts, 5_000);
        if (result.status === "timeLimit") expect(opts.timeLimitMs).toBeDefined();
        if (result.status === "feasible") expect(opts.maxIterations).toBeDefined();
      }),
      { numRuns: 100 },
    );
  });
});
