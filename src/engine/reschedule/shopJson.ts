// Reader of aps-shop/1 JSON (docs/formats.md §8): jobs with ids and operations on named machines
// (with optional "alternatives"), downtime, and (additions of this project) customers and escalation rules; every problem is
// named by its path ("jobs[2].operations[0].duration") and all are reported at once.
import { PlanningInputError } from "../errors";
import type { CustomerTerms } from "./customers";
import type { EscalationRule } from "./escalation";
import { problemList, type Shop, type ShopJob, type ShopOperation } from "./shop";

/** A shop read from JSON, with its customers and escalation rules (empty when absent). */
export interface ShopInput {
  shop: Shop;
  customers: CustomerTerms[];
  escalation: EscalationRule[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Parses an aps-shop/1 value. Machines are numbered in order of first appearance.
 * @example shopFromJson({ format: "aps-shop/1", jobs: [{ id: "A", operations: [{ machine: "Saw", duration: 3 }] }] }, "shop.json").shop.machines // ["Saw"]
 */
export function shopFromJson(value: unknown, label: string): ShopInput {
  const problems: string[] = [];
  const fail = (): never => { throw new PlanningInputError(problemList(label, problems), "shop", label); };
  if (!isObject(value)) { problems.push("expected an aps-shop/1 JSON object"); fail(); }
  const v = value as Record<string, unknown>;
  if (v.format !== "aps-shop/1") problems.push(`"format" must be "aps-shop/1" (got ${JSON.stringify(v.format) ?? "nothing"})`);
  if (!Array.isArray(v.jobs) || v.jobs.length === 0) problems.push('"jobs" must be a non-empty array');
  if (problems.length > 0) fail();
  const machines: string[] = [];
  const machineIndex = new Map<string, number>();
  const machineOf = (name: string) => {
    if (!machineIndex.has(name)) { machineIndex.set(name, machines.length); machines.push(name); }
    return machineIndex.get(name)!;
  };
  const num = (o: Record<string, unknown>, key: string, where: string, opts: { min?: number; optional?: boolean }): number | undefined => {
    const x = o[key];
    if (x === undefined || x === null) {
      if (!opts.optional) problems.push(`${where}.${key} is missing`);
      return undefined;
    }
    if (typeof x !== "number" || !Number.isFinite(x)) { problems.push(`${where}.${key} must be a number (got ${JSON.stringify(x)})`); return undefined; }
    if (opts.min !== undefined && x < opts.min) { problems.push(`${where}.${key} must be ≥ ${opts.min} (got ${x})`); return undefined; }
    return x;
  };
  const text = (o: Record<string, unknown>, key: string, where: string, optional: boolean): string | undefined => {
    const x = o[key];
    if (x === undefined || x === null) { if (!optional) problems.push(`${where}.${key} is missing`); return undefined; }
    if (typeof x === "number" && Number.isFinite(x)) return String(x);
    if (typeof x !== "string" || x.trim() === "") { problems.push(`${where}.${key} must be a non-empty text (got ${JSON.stringify(x)})`); return undefined; }
    return x.trim();
  };
  // Alternative machines: names, numbered after every job's own machines.
  const pending: { op: ShopOperation; names: string[] }[] = [];
  const alternativeNames = (op: Record<string, unknown>, where: string, own: string | undefined): string[] => {
    const x = op.alternatives;
    if (x === undefined || x === null) return [];
    if (!Array.isArray(x)) { problems.push(`${where}.alternatives must be an array of machine names (got ${JSON.stringify(x)})`); return []; }
    const out: string[] = [];
    x.forEach((name, i) => {
      if (typeof name !== "string" || name.trim() === "") { problems.push(`${where}.alternatives[${i}] must be a non-empty text (got ${JSON.stringify(name)})`); return; }
      if (name.trim() !== own && !out.includes(name.trim())) out.push(name.trim());
    });
    return out;
  };
  const jobs: ShopJob[] = [];
  const ids = new Set<string>();
  (v.jobs as unknown[]).forEach((raw, j) => {
    const where = `jobs[${j}]`;
    if (!isObject(raw)) { problems.push(`${where} is not an object`); return; }
    const id = text(raw, "id", where, false);
    if (id !== undefined && ids.has(id)) problems.push(`${where}.id ${JSON.stringify(id)} appears twice`);
    if (id !== undefined) ids.add(id);
    if (!Array.isArray(raw.operations) || raw.operations.length === 0) { problems.push(`${where}.operations must be a non-empty array`); return; }
    const operations = (raw.operations as unknown[]).map((op, k) => {
      const w = `${where}.operations[${k}]`;
      if (!isObject(op)) { problems.push(`${w} is not an object`); return { machine: 0, duration: 0 }; }
      const m = text(op, "machine", w, false);
      const duration = num(op, "duration", w, { min: 0 });
      const out: ShopOperation = { machine: m === undefined ? 0 : machineOf(m), duration: duration ?? 0 };
      const names = alternativeNames(op, w, m);
      if (names.length > 0) pending.push({ op: out, names });
      return out;
    });
    const job: ShopJob = { id: id ?? `#${j}`, operations };
    const due = num(raw, "due", where, { optional: true }), weight = num(raw, "weight", where, { min: 0, optional: true });
    const release = num(raw, "release", where, { min: 0, optional: true }), earliest = num(raw, "earliest", where, { optional: true });
    const customer = text(raw, "customer", where, true), owner = text(raw, "owner", where, true);
    if (due !== undefined) job.due = due;
    if (weight !== undefined) job.weight = weight;
    if (release !== undefined) job.release = release;
    if (earliest !== undefined) job.earliest = earliest;
    if (customer !== undefined) job.customer = customer;
    if (owner !== undefined) job.owner = owner;
    if (raw.cancelled !== undefined && typeof raw.cancelled !== "boolean") problems.push(`${where}.cancelled must be true or false`);
    if (raw.cancelled === true) job.cancelled = true;
    jobs.push(job);
  });
  for (const { op, names } of pending) op.alternatives = names.map(machineOf);
  const list = (key: string): Record<string, unknown>[] => {
    const x = v[key];
    if (x === undefined || x === null) return [];
    if (!Array.isArray(x)) { problems.push(`"${key}" must be an array`); return []; }
    return x.filter((item, i) => { if (!isObject(item)) problems.push(`${key}[${i}] is not an object`); return isObject(item); }) as Record<string, unknown>[];
  };
  const downtime = list("downtime").map((d, i) => {
    const where = `downtime[${i}]`;
    const m = text(d, "machine", where, false);
    const from = num(d, "from", where, {}), to = num(d, "to", where, {});
    if (m !== undefined && !machineIndex.has(m)) problems.push(`${where}.machine ${JSON.stringify(m)} is not used by any job`);
    if (from !== undefined && to !== undefined && to < from) problems.push(`${where}: "to" (${to}) is before "from" (${from})`);
    return { machine: m === undefined ? 0 : machineIndex.get(m) ?? 0, from: from ?? 0, to: to ?? 0 };
  });
  const customers: CustomerTerms[] = list("customers").map((c, i) => {
    const where = `customers[${i}]`;
    const out: CustomerTerms = { id: text(c, "id", where, false) ?? `#${i}` };
    const tier = num(c, "tier", where, { min: 1, optional: true }), weight = num(c, "weight", where, { min: 0, optional: true });
    const earliest = num(c, "earliest", where, { optional: true }), latest = num(c, "latest", where, { optional: true });
    if (tier !== undefined) out.tier = tier;
    if (weight !== undefined) out.weight = weight;
    if (earliest !== undefined) out.earliest = earliest;
    if (latest !== undefined) out.latest = latest;
    if (earliest !== undefined && latest !== undefined && latest < earliest) problems.push(`${where}: latest (${latest}) is before earliest (${earliest})`);
    const owner = text(c, "owner", where, true);
    if (owner !== undefined) out.owner = owner;
    return out;
  });
  const escalation: EscalationRule[] = list("escalation").map((r, i) => {
    const where = `escalation[${i}]`;
    return {
      daysLateFrom: num(r, "daysLateFrom", where, {}) ?? 0, level: num(r, "level", where, {}) ?? 0,
      role: text(r, "role", where, true) ?? "", contact: text(r, "contact", where, true) ?? "",
    };
  });
  if (problems.length > 0) fail();
  return { shop: { machines, jobs, downtime }, customers, escalation };
}
