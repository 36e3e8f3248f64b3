// Check: validates the input tables and lists every problem; each goes to its cell.
import * as React from "react";
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import { runOf, type WorkbenchState } from "../workbench";
import { RunPanel } from "./RunPanel";

const useStyles = makeStyles({ root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM } });

export interface CheckTabProps {
  state: WorkbenchState;
  onCheck: () => void;
  onGoTo: (place: string) => void;
}

export function CheckTab({ state, onCheck, onGoTo }: CheckTabProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1>Checks Stages, Arcs, Settings, Operations and Changeovers and lists every problem with its cell.</Body1>
      <RunPanel title="Check" runLabel="Check tables" run={runOf(state, "check")} disabled={!state.workbook} onRun={onCheck} onCancel={() => undefined} onGoTo={onGoTo} />
    </div>
  );
}
