// The Gantt of a job-shop schedule for the pane (the same operations the Schedule sheet draws): one
// lane per machine, one bar per operation, named as the Operations table names them.

import type { GanttFigure } from "../jobs/figures";

interface RecordOperation {
  job: number;
  machine: number;
  start: number;
  end: number;
}

/** The Gantt of an aps-schedule/1 record, or null when the record holds no job-shop schedule. */
export function ganttFigure(record: Record<string, unknown> | null | undefined): GanttFigure | null {
  if (!record || record.format !== "aps-schedule/1" || !Array.isArray(record.operations)) return null;
  const operations = record.operations as RecordOperation[];
  if (operations.length === 0) return null;
  const jobNames = Array.isArray(record.jobNames) ? (record.jobNames as string[]) : [];
  const machineNames = Array.isArray(record.machineNames) ? (record.machineNames as string[]) : [];
  const jobName = (k: number) => jobNames[k] ?? `Job ${k + 1}`;
  const machineName = (k: number) => machineNames[k] ?? `Machine ${k + 1}`;
  const machineCount = Math.max(machineNames.length, ...operations.map((o) => o.machine + 1));
  const jobCount = Math.max(jobNames.length, ...operations.map((o) => o.job + 1));
  return {
    kind: "gantt",
    machines: Array.from({ length: machineCount }, (_, k) => machineName(k)),
    jobs: Array.from({ length: jobCount }, (_, k) => jobName(k)),
    bars: operations.map((o) => ({ machine: machineName(o.machine), job: jobName(o.job), start: o.start, end: o.end })),
    makespan: Math.max(...operations.map((o) => o.end)),
  };
}
