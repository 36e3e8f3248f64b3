// Set up: open and save a workbook file (browser mode only), insert example tables, use a selection as a table.
import * as React from "react";
import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Select, tokens } from "@fluentui/react-components";
import type { WorkbenchState } from "../workbench";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  hidden: { display: "none" },
});

export const INPUT_TABLE_NAMES = ["Stages", "Arcs", "Settings", "Operations", "Changeovers"];

export interface SetupTabProps {
  state: WorkbenchState;
  browserMode: boolean;
  canUseSelection: boolean;
  onOpen: (file: File) => void;
  onSave: () => void;
  onAcknowledgeCharts: () => void;
  onInsertExamples: (set: "network" | "schedule") => void;
  onUseSelectionAs: (table: string) => void;
}

export function SetupTab(props: SetupTabProps): React.JSX.Element {
  const { state, browserMode } = props;
  const styles = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [table, setTable] = React.useState("Stages");
  const [confirming, setConfirming] = React.useState(false);
  const wb = state.workbook;
  const save = () => {
    if (wb?.hasCharts && !state.chartsAcknowledged) setConfirming(true);
    else props.onSave();
  };
  return (
    <div className={styles.root}>
      {browserMode ? (
        <>
          <Body1>Outside Excel, the pane works on an .xlsx file: open it, plan and schedule, then save a copy with the result sheets.</Body1>
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => fileInput.current?.click()}>Open workbook…</Button>
            <input
              ref={fileInput} className={styles.hidden} type="file" aria-label="Workbook file (.xlsx)" tabIndex={-1}
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => { const f = e.target.files?.[0]; if (f) props.onOpen(f); e.target.value = ""; }}
            />
            <Button onClick={save} disabled={!wb}>Save workbook…</Button>
          </div>
          {confirming ? (
            <MessageBar intent="warning">
              <MessageBarBody>{wb?.name} has charts. The copy saved here will not keep them (the file library cannot write charts); your original file is unchanged.</MessageBarBody>
              <MessageBarActions>
                <Button onClick={() => { setConfirming(false); props.onAcknowledgeCharts(); props.onSave(); }}>Save without charts</Button>
                <Button onClick={() => setConfirming(false)}>Don&apos;t save</Button>
              </MessageBarActions>
            </MessageBar>
          ) : null}
        </>
      ) : null}
      {state.busy ? <Body1 role="status">{state.busy}</Body1> : null}
      {wb ? (
        <Body1 data-workbook>
          <strong>{wb.name}</strong>: {wb.tables.length > 0 ? `tables ${wb.tables.join(", ")}` : "no input tables yet"}
          {wb.sheets.length > 0 ? <Caption1 block>Sheets: {wb.sheets.join(", ")}</Caption1> : null}
        </Body1>
      ) : null}
      <div className={styles.row}>
        <Button onClick={() => props.onInsertExamples("network")}>Insert example network tables</Button>
        <Button onClick={() => props.onInsertExamples("schedule")}>Insert example schedule tables</Button>
      </div>
      <Caption1>Examples go on new sheets (Stages, Arcs, Settings; Operations, Changeovers) and never touch existing content.</Caption1>
      {props.canUseSelection ? (
        <div className={styles.row}>
          <Field label="Table the selection holds">
            <Select value={table} onChange={(_, d) => setTable(d.value)}>
              {INPUT_TABLE_NAMES.map((t) => <option key={t}>{t}</option>)}
            </Select>
          </Field>
          <Button onClick={() => props.onUseSelectionAs(table)}>Use selection as {table}</Button>
        </div>
      ) : null}
    </div>
  );
}
