// A partner's Period Commitments row as typed in the pane's "Deliveries by period" grid, checked by the
// response reader's quantity rule and the merge's own reconciliation (what the buyer's merge will say).

import { reconcilePeriodCommitments } from "../../engine/collaborate/periodReconcile";
import type { PeriodCommitment } from "../../engine/collaborate/types";
import { parseFigure } from "./entryChecks";

/** A stage and period the partner may commit to: what was requested (null for a period on record only) and the typed quantity. */
export interface PeriodEntry {
  stage: string;
  period: number;
  /** The period's first day (yyyy-mm-dd) where the package gives it. */
  date: string | null;
  requested: number | null;
  quantity: string;
}

export interface PeriodEntryProblem {
  /** Index of the entry in the form's period entries. */
  row: number;
  stage: string;
  period: number;
  /** An error stops the save (the merge would not read the cell); a warning is what the merge reports. */
  severity: "error" | "warning";
  message: string;
}

/** Why a Period Commitments quantity is not read (null: it is). The reader of responses applies the same rule to a cell. */
export function periodQuantityProblem(quantity: number): string | null {
  if (!Number.isFinite(quantity)) return "Quantity must be a finite number";
  return quantity < 0 ? `Quantity ${quantity} is negative` : null;
}

/** A typed quantity as the merge would read it: blank, a quantity, or the reason it is not read. */
export function parsePeriodQuantity(typed: string): { quantity: number | null } | { problem: string } {
  const t = typed.trim();
  if (t === "") return { quantity: null };
  if (/^-/.test(t) && Number.isFinite(Number(t)) && Number(t) !== 0) return { problem: `${periodQuantityProblem(Number(t))}: it must be 0 or more.` };
  const value = parseFigure(t);
  if (value === null || !Number.isFinite(value)) return { problem: `Quantity must be a number such as 120 (got ${JSON.stringify(t.slice(0, 20))}).` };
  const problem = periodQuantityProblem(value);
  return problem ? { problem: `${problem}.` } : { quantity: value };
}

const whereOf = (row: number) => `row:${row}`;

/** The entries with a quantity, as the merge reads a response's Period Commitments rows (where = the entry's row). */
export function periodCommitmentsOf(entries: readonly PeriodEntry[]): PeriodCommitment[] {
  return entries.flatMap((e, row) => {
    const parsed = parsePeriodQuantity(e.quantity);
    return "quantity" in parsed && parsed.quantity !== null ? [{ stage: e.stage, period: e.period, quantity: parsed.quantity, where: whereOf(row) }] : [];
  });
}

/**
 * The problems of the typed period commitments, in grid order: a quantity the merge would not read is an
 * error; then the merge's reconciliation (tolerance 0: every shortfall, rows it ignores, a stage left
 * without any answer) as warnings on the row they concern.
 */
export function checkPeriodEntries(entries: readonly PeriodEntry[], partner: string, stages: readonly string[], horizon: number): PeriodEntryProblem[] {
  const problems: PeriodEntryProblem[] = [];
  entries.forEach((e, row) => {
    const parsed = parsePeriodQuantity(e.quantity);
    if ("problem" in parsed) problems.push({ row, stage: e.stage, period: e.period, severity: "error", message: parsed.problem });
  });
  const requests = entries.flatMap((e) => (e.requested === null ? [] : [{ stage: e.stage, period: e.period, date: e.date, quantity: e.requested }]));
  const exceptions = reconcilePeriodCommitments({
    partner: partner || "You", stages, requests, commitments: periodCommitmentsOf(entries), horizon,
    tolerance: { time: 0, quantityPercent: 0 }, tableWhere: "",
  });
  for (const x of exceptions) {
    const at = x.where?.startsWith("row:") ? Number(x.where.slice(4)) : entries.findIndex((e) => e.stage === x.stage);
    if (at < 0) continue;
    problems.push({ row: at, stage: entries[at].stage, period: entries[at].period, severity: "warning", message: x.message });
  }
  return problems.sort((a, b) => a.row - b.row);
}
