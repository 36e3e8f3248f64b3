// Iterated local search for the ATSP: the moves of atspMoves.ts (2-opt reversal, or3 and Or-opt
// segment insertion, forwards or reversed) driven by a work queue of nodes to revisit (don't-look
// bits), double-bridge kicks (mostly local), accepting equal or better tours, restarts from the best.
import type { AtspInstance } from "./atsp";
import { improveAround, type AtspCandidates } from "./atspMoves";
import { neighbourLists } from "./atspNeighbours";
import { AtspTour } from "./atspTour";
import { randomInt, type Random } from "../random";
import type { SearchClock } from "../searchControl";

/** Outcome of the search: the best closed tour and its length. */
export interface AtspSearchResult {
  tour: number[];
  length: number;
  iterations: number;
}

/** Tuning of the ATSP search. */
export interface AtspSearchOptions {
  /** Stop once a tour this short is found (a proven lower bound). */
  target?: number;
  /** Neighbour-list size (default 10). */
  neighbours?: number;
}

/** Kicks without improvement, per node, before a restart from the best tour. */
const STALL_PER_NODE = 20;
/** Share of kicks that are global double bridges (segments up to n/3 nodes) rather than local ones (≤ 30). */
const GLOBAL_KICKS = 0.1;

/**
 * Improves the closed tour `start` until `clock` stops it (one iteration = one kick and its repair).
 * Deterministic for a given `random` sequence and iteration budget.
 * @example iteratedLocalSearchAtsp(kro124p, nearestNeighbourTour(kro124p, 0), searchClock({ maxIterations: 3000 }), seededRandom(1)).length // 36230
 */
export function iteratedLocalSearchAtsp(
  instance: AtspInstance, start: readonly number[], clock: SearchClock, random: Random, options: AtspSearchOptions = {},
): AtspSearchResult {
  const n = instance.dimension;
  const c = instance.cost;
  const tour = new AtspTour(c, n, start);
  if (n <= 3) return { tour: [...start], length: tour.length, iterations: 0 };
  const k = Math.min(n - 1, options.neighbours ?? 10);
  const cand: AtspCandidates = { k, out: neighbourLists(c, n, k, false), in: neighbourLists(c, n, k, true) };
  const target = options.target ?? -Infinity;

  // Work queue of nodes whose surroundings changed (the nodes not in it have their don't-look bit set).
  const inQueue = new Uint8Array(n);
  const queue = new Int32Array(n);
  let queued = 0;
  const push = (x: number) => { if (!inQueue[x]) { inQueue[x] = 1; queue[queued++] = x; } };
  const localSearch = () => {
    while (queued > 0) {
      const x = queue[--queued];
      inQueue[x] = 0;
      while (improveAround(tour, cand, x, push)) { /* keep improving around x */ }
    }
  };
  // Double bridge A B C D → A D C B (four edges change, so no single or3 move undoes it).
  const kick = () => {
    const most = random() < GLOBAL_KICKS ? Math.floor(n / 3) : Math.max(1, Math.min(30, Math.floor(n / 4)));
    const l1 = 1 + randomInt(random, most), l2 = 1 + randomInt(random, most), l3 = 1 + randomInt(random, most);
    if (l1 + l2 + l3 >= n) return;
    const s = randomInt(random, n);
    for (const i of [s - 1, s, s + l1 - 1, s + l1, s + l1 + l2 - 1, s + l1 + l2, s + l1 + l2 + l3 - 1, s + l1 + l2 + l3]) push(tour.at(i % n));
    tour.doubleBridge(s, l1, l2, l3);
  };

  for (let i = 0; i < n; i++) push(tour.order[i]);
  localSearch();
  let length = tour.length;
  let best = length;
  const bestTour = tour.order.slice();
  const saved = tour.order.slice();
  let iteration = 0, stall = 0;
  while (best > target && !clock.stop(iteration)) {
    iteration++;
    if (++stall > STALL_PER_NODE * n) {
      // Stuck in a deep valley: restart from the best tour with a burst of kicks, accepting the result.
      stall = 0;
      tour.set(bestTour);
      for (let r = 0; r < 3; r++) kick();
      localSearch();
      length = tour.length;
    } else {
      saved.set(tour.order);
      kick();
      localSearch();
      const trial = tour.length;
      if (trial <= length) {
        if (trial < length) stall = 0;
        length = trial;
      } else {
        tour.set(saved);
      }
    }
    if (length < best) { best = length; bestTour.set(tour.order); clock.report(iteration, best, true); }
    clock.report(iteration, best, false);
  }
  return { tour: Array.from(bestTour), length: best, iterations: iteration };
}

/**
 * A nearest-neighbour closed tour from `start`.
 * @example nearestNeighbourTour({ dimension: 3, cost: Float64Array.of(0, 1, 9, 9, 0, 1, 1, 9, 0) }, 0) // [0, 1, 2]
 */
export function nearestNeighbourTour(instance: AtspInstance, start: number): number[] {
  const n = instance.dimension;
  const used = new Uint8Array(n);
  const tour = [start];
  used[start] = 1;
  for (let s = 1; s < n; s++) {
    const from = tour[s - 1];
    let best = -1;
    for (let v = 0; v < n; v++) if (!used[v] && (best < 0 || instance.cost[from * n + v] < instance.cost[from * n + best])) best = v;
    used[best] = 1;
    tour.push(best);
  }
  return tour;
}
