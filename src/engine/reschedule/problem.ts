// The reschedule problem in flat form: which operations are kept (published start before
// now + frozen), which are free, each machine's busy time (downtime and kept operations), and the
// conflicts that make the kept part impossible (input errors).
import { PlanningInputError } from "../errors";
import type { PublishedOperation } from "./published";
import { problemList, type Shop, type ShopObjective } from "./shop";
import { Timeline, overlaps } from "./timeline";

/** When the reschedule happens: `now`, the frozen window length and the objective. */
export interface RescheduleSetting {
  now: number;
  frozen: number;
  objective: ShopObjective;
}

/** The operations of a shop in flat form: operation o = jobFirst[j] + step over all shop jobs. */
export interface FlatOperations {
  operationCount: number;
  jobFirst: Int32Array;
  job: Int32Array;
  step: Int32Array;
  machine: Int32Array;
  duration: Float64Array;
}

/**
 * Every operation of the shop in flat form (o = jobFirst[j] + step), each on its own machine.
 * @example flatOperations(shop, jobFirst).machine[0] // shop.jobs[0].operations[0].machine
 */
export function flatOperations(shop: Shop, jobFirst: Int32Array): FlatOperations {
  const n = jobFirst[shop.jobs.length];
  const flat: FlatOperations = { operationCount: n, jobFirst, job: new Int32Array(n), step: new Int32Array(n), machine: new Int32Array(n), duration: new Float64Array(n) };
  shop.jobs.forEach((job, j) => job.operations.forEach((op, k) => {
    const o = jobFirst[j] + k;
    flat.job[o] = j; flat.step[o] = k; flat.machine[o] = op.machine; flat.duration[o] = op.duration;
  }));
  return flat;
}

/** Flat form (cancelled jobs' operations are `dropped`). */
export interface RescheduleProblem extends FlatOperations {
  shop: Shop;
  setting: RescheduleSetting;
  /** now + frozen: the earliest start of every free operation. */
  freeFrom: number;
  /** Published start, NaN where the operation was not published. */
  publishedStart: Float64Array;
  /** 1 = kept (start fixed at the published start), 2 = dropped (cancelled job), 0 = free. */
  state: Uint8Array;
  /** Free operations, in job and step order. */
  free: number[];
  /** Earliest start of each job's first free operation: max(release, now + frozen, end of its kept operations). */
  jobReady: Float64Array;
  due: Float64Array;
  weight: Float64Array;
  earliest: Float64Array;
  earlinessWeight: Float64Array;
  /** Downtime and kept operations per machine. */
  base: Timeline[];
  /** Operations free on each machine (timeline capacity). */
  freeOnMachine: Int32Array;
}

/**
 * Builds the flat problem. Throws a PlanningInputError listing every kept operation that cannot
 * stay where it is (inside a downtime, overlapping another kept one, before its job's previous
 * step, or before its release though not yet started).
 * @example buildProblem(shop, published, { now: 10, frozen: 5, objective: "makespan" }).free.length
 */
export function buildProblem(shop: Shop, published: readonly PublishedOperation[], setting: RescheduleSetting): RescheduleProblem {
  const jobCount = shop.jobs.length;
  const jobFirst = new Int32Array(jobCount + 1);
  for (let j = 0; j < jobCount; j++) jobFirst[j + 1] = jobFirst[j] + shop.jobs[j].operations.length;
  const n = jobFirst[jobCount];
  const p: RescheduleProblem = {
    shop, setting, freeFrom: setting.now + setting.frozen, ...flatOperations(shop, jobFirst),
    publishedStart: new Float64Array(n).fill(NaN), state: new Uint8Array(n), free: [],
    jobReady: new Float64Array(jobCount), due: new Float64Array(jobCount).fill(Infinity), weight: new Float64Array(jobCount).fill(1),
    earliest: new Float64Array(jobCount).fill(-Infinity), earlinessWeight: new Float64Array(jobCount),
    base: [], freeOnMachine: new Int32Array(shop.machines.length),
  };
  shop.jobs.forEach((job, j) => {
    if (job.due !== undefined) p.due[j] = job.due;
    if (job.weight !== undefined) p.weight[j] = job.weight;
    if (job.earliest !== undefined) p.earliest[j] = job.earliest;
    p.earlinessWeight[j] = job.earlinessWeight ?? p.weight[j];
    if (job.cancelled) for (let o = jobFirst[j]; o < jobFirst[j + 1]; o++) p.state[o] = 2;
  });
  for (const op of published) p.publishedStart[jobFirst[op.job] + op.step] = op.start;
  const problems: string[] = [];
  const name = (o: number) => `job ${JSON.stringify(shop.jobs[p.job[o]].id)} step ${p.step[o]}`;
  const keptWhy = (o: number) => `kept: published start ${p.publishedStart[o]} is before now + frozen = ${p.freeFrom}`;
  for (let o = 0; o < n; o++) {
    if (p.state[o] === 2) continue;
    const s = p.publishedStart[o];
    if (!Number.isNaN(s) && s < p.freeFrom) p.state[o] = 1;
  }
  // A kept operation stays on the machine it was published on (its own or an alternative); free ones go to their own.
  for (const op of published) if (p.state[jobFirst[op.job] + op.step] === 1) p.machine[jobFirst[op.job] + op.step] = op.machine;
  const kept: number[][] = shop.machines.map(() => []);
  for (let j = 0; j < jobCount; j++) {
    const job = shop.jobs[j];
    let ready = Math.max(job.release ?? 0, p.freeFrom);
    let previousEnd = -Infinity;
    for (let o = jobFirst[j]; o < jobFirst[j + 1]; o++) {
      if (p.state[o] === 2) continue;
      if (p.state[o] === 1) {
        // Published steps follow each other, so the kept operations of a job are its first steps.
        const s = p.publishedStart[o];
        if (s < previousEnd - 1e-9) problems.push(`${name(o)} (${keptWhy(o)}) would start at ${s}, before step ${p.step[o] - 1} ends at ${previousEnd} with its duration now`);
        if (s >= setting.now && s < (job.release ?? 0)) problems.push(`${name(o)} (${keptWhy(o)}) starts at ${s}, before the job's release ${job.release}`);
        previousEnd = s + p.duration[o];
        ready = Math.max(ready, previousEnd);
        kept[p.machine[o]].push(o);
      } else {
        p.free.push(o);
        p.freeOnMachine[p.machine[o]]++;
      }
    }
    p.jobReady[j] = ready;
  }
  shop.machines.forEach((machineName, m) => {
    const placed = mergedDowntime(shop, m).map(([s, e]) => ({ s, e, label: `the downtime of ${JSON.stringify(machineName)} ${s}–${e}` }));
    for (const o of kept[m]) {
      const iv = { s: p.publishedStart[o], e: p.publishedStart[o] + p.duration[o], label: `${name(o)} (${keptWhy(o)})` };
      const clash = placed.find((q) => overlaps(iv.s, iv.e, q.s, q.e));
      if (clash) { problems.push(`${iv.label} overlaps ${clash.label} on ${JSON.stringify(machineName)}; shorten the frozen window or move the downtime`); continue; }
      placed.push(iv);
    }
    const line = new Timeline(placed.length + p.freeOnMachine[m]);
    placed.sort((a, b) => a.s - b.s || a.e - b.e);
    for (const iv of placed) line.insert(iv.s, iv.e);
    p.base.push(line);
  });
  if (problems.length > 0) throw new PlanningInputError(problemList("the kept part of the schedule cannot stand", problems), "published");
  return p;
}

/** The downtime of machine m as sorted, merged intervals [from, to) (empty ones dropped). */
export function mergedDowntime(shop: Shop, m: number): [number, number][] {
  const downs = shop.downtime.filter((d) => d.machine === m && d.to > d.from).map((d) => [d.from, d.to] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const d of downs) {
    const last = out[out.length - 1];
    if (last && d[0] <= last[1]) last[1] = Math.max(last[1], d[1]); else out.push([d[0], d[1]]);
  }
  return out;
}
