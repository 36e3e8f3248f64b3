// The analyst's tabs: Set up, Check, Plan, Schedule, one tab per other registered job, Options, Formulas.
import * as React from "react";
import { Divider, makeStyles, MessageBar, MessageBarBody, Subtitle1, Tab, TabList, tokens } from "@fluentui/react-components";
import type { JobOption, WorkbookJob } from "../../workbook/jobs/types";
import type { WorkbenchState } from "../workbench";
import { CheckTab } from "./CheckTab";
import { COLLABORATE_JOBS, CollaborateTab } from "./collaborate/CollaborateTab";
import { CompareFiles } from "./CompareFiles";
import { JobTab } from "./JobTab";
import { OptionsTab } from "./OptionsTab";
import { PlaceView } from "./PlaceView";
import { SetupTab } from "./SetupTab";

export interface WorkbenchActions {
  selectTab: (tab: string) => void;
  openFile: (file: File) => void;
  save: () => void;
  acknowledgeCharts: () => void;
  insertExamples: (set: "network" | "schedule") => void;
  useSelectionAs: (table: string) => void;
  /** `files`: what the user picked for a job that takes files (merge's responses). */
  run: (jobId: string, files?: { name: string; bytes: Uint8Array }[]) => void;
  cancel: (jobId: string) => void;
  goTo: (place: string) => void;
  setOption: (jobId: string, name: string, value: JobOption["default"]) => void;
  saveOptions: () => void;
  /** Compare files…: the picked network files, the base first. */
  compareFiles: (files: { name: string; bytes: Uint8Array }[]) => void;
  /** Reads the Collaborate tab's partner status again (off the main thread). */
  refreshCollaboration: () => void;
  /** Starts (true) or stops (false) following the workbook's changes for the partner status. */
  watchCollaboration: (on: boolean) => void;
}

export interface WorkbenchProps {
  state: WorkbenchState;
  jobs: readonly WorkbookJob[];
  browserMode: boolean;
  canUseSelection: boolean;
  actions: WorkbenchActions;
  /** The Formulas tab's content (the planners' example formulas). */
  formulas: React.ReactNode;
}

/** Jobs shown inside another job's tab (they get no tab of their own): Compare files on Scenarios. */
export const HOSTED_JOBS: Record<string, string> = { compare: "scenarios", "supply-promise": "supply" };

/** Options shown on the Options tab rather than on the job's own tab. */
export const OPTIONS_TAB: Record<string, string[]> = {
  plan: ["placementMethod", "rateMethod", "placementTimeLimit", "defaultServiceLevel"],
  schedule: ["timeLimit"],
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  tabs: { flexWrap: "wrap" },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

export function Workbench({ state, jobs, browserMode, canUseSelection, actions, formulas }: WorkbenchProps): React.JSX.Element {
  const styles = useStyles();
  const tabs: { id: string; title: string }[] = [
    { id: "setup", title: "Set up" }, { id: "check", title: "Check" },
    ...jobs.filter((j) => !COLLABORATE_JOBS.includes(j.id) && !HOSTED_JOBS[j.id]).map((j) => ({ id: j.id, title: j.title })),
    ...(jobs.some((j) => COLLABORATE_JOBS.includes(j.id)) ? [{ id: "collaborate", title: "Collaborate" }] : []),
    { id: "options", title: "Options" }, { id: "formulas", title: "Formulas" },
  ];
  const current = tabs.find((t) => t.id === state.tab) ?? tabs[0];
  const job = jobs.find((j) => j.id === current.id);
  const hosted = jobs.filter((j) => HOSTED_JOBS[j.id] === current.id);
  return (
    <div className={styles.root}>
      <TabList className={styles.tabs} selectedValue={current.id} onTabSelect={(_, d) => actions.selectTab(String(d.value))} aria-label="Tasks" size="small">
        {tabs.map((t) => <Tab key={t.id} value={t.id} id={`tab-${t.id}`} aria-controls="task-panel">{t.title}</Tab>)}
      </TabList>
      {state.notice ? (
        <MessageBar intent={state.notice.intent} role={state.notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <section id="task-panel" role="tabpanel" aria-labelledby={`tab-${current.id}`} className={styles.panel}>
        <Subtitle1 as="h2" className={styles.heading}>{current.title}</Subtitle1>
        {current.id === "setup" ? (
          <SetupTab state={state} browserMode={browserMode} canUseSelection={canUseSelection} onOpen={actions.openFile} onSave={actions.save}
            onAcknowledgeCharts={actions.acknowledgeCharts} onInsertExamples={actions.insertExamples} onUseSelectionAs={actions.useSelectionAs} />
        ) : current.id === "check" ? (
          <CheckTab state={state} onCheck={() => actions.run("check")} onGoTo={actions.goTo} />
        ) : current.id === "options" ? (
          <OptionsTab state={state} sections={jobs.filter((j) => OPTIONS_TAB[j.id]).map((j) => ({ job: j, names: OPTIONS_TAB[j.id] }))} onOption={actions.setOption} onSave={actions.saveOptions} />
        ) : current.id === "collaborate" ? (
          <CollaborateTab jobs={jobs} state={state} actions={actions} inExcel={!browserMode} />
        ) : current.id === "formulas" ? (
          formulas
        ) : job ? (
          <JobTab job={job} state={state} showOptions={job.id !== "plan"} onRun={() => actions.run(job.id)} onCancel={() => actions.cancel(job.id)}
            onGoTo={actions.goTo} onOption={(name, value) => actions.setOption(job.id, name, value)} />
        ) : null}
        {hosted.map((h) => (
          <React.Fragment key={h.id}>
            <Divider />
            <CompareFiles job={h} state={state} onCompare={actions.compareFiles} onCancel={() => actions.cancel(h.id)} onGoTo={actions.goTo} />
          </React.Fragment>
        ))}
        {current.id !== "formulas" && current.id !== "options" ? <PlaceView place={state.place} /> : null}
      </section>
    </div>
  );
}
