// The job-shop solver of docs/model.md §7: dispatch-rule start, tabu search (makespan or total weighted
// tardiness), and branch and bound to prove optimality on small instances. Never prints.
import { flattenJobShop, totalWeightedTardiness, type FlatJobShop, type JobShopInstance, type ScheduledOperation } from "./jobShop";
import { activeSchedule, evaluateSequences, type DispatchRule } from "./dispatch";
import { computeHeads, graphScratch, jobCompletions, linksFromSequences, scheduledOperations, type MachineLinks } from "./disjunctiveGraph";
import { jobShopLowerBound } from "./oneMachineBound";
import { tabuSearchMakespan } from "./tabuMakespan";
import { tabuSearchTardiness } from "./tardinessSearch";
import { jobShopBranchAndBound } from "./jobShopBranchAndBound";
import { seededRandom } from "../random";
import { clockInterval, searchClock, type SearchOptions, type SearchProgress } from "../searchControl";
import { timeOrder } from "../timeTolerance";

/** What the job-shop solver minimises. */
export type JobShopObjective = "makespan" | "totalWeightedTardiness";

/** Share of the time limit after which no further dispatch rule is tried for the start. */
const DISPATCH_SHARE = 0.25;

/** Options of solveJobShop. */
export interface JobShopSolveOptions extends SearchOptions {
  /** Default: total weighted tardiness when some job has a due date, else makespan. */
  objective?: JobShopObjective;
  /** Branch and bound after the search: "auto" (≤ 50 operations), "always" or "never". */
  exact?: "auto" | "always" | "never";
  /** Node budget of the branch and bound (default 500,000). */
  exactNodeLimit?: number;
}

/** Solver outcome: status, the schedule, its objective values and a lower bound on the objective. */
export interface JobShopResult {
  /** optimal = proven; timeLimit = stopped by the clock; feasible = stopped by the iteration budget. */
  status: "optimal" | "feasible" | "timeLimit";
  objective: JobShopObjective;
  makespan: number;
  totalWeightedTardiness: number;
  /** Best known lower bound on the objective (equals its value when optimal). */
  bound: number;
  /** One entry per operation, in job and step order. */
  operations: ScheduledOperation[];
  statistics: { iterations: number; elapsedMs: number; restarts: number; branchAndBoundNodes: number; initialValue: number };
}

/**
 * Schedules a job shop (eq. 16-18).
 * @example solveJobShop(ft06, { maxIterations: 20000, seed: 1 }) // { status: "optimal", makespan: 55, bound: 55, ... }
 */
export function solveJobShop(instance: JobShopInstance, options: JobShopSolveOptions = {}): JobShopResult {
  const flat = flattenJobShop(instance);
  const objective: JobShopObjective = options.objective ?? (flat.hasDueDates ? "totalWeightedTardiness" : "makespan");
  const tardiness = objective === "totalWeightedTardiness";
  const random = seededRandom(options.seed ?? 1);
  const clock = searchClock(options);
  const value = (links: MachineLinks) => objectiveOf(flat, links, tardiness);
  // Objective values compared up to rounding (timeTolerance.ts): a start within rounding of the bound is optimal.
  const { less } = timeOrder(flat.operationCount + flat.jobCount);
  const reachesBound = (v: number) => !less(bound, v);

  const totalIterations = options.maxIterations;
  const totalTime = options.timeLimitMs ?? (totalIterations === undefined ? 10_000 : undefined);

  // Data-derived bound and the start: the best of several dispatch rules. Under a time limit the
  // rules after the first are left out once they would eat the search's time (a quarter of the limit).
  let bound = tardiness ? tardinessBound(flat) : jobShopLowerBound(flat);
  const rules: DispatchRule[] = tardiness ? ["edd", "mwkr", "spt", "mopnr", "random", "random"] : ["mwkr", "mopnr", "spt", "lpt", "random", "random"];
  let links: MachineLinks | null = null;
  let best = Infinity;
  for (const rule of rules) {
    if (links !== null && totalTime !== undefined && clock.elapsed() >= totalTime * DISPATCH_SHARE) break;
    const seq = activeSchedule(flat, rule, random);
    const e = evaluateSequences(flat, seq);
    const v = tardiness ? e.tardiness : e.makespan;
    if (links === null || less(v, best)) { best = v; links = linksFromSequences(flat, seq); }
  }
  options.onProgress?.({ iteration: 0, best, elapsedMs: clock.elapsed() });
  const initialValue = best;
  let iterations = 0, restarts = 0, nodes = 0, proven = reachesBound(best);

  const search = (maxIterations: number | undefined, timeLimitMs: number | undefined) => {
    // Progress times from the start of the solve, not of this search.
    let offset = 0;
    const onProgress = options.onProgress && ((p: SearchProgress) => options.onProgress!({ ...p, elapsedMs: p.elapsedMs + offset }));
    const sub = searchClock({ ...options, maxIterations, timeLimitMs, now: options.now, onProgress }, clockInterval(flat.operationCount));
    offset = sub.start - clock.start;
    if (tardiness) {
      const r = tabuSearchTardiness(flat, links!, sub, random, { target: bound });
      links = r.links; best = r.tardiness; iterations += r.iterations; restarts += r.restarts;
    } else {
      const r = tabuSearchMakespan(flat, links!, sub, random, { target: bound });
      links = r.links; best = r.makespan; iterations += r.iterations; restarts += r.restarts;
    }
    if (reachesBound(best)) proven = true;
  };
  const exact = options.exact === "always" || (options.exact !== "never" && flat.operationCount <= 50);
  if (!proven && exact) {
    search(Math.min(totalIterations ?? Infinity, 20_000), totalTime === undefined ? undefined : totalTime * 0.25);
    if (!proven) {
      const bb = jobShopBranchAndBound(flat, {
        objective, upperBound: best, nodeLimit: options.exactNodeLimit ?? 500_000,
        shouldStop: () => totalTime !== undefined && clock.elapsed() >= totalTime * 0.75,
      });
      nodes = bb.nodes;
      if (bb.sequences) { links = linksFromSequences(flat, bb.sequences); best = bb.value; }
      if (bb.proven) { proven = true; bound = best; }
    }
  }
  if (!proven) {
    const leftIterations = totalIterations === undefined ? undefined : Math.max(0, totalIterations - iterations);
    const leftTime = totalTime === undefined ? undefined : Math.max(0, totalTime - clock.elapsed());
    if (leftIterations !== 0 && leftTime !== 0) search(leftIterations, leftTime);
  }
  const final = value(links!);
  const elapsedMs = clock.elapsed();
  const timedOut = totalTime !== undefined && elapsedMs >= totalTime;
  return {
    status: proven ? "optimal" : timedOut ? "timeLimit" : "feasible",
    objective,
    makespan: final.makespan,
    totalWeightedTardiness: final.tardiness,
    bound: proven ? (tardiness ? final.tardiness : final.makespan) : bound,
    operations: final.operations,
    statistics: { iterations, elapsedMs, restarts, branchAndBoundNodes: nodes, initialValue },
  };
}

function objectiveOf(flat: FlatJobShop, links: MachineLinks, _tardiness: boolean) {
  const head = new Float64Array(flat.operationCount);
  const makespan = computeHeads(flat, links, head, graphScratch(flat));
  return { makespan, tardiness: totalWeightedTardiness(flat, jobCompletions(flat, head)), operations: scheduledOperations(flat, head) };
}

/** Σ w_j·max(0, L_j − d_j) with L_j the job's own length: a lower bound on the tardiness. */
function tardinessBound(flat: FlatJobShop): number {
  const length = new Float64Array(flat.jobCount);
  for (let o = 0; o < flat.operationCount; o++) length[flat.job[o]] += flat.duration[o];
  return totalWeightedTardiness(flat, length);
}
