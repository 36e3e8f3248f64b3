// "Compare files…" on the Scenarios tab: pick two or more network files (.xlsx or aps-network/1
// .json), choose which is the base, and compare them as `aps compare` does; the comparison sheets are
// written into this workbook, the cards and exceptions shown below.
import * as React from "react";
import { Body1, Button, Caption1, Field, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import type { WorkbookJob } from "../../workbook/jobs/types";
import { runOf, type WorkbenchState } from "../workbench";
import { type Fold, JobFold } from "./JobFold";
import { RunPanel } from "./RunPanel";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hidden: { display: "none" },
});

export type PickedFile = { name: string; bytes: Uint8Array };

/** The files in the order compared: the base first, the others as picked. */
export function baseFirst(files: readonly PickedFile[], base: number): PickedFile[] {
  if (base <= 0 || base >= files.length) return [...files];
  return [files[base], ...files.filter((_, k) => k !== base)];
}

export interface CompareFilesProps {
  job: WorkbookJob;
  state: WorkbenchState;
  onCompare: (files: PickedFile[]) => void;
  onCancel: () => void;
  onGoTo: (place: string) => void;
  /** On a step with several jobs: the form opens and closes under its heading (JobFold). */
  fold?: Fold;
}

export function CompareFiles({ job, state, onCompare, onCancel, onGoTo, fold }: CompareFilesProps): React.JSX.Element {
  const styles = useStyles();
  const picker = React.useRef<HTMLInputElement>(null);
  const [files, setFiles] = React.useState<PickedFile[]>([]);
  const [base, setBase] = React.useState(0);
  const pick = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    void Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))).then((read) => {
      setFiles(read);
      setBase(0);
    });
  };
  const run = runOf(state, job.id);
  return (
    <JobFold headingId="compare-files" title={job.title} fold={fold} phase={run.phase}>
      <Body1>{job.description} The comparison sheets and the base file&apos;s plan are written into this workbook.</Body1>
      <div className={styles.row}>
        <Button onClick={() => picker.current?.click()}>Compare files…</Button>
        <input ref={picker} className={styles.hidden} type="file" multiple accept={job.takesFiles?.accept ?? ".xlsx,.json"} aria-label={job.takesFiles?.label ?? "Network files"} tabIndex={-1}
          onChange={(e) => { pick(e.target.files); e.target.value = ""; }} />
        <Caption1>{files.length === 0 ? "No file picked yet." : files.length === 1 ? `Picked ${files[0].name}: pick two or more files.` : `Picked ${files.length} files.`}</Caption1>
      </div>
      {files.length >= 2 ? (
        <Field label="Base (the others are compared against it)">
          <RadioGroup value={String(base)} onChange={(_, d) => setBase(Number(d.value))}>
            {files.map((f, k) => <Radio key={`${k}-${f.name}`} value={String(k)} label={f.name} />)}
          </RadioGroup>
        </Field>
      ) : null}
      <RunPanel title={job.title} runLabel="Compare the files" run={run} disabled={files.length < 2}
        onRun={() => onCompare(baseFirst(files, base))} onCancel={onCancel} onGoTo={onGoTo} />
    </JobFold>
  );
}
