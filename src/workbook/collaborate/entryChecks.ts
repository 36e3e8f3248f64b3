// Checks a partner's typed commitments before they are saved: figures are numbers of 0 or more, the
// reason code is one of the package's list (and given where the answer differs from the plan), the
// comment fits, and text that a spreadsheet would take for a formula is flagged (it is saved as text).

import type { CommitmentFigures } from "../../engine/collaborate/types";
import type { CommitmentEntry, EntryField, RequestFacts } from "./commitmentEntry";
import { COMMENT_LIMIT } from "./packageFormat";
import { looksLikeFormula } from "./safeText";

export interface EntryProblem {
  /** Index of the entry (0 = the first stage). */
  row: number;
  stage: string;
  field: EntryField;
  /** An error stops the save; a warning is shown and the save goes ahead. */
  severity: "error" | "warning";
  message: string;
}

/** An entry's figures as numbers (blank = null), the way the writer stores them. */
export type ParsedEntry = CommitmentFigures;

const FIGURES = [
  ["committedRate", "Committed Rate"],
  ["committedServiceTime", "Committed Service Time"],
  ["onHand", "On Hand"],
] as const;

/** A typed figure as a number: blank is null, "1 234,5" and "1,234.5" are not guessed at (NaN). */
export function parseFigure(typed: string): number | null {
  const t = typed.trim();
  if (t === "") return null;
  if (!/^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number.NaN;
  return Number(t);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The problems of every entry, in grid order (row, then column). */
export function checkEntries(entries: readonly CommitmentEntry[], reasonCodes: readonly string[], requests: Record<string, RequestFacts> = {}): EntryProblem[] {
  const problems: EntryProblem[] = [];
  entries.forEach((entry, row) => {
    const add = (field: EntryField, severity: EntryProblem["severity"], message: string) => problems.push({ row, stage: entry.stage, field, severity, message });
    const values: Partial<Record<EntryField, number | null>> = {};
    for (const [field, header] of FIGURES) {
      const typed = entry[field].trim();
      const value = parseFigure(typed);
      if (value !== null && !Number.isFinite(value)) {
        add(field, "error", typed.startsWith("-") ? `${header} must be 0 or more (got ${JSON.stringify(typed.slice(0, 20))}).` : `${header} must be a number such as 12.5 (got ${JSON.stringify(typed.slice(0, 20))}).`);
        values[field] = null;
      } else values[field] = value;
    }
    const request = requests[entry.stage];
    const rate = values.committedRate ?? null;
    if (rate !== null && request?.demandRate !== null && request?.demandRate !== undefined && rate <= request.demandRate) {
      add("committedRate", "warning", `Committed Rate ${rate} does not cover the demand rate ${request.demandRate}: the buyer's plan cannot use it.`);
    }
    const figures = FIGURES.filter(([f]) => values[f] !== null && values[f] !== undefined).length;
    const badFigures = FIGURES.some(([f]) => entry[f].trim() !== "" && values[f] === null);
    if (figures === 0 && !badFigures) add("committedRate", "warning", "No figure given: the buyer will see this stage as not answered.");
    const code = entry.reasonCode.trim();
    if (code !== "" && !reasonCodes.some((c) => c.toLowerCase() === code.toLowerCase())) {
      add("reasonCode", "error", `Reason Code ${JSON.stringify(code.slice(0, 30))} is not one of the list (${reasonCodes.join(", ")}).`);
    }
    const differs = (rate !== null && request?.plannedRate != null && !close(rate, request.plannedRate))
      || (values.committedServiceTime != null && request?.serviceTimeAssumed != null && !close(values.committedServiceTime, request.serviceTimeAssumed));
    if (differs && code === "") add("reasonCode", "error", "Reason Code is required where the commitment differs from the plan's request.");
    if (entry.comment.length > COMMENT_LIMIT) add("comment", "error", `Comment is ${entry.comment.length} characters; at most ${COMMENT_LIMIT}.`);
    if (looksLikeFormula(entry.comment)) {
      add("comment", "warning", "Comment starts like a formula (=, +, -, @, a tab or a line break): it is saved as text and the buyer's workbook shows it with a leading apostrophe.");
    }
  });
  return problems;
}

/** The entries as the writer stores them (call after checkEntries found no error). */
export function parseEntries(entries: readonly CommitmentEntry[], reasonCodes: readonly string[]): ParsedEntry[] {
  return entries.map((e) => {
    const figure = (t: string) => {
      const v = parseFigure(t);
      return v !== null && Number.isFinite(v) ? v : null;
    };
    const code = e.reasonCode.trim();
    return {
      stage: e.stage,
      committedRate: figure(e.committedRate), committedServiceTime: figure(e.committedServiceTime), onHand: figure(e.onHand),
      reasonCode: code === "" ? null : reasonCodes.find((c) => c.toLowerCase() === code.toLowerCase()) ?? code,
      comment: e.comment.trim() === "" ? null : e.comment,
    };
  });
}
