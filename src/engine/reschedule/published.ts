// The published schedule a reschedule starts from: read from aps-schedule/1 (or a table), matched to
// the shop by job id (or order) and machine name, with every misfit named (docs/formats.md §8).
import { PlanningInputError } from "../errors";
import { canRun, problemList, type Shop } from "./shop";

/** One published operation as read: job and machine by name or number; `where` names its place. */
export interface PublishedEntry {
  job: string | number;
  step: number;
  machine: string | number;
  start: number;
  end?: number;
  where: string;
}

/** A published operation matched to the shop: job, step and machine are indices of the shop. */
export interface PublishedOperation {
  job: number;
  step: number;
  machine: number;
  start: number;
  end: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The entries of an aps-schedule/1 record. Job and machine numbers become names where the record
 * carries `jobNames` / `machineNames` (as `aps schedule` writes for workbooks and shops).
 * @example publishedFromJson({ format: "aps-schedule/1", operations: [...] }, "plan.json").length
 */
export function publishedFromJson(value: unknown, label: string): PublishedEntry[] {
  const fail = (message: string): never => { throw new PlanningInputError(`${label}: ${message}`, "published", label); };
  if (!isObject(value)) fail("expected an aps-schedule/1 JSON object.");
  const record = value as Record<string, unknown>;
  if (record.format !== "aps-schedule/1") fail(`"format" must be "aps-schedule/1" (got ${JSON.stringify(record.format) ?? "nothing"}).`);
  if (!Array.isArray(record.operations)) fail('"operations" must be an array.');
  const names = (key: string): string[] | null => {
    const list = record[key];
    if (list === undefined) return null;
    if (!Array.isArray(list) || !list.every((x) => typeof x === "string")) fail(`"${key}" must be an array of strings.`);
    return list as string[];
  };
  const jobNames = names("jobNames"), machineNames = names("machineNames");
  const problems: string[] = [];
  const entries: PublishedEntry[] = [];
  (record.operations as unknown[]).forEach((op, i) => {
    const where = `operations[${i}]`;
    if (!isObject(op)) { problems.push(`${where} is not an object`); return; }
    const numberField = (key: string, integer: boolean, optional = false): number | undefined => {
      const x = op[key];
      if (x === undefined && optional) return undefined;
      if (typeof x !== "number" || !Number.isFinite(x) || x < 0 || (integer && !Number.isInteger(x))) {
        problems.push(`${where}.${key} must be a ${integer ? "whole number" : "number"} ≥ 0 (got ${JSON.stringify(x) ?? "nothing"})`);
        return undefined;
      }
      return x;
    };
    const job = numberField("job", true), step = numberField("step", true), machine = numberField("machine", true);
    const start = numberField("start", false), end = numberField("end", false, true);
    if (job === undefined || step === undefined || machine === undefined || start === undefined) return;
    if (jobNames && job >= jobNames.length) { problems.push(`${where}.job ${job} has no entry in jobNames`); return; }
    if (machineNames && machine >= machineNames.length) { problems.push(`${where}.machine ${machine} has no entry in machineNames`); return; }
    entries.push({ job: jobNames ? jobNames[job] : job, step, machine: machineNames ? machineNames[machine] : machine, start, end, where: `${label} ${where}` });
  });
  if (problems.length > 0) throw new PlanningInputError(problemList(label, problems), "published", label);
  return entries;
}

/**
 * Matches published entries to the shop: a job by id (a number: by position), a machine by name (a
 * number: by position). Unknown jobs, steps a job does not have, machines that cannot run the step (neither its own nor an alternative), repeated or missing
 * operations and steps out of order are input errors, all listed at once.
 * @example matchPublished(shop, entries, "plan.json")[0] // { job: 0, step: 0, machine: 2, start: 0, end: 3 }
 */
export function matchPublished(shop: Shop, entries: readonly PublishedEntry[], label: string): PublishedOperation[] {
  const jobIndex = new Map(shop.jobs.map((job, j) => [job.id, j]));
  const machineIndex = new Map(shop.machines.map((name, m) => [name, m]));
  const problems: string[] = [];
  const byJob = new Map<number, Map<number, PublishedOperation>>();
  const out: PublishedOperation[] = [];
  for (const e of entries) {
    const j = typeof e.job === "number" ? (e.job < shop.jobs.length ? e.job : undefined) : jobIndex.get(e.job);
    if (j === undefined) { problems.push(`${e.where}: job ${JSON.stringify(e.job)} is not in the shop`); continue; }
    const job = shop.jobs[j];
    const spec = job.operations[e.step];
    if (!spec) { problems.push(`${e.where}: job ${JSON.stringify(job.id)} has no step ${e.step} (it has ${job.operations.length})`); continue; }
    const m = typeof e.machine === "number" ? (e.machine < shop.machines.length ? e.machine : undefined) : machineIndex.get(e.machine);
    if (m === undefined) { problems.push(`${e.where}: machine ${JSON.stringify(e.machine)} is not in the shop`); continue; }
    if (!canRun(spec, m)) {
      const can = [spec.machine, ...(spec.alternatives ?? [])].map((k) => JSON.stringify(shop.machines[k])).join(" or ");
      problems.push(`${e.where}: job ${JSON.stringify(job.id)} step ${e.step} is on machine ${JSON.stringify(shop.machines[m])}, but the shop routes it to ${can}`);
      continue;
    }
    if (e.end !== undefined && e.end < e.start) { problems.push(`${e.where}: job ${JSON.stringify(job.id)} step ${e.step} ends before it starts`); continue; }
    if (!byJob.has(j)) byJob.set(j, new Map());
    const steps = byJob.get(j)!;
    if (steps.has(e.step)) { problems.push(`${e.where}: job ${JSON.stringify(job.id)} step ${e.step} is published twice`); continue; }
    const op = { job: j, step: e.step, machine: m, start: e.start, end: e.end ?? e.start + spec.duration };
    steps.set(e.step, op);
    out.push(op);
  }
  for (const [j, steps] of byJob) {
    const job = shop.jobs[j];
    for (let k = 0; k < job.operations.length; k++) {
      if (!steps.has(k)) problems.push(`${label}: job ${JSON.stringify(job.id)} step ${k} is missing from the published schedule`);
      const a = steps.get(k - 1), b = steps.get(k);
      if (a && b && b.start < a.end) problems.push(`${label}: job ${JSON.stringify(job.id)} step ${k} starts at ${b.start}, before step ${k - 1} ends at ${a.end}`);
    }
  }
  if (problems.length > 0) throw new PlanningInputError(problemList(label, problems), "published", label);
  return out;
}
