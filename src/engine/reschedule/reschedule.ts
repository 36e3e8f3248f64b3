// Rescheduling with least disruption (docs/rescheduling.md): keep what started or is frozen, place
// the rest from now + frozen on, minimise the objective and then the disruption; and, for
// comparison, a full re-solve that ignores disruption (searched first, then repaired towards the
// published schedule as one start of the least-disruption search). Pure; never prints.
import { seededRandom } from "../random";
import { searchClock, type SearchOptions } from "../schedule/searchControl";
import type { ScheduledOperation } from "../schedule/jobShop/jobShop";
import { evaluate, type Candidate, type DisruptionWeights, type Evaluation } from "./decode";
import { buildProblem, type RescheduleProblem } from "./problem";
import type { PublishedOperation } from "./published";
import { localSearch, price, type SearchOutcome } from "./search";
import { dispatchCandidate, insertionCandidate, reanchor, repairCandidate, type SeedRule } from "./seeds";
import { tardinessCandidate } from "./graph";
import { validateShop, type Shop, type ShopObjective } from "./shop";

export interface RescheduleOptions extends SearchOptions {
  /** The reschedule's "now" (the CLI's --now): operations that started before it stay. */
  at: number;
  /** Length of the frozen window [now, now + frozen) (default 0). */
  frozen?: number;
  /** Default: total weighted tardiness when a job has a due date, else makespan. */
  objective?: ShopObjective;
  /** Objective units one moved operation costs (Settings `disruptionWeight`; default DEFAULT_MOVE_WEIGHT). */
  moveWeight?: number;
  /** Objective units one time unit of start shift costs (Settings `shiftWeight`; default 0). */
  shiftWeight?: number;
  /** Skip the full re-solve (for callers that only need the schedule, e.g. promise dates). */
  skipFullResolve?: boolean;
}

/** Disruption of the new schedule against the published one (docs/formats.md §8). */
export interface Disruption {
  movedOperations: number;
  totalStartShift: number;
  /** Published operations (of jobs still in the shop) whose start did not change. */
  keptOperations: number;
  /** Operations kept by rule: started before now or published inside the frozen window. */
  frozenOperations: number;
  /** Operations of jobs that were not published. */
  newOperations: number;
  /** Published operations of cancelled jobs, dropped. */
  cancelledOperations: number;
}

export interface FullResolve {
  makespan: number;
  totalWeightedTardiness: number;
  totalWeightedEarliness: number;
  movedOperations: number;
  totalStartShift: number;
  operations: ScheduledOperation[];
}

export interface RescheduleResult {
  /** unchanged: nothing changed, the published schedule stands; feasible / timeLimit as for solveJobShop. */
  status: "unchanged" | "feasible" | "timeLimit";
  objective: ShopObjective;
  makespan: number;
  totalWeightedTardiness: number;
  totalWeightedEarliness: number;
  /** Operations of the jobs not cancelled, in job and step order; job indexes shop.jobs. */
  operations: ScheduledOperation[];
  disruption: Disruption;
  fullResolve: FullResolve | null;
  weights: DisruptionWeights;
  statistics: { iterations: number; elapsedMs: number; fullResolveIterations: number; fullResolveElapsedMs: number };
}

/** Share of each search's time the weighted-tardiness tabu search takes before the late-acceptance search. */
const TABU_SHARE = 0.6;
/** A tabu iteration costs about this many late-acceptance iterations (for iteration budgets). */
const TABU_COST = 20;

/** Default price of one moved operation, in objective units. */
export const DEFAULT_MOVE_WEIGHT = 1;

/**
 * Reschedules `shop` from the `published` operations (matched by matchPublished).
 * @example reschedule(shop, published, { at: 40, frozen: 20, maxIterations: 5000 }).disruption.movedOperations
 */
export function reschedule(shop: Shop, published: readonly PublishedOperation[], options: RescheduleOptions): RescheduleResult {
  validateShop(shop);
  const objective: ShopObjective = options.objective ?? (shop.jobs.some((j) => !j.cancelled && j.due !== undefined) ? "totalWeightedTardiness" : "makespan");
  const p = buildProblem(shop, published, { now: options.at, frozen: options.frozen ?? 0, objective });
  const weights: DisruptionWeights = { moveWeight: options.moveWeight ?? DEFAULT_MOVE_WEIGHT, shiftWeight: options.shiftWeight ?? 0 };
  const random = seededRandom(options.seed ?? 1);
  const total = options.timeLimitMs ?? (options.maxIterations === undefined ? 1000 : undefined);
  const clockNow = options.now ?? Date.now;
  const started = clockNow();
  /**
   * A clock that stops `until` (a fraction of the time limit, counted from the start, so the time
   * the seeds take is not extra) or after `iterations` of the iteration budget (a tabu iteration
   * costs about TABU_COST late-acceptance ones).
   */
  const share = (until: number, iterations = 1) => searchClock({
    ...options, timeLimitMs: total === undefined ? undefined : Math.max(0, started + total * until - clockNow()),
    maxIterations: options.maxIterations === undefined ? undefined : Math.max(1, Math.round(options.maxIterations * iterations)),
  }, iterations < 1 ? 4 : 128);
  const tardiness = objective === "totalWeightedTardiness";

  const repair = price(p, repairCandidate(p, false), weights);
  const unchanged = nothingChanged(p, published, repair.evaluation);

  // The full re-solve first: the objective alone, with the same time as the least-disruption search,
  // from the dispatch orders and the published order (with and without anchors) and, for weighted
  // tardiness, the disjunctive-graph tabu search — never from the least-disruption answer.
  let full: SearchOutcome | null = null;
  let fullMs = 0;
  if (!options.skipFullResolve) {
    const fullStarted = clockNow();
    const none = { moveWeight: 0, shiftWeight: 0 };
    const rules: SeedRule[] = ["published", "edd", "mwkr", "spt", "random"];
    const seeds = rules.map((rule) => price(p, dispatchCandidate(p, rule, random), none));
    for (const newLast of [false, true]) {
      seeds.push(price(p, repairCandidate(p, newLast), none));
      seeds.push(price(p, { ...repairCandidate(p, newLast), anchor: new Uint8Array(p.operationCount) }, none));
    }
    if (tardiness && p.free.length > 0) {
      const from = cheapest(seeds);
      seeds.push(price(p, tardinessCandidate(p, from.start, false, share(0.5 * TABU_SHARE, TABU_SHARE / TABU_COST), random), none));
    }
    const clock = share(0.5);
    full = localSearch(p, cheapest(seeds).candidate, none, clock, random, true);
    full.evaluation = evaluate(p, full.start, weights);
    fullMs = clockNow() - fullStarted;
  }

  // The least-disruption search, objective plus disruption, from the right-shift repairs, the
  // cheapest insertion of the new operations, and the full re-solve repaired towards the published
  // schedule (or, without one, the anchored tabu search for weighted tardiness).
  let chosen: SearchOutcome = repair;
  let status: RescheduleResult["status"] = "unchanged";
  let iterations = 0, elapsed = 0;
  if (!unchanged) {
    const searchStarted = clockNow();
    const seeds: SearchOutcome[] = [repair, price(p, repairCandidate(p, true), weights), price(p, insertionCandidate(p, weights), weights)];
    let tabuTimedOut = false;
    if (full) {
      seeds.push(price(p, full.candidate, weights), price(p, reanchor(p, full.candidate, weights), weights));
    } else if (tardiness && p.free.length > 0) {
      const tabu = share(TABU_SHARE, TABU_SHARE / TABU_COST);
      seeds.push(price(p, tardinessCandidate(p, repair.start, true, tabu, random), weights));
      tabuTimedOut = tabu.timedOut;
    }
    const clock = share(1);
    chosen = localSearch(p, cheapest(seeds).candidate, weights, clock, random, true);
    iterations = chosen.iterations;
    elapsed = clockNow() - searchStarted;
    status = clock.timedOut || tabuTimedOut ? "timeLimit" : "feasible";
  }
  const e = chosen.evaluation;
  return {
    status, objective,
    makespan: e.makespan, totalWeightedTardiness: e.totalWeightedTardiness, totalWeightedEarliness: e.totalWeightedEarliness,
    operations: scheduled(p, chosen.start),
    disruption: disruptionOf(p, published, e),
    fullResolve: full && {
      makespan: full.evaluation.makespan, totalWeightedTardiness: full.evaluation.totalWeightedTardiness,
      totalWeightedEarliness: full.evaluation.totalWeightedEarliness,
      movedOperations: full.evaluation.movedOperations, totalStartShift: full.evaluation.totalStartShift,
      operations: scheduled(p, full.start),
    },
    weights,
    statistics: { iterations, elapsedMs: Math.max(elapsed, clockNow() - started - fullMs), fullResolveIterations: full?.iterations ?? 0, fullResolveElapsedMs: fullMs },
  };
}

/** The seed of least cost. */
function cheapest(seeds: readonly SearchOutcome[]): SearchOutcome {
  return seeds.reduce((a, b) => (b.evaluation.cost < a.evaluation.cost ? b : a));
}

/** True when the shop is the published one: no new or cancelled jobs, same durations, and the repair moves nothing. */
function nothingChanged(p: RescheduleProblem, published: readonly PublishedOperation[], repair: Evaluation): boolean {
  if (repair.movedOperations > 0) return false;
  for (let o = 0; o < p.operationCount; o++) if (p.state[o] !== 2 && Number.isNaN(p.publishedStart[o])) return false;
  for (const op of published) {
    const o = p.jobFirst[op.job] + op.step;
    if (p.state[o] === 2 || Math.abs(op.end - op.start - p.duration[o]) > 1e-9) return false;
  }
  return true;
}

function disruptionOf(p: RescheduleProblem, published: readonly PublishedOperation[], e: Evaluation): Disruption {
  let frozen = 0, fresh = 0, cancelled = 0, stillPublished = 0;
  for (let o = 0; o < p.operationCount; o++) {
    if (p.state[o] === 1) frozen++;
    else if (p.state[o] === 0 && Number.isNaN(p.publishedStart[o])) fresh++;
  }
  for (const op of published) {
    if (p.state[p.jobFirst[op.job] + op.step] === 2) cancelled++; else stillPublished++;
  }
  return {
    movedOperations: e.movedOperations, totalStartShift: e.totalStartShift, keptOperations: stillPublished - e.movedOperations,
    frozenOperations: frozen, newOperations: fresh, cancelledOperations: cancelled,
  };
}

/** The schedule's operations (jobs not cancelled) in job and step order. */
export function scheduled(p: RescheduleProblem, start: Float64Array): ScheduledOperation[] {
  const out: ScheduledOperation[] = [];
  for (let o = 0; o < p.operationCount; o++) {
    if (p.state[o] === 2) continue;
    out.push({ job: p.job[o], step: p.step[o], machine: p.machine[o], start: start[o], end: start[o] + p.duration[o] });
  }
  return out;
}

export type { Candidate };
