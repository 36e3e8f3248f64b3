// A job's run: Run and Cancel, the progress bar with its step, then the cards, the problems and the sheets written.
import * as React from "react";
import { Body1Strong, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, ProgressBar, tokens } from "@fluentui/react-components";
import type { RunState } from "../workbench";
import { ProblemList } from "./ProblemList";
import { ResultCards } from "./ResultCards";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

export interface RunPanelProps {
  title: string;
  runLabel: string;
  run: RunState;
  disabled: boolean;
  onRun: () => void;
  onCancel: () => void;
  onGoTo: (place: string) => void;
}

const PHASE_TEXT: Record<RunState["phase"], string> = {
  idle: "", running: "Running", done: "Done", stopped: "Stopped", invalid: "The input needs fixing: nothing was written", failed: "Failed",
};

export function RunPanel({ title, runLabel, run, disabled, onRun, onCancel, onGoTo }: RunPanelProps): React.JSX.Element {
  const styles = useStyles();
  const running = run.phase === "running";
  const output = run.output;
  const written = run.report?.written ?? [];
  const renamed = Object.entries(run.report?.renamed ?? {});
  return (
    <div className={styles.root}>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onRun} disabled={disabled} disabledFocusable={running}>{runLabel}</Button>
        {running ? <Button onClick={onCancel}>Cancel</Button> : null}
      </div>
      {running ? (
        <Field validationMessage={run.step} validationState="none" label={`${title}: progress`}>
          <ProgressBar value={run.fraction ?? undefined} max={1} thickness="large" />
        </Field>
      ) : null}
      {running && run.hasPartial ? <Caption1>Cancel keeps the best result found so far.</Caption1> : null}
      <div role="status" aria-live="polite">
        {run.phase !== "idle" && !running ? (
          <Body1Strong data-phase={run.phase}>
            {PHASE_TEXT[run.phase]}{run.elapsedMs !== null ? ` in ${(run.elapsedMs / 1000).toFixed(1)} s` : ""}.
          </Body1Strong>
        ) : null}
      </div>
      {run.message ? (
        <MessageBar intent={run.phase === "failed" ? "error" : "warning"}>
          <MessageBarBody>{run.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      {output && output.cards.length > 0 ? <ResultCards cards={output.cards} label={`${title} results`} /> : null}
      {output ? <ProblemList title={output.status === "invalid" ? "Problems" : "Exceptions"} problems={output.exceptions} onGoTo={onGoTo} /> : null}
      {written.length > 0 ? (
        <Caption1 data-written>
          Sheets written: {written.join(", ")}.{renamed.length > 0 ? ` ${renamed.map(([from, to]) => `${from} went to ${to} (a sheet of yours is named ${from})`).join("; ")}.` : ""}
        </Caption1>
      ) : null}
    </div>
  );
}
