// Every job the pane can run, by id. The worker dispatches on this list; each feature adds one line.

import { forecastJob } from "../forecast/forecastJob";
import type { WorkbookJob } from "./types";
import { planJob } from "../plan/planJob";
import { scheduleJob } from "../schedule/scheduleJob";
import { simulateJob } from "../simulate/simulateJob";
import { scenariosJob } from "../scenarios/scenariosJob";
import { rescheduleJob } from "../reschedule/rescheduleJob";
import { shareJob } from "../collaborate/shareJob";
import { mergeJob } from "../collaborate/mergeJob";
import { auditJob } from "../collaborate/auditJob";
import { compareJob } from "../scenarios/compareJob";
import { supplyJob, supplyPromiseJob } from "../supply/supplyJob";

export const JOBS: WorkbookJob[] = [planJob, scheduleJob, forecastJob, simulateJob, scenariosJob, rescheduleJob, shareJob, mergeJob, auditJob, compareJob, supplyJob, supplyPromiseJob];

/** The job of that id, or undefined. */
export function jobById(id: string): WorkbookJob | undefined {
  return JOBS.find((job) => job.id === id);
}
