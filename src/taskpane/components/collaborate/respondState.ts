// The Respond view's state and reducer: the package a partner opened in browser mode, the entries it
// types (Commitments and, with Period Requests, deliveries by period), the problems of the last check
// (re-checked on every edit once checked), the stage shown in the period grid and the last notice.
// Pure: no DOM, no ExcelJS (the file work happens in useRespond through a lazily loaded module).

import { checkEntries, type EntryProblem } from "../../../workbook/collaborate/entryChecks";
import type { CommitmentEntry, EntryField } from "../../../workbook/collaborate/commitmentEntry";
import type { ResponseForm } from "../../../workbook/collaborate/responseForm";
import { checkPeriodEntries, type PeriodEntry, type PeriodEntryProblem } from "../../../workbook/collaborate/periodEntry";

export interface RespondNotice {
  intent: "success" | "info" | "warning" | "error";
  text: string;
}

export interface RespondState {
  /** The file last chosen (kept until the pane knows whether it is a package). */
  file: { name: string; bytes: Uint8Array } | null;
  form: ResponseForm | null;
  entries: CommitmentEntry[];
  /** null until Check (or Save) was pressed. */
  problems: EntryProblem[] | null;
  /** The Deliveries by period entries (empty without Period Requests) and their problems (null until checked). */
  periods: PeriodEntry[];
  periodProblems: PeriodEntryProblem[] | null;
  /** The stage whose periods the grid shows. */
  periodStage: string;
  busy: boolean;
  notice: RespondNotice | null;
}

export type RespondAction =
  | { type: "fileChosen"; name: string; bytes: Uint8Array }
  | { type: "loading" }
  | { type: "formLoaded"; form: ResponseForm }
  | { type: "notPackage" }
  | { type: "failed"; message: string }
  | { type: "edited"; row: number; field: EntryField; value: string }
  | { type: "periodEdited"; row: number; value: string }
  | { type: "periodStageChosen"; stage: string }
  | { type: "checked" }
  | { type: "saved"; text: string };

export const initialRespond: RespondState = { file: null, form: null, entries: [], problems: null, periods: [], periodProblems: null, periodStage: "", busy: false, notice: null };

const problemsOf = (form: ResponseForm, entries: CommitmentEntry[]) => checkEntries(entries, form.reasonCodes, form.requests);

/** The problems of the period entries: the merge's rules (periodEntry). */
export const periodProblemsOf = (form: ResponseForm, periods: readonly PeriodEntry[]) => checkPeriodEntries(periods, form.facts.partner, form.stages, form.horizon);

/** A sentence for the notice after a check (of both grids). */
export function checkSummary(problems: readonly { severity: "error" | "warning" }[]): RespondNotice {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return { intent: "success", text: "Every entry is valid: save the response and send it back." };
  const parts = [errors > 0 ? `${errors} error${errors === 1 ? "" : "s"} to fix before saving` : "", warnings > 0 ? `${warnings} warning${warnings === 1 ? "" : "s"}` : ""].filter(Boolean);
  return { intent: errors > 0 ? "error" : "warning", text: `Checked: ${parts.join(" and ")}.` };
}

export function respondReducer(state: RespondState, action: RespondAction): RespondState {
  switch (action.type) {
    case "fileChosen":
      return { ...initialRespond, file: { name: action.name, bytes: action.bytes } };
    case "loading":
      return { ...state, busy: true };
    case "formLoaded":
      return { ...state, busy: false, form: action.form, entries: action.form.entries.map((e) => ({ ...e })), problems: null,
        periods: action.form.periods.map((p) => ({ ...p })), periodProblems: null, periodStage: action.form.periods[0]?.stage ?? "",
        notice: action.form.notes.length > 0 ? { intent: "warning", text: `Some cells were not read: ${action.form.notes.slice(0, 3).join(" ")}` } : null };
    case "notPackage":
      return { ...initialRespond };
    case "failed":
      return { ...state, busy: false, notice: { intent: "error", text: action.message } };
    case "edited": {
      if (!state.form) return state;
      const entries = state.entries.map((e, k) => (k === action.row ? { ...e, [action.field]: action.value } : e));
      return { ...state, entries, problems: state.problems ? problemsOf(state.form, entries) : null };
    }
    case "periodEdited": {
      if (!state.form) return state;
      const periods = state.periods.map((p, k) => (k === action.row ? { ...p, quantity: action.value } : p));
      return { ...state, periods, periodProblems: state.periodProblems ? periodProblemsOf(state.form, periods) : null };
    }
    case "periodStageChosen":
      return state.periods.some((p) => p.stage === action.stage) ? { ...state, periodStage: action.stage } : state;
    case "checked": {
      if (!state.form) return state;
      const problems = problemsOf(state.form, state.entries);
      const periodProblems = periodProblemsOf(state.form, state.periods);
      return { ...state, problems, periodProblems, notice: checkSummary([...problems, ...periodProblems]) };
    }
    case "saved":
      return { ...state, busy: false, notice: { intent: "success", text: action.text } };
  }
}
