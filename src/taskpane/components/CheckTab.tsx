// Check: validates the input tables and lists every problem; each goes to its cell.
import * as React from "react";
import { Body1, Body1Strong, makeStyles, tokens } from "@fluentui/react-components";
import { runOf, type WorkbenchState } from "../workbench";
import { RunPanel } from "./RunPanel";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM }, heading: { margin: 0 } });

export interface CheckTabProps {
  state: WorkbenchState;
  onCheck: () => void;
  onGoTo: (place: string) => void;
}

export function CheckTab({ state, onCheck, onGoTo }: CheckTabProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="job-check">
      <Body1Strong as="h3" id="job-check" className={styles.heading}>Check the tables</Body1Strong>
      <Body1>Checks Stages, Arcs, Settings, Operations and Changeovers and lists every problem with its cell.</Body1>
      <RunPanel title="Check" runLabel="Check tables" run={runOf(state, "check")} disabled={!state.workbook} onRun={onCheck} onCancel={() => undefined} onGoTo={onGoTo} />
    </section>
  );
}
