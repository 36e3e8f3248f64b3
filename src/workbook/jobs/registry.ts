// Every job the pane can run, by id. The worker dispatches on this list; each feature adds one line.

import { forecastJob } from "./forecastJob";
import type { WorkbookJob } from "./types";
import { planJob } from "./planJob";
import { scheduleJob } from "./scheduleJob";
import { simulateJob } from "./simulateJob";
import { scenariosJob } from "./scenariosJob";
import { rescheduleJob } from "./rescheduleJob";
import { retimeJob } from "../reschedule/retimeJob";
import { shareJob } from "./shareJob";
import { mergeJob } from "./mergeJob";
import { auditJob } from "./auditJob";
import { compareJob } from "./compareJob";

export const JOBS: WorkbookJob[] = [planJob, scheduleJob, forecastJob, simulateJob, scenariosJob, rescheduleJob, retimeJob, shareJob, mergeJob, auditJob, compareJob];

/** The job of that id, or undefined. */
export function jobById(id: string): WorkbookJob | undefined {
  return JOBS.find((job) => job.id === id);
}
