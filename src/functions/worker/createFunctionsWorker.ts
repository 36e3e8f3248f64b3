// The one place the functions worker is made: a Web Worker where the runtime has them (Excel's
// shared runtime on every platform, browsers), else the same code in-process. jest cannot load
// `new URL(..., import.meta.url)`: its moduleNameMapper replaces this module.
import type { HeavyWorkerLike } from "./protocol";
import { inProcessFunctionsWorker } from "./inProcessWorker";

export function createFunctionsWorker(): HeavyWorkerLike {
  if (typeof Worker === "undefined") return inProcessFunctionsWorker();
  return new Worker(new URL("./functionsWorker.ts", import.meta.url), { name: "aps-functions" }) as unknown as HeavyWorkerLike;
}
