// One re-time (or Undo edits) from read tables to results, shared by `aps schedule --keep-edits` and
// the pane's Re-time schedule job: edits matched to the shop, engine run, the conflicts as
// exceptions on the edited cells, the compare against the last run (cards and summary), the sheets.
import { applyCustomers } from "../../engine/reschedule/customers";
import type { PublishedOperation } from "../../engine/reschedule/published";
import { retime, type RetimeResult, type ScheduleMeasures } from "../../engine/reschedule/retime";
import { matchEditedRows, type EditedRow, type LockKind } from "../../engine/reschedule/retimeEdits";
import { canRun, validateShop, type Shop, type ShopObjective } from "../../engine/reschedule/shop";
import type { ScheduledOperation } from "../../engine/schedule";
import type { JobCard, JobException } from "../jobs/types";
import type { ResultSheet } from "../port";
import { scheduleJobsSheet, scheduleOperationsSheet, scheduleSheet, type ScheduleSheetInput } from "../schedule/scheduleSheet";
import type { RescheduleSettings, WorkbookShop } from "../schedule/shopTables";
import { rescheduleChangesSheet } from "./rescheduleSheets";
import type { EditedRowRecord } from "./scheduleEdits";

export interface RetimeRequest {
  input: WorkbookShop;
  rows: EditedRowRecord[];
  /** Names the edited table in messages ("Schedule Operations"). */
  label: string;
  settings: RescheduleSettings;
  objective?: ShopObjective;
  /** Improvement after the repair: neither given, the repair alone. */
  search: { timeLimitMs?: number; maxIterations?: number; seed?: number };
}

export interface RetimeRun {
  status: "retimed" | "conflicts";
  record: Record<string, unknown>;
  /** Nothing to write when an edit cannot be kept. */
  sheets: ResultSheet[];
  summary: string;
  cards: JobCard[];
  exceptions: JobException[];
}

function view(shop: Shop, operations: readonly ScheduledOperation[], status: string, locks: ReadonlyMap<string, LockKind>): ScheduleSheetInput {
  const makespan = operations.reduce((m, op) => Math.max(m, op.end), 0);
  let tardiness = 0;
  const done = new Map<number, number>();
  for (const op of operations) done.set(op.job, Math.max(done.get(op.job) ?? 0, op.end));
  for (const [j, c] of done) { const due = shop.jobs[j].due; if (due !== undefined && c > due) tardiness += (shop.jobs[j].weight ?? 1) * (c - due); }
  return {
    operations, makespan, totalWeightedTardiness: tardiness, status, machineCount: shop.machines.length, locks,
    jobNames: shop.jobs.map((j) => j.id), machineNames: shop.machines,
    dueDates: shop.jobs.map((j) => j.due ?? Infinity), weights: shop.jobs.map((j) => j.weight ?? 1),
  };
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

/** The compare cards: each measure after the edits, with the last run's value and the change. */
export function compareCards(before: ScheduleMeasures | null, after: ScheduleMeasures, moved: number, shift: number): JobCard[] {
  const card = (label: string, key: keyof ScheduleMeasures): JobCard => ({
    label, value: after[key], detail: before ? `last run ${before[key]} (${signed(+(after[key] - before[key]).toPrecision(12))})` : undefined,
  });
  return [
    card("Makespan", "makespan"), card("Weighted tardiness", "totalWeightedTardiness"), card("Late orders", "lateOrders"),
    { label: "Moved operations", value: moved, detail: `against the last run; total shift ${+shift.toPrecision(12)}` },
  ];
}

/** The compare as text: one line per measure, last run → now. */
function compareText(before: ScheduleMeasures | null, after: ScheduleMeasures, moved: number, shift: number): string {
  const line = (label: string, key: keyof ScheduleMeasures) => `  ${label.padEnd(20)} ${String(before?.[key] ?? "-").padStart(10)} → ${String(after[key]).padStart(10)}\n`;
  return `                       last run →       now\n${line("makespan", "makespan")}${line("weighted tardiness", "totalWeightedTardiness")}${line("late orders", "lateOrders")}` +
    `  moved operations     ${String(moved).padStart(23)} (total shift ${+shift.toPrecision(12)})\n`;
}

/**
 * Re-times the shop around the edited rows. With status "conflicts" nothing is to be written and
 * the exceptions say which edits cannot be kept, each at its cell.
 * @example runRetime({ input, rows, label: "Schedule Operations", settings: {}, search: {} }).status // "retimed"
 */
export function runRetime(req: RetimeRequest): RetimeRun {
  const shop = applyCustomers(req.input.shop, req.input.customers);
  validateShop(shop);
  const rows = matchEditedRows(shop, req.rows, req.label);
  const r = retime(shop, rows, { ...req.search, objective: req.objective, moveWeight: req.settings.disruptionWeight, shiftWeight: req.settings.shiftWeight });
  const exceptions: JobException[] = r.conflicts.map((c) => ({ severity: c.severity, where: c.where, message: c.message }));
  const errors = r.conflicts.filter((c) => c.severity === "error").length;
  const edits = editCounts(rows, r);
  const conflicts = r.conflicts.map(({ severity, kind, where, message }) => ({ severity, kind, where, message }));
  if (r.status === "conflicts" || !r.after) {
    return {
      status: "conflicts", record: { conflicts, edits }, sheets: [], cards: [{ label: "Edits that cannot be kept", value: errors }], exceptions,
      summary: `re-time: ${errors} edit conflict${errors === 1 ? "" : "s"}; nothing written\n${r.conflicts.map((c) => `  ${c.severity} ${c.where ?? ""}: ${c.message}\n`).join("")}`,
    };
  }
  // aps-schedule/1 (docs/formats.md §4) with the re-time's additions: edits, compare, conflicts.
  const record: Record<string, unknown> = {
    format: "aps-schedule/1", makespan: r.after.makespan, totalWeightedTardiness: r.after.totalWeightedTardiness,
    operations: r.operations.map(({ job, step, machine, start, end }) => ({ job, step, machine, start, end })),
    status: r.statistics.timedOut ? "timeLimit" : "feasible", objective: r.objective,
    jobNames: shop.jobs.map((j) => j.id), machineNames: shop.machines,
    edits, compare: { lastRun: r.lastRun, after: r.after, movedOperations: r.movedOperations, totalStartShift: r.totalStartShift }, conflicts,
    statistics: r.statistics,
  };
  const locks = new Map(rows.filter((row) => row.lock).map((row) => [`${row.job}/${row.step}`, row.lock!]));
  const after = view(shop, r.operations, "re-timed", locks);
  const base: PublishedOperation[] = lastRunOperations(shop, rows);
  const changes = rescheduleChangesSheet(shop, base, r.operations, -Infinity);
  const sheets = [scheduleSheet(after), scheduleOperationsSheet(after), scheduleJobsSheet(after), { ...changes, name: "Re-time Changes", title: `Against the last run: ${r.movedOperations} operations moved (${count(edits.moved, "start")} moved by hand, ${count(edits.locks, "lock")} kept)` }];
  const warnings = r.conflicts.filter((c) => c.severity !== "error");
  return {
    status: "retimed", record, sheets, exceptions,
    cards: [...compareCards(r.lastRun, r.after, r.movedOperations, r.totalStartShift), { label: "Edits kept", value: edits.edited, detail: `${count(edits.edited, "operation")} edited: ${count(edits.moved, "start")} moved, ${edits.locks} locked (${r.locks.time} time, ${r.locks.machine} machine, ${r.locks.sequence} sequence)` }],
    summary: `re-time around ${count(edits.moved, "hand move")} and ${count(edits.locks, "lock")}: ${r.statistics.iterations > 0 ? `improved over ${r.statistics.iterations} iterations` : "repaired"}\n` +
      compareText(r.lastRun, r.after, r.movedOperations, r.totalStartShift) +
      warnings.map((c) => `  ${c.severity} ${c.where ?? ""}: ${c.message}\n`).join(""),
  };
}

/** What the planner changed: starts moved, machines changed, locks set, and the operations touched by any of them (one operation moved and locked counts once). */
function editCounts(rows: ReturnType<typeof matchEditedRows>, r: RetimeResult): { moved: number; machineChanges: number; locks: number; edited: number; held: number } {
  const moved = (row: (typeof rows)[number]) => Math.abs(row.start - row.runStart) > 1e-9;
  const machineChanged = (row: (typeof rows)[number]) => row.machine.trim().toLowerCase() !== row.runMachine.trim().toLowerCase();
  return {
    moved: rows.filter(moved).length,
    machineChanges: rows.filter(machineChanged).length,
    locks: rows.filter((row) => row.lock).length,
    edited: rows.filter((row) => moved(row) || machineChanged(row) || row.lock).length,
    held: r.held,
  };
}

/** The last run's operations: each row at its Run Start on its Run Machine (where that machine can run it, else its own). */
function lastRunOperations(shop: Shop, rows: readonly EditedRow[]): ScheduledOperation[] {
  const machineOf = new Map(shop.machines.map((m, i) => [m.toLowerCase(), i]));
  return rows.map((row) => {
    const spec = shop.jobs[row.job].operations[row.step];
    const run = machineOf.get(row.runMachine.trim().toLowerCase());
    const machine = run !== undefined && canRun(spec, run) ? run : spec.machine;
    return { job: row.job, step: row.step, machine, start: row.runStart, end: row.runStart + spec.duration };
  });
}

/**
 * Undo edits: the last run's schedule (Run Start, Run Machine, Run Lock) written back as it was.
 * @example undoEdits({ input, rows, label: "Schedule Operations" }).sheets[1].name // "Schedule Operations"
 */
export function undoEdits(req: Pick<RetimeRequest, "input" | "rows" | "label">): RetimeRun {
  const shop = applyCustomers(req.input.shop, req.input.customers);
  validateShop(shop);
  const rows = matchEditedRows(shop, req.rows, req.label);
  const operations: ScheduledOperation[] = lastRunOperations(shop, rows);
  const byKey = new Map(req.rows.map((row) => [`${row.job}/${row.step}`, row.runLock]));
  const locks = new Map<string, LockKind>();
  for (const row of rows) { const lock = byKey.get(`${shop.jobs[row.job].id}/${row.step}`); if (lock) locks.set(`${row.job}/${row.step}`, lock); }
  const undone = rows.filter((row) => Math.abs(row.start - row.runStart) > 1e-9 || row.machine !== row.runMachine || row.lock !== byKey.get(`${shop.jobs[row.job].id}/${row.step}`)).length;
  const v = view(shop, operations, "last run", locks);
  return {
    status: "retimed", exceptions: [],
    record: {
      format: "aps-schedule/1", makespan: v.makespan, totalWeightedTardiness: v.totalWeightedTardiness,
      operations: operations.map(({ job, step, machine, start, end }) => ({ job, step, machine, start, end })),
      status: "feasible", jobNames: shop.jobs.map((j) => j.id), machineNames: shop.machines, undoneRows: undone,
    },
    sheets: [scheduleSheet(v), scheduleOperationsSheet(v), scheduleJobsSheet(v)],
    cards: [{ label: "Rows restored", value: undone, detail: "Start, Machine and Lock as the last run wrote them" }, { label: "Makespan", value: v.makespan }, { label: "Weighted tardiness", value: v.totalWeightedTardiness }],
    summary: `undo edits: ${count(undone, "row")} restored to the last run\n`,
  };
}
