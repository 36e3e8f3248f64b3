// The one place the file worker is made. jest cannot load `new URL(..., import.meta.url)`: tests replace this module.

import type { FileWorkerLike } from "./fileProtocol";

export function createFileWorker(): FileWorkerLike {
  return new Worker(new URL("./fileWorker.ts", import.meta.url), { name: "aps-file" }) as unknown as FileWorkerLike;
}
