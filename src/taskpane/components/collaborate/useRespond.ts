// The Respond view's side effects: when the file opened in browser mode is a partner package (it has
// Package and Commitments sheets), read it as a form; Save writes the commitments into the package and
// downloads it. The .xlsx work loads ExcelJS on first use only (a separate chunk).

import * as React from "react";
import { checkEntries } from "../../../workbook/collaborate/entryChecks";
import type { EntryField } from "../../../workbook/collaborate/commitmentEntry";
import type { WorkbookInfo } from "../../workbench";
import { cellId } from "./CommitmentGrid";
import { looksLikePackage } from "./packageSheets";

export { looksLikePackage } from "./packageSheets";
import { checkSummary, initialRespond, respondReducer, type RespondState } from "./respondState";

export interface RespondActions {
  edit: (row: number, field: EntryField, value: string) => void;
  check: () => void;
  save: () => void;
  focusCell: (row: number, field: EntryField) => void;
}

export interface Respond {
  /** Call with every file the user opens (the pane decides later whether it is a package). */
  fileOpened: (file: File) => void;
  state: RespondState;
  actions: RespondActions;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));


function focusCell(row: number, field: EntryField): void {
  const el = document.getElementById(cellId(row, field));
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

  const actions = React.useMemo<RespondActions>(() => ({
    edit: (row, field, value) => dispatch({ type: "edited", row, field, value }),
    check: () => {
      dispatch({ type: "checked" });
      const s = stateRef.current;
      const problems = s.form ? checkEntries(s.entries, s.form.reasonCodes, s.form.requests) : [];
      const first = problems.find((p) => p.severity === "error") ?? problems[0];
      if (first) setTimeout(() => focusCell(first.row, first.field), 0);
    },
    save: () => {
      const s = stateRef.current;
      if (!s.form || !s.file || s.busy) return;
      const problems = checkEntries(s.entries, s.form.reasonCodes, s.form.requests);
      const error = problems.find((p) => p.severity === "error");
      if (error) {
        dispatch({ type: "checked" });
        setTimeout(() => focusCell(error.row, error.field), 0);
        return;
      }
      const { form, file: source, entries } = s;
      dispatch({ type: "loading" });
      void import("../../../workbook/collaborate/responseWriter")
        .then(async ({ writeCommitments, responseName }) => {
          const bytes = await writeCommitments(source.bytes, form, entries);
          const name = responseName(source.name);
          download(bytes, name);
          const warned = problems.length > 0 ? ` (${checkSummary(problems).text.replace(/^Checked: /, "").replace(/\.$/, "")})` : "";
          dispatch({ type: "saved", text: `Saved ${name}${warned}. Send it to the buyer before ${form.facts.deadline}.` });
        })
        .catch((e: unknown) => dispatch({ type: "failed", message: messageOf(e) }));
    },
    focusCell,
  }), [download]);

  const fileOpened = React.useCallback((f: File) => {
    void f.arrayBuffer().then((buffer) => dispatch({ type: "fileChosen", name: f.name, bytes: new Uint8Array(buffer) }));
  }, []);

  return { fileOpened, state, actions };
}
