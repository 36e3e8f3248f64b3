// Changeover sequencing (ATSP): br17 = 39 proven, kro124p within 0.5 % of 36230, Held–Karp and the local
// search agree with brute force on small instances, the moves' prices agree with recomputed lengths.
import { solveSequence } from "../../src/engine/schedule/sequencing/solveSequence";
import { parseTsplib } from "../../src/engine/schedule/sequencing/tsplib";
import { checkSequence } from "../../src/engine/schedule/check";
import { heldKarpTour } from "../../src/engine/schedule/sequencing/heldKarp";
import { assignmentBound } from "../../src/engine/schedule/sequencing/assignmentBound";
import { sequenceLength, type AtspInstance } from "../../src/engine/schedule/sequencing/atsp";
import { AtspTour } from "../../src/engine/schedule/sequencing/atspTour";
import { improveAround } from "../../src/engine/schedule/sequencing/atspMoves";
import { neighbourLists } from "../../src/engine/schedule/sequencing/atspNeighbours";
import { seededRandom } from "../../src/engine/schedule/random";
import { bruteForceAtsp, fixture, randomAtsp } from "./support";

function solveChecked(instance: AtspInstance, options: Parameters<typeof solveSequence>[1] = {}) {
  const result = solveSequence(instance, options);
  const check = checkSequence(instance, result.sequence, { closed: result.closed, start: options.start });
  expect(check.violations).toEqual([]);
  expect(check.length).toBe(result.length);
  expect(result.bound).toBeLessThanOrEqual(result.length);
  return result;
}

describe("solveSequence(instance, options)", () => {
  it("proves br17's optimal tour 39 (Held–Karp)", () => {
    const result = solveChecked(parseTsplib(fixture("atsp", "br17.atsp"), "br17.atsp"), { maxIterations: 1 });
    expect(result).toMatchObject({ length: 39, status: "optimal", closed: true, bound: 39 });
    expect(result.sequence[0]).toBe(0);
  });

  it("reaches ftv33's optimum 1286 within 0.5 % in a fixed budget", () => {
    const result = solveChecked(parseTsplib(fixture("atsp", "ftv33.atsp"), "ftv33"), { maxIterations: 3000, seed: 1 });
    expect(result.length).toBeLessThanOrEqual(1286 * 1.005);
    expect(result.bound).toBeLessThanOrEqual(1286);
  });

  it.each([1, 2, 3])("seed %i: reaches kro124p's optimum 36230 within 0.5 % in 8000 iterations", (seed) => {
    const kro124p = parseTsplib(fixture("atsp", "kro124p.atsp"), "kro124p");
    const result = solveChecked(kro124p, { maxIterations: 8000, seed });
    expect(result.length).toBeLessThanOrEqual(36230 * 1.005);
    expect(result.length).toBeGreaterThanOrEqual(36230);
  });

  it("is reproducible: same seed and iterations give the same sequence", () => {
    const ftv38 = parseTsplib(fixture("atsp", "ftv38.atsp"));
    expect(solveSequence(ftv38, { maxIterations: 500, seed: 4 }).sequence).toEqual(solveSequence(ftv38, { maxIterations: 500, seed: 4 }).sequence);
  });

  it.each([1, 2, 3, 4, 5, 6])("seed %i: Held–Karp and local search match brute force (closed tour, 8 nodes)", (seed) => {
    const atsp = randomAtsp(seed, 8);
    const optimum = bruteForceAtsp(atsp);
    expect(solveChecked(atsp).length).toBe(optimum);
    expect(heldKarpTour(atsp).length).toBe(optimum);
    expect(solveChecked(atsp, { exact: "never", maxIterations: 300, seed }).length).toBe(optimum);
    expect(assignmentBound(atsp)).toBeLessThanOrEqual(optimum);
  });

  it.each([1, 2, 3, 4])("seed %i: open paths from a given start match brute force", (seed) => {
    const atsp = randomAtsp(50 + seed, 8);
    const start = seed % 8;
    const optimum = bruteForceAtsp(atsp, start);
    const exact = solveChecked(atsp, { start });
    expect(exact).toMatchObject({ length: optimum, closed: false, status: "optimal" });
    expect(solveChecked(atsp, { start, exact: "never", maxIterations: 300, seed }).length).toBe(optimum);
  });

  it("handles one, two and three nodes", () => {
    expect(solveChecked({ dimension: 1, cost: Float64Array.of(0) }).length).toBe(0);
    expect(solveChecked({ dimension: 2, cost: Float64Array.of(0, 3, 5, 0) }).length).toBe(8);
    expect(solveChecked({ dimension: 3, cost: Float64Array.of(0, 1, 9, 9, 0, 1, 1, 9, 0) }, { exact: "never", maxIterations: 10 }).length).toBe(3);
  });

  it("refuses a start outside the nodes", () => {
    expect(() => solveSequence(randomAtsp(1, 4), { start: 4 })).toThrow("start must be a node 0..3 (got 4).");
  });
});

describe("checkSequence(instance, sequence, options)", () => {
  it("finds repeats, missing nodes and a wrong start", () => {
    const check = checkSequence(randomAtsp(1, 4), [1, 1, 2], { closed: false, start: 0 });
    expect(check.violations).toEqual(["the sequence has 3 nodes, expected 4", "node 1 appears twice", "the path starts at 1, not 0"]);
  });
});

describe("AtspTour and improveAround (the local search's moves)", () => {
  const isPermutation = (order: ArrayLike<number>, _n: number) => [...Array.from(order)].sort((a, b) => a - b).every((v, i) => v === i);

  it("moveSegment, reverse and doubleBridge keep a permutation whose prefix-sum length is the recomputed one", () => {
    const n = 12, atsp = randomAtsp(7, n), r = seededRandom(3);
    const tour = new AtspTour(atsp.cost, n, Array.from({ length: n }, (_, i) => i));
    for (let step = 0; step < 300; step++) {
      const a = tour.at(Math.floor(r() * n)), len = 1 + Math.floor(r() * (n - 2));
      const b = tour.at(tour.pos[a] + len - 1), cc = tour.at(tour.pos[b] + 1 + Math.floor(r() * (n - len)));
      const reversedCost = sequenceLength(atsp, Array.from({ length: len }, (_, s) => tour.at(tour.pos[b] - s)), false)
        - sequenceLength(atsp, Array.from({ length: len }, (_, s) => tour.at(tour.pos[a] + s)), false);
      expect(tour.reversalCost(a, len)).toBe(reversedCost);
      if (step % 3 === 0) tour.moveSegment(a, b, cc, r() < 0.5);
      else if (step % 3 === 1) tour.reverse(a, b);
      else tour.doubleBridge(Math.floor(r() * n), 1 + Math.floor(r() * 3), 1 + Math.floor(r() * 3), 1 + Math.floor(r() * 3));
      expect(isPermutation(tour.order, n)).toBe(true);
      expect(tour.length).toBe(sequenceLength(atsp, Array.from(tour.order), true));
    }
  });

  it.each([false, true])("applies only strictly improving moves (near-symmetric costs: %s)", (nearSymmetric) => {
    const n = 40, atsp = randomAtsp(11, n), k = 6;
    if (nearSymmetric) for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) atsp.cost[i * n + j] = atsp.cost[j * n + i] + (i % 3);
    const cand = { k, out: neighbourLists(atsp.cost, n, k, false), in: neighbourLists(atsp.cost, n, k, true) };
    const tour = new AtspTour(atsp.cost, n, Array.from({ length: n }, (_, i) => (i * 7) % n));
    let moves = 0;
    for (let improved = true; improved;) {
      improved = false;
      for (let x = 0; x < n; x++) {
        const before = tour.length;
        if (!improveAround(tour, cand, x, () => {})) continue;
        improved = true;
        moves++;
        expect(tour.length).toBeLessThan(before);
        expect(isPermutation(tour.order, n)).toBe(true);
        expect(tour.length).toBe(sequenceLength(atsp, Array.from(tour.order), true));
      }
    }
    expect(moves).toBeGreaterThan(10);
  });
});
