// The plans share and merge make, remembered by their inputs: a merge right after a share (the pane's
// worker, or share and merge in one run) plans the same network again, and a re-plan whose
// commitments change nothing is the plan already made. Same inputs, same plan: results never change.

import { planRecord, type PlanOutcome } from "../plan";
import type { PlanResult } from "../plan/types";
import type { FieldNaming } from "../network/readNetwork";
import type { InputLocation } from "../network/types";

export interface CachedPlanOptions {
  naming: FieldNaming;
  where?: (location: InputLocation | null) => string;
  fixedServiceTimes?: ReadonlyMap<string, number>;
}

interface Entry {
  key: string;
  plan: PlanResult;
  /** The places the plan's exceptions were named with, and the names `where` gave them. */
  places: { location: InputLocation | null; name: string }[];
}

/** How many plans are kept (a share's, a merge's before and after, and one more). */
const KEPT = 4;
const entries: Entry[] = [];

/** A plain value (records, arrays, numbers, text) as one string: non-finite numbers and undefined kept apart from null. */
export function inputKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) return `\u0000${v}`;
    if (v === undefined) return "\u0000undefined";
    if (typeof v === "string" && v.startsWith("\u0000")) return `\u0000${v}`;
    return v;
  });
}

/** Every input of the plan as one string. */
function keyOf(raw: unknown, options: CachedPlanOptions): string {
  const fixed = options.fixedServiceTimes ? [...options.fixedServiceTimes].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) : [];
  return inputKey([options.naming, fixed, raw]);
}

const hashes: { key: string; hash: string }[] = [];

/** `canonicalHash` of a value, remembered for the last few values (the plan's hash of a network read again). */
export function hashRemembered(value: unknown, hash: (value: unknown) => string): string {
  const key = inputKey(value);
  const found = hashes.find((h) => h.key === key);
  if (found) return found.hash;
  const made = hash(value);
  hashes.push({ key, hash: made });
  if (hashes.length > KEPT) hashes.shift();
  return made;
}

/** True when `where` names every place of the remembered plan as it was named then. */
function samePlaces(entry: Entry, where: (location: InputLocation | null) => string): boolean {
  return entry.places.every((p) => where(p.location) === p.name);
}

/**
 * `planRecord` for a network record, remembered: the same record, naming and fixed service times
 * give the remembered plan (a copy: callers may change theirs) as long as `where` still names its
 * exceptions' places alike; anything else is planned afresh. Refusals, and plans made without a
 * `where`, are never remembered.
 */
export function planRemembered(raw: unknown, options: CachedPlanOptions): PlanOutcome {
  const where = options.where;
  if (!where) return planRecord(raw, { naming: options.naming, fixedServiceTimes: options.fixedServiceTimes });
  const key = keyOf(raw, options);
  const k = entries.findIndex((e) => e.key === key && samePlaces(e, where));
  if (k >= 0) {
    const [entry] = entries.splice(k, 1);
    entries.push(entry);
    return { ok: true, plan: structuredClone(entry.plan) };
  }
  const places: Entry["places"] = [];
  const recording = (location: InputLocation | null) => {
    const name = where(location);
    places.push({ location: structuredClone(location), name });
    return name;
  };
  const outcome = planRecord(raw, { naming: options.naming, where: recording, fixedServiceTimes: options.fixedServiceTimes });
  if (outcome.ok) {
    entries.push({ key, plan: structuredClone(outcome.plan), places });
    if (entries.length > KEPT) entries.shift();
  }
  return outcome;
}

/** Forgets every remembered plan and hash (tests, benchmarks). */
export function forgetPlans(): void {
  entries.length = 0;
  hashes.length = 0;
}
