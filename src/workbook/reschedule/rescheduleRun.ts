// One reschedule or promise run from read inputs to results, shared by `aps reschedule` and the
// pane's job: customers applied, published schedule matched, engine run, the JSON record
// (aps-schedule/1 + disruption + fullResolve, or aps-promise/1), sheets, cards and exceptions.
import { PlanningInputError } from "../../engine/errors";
import { applyCustomers } from "../../engine/reschedule/customers";
import { orderEscalations, type Escalation } from "../../engine/reschedule/escalation";
import { promiseDate } from "../../engine/reschedule/promise";
import { matchPublished, type PublishedEntry } from "../../engine/reschedule/published";
import { reschedule, type RescheduleResult } from "../../engine/reschedule/reschedule";
import { validateShop, type Shop, type ShopObjective } from "../../engine/reschedule/shop";
import type { ShopInput } from "../../engine/reschedule/shopJson";
import type { SearchOptions } from "../../engine/schedule/searchControl";
import type { JobCard, JobException } from "../jobs/types";
import type { ResultSheet } from "../port";
import { escalationsSheet, promiseSheet, rescheduleChangesSheet } from "./rescheduleSheets";
import type { RescheduleSettings } from "../schedule/shopTables";
import { scheduleJobsSheet, scheduleOperationsSheet, scheduleSheet, type ScheduleSheetInput } from "../schedule/scheduleSheet";

export interface RescheduleRequest {
  input: ShopInput & { jobWhere?: string[] };
  published: PublishedEntry[];
  /** Names the published schedule in messages ("plan.json"). */
  publishedLabel: string;
  at: number;
  frozen: number;
  objective?: ShopObjective;
  settings: RescheduleSettings;
  search: SearchOptions;
  /** Quote this order (a job id of the shop) instead of rescheduling. */
  promise?: { job: string; quantity: number };
}

export interface RescheduleRun {
  record: Record<string, unknown>;
  sheets: ResultSheet[];
  summary: string;
  cards: JobCard[];
  exceptions: JobException[];
  timedOut: boolean;
}

function sheetInput(shop: Shop, ops: RescheduleResult["operations"], makespan: number, tardiness: number, status: string): ScheduleSheetInput {
  return {
    operations: ops, makespan, totalWeightedTardiness: tardiness, status, machineCount: shop.machines.length,
    jobNames: shop.jobs.map((j) => j.id), machineNames: shop.machines,
    dueDates: shop.jobs.map((j) => j.due ?? Infinity), weights: shop.jobs.map((j) => j.weight ?? 1),
  };
}

/** Runs the request; throws PlanningInputError for inputs that do not fit together. */
export function runReschedule(req: RescheduleRequest): RescheduleRun {
  const shop = applyCustomers(req.input.shop, req.input.customers);
  validateShop(shop);
  const published = matchPublished(shop, req.published, req.publishedLabel);
  const options = {
    ...req.search, at: req.at, frozen: req.frozen, objective: req.objective,
    moveWeight: req.settings.disruptionWeight, shiftWeight: req.settings.shiftWeight,
  };
  const jobNames = shop.jobs.map((j) => j.id);
  if (req.promise) return promiseRun(shop, published, req, options);

  const r = reschedule(shop, published, options);
  const completion = new Map<number, number>();
  for (const op of r.operations) completion.set(op.job, Math.max(completion.get(op.job) ?? 0, op.end));
  const escalations = orderEscalations(
    shop.jobs.flatMap((job, j) => (job.cancelled ? [] : [{ order: job.id, promised: job.due, completion: completion.get(j) ?? 0, customer: job.customer ?? null, owner: job.owner ?? null }])),
    req.input.escalation, req.settings.atRiskSlack ?? 0,
  );
  const record: Record<string, unknown> = {
    format: "aps-schedule/1",
    makespan: r.makespan,
    totalWeightedTardiness: r.totalWeightedTardiness,
    operations: r.operations.map(({ job, step, machine, start, end }) => ({ job, step, machine, start, end })),
    disruption: r.disruption,
    fullResolve: r.fullResolve && { makespan: r.fullResolve.makespan, totalWeightedTardiness: r.fullResolve.totalWeightedTardiness, movedOperations: r.fullResolve.movedOperations, totalStartShift: r.fullResolve.totalStartShift, totalWeightedEarliness: r.fullResolve.totalWeightedEarliness },
    status: r.status, objective: r.objective, now: req.at, frozen: req.frozen,
    totalWeightedEarliness: r.totalWeightedEarliness, weights: r.weights,
    jobNames, machineNames: shop.machines, escalations, statistics: r.statistics,
  };
  const after = sheetInput(shop, r.operations, r.makespan, r.totalWeightedTardiness, r.status);
  const beforeOps = published;
  const beforeMakespan = beforeOps.reduce((m, op) => Math.max(m, op.end), 0);
  const where = new Map<string, string>();
  (req.input.jobWhere ?? []).forEach((w, j) => where.set(shop.jobs[j]?.id ?? "", w));
  const promised = new Map(shop.jobs.filter((j) => j.due !== undefined).map((j) => [j.id, j.due!]));
  const sheets: ResultSheet[] = [
    scheduleSheet(after),
    { ...scheduleSheet({ ...sheetInput(shop, beforeOps, beforeMakespan, NaN, "published"), maxBuckets: 60 }), name: "Schedule Before", title: `Published schedule (before the reschedule): makespan ${beforeMakespan}` },
    scheduleOperationsSheet(after),
    scheduleJobsSheet(after),
    rescheduleChangesSheet(shop, published, r.operations, req.at + req.frozen),
    escalationsSheet(escalations, promised, where),
  ];
  const d = r.disruption, f = r.fullResolve;
  const value = r.objective === "makespan" ? r.makespan : r.totalWeightedTardiness;
  const fullValue = f ? (r.objective === "makespan" ? f.makespan : f.totalWeightedTardiness) : null;
  const label = r.objective === "makespan" ? "makespan" : "total weighted tardiness";
  const summary = `reschedule at ${req.at} (frozen until ${req.at + req.frozen}): ${r.status}\n` +
    `  makespan ${r.makespan}, total weighted tardiness ${r.totalWeightedTardiness}${r.totalWeightedEarliness > 0 ? `, earliness ${r.totalWeightedEarliness}` : ""}\n` +
    `  moved ${d.movedOperations} operations (total shift ${d.totalStartShift}), kept ${d.keptOperations}, frozen ${d.frozenOperations}, new ${d.newOperations}, cancelled ${d.cancelledOperations}\n` +
    (f ? `  a full re-solve: ${label} ${fullValue}, moving ${f.movedOperations} operations\n` : "") +
    `  ${escalations.length} escalations\n`;
  const cards: JobCard[] = [
    { label: r.objective === "makespan" ? "Makespan" : "Weighted tardiness", value, detail: f ? `full re-solve: ${fullValue}` : undefined },
    { label: "Moved operations", value: d.movedOperations, detail: f ? `full re-solve moves ${f.movedOperations}` : undefined },
    { label: "Total start shift", value: d.totalStartShift },
    { label: "Escalations", value: escalations.length },
  ];
  const exceptions: JobException[] = escalations.map((e) => escalationException(e, where));
  return { record, sheets, summary, cards, exceptions, timedOut: r.status === "timeLimit" };
}

/** The pane's exception of an escalation: late = warning, at risk = info; where = the order's row. */
export function escalationException(e: Escalation, where: ReadonlyMap<string, string>): JobException {
  const who = [e.customer && `customer ${e.customer}`, e.owner && `owner ${e.owner}`].filter(Boolean).join(", ");
  const act = e.role ? `; level ${e.level}: ${e.role}${e.contact ? ` (${e.contact})` : ""}` : "";
  return {
    severity: e.status === "late" ? "warning" : "info",
    where: where.get(e.order) ?? null,
    message: `${e.order} ${e.status === "late" ? `is ${e.lateness} late` : `is at risk (${-e.lateness} before its promise)`}${who ? ` (${who})` : ""}${act}`,
  };
}

function promiseRun(shop: Shop, published: ReturnType<typeof matchPublished>, req: RescheduleRequest, options: Parameters<typeof reschedule>[2]): RescheduleRun {
  const { job: id, quantity } = req.promise!;
  const j = shop.jobs.findIndex((x) => x.id === id);
  if (j < 0) throw new PlanningInputError(`--promise: job ${JSON.stringify(id)} is not in the shop (its jobs: ${shop.jobs.slice(0, 5).map((x) => JSON.stringify(x.id)).join(", ")}${shop.jobs.length > 5 ? ", …" : ""}).`, "promise");
  const answer = promiseDate(shop, published, j, quantity, options);
  const record = {
    format: "aps-promise/1", job: id, quantity, now: req.at, frozen: req.frozen,
    insertion: { completion: answer.insertion.completion, operations: answer.insertion.operations },
    resolve: answer.resolve && { completion: answer.resolve.completion, movedOperations: answer.resolve.movedOperations, othersWeightedTardiness: answer.resolve.othersWeightedTardiness, makespan: answer.resolve.makespan },
    machineNames: shop.machines,
  };
  const summary = `promise for ${quantity} × ${id} asked at ${req.at}\n  inserted into the gaps: complete at ${answer.insertion.completion}\n` +
    (answer.resolve ? `  with a reschedule (order first): complete at ${answer.resolve.completion}, moving ${answer.resolve.movedOperations} operations\n` : "");
  return {
    record, summary, timedOut: false,
    sheets: [promiseSheet(id, quantity, req.at, answer.insertion.completion, answer.resolve)],
    cards: [
      { label: "Earliest completion (no moves)", value: answer.insertion.completion },
      ...(answer.resolve ? [{ label: "Earliest completion (reschedule)", value: answer.resolve.completion, detail: `moves ${answer.resolve.movedOperations} operations` }] : []),
    ],
    exceptions: [],
  };
}

/**
 * Schedules a shop from scratch (no published schedule, from time 0) with its customers' windows
 * and tiers, releases and downtime: what `aps schedule` does for aps-shop/1 and for workbooks with
 * Customers, Downtime or Release/Customer columns.
 */
export function runShopSchedule(input: ShopInput & { jobWhere?: string[] }, settings: RescheduleSettings, search: SearchOptions, objective?: ShopObjective): RescheduleRun {
  const shop = applyCustomers(input.shop, input.customers);
  validateShop(shop);
  const r = reschedule(shop, [], { ...search, at: 0, frozen: 0, objective, skipFullResolve: true, timeLimitMs: search.timeLimitMs ?? (search.maxIterations === undefined ? 2000 : undefined) });
  const completion = new Map<number, number>();
  for (const op of r.operations) completion.set(op.job, Math.max(completion.get(op.job) ?? 0, op.end));
  const escalations = orderEscalations(
    shop.jobs.flatMap((job, j) => (job.cancelled ? [] : [{ order: job.id, promised: job.due, completion: completion.get(j) ?? 0, customer: job.customer ?? null, owner: job.owner ?? null }])),
    input.escalation, settings.atRiskSlack ?? 0,
  );
  const status = r.status === "timeLimit" ? "timeLimit" : "feasible";
  const record: Record<string, unknown> = {
    format: "aps-schedule/1", makespan: r.makespan, totalWeightedTardiness: r.totalWeightedTardiness,
    operations: r.operations.map(({ job, step, machine, start, end }) => ({ job, step, machine, start, end })),
    status, objective: r.objective, totalWeightedEarliness: r.totalWeightedEarliness,
    jobNames: shop.jobs.map((j) => j.id), machineNames: shop.machines, escalations, statistics: r.statistics,
  };
  const view = sheetInput(shop, r.operations, r.makespan, r.totalWeightedTardiness, status);
  const where = new Map<string, string>();
  (input.jobWhere ?? []).forEach((w, j) => where.set(shop.jobs[j]?.id ?? "", w));
  const promised = new Map(shop.jobs.filter((j) => j.due !== undefined).map((j) => [j.id, j.due!]));
  return {
    record, timedOut: r.status === "timeLimit",
    sheets: [scheduleSheet(view), scheduleOperationsSheet(view), scheduleJobsSheet(view), escalationsSheet(escalations, promised, where)],
    summary: `shop schedule: ${status}\n  makespan ${r.makespan}, total weighted tardiness ${r.totalWeightedTardiness}, earliness ${r.totalWeightedEarliness}\n  ${escalations.length} escalations\n`,
    cards: [{ label: "Makespan", value: r.makespan }, { label: "Weighted tardiness", value: r.totalWeightedTardiness }, { label: "Weighted earliness", value: r.totalWeightedEarliness }, { label: "Escalations", value: escalations.length }],
    exceptions: escalations.map((e) => escalationException(e, where)),
  };
}
