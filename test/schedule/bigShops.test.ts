// Big job shops: a short time limit on 10,000 operations ends in a checked schedule with its bound and
// the timeLimit status, the fast Giffler–Thompson build makes the same schedules as the plain scan
// over every job, and the sampled tardiness estimates stay reproducible. How fast the start-up is
// (it once took about a second) is measured by `npm run bench:schedule -- --big …`, not here.
import { solveJobShop, type JobShopResult } from "../../src/engine/schedule/jobShop/solveJobShop";
import { checkSchedule } from "../../src/engine/schedule/check";
import { flattenJobShop, type FlatJobShop, type JobShopInstance } from "../../src/engine/schedule/jobShop/jobShop";
import { activeSchedule, type DispatchRule } from "../../src/engine/schedule/jobShop/dispatch";
import { jobShopLowerBound } from "../../src/engine/schedule/jobShop/oneMachineBound";
import { linksFromSequences, computeHeads, graphScratch, jobCompletions } from "../../src/engine/schedule/jobShop/disjunctiveGraph";
import { seededRandom, type Random } from "../../src/engine/schedule/random";
import { clockInterval, searchClock } from "../../src/engine/schedule/searchControl";
import { tabuSearchTardiness } from "../../src/engine/schedule/jobShop/tardinessSearch";
import { timeOrder } from "../../src/engine/schedule/timeTolerance";
import { totalWeightedTardiness } from "../../src/engine/schedule/jobShop/jobShop";
import { randomJobShop } from "./support";
import { bigJobShop } from "./bigJobShop";

function limitedSolve(instance: JobShopInstance, timeLimitMs: number): JobShopResult {
  return solveJobShop(instance, { timeLimitMs, seed: 1 });
}

function expectChecked(instance: JobShopInstance, result: JobShopResult): void {
  const check = checkSchedule(instance, result.operations);
  expect(check.violations).toEqual([]);
  expect(check.makespan).toBe(result.makespan);
  expect(check.totalWeightedTardiness).toBe(result.totalWeightedTardiness);
}

describe("solveJobShop on 10,000 operations with a 150 ms limit", () => {
  it("200 jobs × 50 machines, makespan: checked, timeLimit, the one-machine bound", () => {
    const shop = randomJobShop(1, 200, 50);
    const result = limitedSolve(shop, 150);
    expect(result.status).toBe("timeLimit");
    expectChecked(shop, result);
    expect(result.bound).toBe(jobShopLowerBound(flattenJobShop(shop)));
    expect(result.bound).toBeLessThan(result.makespan);
    expect(result.makespan).toBeLessThanOrEqual(result.statistics.initialValue);
  });

  it("the same shop with due dates, weighted tardiness: checked, timeLimit", () => {
    const shop = randomJobShop(1, 200, 50, true);
    const result = limitedSolve(shop, 150);
    expect(result.objective).toBe("totalWeightedTardiness");
    expect(result.status).toBe("timeLimit");
    expectChecked(shop, result);
    // Σ w_j · max(0, L_j − d_j) with L_j the job's own length: every job here is longer than its due date.
    expect(result.bound).toBeGreaterThan(0);
    expect(result.bound).toBeLessThanOrEqual(result.totalWeightedTardiness);
  });

  it("reports the first schedule (iteration 0) before the search starts", () => {
    const seen: { iteration: number; best: number }[] = [];
    const result = solveJobShop(bigJobShop(2, 50, 20, false), { timeLimitMs: 100, seed: 1, onProgress: (p) => seen.push(p) });
    expect(seen[0]).toEqual(expect.objectContaining({ iteration: 0, best: result.statistics.initialValue }));
  });
});

/** The plain Giffler–Thompson scan over every job at every step (what activeSchedule did before), as the reference. */
function scanActiveSchedule(flat: FlatJobShop, rule: DispatchRule, random: Random): number[][] {
  const { jobCount, jobFirst, duration, machine } = flat;
  const next = Array.from({ length: jobCount }, (_, j) => jobFirst[j]);
  const jobReady = new Array<number>(jobCount).fill(0), machineReady = new Array<number>(flat.machineCount).fill(0);
  const remaining = Array.from({ length: jobCount }, (_, j) => { let s = 0; for (let o = jobFirst[j]; o < jobFirst[j + 1]; o++) s += duration[o]; return s; });
  const releaseOf = (o: number) => (flat.release ? flat.release[o] : 0);
  const sequences: number[][] = Array.from({ length: flat.machineCount }, () => []);
  const times = timeOrder(flat.operationCount);
  for (let k = 0; k < flat.operationCount; k++) {
    let bestEct = Infinity, bestOp = -1;
    for (let j = 0; j < jobCount; j++) {
      const o = next[j];
      if (o >= jobFirst[j + 1]) continue;
      const ect = Math.max(jobReady[j], machineReady[machine[o]], releaseOf(o)) + duration[o];
      if (bestOp === -1 || times.less(ect, bestEct)) { bestEct = ect; bestOp = o; }
    }
    const m = machine[bestOp];
    let chosen = -1, chosenPriority = -Infinity, chosenKey = 0;
    for (let j = 0; j < jobCount; j++) {
      const o = next[j];
      if (o >= jobFirst[j + 1] || machine[o] !== m) continue;
      if (!(times.less(Math.max(jobReady[j], machineReady[m], releaseOf(o)), bestEct) || o === bestOp)) continue;
      const p = rule === "spt" ? -duration[o] : rule === "lpt" ? duration[o] : rule === "mwkr" ? remaining[j] : rule === "mopnr" ? jobFirst[j + 1] - next[j]
        : rule === "edd" ? -flat.dueDate[j] / Math.max(flat.weight[j], 1e-9) : random();
      const key = random();
      if (chosen === -1 || (times.same(p, chosenPriority) ? key > chosenKey : p > chosenPriority)) { chosen = o; chosenPriority = p; chosenKey = key; }
    }
    const j = flat.job[chosen];
    jobReady[j] = machineReady[m] = Math.max(jobReady[j], machineReady[m], releaseOf(chosen)) + duration[chosen];
    remaining[j] -= duration[chosen];
    next[j]++;
    sequences[m].push(chosen);
  }
  return sequences;
}

describe("activeSchedule (machine queues and a tournament tree)", () => {
  it("makes the same machine sequences as the plain scan: 600 random shops × 6 rules, with releases, zero and tiny durations", () => {
    for (let seed = 1; seed <= 600; seed++) {
      const r = seededRandom(seed);
      const machines = 1 + Math.floor(r() * 6), scale = [1, 0.1, 1e-12][seed % 3];
      const shop: JobShopInstance = {
        machineCount: machines,
        jobs: Array.from({ length: 1 + Math.floor(r() * 12) }, () => ({
          // a job may revisit a machine; durations 0..4 (times the scale)
          operations: Array.from({ length: 1 + Math.floor(r() * 7) }, () => ({ machine: Math.floor(r() * machines), duration: Math.floor(r() * 5) * scale })),
          dueDate: r() < 0.7 ? Math.floor(r() * 30) * scale : undefined,
          weight: 1 + Math.floor(r() * 3),
        })),
      };
      const flat = flattenJobShop(shop);
      if (seed % 2 === 0) flat.release = Float64Array.from({ length: flat.operationCount }, () => (r() < 0.3 ? Math.floor(r() * 10) * scale : 0));
      for (const rule of ["spt", "lpt", "mwkr", "mopnr", "edd", "random"] as const) {
        expect(activeSchedule(flat, rule, seededRandom(seed))).toEqual(scanActiveSchedule(flat, rule, seededRandom(seed)));
      }
    }
  });

  it("and on a 2,000-operation shop (200 jobs × 10 machines, long queues)", () => {
    const flat = flattenJobShop(bigJobShop(3, 200, 10, true));
    for (const rule of ["mwkr", "edd", "random"] as const) {
      expect(activeSchedule(flat, rule, seededRandom(7))).toEqual(scanActiveSchedule(flat, rule, seededRandom(7)));
    }
  });
});

describe("tabuSearchTardiness with an estimate budget", () => {
  const flat = flattenJobShop(bigJobShop(4, 60, 10, true));
  const run = () => {
    const random = seededRandom(5);
    const start = linksFromSequences(flat, activeSchedule(flat, "edd", random));
    return tabuSearchTardiness(flat, start, searchClock({ maxIterations: 60 }), random, { estimateBudget: 2_000 });
  };

  it("with a budget of a few moves per iteration: reproducible for a seed, and returns an acyclic order of the value it reports", () => {
    const a = run(), b = run();
    expect(Array.from(b.links.mSucc)).toEqual(Array.from(a.links.mSucc));
    const head = new Float64Array(flat.operationCount);
    const makespan = computeHeads(flat, a.links, head, graphScratch(flat));
    expect(makespan).toBe(a.makespan);
    expect(totalWeightedTardiness(flat, jobCompletions(flat, head))).toBe(a.tardiness);
    expect(a.iterations).toBe(60);
  });
});

describe("clockInterval(operations)", () => {
  it("reads the clock every 128 iterations on small shops and every one or two on 10,000 operations", () => {
    expect([clockInterval(36), clockInterval(100), clockInterval(400), clockInterval(10_000), clockInterval(20_000)]).toEqual([128, 128, 64, 2, 1]);
  });
});
