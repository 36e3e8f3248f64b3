// The Web Worker entry (webpack bundles it from createJobWorker.ts): one run message at a time.

import type { RunMessage } from "./protocol";
import { serveRun } from "./serveJobs";
import { highsFactory, setHighsLoader } from "../../workbook/supply/highsProvider";

// HiGHS' WebAssembly is copied beside the bundle (webpack.config.js); the worker finds it there.
setHighsLoader(async () => highsFactory(await import("highs"))({ locateFile: (file) => new URL(file, self.location.href).href }));

const scope = self as unknown as { onmessage: ((e: MessageEvent<RunMessage>) => void) | null; postMessage(m: unknown): void };
scope.onmessage = (event) => {
  if (event.data?.type === "run") void serveRun(event.data, (reply) => scope.postMessage(reply));
};
