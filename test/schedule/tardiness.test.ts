// The total-weighted-tardiness job shop: the Singer–Pinedo generator checked by hand, the move
// estimates against exact re-evaluation, the search against brute force and branch and bound,
// reproducibility, and the independent checker on every answer.
import { solveJobShop } from "../../src/engine/schedule/jobShop/solveJobShop";
import { parseJobShopText } from "../../src/engine/schedule/jobShop/jobShopText";
import { checkSchedule } from "../../src/engine/schedule/check";
import { flattenJobShop, totalWeightedTardiness, type JobShopInstance } from "../../src/engine/schedule/jobShop/jobShop";
import { activeSchedule } from "../../src/engine/schedule/jobShop/dispatch";
import { computeHeads, graphScratch, jobCompletions, linksFromSequences } from "../../src/engine/schedule/jobShop/disjunctiveGraph";
import { jobShopBranchAndBound } from "../../src/engine/schedule/jobShop/jobShopBranchAndBound";
import { seededRandom } from "../../src/engine/schedule/random";
import { searchClock } from "../../src/engine/schedule/searchControl";
import { singerPinedoDueDate, singerPinedoInstance, singerPinedoWeight } from "../../src/engine/schedule/jobShop/singerPinedo";
import { tabuSearchTardiness } from "../../src/engine/schedule/jobShop/tardinessSearch";
import {
  applyTardinessMove, computeJobTails, estimateMoveTardiness, estimateScratch, tardyBlockInsertions,
  tardyCriticalArcs, undoTardinessMove, type TardinessMove,
} from "../../src/engine/schedule/jobShop/tardinessMoves";
import { bruteForceJobShop, fixture, randomJobShop } from "./support";

const load = (name: string) => parseJobShopText(fixture("jobshop", `${name}.txt`), name);

function solveChecked(instance: JobShopInstance, options: Parameters<typeof solveJobShop>[1]) {
  const result = solveJobShop(instance, { objective: "totalWeightedTardiness", ...options });
  const check = checkSchedule(instance, result.operations);
  expect(check.violations).toEqual([]);
  expect(check.totalWeightedTardiness).toBe(result.totalWeightedTardiness);
  expect(check.makespan).toBe(result.makespan);
  expect(result.bound).toBeLessThanOrEqual(result.totalWeightedTardiness);
  return result;
}

function searchFrom(instance: JobShopInstance, seed: number, maxIterations: number) {
  const flat = flattenJobShop(instance);
  const random = seededRandom(seed);
  const start = linksFromSequences(flat, activeSchedule(flat, "edd", random));
  return tabuSearchTardiness(flat, start, searchClock({ maxIterations }), random);
}

describe("singerPinedoInstance(base, f)", () => {
  const ft10 = load("ft10");

  it("sets d_j = ⌊f · Σ p_ij⌋: ft10 job 0 (Σp = 395) and job 1 (Σp = 510), by hand", () => {
    // job 0: 29+78+9+36+49+11+62+56+44+21 = 395; job 1: 43+90+75+11+69+28+46+46+72+30 = 510
    expect(singerPinedoInstance(ft10, 1.3).jobs.slice(0, 2).map((j) => j.dueDate)).toEqual([513, 663]); // 513.5, 663
    expect(singerPinedoInstance(ft10, 1.5).jobs.slice(0, 2).map((j) => j.dueDate)).toEqual([592, 765]); // 592.5, 765
    expect(singerPinedoInstance(ft10, 1.6).jobs.slice(0, 2).map((j) => j.dueDate)).toEqual([632, 816]);
  });

  it("weights the first 20 % of the jobs 4, the next 60 % 2 and the last 20 % 1", () => {
    expect(singerPinedoInstance(ft10, 1.3).jobs.map((j) => j.weight)).toEqual([4, 4, 2, 2, 2, 2, 2, 2, 1, 1]);
    expect(Array.from({ length: 15 }, (_, j) => singerPinedoWeight(j, 15))).toEqual([4, 4, 4, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1]);
  });

  it("floors exactly: singerPinedoDueDate(10, 1.3) = 13, (3, 1.3) = 3, (7, 1.5) = 10", () => {
    expect(singerPinedoDueDate(10, 1.3)).toBe(13);
    expect(singerPinedoDueDate(3, 1.3)).toBe(3);
    expect(singerPinedoDueDate(7, 1.5)).toBe(10);
  });

  it("does not mutate its input and rejects a factor that is not positive", () => {
    const before = JSON.stringify(ft10);
    singerPinedoInstance(ft10, 1.5);
    expect(JSON.stringify(ft10)).toBe(before);
    expect(() => singerPinedoInstance(ft10, 0)).toThrow(/factor/);
    expect(() => singerPinedoInstance(ft10, NaN)).toThrow(/factor/);
  });
});

describe("tardiness moves", () => {
  it("per-job tails give every completion time: max_o r_o + T_j(o) = C_j", () => {
    const flat = flattenJobShop(singerPinedoInstance(load("la16"), 1.3));
    const links = linksFromSequences(flat, activeSchedule(flat, "random", seededRandom(5)));
    const head = new Float64Array(flat.operationCount), scratch = graphScratch(flat);
    computeHeads(flat, links, head, scratch);
    const tails = new Float64Array(flat.operationCount * flat.jobCount);
    computeJobTails(flat, links, scratch.order, tails);
    const completion = jobCompletions(flat, head);
    for (let j = 0; j < flat.jobCount; j++) {
      let longest = -Infinity;
      for (let o = 0; o < flat.operationCount; o++) longest = Math.max(longest, head[o] + tails[o * flat.jobCount + j]);
      expect(longest).toBe(completion[j]);
    }
  });

  it("estimates swaps never above their exact value, and insertions close to it", () => {
    const flat = flattenJobShop(singerPinedoInstance(load("la18"), 1.3));
    const n = flat.operationCount, J = flat.jobCount;
    const random = seededRandom(3);
    let swaps = 0, exactSwaps = 0, insertions = 0;
    for (let t = 0; t < 5; t++) {
      const links = linksFromSequences(flat, activeSchedule(flat, "random", random));
      const head = new Float64Array(n), scratch = graphScratch(flat);
      computeHeads(flat, links, head, scratch);
      const tails = new Float64Array(n * J), longest = new Float64Array(n);
      computeJobTails(flat, links, scratch.order, tails, longest);
      const completion = jobCompletions(flat, head);
      const arcs: number[] = [];
      tardyCriticalArcs(flat, links, head, completion, new Int32Array(n), 1, new Int32Array(n), arcs);
      const moves: TardinessMove[] = arcs.map((u) => ({ kind: "swap", u, v: links.mSucc[u] }));
      tardyBlockInsertions(flat, links, head, longest, completion, moves, new Set());
      for (const move of moves) {
        const estimate = estimateMoveTardiness(flat, links, head, tails, completion, move, estimateScratch(flat));
        const undo = applyTardinessMove(links, move);
        const after = new Float64Array(n);
        expect(computeHeads(flat, links, after, graphScratch(flat))).toBeGreaterThan(0); // no cycle
        const exact = totalWeightedTardiness(flat, jobCompletions(flat, after));
        undoTardinessMove(links, move.u, undo);
        if (move.kind === "swap") {
          swaps++;
          expect(estimate).toBeLessThanOrEqual(exact);
          if (estimate === exact) exactSwaps++;
        } else insertions++;
      }
    }
    expect(swaps).toBeGreaterThan(50);
    expect(insertions).toBeGreaterThan(0);
    expect(exactSwaps / swaps).toBeGreaterThan(0.5);
  });

  it("a swap's estimate honours the release of the operation moved to the front", () => {
    // One machine: a (3 h, due 3) then b (1 h, due 3, released at 2): a 0–3, b 3–4. Swapped: b 2–3, a 3–6, tardiness 3.
    const flat = flattenJobShop({ machineCount: 1, jobs: [{ operations: [{ machine: 0, duration: 3 }], dueDate: 3 }, { operations: [{ machine: 0, duration: 1 }], dueDate: 3 }] });
    flat.release = Float64Array.from([0, 2]);
    const links = linksFromSequences(flat, [[0, 1]]);
    const head = new Float64Array(2), scratch = graphScratch(flat);
    computeHeads(flat, links, head, scratch);
    expect(Array.from(head)).toEqual([0, 3]);
    const tails = new Float64Array(2 * 2);
    computeJobTails(flat, links, scratch.order, tails);
    const estimate = estimateMoveTardiness(flat, links, head, tails, jobCompletions(flat, head), { kind: "swap", u: 0, v: 1 }, estimateScratch(flat));
    expect(estimate).toBe(3);
  });

  it("with releases (rescheduling's earliest starts): heads never start before them, swap estimates stay at or below exact", () => {
    const flat = flattenJobShop(singerPinedoInstance(load("la18"), 1.3));
    const n = flat.operationCount, J = flat.jobCount;
    const random = seededRandom(4);
    flat.release = Float64Array.from({ length: n }, () => (random() < 0.3 ? Math.floor(random() * 400) : 0));
    let swaps = 0, exactSwaps = 0, delayed = 0;
    for (let t = 0; t < 5; t++) {
      const links = linksFromSequences(flat, activeSchedule(flat, "random", random));
      const head = new Float64Array(n), scratch = graphScratch(flat);
      computeHeads(flat, links, head, scratch);
      for (let o = 0; o < n; o++) {
        expect(head[o]).toBeGreaterThanOrEqual(flat.release[o]);
        if (head[o] === flat.release[o] && flat.release[o] > 0) delayed++;
      }
      const tails = new Float64Array(n * J);
      computeJobTails(flat, links, scratch.order, tails);
      const completion = jobCompletions(flat, head);
      const arcs: number[] = [];
      tardyCriticalArcs(flat, links, head, completion, new Int32Array(n), 1, new Int32Array(n), arcs);
      for (const u of arcs) {
        const move: TardinessMove = { kind: "swap", u, v: links.mSucc[u] };
        const estimate = estimateMoveTardiness(flat, links, head, tails, completion, move, estimateScratch(flat));
        const undo = applyTardinessMove(links, move);
        const after = new Float64Array(n);
        computeHeads(flat, links, after, graphScratch(flat));
        undoTardinessMove(links, move.u, undo);
        const exact = totalWeightedTardiness(flat, jobCompletions(flat, after));
        expect(estimate).toBeLessThanOrEqual(exact + 1e-9);
        swaps++;
        if (estimate === exact) exactSwaps++;
      }
    }
    expect(swaps).toBeGreaterThan(50);
    expect(exactSwaps / swaps).toBeGreaterThan(0.5);
    expect(delayed).toBeGreaterThan(10); // some operations wait for their release
  });
});

describe("tabuSearchTardiness and solveJobShop (total weighted tardiness)", () => {
  it.each([1, 2, 3, 4, 5, 6])("equals brute force on random 3×3 and 4×3 shops (seed %i)", (seed) => {
    for (const [jobs, machines] of [[3, 3], [4, 3]]) {
      const instance = randomJobShop(seed * 11 + jobs, jobs, machines, true);
      const optimum = bruteForceJobShop(instance).tardiness;
      expect(searchFrom(instance, seed, 2000).tardiness).toBe(optimum);
      expect(solveChecked(instance, { maxIterations: 2000, seed }).totalWeightedTardiness).toBe(optimum);
    }
  });

  it("reaches ft06's branch-and-bound optimum for f = 1.3, 1.5, 1.6 within 3,000 iterations", () => {
    for (const [f, optimum] of [[1.3, 51], [1.5, 16], [1.6, 4]]) {
      const instance = singerPinedoInstance(load("ft06"), f);
      const bb = jobShopBranchAndBound(flattenJobShop(instance), { objective: "totalWeightedTardiness", upperBound: Infinity });
      expect(bb.proven).toBe(true);
      expect(bb.value).toBe(optimum);
      for (const seed of [1, 2, 3]) expect(searchFrom(instance, seed, 3000).tardiness).toBe(optimum);
      const result = solveChecked(instance, { maxIterations: 3000, seed: 1 });
      expect(result.totalWeightedTardiness).toBe(optimum);
      expect(result.status).toBe("optimal");
    }
  });

  it("is reproducible: same seed and iterations give the same schedule", () => {
    const instance = singerPinedoInstance(load("ft10"), 1.3);
    const a = solveChecked(instance, { maxIterations: 3000, seed: 7 });
    const b = solveChecked(instance, { maxIterations: 3000, seed: 7 });
    expect(b.operations).toEqual(a.operations);
    expect(b.statistics.iterations).toBe(a.statistics.iterations);
    expect(a.totalWeightedTardiness).toBeLessThan(a.statistics.initialValue);
  });

  it.each(["la16", "abz5", "orb01"])("gives checked schedules on %s for each factor, 0 when nothing need be late", (name) => {
    for (const f of [1.3, 1.5, 1.6]) solveChecked(singerPinedoInstance(load(name), f), { maxIterations: 2000, seed: 1 });
    const loose = singerPinedoInstance(load(name), 10);
    const result = solveChecked(loose, { maxIterations: 2000, seed: 1 });
    expect(result.totalWeightedTardiness).toBe(0);
    expect(result.status).toBe("optimal");
  });

  it("stops at a time limit with status timeLimit, and reports a falling best", () => {
    let t = 0;
    const seen: number[] = [];
    const result = solveChecked(singerPinedoInstance(load("la21"), 1.3), {
      timeLimitMs: 60, now: () => (t += 1), onProgress: (p) => seen.push(p.best),
    });
    expect(result.status).toBe("timeLimit");
    expect(seen.length).toBeGreaterThan(0);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });
});
