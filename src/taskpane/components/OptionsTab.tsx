// Options: the plan's placement and rate methods, time limits and default service level, kept with the workbook.
import * as React from "react";
import { Body1, Button, makeStyles, tokens } from "@fluentui/react-components";
import type { JobOption, WorkbookJob } from "../../workbook/jobs/types";
import { effectiveOptions, type WorkbenchState } from "../workbench";
import { OptionField } from "./OptionField";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

export interface OptionsTabProps {
  state: WorkbenchState;
  /** The jobs and which of their options this tab shows. */
  sections: { job: WorkbookJob; names: string[] }[];
  onOption: (jobId: string, name: string, value: JobOption["default"]) => void;
  onSave: () => void;
}

export function OptionsTab({ state, sections, onOption, onSave }: OptionsTabProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Body1>Defaults for every run. A Settings table in the workbook, where it names the same setting, wins.</Body1>
      {sections.map(({ job, names }) => {
        const values = effectiveOptions(state, job);
        return job.options.filter((o) => names.includes(o.name)).map((o) => (
          <OptionField key={`${job.id}.${o.name}`} option={{ ...o, label: `${job.title}: ${o.label}` }} value={values[o.name]} onChange={(v) => onOption(job.id, o.name, v)} />
        ));
      })}
      <div>
        <Button appearance="primary" onClick={onSave}>Save options</Button>
      </div>
    </div>
  );
}
