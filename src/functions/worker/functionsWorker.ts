// The custom functions' Web Worker entry (webpack bundles it from createFunctionsWorker.ts).
import type { HeavyRequest } from "./protocol";
import { callServer } from "./serveCalls";

const scope = self as unknown as { onmessage: ((e: MessageEvent<HeavyRequest>) => void) | null; postMessage(m: unknown): void };
const serve = callServer((reply) => scope.postMessage(reply));
scope.onmessage = (event) => {
  if (event.data?.type === "calls") serve(event.data);
};
