// The shop as it is now (docs/formats.md §8, aps-shop/1): jobs with ids, routings on named machines, due
// dates, weights, releases, customers and delivery windows, and machine downtime.
import { PlanningInputError } from "../errors";

/** One operation of a job: the machine (index into Shop.machines) and its processing time. */
export interface ShopOperation {
  machine: number;
  duration: number;
  /** Other machines that can run it (indexes into Shop.machines): the planner may move it there; the solvers use `machine`. */
  alternatives?: number[];
}

/** A job (an order): its operations in precedence order and what it is judged by. */
export interface ShopJob {
  id: string;
  operations: ShopOperation[];
  /** Promised (due) date d_j; absent: no due date. */
  due?: number;
  /** Tardiness weight w_j (default 1). */
  weight?: number;
  /** Release r_j: no operation of the job starts before it (default 0). */
  release?: number;
  customer?: string;
  /** Start of the delivery window: finishing before it costs earliness (weight × time early). */
  earliest?: number;
  /** Weight of one time unit early (default: the tardiness weight). */
  earlinessWeight?: number;
  /** Who answers for the order (escalations). */
  owner?: string;
  /** A cancelled job is dropped from the new schedule. */
  cancelled?: boolean;
}

/** A machine is down (nothing runs on it) during [from, to). */
export interface Downtime {
  machine: number;
  from: number;
  to: number;
}

export interface Shop {
  machines: string[];
  jobs: ShopJob[];
  downtime: Downtime[];
}

/** What a reschedule minimises first. */
export type ShopObjective = "makespan" | "totalWeightedTardiness";

const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * All problems of a shop (empty = valid): ids unique and non-empty, machines in range, durations,
 * weights and downtime finite and ≥ 0, downtime ending after it starts.
 * @example shopProblems({ machines: ["Saw"], jobs: [], downtime: [] }) // ["the shop has no jobs"]
 */
export function shopProblems(shop: Shop): string[] {
  const problems: string[] = [];
  const m = shop.machines.length;
  if (m === 0) problems.push("the shop has no machines");
  if (shop.jobs.length === 0) problems.push("the shop has no jobs");
  const ids = new Set<string>();
  shop.jobs.forEach((job, j) => {
    const name = `job ${JSON.stringify(job.id)}`;
    if (typeof job.id !== "string" || job.id === "") problems.push(`job ${j}: the id is blank`);
    else if (ids.has(job.id)) problems.push(`${name} appears twice`);
    ids.add(job.id);
    if (job.operations.length === 0) problems.push(`${name} has no operations`);
    job.operations.forEach((op, k) => {
      if (!Number.isInteger(op.machine) || op.machine < 0 || op.machine >= m) problems.push(`${name} step ${k}: unknown machine ${op.machine}`);
      if (!finite(op.duration) || op.duration < 0) problems.push(`${name} step ${k}: the duration must be a number ≥ 0 (got ${op.duration})`);
      for (const a of op.alternatives ?? []) if (!Number.isInteger(a) || a < 0 || a >= m) problems.push(`${name} step ${k}: unknown alternative machine ${a}`);
    });
    if (job.due !== undefined && !finite(job.due)) problems.push(`${name}: the due date must be a number`);
    for (const [field, value] of [["weight", job.weight], ["release", job.release], ["earlinessWeight", job.earlinessWeight]] as const) {
      if (value !== undefined && (!finite(value) || value < 0)) problems.push(`${name}: ${field} must be a number ≥ 0 (got ${value})`);
    }
    if (job.earliest !== undefined && !finite(job.earliest)) problems.push(`${name}: the window's earliest must be a number`);
  });
  shop.downtime.forEach((d, i) => {
    if (!Number.isInteger(d.machine) || d.machine < 0 || d.machine >= m) problems.push(`downtime ${i}: unknown machine ${d.machine}`);
    if (!finite(d.from) || !finite(d.to) || d.to < d.from) problems.push(`downtime ${i}: needs numbers from ≤ to (got ${d.from}, ${d.to})`);
  });
  return problems;
}

/** Throws one PlanningInputError listing up to ten problems (and how many more) of the shop. */
export function validateShop(shop: Shop, label = "shop"): void {
  const problems = shopProblems(shop);
  if (problems.length > 0) throw new PlanningInputError(problemList(label, problems), "shop", label);
}

/** "label: a; b; c (and 4 more)" with at most `cap` problems listed. */
export function problemList(label: string, problems: string[], cap = 10): string {
  const more = problems.length > cap ? ` (and ${problems.length - cap} more)` : "";
  return `${label}: ${problems.slice(0, cap).join("; ")}${more}.`;
}

/** True when machine m can run the operation: its own machine or one of its alternatives. */
export function canRun(op: ShopOperation, m: number): boolean {
  return op.machine === m || (op.alternatives?.includes(m) ?? false);
}

/** The jobs that remain (not cancelled), with their index in shop.jobs. */
export function activeJobs(shop: Shop): number[] {
  const out: number[] = [];
  shop.jobs.forEach((job, j) => { if (!job.cancelled) out.push(j); });
  return out;
}

/** A shop from a numbered job shop (text files): job ids "0", "1", …, machines "0", "1", …. */
export function shopFromJobShop(instance: { machineCount: number; jobs: { operations: ShopOperation[]; dueDate?: number; weight?: number; name?: string }[]; machineNames?: string[] }): Shop {
  return {
    machines: instance.machineNames?.slice() ?? Array.from({ length: instance.machineCount }, (_, m) => String(m)),
    jobs: instance.jobs.map((job, j) => {
      const out: ShopJob = { id: job.name ?? String(j), operations: job.operations.map((op) => ({ machine: op.machine, duration: op.duration })) };
      if (job.dueDate !== undefined) out.due = job.dueDate;
      if (job.weight !== undefined) out.weight = job.weight;
      return out;
    }),
    downtime: [],
  };
}
