// Every job the pane can run, by id. The worker dispatches on this list; each feature adds one line.

import { scenariosJob } from "./scenariosJob";
import type { WorkbookJob } from "./types";
import { rescheduleJob } from "./rescheduleJob";

export const JOBS: WorkbookJob[] = [scenariosJob, rescheduleJob];

/** The job of that id, or undefined. */
export function jobById(id: string): WorkbookJob | undefined {
  return JOBS.find((job) => job.id === id);
}
