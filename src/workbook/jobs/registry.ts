// Every job the pane can run, by id. The worker dispatches on this list; each feature adds one line.

import { forecastJob } from "./forecastJob";
import type { WorkbookJob } from "./types";

export const JOBS: WorkbookJob[] = [
  forecastJob,
];

/** The job of that id, or undefined. */
export function jobById(id: string): WorkbookJob | undefined {
  return JOBS.find((job) => job.id === id);
}
