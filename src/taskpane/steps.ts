// The pane's workflow steps (data → plan → supply → schedule → partners) as the job registry declares
// them: which steps show, which jobs each holds and in what order, and the plain sentences they say.

import { stepOf, WORKFLOW_STEPS, type WorkbookJob, type WorkflowStep } from "../workbook/jobs/types";

/** One step of the pane: its title, what it is for, and its jobs in order. */
export interface StepView {
  id: WorkflowStep;
  title: string;
  summary: string;
  jobs: WorkbookJob[];
}

const STEP_TEXT: Record<WorkflowStep, { title: string; summary: string }> = {
  data: { title: "Data", summary: "Open the workbook, add the tables it lacks, and check them before you run anything." },
  plan: { title: "Plan", summary: "Plan the network: rates, lead times, where to hold safety stock and the service times each stage commits to." },
  supply: { title: "Supply", summary: "Turn the plan into orders and promises period by period." },
  schedule: { title: "Schedule", summary: "Sequence the shop's operations on their machines, and reschedule when something changes." },
  partners: { title: "Partners", summary: "Share each partner's part of the plan, merge their answers and keep the audit trail." },
};

/** The steps the pane shows, in workflow order: Data always, every other step that has a job. */
export function workflowSteps(jobs: readonly WorkbookJob[]): StepView[] {
  const indexed = jobs.map((job, index) => ({ job, index }));
  return WORKFLOW_STEPS.map((id) => ({
    id,
    ...STEP_TEXT[id],
    jobs: indexed
      .filter(({ job }) => stepOf(job) === id)
      .sort((a, b) => (a.job.order ?? Infinity) - (b.job.order ?? Infinity) || a.index - b.index)
      .map(({ job }) => job),
  })).filter((step) => step.id === "data" || step.jobs.length > 0);
}

/** The step shown for a selected id (the first step when that id is not shown). */
export function currentStep(steps: readonly StepView[], id: string): StepView {
  return steps.find((s) => s.id === id) ?? steps[0];
}

/** "A", "A and B", "A, B and C". */
export function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** What a job reads, as a sentence: "It needs the Stages table, and uses Arcs and Settings where the workbook has them." */
export function readsSentence(job: Pick<WorkbookJob, "tables" | "requiredTables">): string {
  // A job may list a table under its sheet's name and its Excel table name ("Schedule Operations",
  // "ScheduleOperations": table names cannot hold spaces); the planner reads one name.
  const shown = (names: readonly string[]) => [...new Set(names.map((t) => t.replace(/([a-z])([A-Z])/g, "$1 $2")))];
  const required = shown(job.tables.filter((t) => job.requiredTables.includes(t)));
  const optional = shown(job.tables.filter((t) => !job.requiredTables.includes(t))).filter((t) => !required.includes(t));
  const plural = (names: readonly string[]) => (names.length === 1 ? "table" : "tables");
  if (required.length === 0 && optional.length === 0) return "";
  if (required.length === 0) return `It uses the ${listed(optional)} ${plural(optional)} where the workbook has them.`;
  const needs = `It needs the ${listed(required)} ${plural(required)}`;
  return optional.length === 0 ? `${needs}.` : `${needs}, and uses ${listed(optional)} where the workbook has ${optional.length === 1 ? "it" : "them"}.`;
}
