// Runs a job in a fresh worker from the main thread: progress as it comes, the result at the end;
// cancel ends the worker at once and settles with the last partial result (marked stopped), if any.

import type { JobInput, JobOutput, JobProgress } from "../../workbook/jobs/types";
import type { JobWorkerLike } from "./protocol";

export interface JobRun {
  /** The output; on cancel, the last partial output or null when there was none. */
  done: Promise<{ output: JobOutput | null; cancelled: boolean }>;
  cancel(): void;
}

/** Starts `jobId` in a worker made by `makeWorker`; the worker is ended when the run settles. */
export function runJob(jobId: string, input: JobInput, onProgress: (progress: JobProgress) => void, makeWorker: () => JobWorkerLike): JobRun {
  const worker = makeWorker();
  let partial: JobOutput | null = null;
  let settle: (value: { output: JobOutput | null; cancelled: boolean }) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  let finished = false;
  const done = new Promise<{ output: JobOutput | null; cancelled: boolean }>((resolve, reject) => { settle = resolve; fail = reject; });
  const finish = () => { finished = true; worker.onmessage = null; worker.onerror = null; worker.terminate(); };
  worker.onmessage = ({ data }) => {
    if (finished) return;
    if (data.type === "progress") {
      if (data.progress.partial) partial = data.progress.partial;
      onProgress(data.progress);
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
  worker.postMessage({ type: "run", jobId, input });
  return {
    done,
    cancel() {
      if (finished) return;
      finish();
      settle({ output: partial ? { ...partial, status: "stopped" } : null, cancelled: true });
    },
  };
}
