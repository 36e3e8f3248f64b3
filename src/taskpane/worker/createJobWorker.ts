// The one place a job worker is made. jest cannot load `new URL(..., import.meta.url)`: tests replace this module.

import type { JobWorkerLike } from "./protocol";

export function createJobWorker(): JobWorkerLike {
  return new Worker(new URL("./jobWorker.ts", import.meta.url), { name: "aps-jobs" }) as unknown as JobWorkerLike;
}
