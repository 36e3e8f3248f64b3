// A job's frame on its step's page: its heading and its form. On a step with several jobs (as the job
// registry places them) each heading is a disclosure button: the first job opens, the others wait as
// headings the planner opens with a click or Enter; a closed form stays mounted (picked files, a run).
import * as React from "react";
import { Body1Strong, Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { WorkbookJob } from "../../workbook/jobs/types";
import { isJobOpen, type RunPhase, type WorkbenchState } from "../workbench";

/** A job shown folded: whether its form is open, and how the planner opens or closes it. */
export interface Fold {
  open: boolean;
  onToggle: (open: boolean) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  header: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  toggle: { paddingLeft: 0, paddingRight: 0, minWidth: 0, justifyContent: "flex-start", textAlign: "start", fontWeight: tokens.fontWeightSemibold },
  // A chevron drawn with two borders (no text, so the button's name is the job's title alone).
  chevron: {
    display: "inline-block", width: "6px", height: "6px", marginRight: tokens.spacingHorizontalS, flexShrink: 0,
    borderRight: `2px solid ${tokens.colorNeutralForeground2}`, borderBottom: `2px solid ${tokens.colorNeutralForeground2}`,
    transform: "rotate(-45deg)", transitionProperty: "transform", transitionDuration: tokens.durationFaster,
  },
  chevronOpen: { transform: "rotate(45deg)" },
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  closed: { display: "none" },
});

/** What a closed heading says of its job's last run. */
const PHASE_WORD: Record<RunPhase, string> = { idle: "", running: "running…", done: "done", stopped: "stopped", invalid: "input needs fixing", failed: "failed" };

/**
 * The fold of a step's job, or none when the job is alone on its step (always open).
 * @param jobs the step's jobs in the registry's order; the first opens until the planner says otherwise.
 */
export function foldOf(jobs: readonly WorkbookJob[], index: number, state: WorkbenchState, onToggle: (jobId: string, open: boolean) => void): Fold | undefined {
  if (jobs.length < 2) return undefined;
  const id = jobs[index].id;
  return { open: isJobOpen(state, id, index === 0), onToggle: (open) => onToggle(id, open) };
}

export interface JobFoldProps {
  /** The heading's id; the section is labelled by it (job-<id>). */
  headingId: string;
  title: string;
  fold?: Fold;
  /** The phase of the job's last run, said beside a closed heading. */
  phase: RunPhase;
  children: React.ReactNode;
}

export function JobFold({ headingId, title, fold, phase, children }: JobFoldProps): React.JSX.Element {
  const styles = useStyles();
  const open = fold?.open ?? true;
  const bodyId = `${headingId}-form`;
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      {fold ? (
        <div className={styles.header}>
          <Body1Strong as="h3" id={headingId} className={styles.heading}>
            <Button appearance="transparent" className={styles.toggle} aria-expanded={open} aria-controls={bodyId} onClick={() => fold.onToggle(!open)}>
              <span aria-hidden="true" className={mergeClasses(styles.chevron, open && styles.chevronOpen)} />
              {title}
            </Button>
          </Body1Strong>
          {!open && phase !== "idle" ? <Caption1>{PHASE_WORD[phase]}</Caption1> : null}
        </div>
      ) : (
        <Body1Strong as="h3" id={headingId} className={styles.heading}>{title}</Body1Strong>
      )}
      <div id={bodyId} className={open ? styles.body : styles.closed} hidden={!open}>
        {children}
      </div>
    </section>
  );
}
