// The job worker's body, without the Worker global: runs one registered job (or Check) for a run
// message and posts progress, then the result or an error in plain words. jest calls it in-process.

import { JOBS } from "../../workbook/jobs/registry";
import type { WorkbookJob } from "../../workbook/jobs/types";
import { checkJob } from "./checkJob";
import { collaborationStatusJob } from "./collaborationStatusJob";
import { packOutput, type RunMessage, type WorkerReply } from "./protocol";

/** The jobs a worker can run: every registered job, Check and the Collaborate tab's partner status. */
export function workerJob(id: string): WorkbookJob | undefined {
  for (const own of [checkJob, collaborationStatusJob]) if (id === own.id) return own;
  return JOBS.find((job) => job.id === id);
}

/** Runs the job a message names; every outcome, a fault included, becomes one reply. */
export async function serveRun(message: RunMessage, post: (reply: WorkerReply) => void): Promise<void> {
  const job = workerJob(message.jobId);
  if (!job) {
    post({ type: "error", message: `No job "${message.jobId}" in this version of the add-in.` });
    return;
  }
  try {
    const input = message.tablesJson === undefined ? message.input : { ...message.input, tables: JSON.parse(message.tablesJson) };
    const output = await job.run(input, ({ partial, ...progress }) => post({ type: "progress", progress, ...(partial ? { partial: packOutput(partial) } : {}) }));
    post({ type: "result", output: packOutput(output) });
  } catch (error) {
    post({ type: "error", message: `${job.title} failed: ${error instanceof Error ? error.message : String(error)}` });
  }
}
