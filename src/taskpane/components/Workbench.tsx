// The analyst's workflow: one tab per step (Data, Plan, Supply, Schedule, Partners, as the job
// registry declares them) and the step's page: its jobs in order, each with its options and run; on a
// step with several jobs, one form open at first and the others as headings to open (JobFold).
import * as React from "react";
import { Body1, Divider, makeStyles, Subtitle1, Tab, TabList, tokens } from "@fluentui/react-components";
import type { WorkbookJob } from "../../workbook/jobs/types";
import { currentStep, workflowSteps } from "../steps";
import type { WorkbenchState } from "../workbench";
import { fileOffer } from "../file/openWorkbook";
import { CheckTab } from "./CheckTab";
import { PartnersStep } from "./collaborate/PartnersStep";
import { foldOf } from "./JobFold";
import { JobSection, type JobSectionActions } from "./JobSection";
import { NoticeBar } from "./NoticeBar";
import { PlaceView } from "./PlaceView";
import { SetupTab } from "./SetupTab";

/** The pane's actions: each job's (run, cancel, options, compare files: JobSection's) and the workbench's own. */
export interface WorkbenchActions extends JobSectionActions {
  selectStep: (step: string) => void;
  openFile: (file: File) => void;
  save: () => void;
  acknowledgeCharts: () => void;
  insertExamples: (set: "network" | "schedule") => void;
  useSelectionAs: (table: string) => void;
  /** Reads the Partners step's partner status again (off the main thread). */
  refreshCollaboration: () => void;
  /** Starts (true) or stops (false) following the workbook's changes for the partner status. */
  watchCollaboration: (on: boolean) => void;
  /** Downloads a job's last result as the command's JSON (browser mode). */
  downloadResult: (jobId: string) => void;
  /** Opens (true) or closes (false) a job's form on a step with several jobs. */
  toggleJob: (jobId: string, open: boolean) => void;
}

export interface WorkbenchProps {
  state: WorkbenchState;
  jobs: readonly WorkbookJob[];
  browserMode: boolean;
  canUseSelection: boolean;
  actions: WorkbenchActions;
  /** The planners' example formulas, shown at the end of the Data step. */
  formulas: React.ReactNode;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  // One row of equal tabs that never wraps: each tab shrinks, its title stays on one line.
  tabs: { display: "grid", gridAutoFlow: "column", gridAutoColumns: "minmax(0, 1fr)", minWidth: 0 },
  tab: { minWidth: 0, paddingLeft: "2px", paddingRight: "2px", justifyContent: "center" },
  tabTitle: {
    whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis",
    // Five steps at Excel's narrowest pane widths: a smaller type keeps every title whole.
    "@media (max-width: 400px)": { fontSize: tokens.fontSizeBase100 },
  },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
});

export function Workbench({ state, jobs, browserMode, canUseSelection, actions, formulas }: WorkbenchProps): React.JSX.Element {
  const styles = useStyles();
  const steps = workflowSteps(jobs);
  const step = currentStep(steps, state.step);
  const offer = React.useMemo(() => fileOffer(!browserMode), [browserMode]);
  return (
    <div className={styles.root}>
      <TabList className={styles.tabs} selectedValue={step.id} onTabSelect={(_, d) => actions.selectStep(String(d.value))} aria-label="Steps" size="small">
        {steps.map((s) => (
          <Tab key={s.id} value={s.id} id={`step-${s.id}`} aria-controls="step-panel" className={styles.tab}>
            <span className={styles.tabTitle}>{s.title}</span>
          </Tab>
        ))}
      </TabList>
      <NoticeBar notice={state.notice} />
      <section id="step-panel" role="tabpanel" aria-labelledby={`step-${step.id}`} className={styles.panel}>
        <Subtitle1 as="h2" className={styles.heading}>{step.title}</Subtitle1>
        <Body1>{step.summary}</Body1>
        {step.id === "data" ? (
          <>
            <SetupTab state={state} browserMode={browserMode} canUseSelection={canUseSelection} onOpen={actions.openFile} onSave={actions.save}
              onAcknowledgeCharts={actions.acknowledgeCharts} onInsertExamples={actions.insertExamples} onUseSelectionAs={actions.useSelectionAs} />
            <Divider />
            <CheckTab state={state} onCheck={() => actions.run("check")} onGoTo={actions.goTo} />
          </>
        ) : null}
        {step.id === "partners" ? (
          <PartnersStep jobs={step.jobs} state={state} actions={actions} inExcel={!browserMode} />
        ) : step.jobs.map((job, k) => (
          <React.Fragment key={job.id}>
            <Divider />
            <JobSection job={job} state={state} actions={actions} offer={offer} jsonDownload={browserMode} fold={foldOf(step.jobs, k, state, actions.toggleJob)} />
          </React.Fragment>
        ))}
        <PlaceView place={state.place} />
        {step.id === "data" ? (
          <>
            <Divider />
            {formulas}
          </>
        ) : null}
      </section>
    </div>
  );
}
