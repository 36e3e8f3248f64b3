// The messages between the pane (main thread) and its job worker: run {jobId, input} → progress… → result | error.

import type { JobInput, JobOutput, JobProgress } from "../../workbook/jobs/types";

/** Main thread → worker. */
export interface RunMessage {
  type: "run";
  jobId: string;
  input: JobInput;
}

/** Worker → main thread. */
export type WorkerReply =
  | { type: "progress"; progress: JobProgress }
  | { type: "result"; output: JobOutput }
  | { type: "error"; message: string };

/** What the pane needs of a Worker (a real one in the browser, an in-process stand-in in jest). */
export interface JobWorkerLike {
  postMessage(message: RunMessage): void;
  terminate(): void;
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}
