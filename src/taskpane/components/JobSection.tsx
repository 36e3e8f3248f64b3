// One job inside its workflow step: what it does and reads (plain sentences), the files it takes, its
// options beside its run, the run itself, the files to download and the picture of its result.
import * as React from "react";
import { Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { JobOption, WorkbookJob } from "../../workbook/jobs/types";
import { choiceKey } from "../choices";
import type { FileOffer } from "../file/openWorkbook";
import { readsSentence } from "../steps";
import { effectiveOptions, runOf, type WorkbenchState } from "../workbench";
import { CompareFiles } from "./CompareFiles";
import { type Fold, JobFold } from "./JobFold";
import { ResultFigure } from "./figures/ResultFigure";
import { OptionField } from "./OptionField";
import { RunPanel } from "./RunPanel";

const useStyles = makeStyles({
  options: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  hidden: { display: "none" },
  wrap: { overflowWrap: "anywhere" },
});

export interface JobSectionActions {
  /** `files`: what the user picked for a job that takes files (merge's responses). */
  run: (jobId: string, files?: { name: string; bytes: Uint8Array }[]) => void;
  cancel: (jobId: string) => void;
  goTo: (place: string) => void;
  setOption: (jobId: string, name: string, value: JobOption["default"]) => void;
  saveOptions: () => void;
  /** Compare files…: the picked network files, the base first. */
  compareFiles: (files: { name: string; bytes: Uint8Array }[]) => void;
  /** Downloads the job's last result as the command's JSON. */
  downloadResult: (jobId: string) => void;
}

export interface JobSectionProps {
  job: WorkbookJob;
  state: WorkbenchState;
  actions: JobSectionActions;
  /** How a result's file is offered: opened as a new workbook in Excel, downloaded in browser mode (file/openWorkbook.ts). */
  offer: FileOffer;
  /** Browser mode: a finished run offers its JSON result as a download. */
  jsonDownload?: boolean;
  /** On a step with several jobs: the job's form opens and closes under its heading (JobFold). */
  fold?: Fold;
}

type Picked = { name: string; bytes: Uint8Array }[];

export function JobSection({ job, state, actions, offer, jsonDownload = false, fold }: JobSectionProps): React.JSX.Element {
  const [offerError, setOfferError] = React.useState<string | null>(null);
  const hand = (f: { bytes: Uint8Array; name: string; mime: string }) => {
    setOfferError(null);
    offer.offer(f.bytes, f.name, f.mime).catch((error: unknown) => setOfferError(`${f.name} could not be opened: ${error instanceof Error ? error.message : String(error)}`));
  };
  const styles = useStyles();
  const picker = React.useRef<HTMLInputElement>(null);
  const [picked, setPicked] = React.useState<Picked>([]);
  if (job.takesFiles?.networks) {
    return <CompareFiles job={job} state={state} onCompare={actions.compareFiles} onCancel={() => actions.cancel(job.id)} onGoTo={actions.goTo} fold={fold} />;
  }
  const pick = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    void Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))).then(setPicked);
  };
  const values = effectiveOptions(state, job);
  const run = runOf(state, job.id);
  const files = run.output?.files ?? [];
  return (
    <JobFold headingId={`job-${job.id}`} title={job.title} fold={fold} phase={run.phase}>
      <Body1 className={styles.wrap}>{job.description} {readsSentence(job)}</Body1>
      {job.takesFiles ? (
        <div className={styles.row}>
          <Button onClick={() => picker.current?.click()}>{job.takesFiles.pickLabel ?? `Pick ${job.takesFiles.multiple ? "files" : "a file"}…`}</Button>
          <input ref={picker} className={styles.hidden} type="file" multiple={job.takesFiles.multiple} accept={job.takesFiles.accept} aria-label={job.takesFiles.label} tabIndex={-1}
            onChange={(e) => { pick(e.target.files); e.target.value = ""; }} />
          <Caption1 className={styles.wrap}>{picked.length > 0 ? `Picked: ${picked.map((r) => r.name).join(", ")}` : "Nothing picked yet."}</Caption1>
        </div>
      ) : null}
      {job.options.length > 0 ? (
        <div className={styles.options} role="group" aria-label={`${job.title}: options`}>
          {job.options.map((o) => (
            <OptionField key={o.name} option={o} value={values[o.name]} choices={o.choicesFrom ? state.choices[choiceKey(o.choicesFrom)] : undefined}
              onChange={(v) => actions.setOption(job.id, o.name, v)} />
          ))}
          <div>
            <Button size="small" appearance="subtle" onClick={actions.saveOptions}>Keep these options with the workbook</Button>
          </div>
        </div>
      ) : null}
      <RunPanel title={job.title} runLabel={`Run ${job.title.toLowerCase()}`} run={run} disabled={!state.workbook}
        onRun={() => actions.run(job.id, job.takesFiles ? picked : undefined)} onCancel={() => actions.cancel(job.id)} onGoTo={actions.goTo} />
      {jsonDownload && run.output?.hasJson && (run.phase === "done" || run.phase === "stopped") ? (
        <div className={styles.row}>
          <Button size="small" className={styles.wrap} aria-label={`${job.title}: download result (JSON)`} onClick={() => actions.downloadResult(job.id)}>Download result (JSON)</Button>
        </div>
      ) : null}
      {files.length > 0 ? (
        <div className={styles.row} aria-label={`${job.title}: files to download`}>
          {files.map((f) => <Button key={f.name} appearance="primary" className={styles.wrap} onClick={() => hand(f)}>{offer.verb} {f.name}</Button>)}
          {offer.verb === "Open" ? <Caption1>Each opens as a new workbook: save it, then send it.</Caption1> : null}
          {offerError ? <Caption1 role="alert">{offerError}</Caption1> : null}
        </div>
      ) : null}
      {run.output?.figure ? <ResultFigure figure={run.output.figure} onGoTo={actions.goTo} /> : null}
    </JobFold>
  );
}
