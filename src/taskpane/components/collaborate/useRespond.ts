// The Respond view's side effects: when the file opened in browser mode is a partner package (it has
// Package and Commitments sheets), read it as a form; Save writes the commitments (and the deliveries by
// period) into the package and downloads it. The .xlsx work loads ExcelJS on first use only (a separate chunk).

import * as React from "react";
import { checkEntries } from "../../../workbook/collaborate/entryChecks";
import type { EntryField } from "../../../workbook/collaborate/commitmentEntry";
import type { WorkbookInfo } from "../../workbench";
import { cellId } from "./CommitmentGrid";
import { periodCellId } from "./PeriodGrid";
import { looksLikePackage } from "./packageSheets";

export { looksLikePackage } from "./packageSheets";
import { checkSummary, initialRespond, periodProblemsOf, respondReducer, type RespondState } from "./respondState";

export interface RespondActions {
  edit: (row: number, field: EntryField, value: string) => void;
  check: () => void;
  save: () => void;
  focusCell: (row: number, field: EntryField) => void;
  editPeriod: (row: number, value: string) => void;
  choosePeriodStage: (stage: string) => void;
  /** Shows the entry's stage in the period grid and focuses its quantity. */
  focusPeriod: (row: number) => void;
}

export interface Respond {
  /** Call with every file the user opens (the pane decides later whether it is a package). */
  fileOpened: (file: File) => void;
  state: RespondState;
  actions: RespondActions;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));


function focusCell(row: number, field: EntryField): void {
  focusElement(cellId(row, field));
}

function focusElement(id: string): void {
  const el = document.getElementById(id);
  if (el) {
    el.scrollIntoView({ block: "center" });
    el.focus();
  }
}

export function useRespond(workbook: WorkbookInfo | null, download: (bytes: Uint8Array, name: string) => void): Respond {
  const [state, dispatch] = React.useReducer(respondReducer, initialRespond);
  const stateRef = React.useRef(state);
  stateRef.current = state;

  const file = state.file;
  React.useEffect(() => {
    if (!file || state.form || state.busy || !workbook || workbook.name !== file.name) return;
    if (!looksLikePackage(workbook.sheets)) {
      dispatch({ type: "notPackage" });
      return;
    }
    dispatch({ type: "loading" });
    void import("../../../workbook/collaborate/responseForm")
      .then(({ readResponseForm }) => readResponseForm({ name: file.name, bytes: file.bytes }))
      .then((read) => {
        if (read.kind === "form") dispatch({ type: "formLoaded", form: read.form });
        else if (read.kind === "notPackage") dispatch({ type: "notPackage" });
        else dispatch({ type: "failed", message: read.errors.slice(0, 3).join(" ") });
      }, (error: unknown) => dispatch({ type: "failed", message: `${file.name} could not be read as a package: ${messageOf(error)}` }));
  }, [file, workbook, state.form, state.busy]);

  const actions = React.useMemo<RespondActions>(() => {
    const focusPeriod = (row: number) => {
      const entry = stateRef.current.periods[row];
      if (!entry) return;
      dispatch({ type: "periodStageChosen", stage: entry.stage });
      setTimeout(() => focusElement(periodCellId(row)), 0);
    };
    /** Focuses the first problem (errors before warnings, Commitments before periods); true when it is an error. */
    const focusFirst = (s: RespondState, errorsOnly: boolean): boolean => {
      if (!s.form) return false;
      const problems = checkEntries(s.entries, s.form.reasonCodes, s.form.requests);
      const periodProblems = periodProblemsOf(s.form, s.periods);
      const error = problems.find((p) => p.severity === "error");
      const periodError = periodProblems.find((p) => p.severity === "error");
      if (error) setTimeout(() => focusCell(error.row, error.field), 0);
      else if (periodError) focusPeriod(periodError.row);
      else if (!errorsOnly && problems[0]) setTimeout(() => focusCell(problems[0].row, problems[0].field), 0);
      else if (!errorsOnly && periodProblems[0]) focusPeriod(periodProblems[0].row);
      return Boolean(error ?? periodError);
    };
    return {
    edit: (row, field, value) => dispatch({ type: "edited", row, field, value }),
    editPeriod: (row, value) => dispatch({ type: "periodEdited", row, value }),
    choosePeriodStage: (stage) => dispatch({ type: "periodStageChosen", stage }),
    check: () => {
      dispatch({ type: "checked" });
      focusFirst(stateRef.current, false);
    },
    save: () => {
      const s = stateRef.current;
      if (!s.form || !s.file || s.busy) return;
      if (focusFirst(s, true)) {
        dispatch({ type: "checked" });
        return;
      }
      const problems = [...checkEntries(s.entries, s.form.reasonCodes, s.form.requests), ...periodProblemsOf(s.form, s.periods)];
      const { form, file: source, entries, periods } = s;
      dispatch({ type: "loading" });
      void import("../../../workbook/collaborate/responseWriter")
        .then(async ({ writeCommitments, responseName }) => {
          const bytes = await writeCommitments(source.bytes, form, entries, periods);
          const name = responseName(source.name);
          download(bytes, name);
          const warned = problems.length > 0 ? ` (${checkSummary(problems).text.replace(/^Checked: /, "").replace(/\.$/, "")})` : "";
          dispatch({ type: "saved", text: `Saved ${name}${warned}. Send it to the buyer before ${form.facts.deadline}.` });
        })
        .catch((e: unknown) => dispatch({ type: "failed", message: messageOf(e) }));
    },
    focusCell,
    focusPeriod,
    };
  }, [download]);

  const fileOpened = React.useCallback((f: File) => {
    void f.arrayBuffer().then((buffer) => dispatch({ type: "fileChosen", name: f.name, bytes: new Uint8Array(buffer) }));
  }, []);

  return { fileOpened, state, actions };
}
