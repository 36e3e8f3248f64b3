// Rescheduling with least disruption (docs/rescheduling.md): keep what started or is frozen, place
// the rest from now + frozen on, minimise the objective and then the disruption; and, for
// comparison, a full re-solve that ignores disruption. Pure; never prints.
import { seededRandom } from "../random";
import { searchClock, type SearchOptions } from "../schedule/searchControl";
import type { ScheduledOperation } from "../schedule/jobShop";
import { evaluate, type Candidate, type DisruptionWeights, type Evaluation } from "./decode";
import { buildProblem, type RescheduleProblem } from "./problem";
import type { PublishedOperation } from "./published";
import { localSearch, price, type SearchOutcome } from "./search";
import { dispatchCandidate, repairCandidate, type SeedRule } from "./seeds";
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
  const share = (fraction: number) => searchClock({ ...options, timeLimitMs: total === undefined ? undefined : total * fraction });
  const started = (options.now ?? Date.now)();

  const repair = price(p, repairCandidate(p, false), weights);
  const unchanged = nothingChanged(p, published, repair.evaluation);
  let chosen: SearchOutcome = repair;
  let status: RescheduleResult["status"] = "unchanged";
  let iterations = 0, elapsed = 0;
  if (!unchanged) {
    const clock = share(options.skipFullResolve ? 1 : 0.5);
    const seeds: SearchOutcome[] = [repair, price(p, repairCandidate(p, true), weights)];
    const start = seeds.reduce((a, b) => (b.evaluation.cost < a.evaluation.cost ? b : a));
    chosen = localSearch(p, start.candidate, weights, clock, random, true);
    iterations = chosen.iterations;
    elapsed = clock.elapsed();
    status = clock.timedOut ? "timeLimit" : "feasible";
  }

  // The full re-solve: the objective alone, with the same time, from the dispatch orders and the
  // published order (with and without anchors) — not from the least-disruption answer, so the two
  // are independent searches.
  let full: SearchOutcome | null = null;
  let fullMs = 0;
  if (!options.skipFullResolve) {
    const clock = share(0.5);
    const none = { moveWeight: 0, shiftWeight: 0 };
    const rules: SeedRule[] = ["published", "edd", "mwkr", "spt", "random"];
    const seeds = rules.map((rule) => price(p, dispatchCandidate(p, rule, random), none));
    for (const newLast of [false, true]) {
      seeds.push(price(p, repairCandidate(p, newLast), none));
      seeds.push(price(p, { ...repairCandidate(p, newLast), anchor: new Uint8Array(p.operationCount) }, none));
    }
    const start = seeds.reduce((a, b) => (b.evaluation.cost < a.evaluation.cost ? b : a));
    full = localSearch(p, start.candidate, none, clock, random, true);
    full.evaluation = evaluate(p, full.start, weights);
    fullMs = clock.elapsed();
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
    statistics: { iterations, elapsedMs: Math.max(elapsed, (options.now ?? Date.now)() - started - fullMs), fullResolveIterations: full?.iterations ?? 0, fullResolveElapsedMs: fullMs },
  };
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
