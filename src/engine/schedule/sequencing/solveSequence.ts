// The changeover sequencer of one line (ATSP): Held–Karp proves small instances optimal; beyond,
// iterated local search from a nearest-neighbour tour, with the assignment bound as lower bound.
import { openPathAsTour, sequenceLength, validateAtsp, type AtspInstance } from "./atsp";
import { HELD_KARP_MAX_NODES, heldKarpTour } from "./heldKarp";
import { assignmentBound } from "./assignmentBound";
import { iteratedLocalSearchAtsp, nearestNeighbourTour } from "./atspLocalSearch";
import { seededRandom } from "../random";
import { searchClock, type SearchOptions } from "../searchControl";
import { PlanningInputError } from "../../errors";

/** Options of solveSequence. */
export interface SequenceSolveOptions extends SearchOptions {
  /** Open path from this node (the line's current product); absent = closed tour from node 0. */
  start?: number;
  /** Held–Karp: "auto" (≤ 17 nodes), "always" (≤ 18 nodes) or "never". */
  exact?: "auto" | "always" | "never";
}

/** Solver outcome: the sequence (starting at node 0 or `start`), its length and a lower bound. */
export interface SequenceResult {
  status: "optimal" | "feasible" | "timeLimit";
  /** True for a closed tour (length includes the return to the first node). */
  closed: boolean;
  length: number;
  bound: number;
  sequence: number[];
  statistics: { iterations: number; elapsedMs: number; method: "heldKarp" | "localSearch" };
}

/**
 * Sequences the nodes to minimise total changeover time.
 * @example solveSequence(br17).length // 39, status "optimal"
 */
export function solveSequence(instance: AtspInstance, options: SequenceSolveOptions = {}): SequenceResult {
  validateAtsp(instance);
  const n = instance.dimension;
  const { start } = options;
  if (start !== undefined && (!Number.isInteger(start) || start < 0 || start >= n)) {
    throw new PlanningInputError(`start must be a node 0..${n - 1} (got ${start}).`, "start");
  }
  const closed = start === undefined;
  const origin = start ?? 0;
  const work = closed ? instance : openPathAsTour(instance, origin);
  const clock = searchClock(options, 16);
  const exactLimit = options.exact === "always" ? HELD_KARP_MAX_NODES : options.exact === "never" ? 0 : 17;
  const done = (tour: number[], status: SequenceResult["status"], bound: number, iterations: number, method: "heldKarp" | "localSearch"): SequenceResult => {
    const at = tour.indexOf(origin);
    const sequence = [...tour.slice(at), ...tour.slice(0, at)];
    const length = sequenceLength(instance, sequence, closed);
    return { status, closed, length, bound: status === "optimal" ? length : bound, sequence, statistics: { iterations, elapsedMs: clock.elapsed(), method } };
  };
  if (n <= exactLimit) {
    const hk = heldKarpTour(work, origin);
    return done(hk.tour, "optimal", hk.length, 0, "heldKarp");
  }
  const bound = n <= 1500 ? assignmentBound(work) : 0;
  const random = seededRandom(options.seed ?? 1);
  const found = iteratedLocalSearchAtsp(work, nearestNeighbourTour(work, origin), clock, random, { target: bound });
  const status = found.length <= bound ? "optimal" : clock.timedOut ? "timeLimit" : "feasible";
  return done(found.tour, status, bound, found.iterations, "localSearch");
}
