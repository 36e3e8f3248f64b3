// Runs a job in a fresh worker from the main thread: progress as it comes, the result at the end;
// cancel ends the worker at once and settles with the last partial result (marked stopped), if any.

import type { JobInput, JobProgress } from "../../workbook/jobs/types";
import type { JobWorkerLike, PackedOutput } from "./protocol";

export interface RunOutcome {
  /** The packed output; on cancel, the last partial one (status stopped) or null when there was none. */
  output: PackedOutput | null;
  cancelled: boolean;
}

export interface JobRun {
  done: Promise<RunOutcome>;
  cancel(): void;
}

/** Starts `jobId` in a worker made by `makeWorker` (tables as objects in `input`, or already as JSON); the worker ends when the run settles. */
export function runJob(
  jobId: string, input: JobInput, onProgress: (progress: Omit<JobProgress, "partial">, hasPartial: boolean) => void,
  makeWorker: () => JobWorkerLike, tablesJson?: string,
): JobRun {
  const worker = makeWorker();
  let partial: PackedOutput | null = null;
  let settle: (value: RunOutcome) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  let finished = false;
  const done = new Promise<RunOutcome>((resolve, reject) => { settle = resolve; fail = reject; });
  const finish = () => { finished = true; worker.onmessage = null; worker.onerror = null; worker.terminate(); };
  worker.onmessage = ({ data }) => {
    if (finished) return;
    if (data.type === "progress") {
      if (data.partial) partial = data.partial;
      onProgress(data.progress, data.partial !== undefined);
    } else if (data.type === "result") {
      finish();
      settle({ output: data.output, cancelled: false });
    } else {
      finish();
      fail(new Error(data.message));
    }
  };
  worker.onerror = (event) => {
    if (finished) return;
    finish();
    fail(new Error(`The planning worker stopped: ${event.message ?? "unknown error"}`));
  };
  worker.postMessage(tablesJson === undefined ? { type: "run", jobId, input } : { type: "run", jobId, input, tablesJson });
  return {
    done,
    cancel() {
      if (finished) return;
      finish();
      settle({ output: partial ? { ...partial, head: { ...partial.head, status: "stopped" } } : null, cancelled: true });
    },
  };
}
