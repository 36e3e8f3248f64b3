// One job's tab: what it does, its options (unless they live on the Options tab), and its run.
import * as React from "react";
import { Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { JobOption, WorkbookJob } from "../../workbook/jobs/types";
import { effectiveOptions, runOf, type WorkbenchState } from "../workbench";
import { OptionField } from "./OptionField";
import { RunPanel } from "./RunPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  options: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

export interface JobTabProps {
  job: WorkbookJob;
  state: WorkbenchState;
  /** Show the options here (false for Plan: its options are on the Options tab). */
  showOptions: boolean;
  onRun: () => void;
  onCancel: () => void;
  onGoTo: (place: string) => void;
  onOption: (name: string, value: JobOption["default"]) => void;
}

export function JobTab({ job, state, showOptions, onRun, onCancel, onGoTo, onOption }: JobTabProps): React.JSX.Element {
  const styles = useStyles();
  const values = effectiveOptions(state, job);
  return (
    <div className={styles.root}>
      <Body1>{job.description}</Body1>
      {job.requiredTables.length > 0 ? <Body1>Reads: {job.tables.join(", ")} (needs {job.requiredTables.join(", ")}).</Body1> : <Body1>Reads: {job.tables.join(", ")}.</Body1>}
      {showOptions && job.options.length > 0 ? (
        <div className={styles.options}>
          {job.options.map((o) => <OptionField key={o.name} option={o} value={values[o.name]} onChange={(v) => onOption(o.name, v)} />)}
        </div>
      ) : null}
      <RunPanel title={job.title} runLabel={`Run ${job.title.toLowerCase()}`} run={runOf(state, job.id)} disabled={!state.workbook} onRun={onRun} onCancel={onCancel} onGoTo={onGoTo} />
    </div>
  );
}
