// A stand-in for the functions worker that runs the same body on this thread, one task later, with
// messages copied as a real worker copies them: where there is no Worker (Node, jest, old hosts).
import type { HeavyReply, HeavyRequest, HeavyWorkerLike } from "./protocol";
import { callServer } from "./serveCalls";

const copy = <T>(value: T): T => (typeof structuredClone === "function" ? structuredClone(value) : (JSON.parse(JSON.stringify(value)) as T));

export function inProcessFunctionsWorker(): HeavyWorkerLike {
  let closed = false;
  const worker: HeavyWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message: HeavyRequest) {
      const request = copy(message);
      setTimeout(() => serve(request), 0);
    },
    terminate() {
      closed = true;
    },
  };
  const serve = callServer((reply: HeavyReply) => {
    if (!closed) worker.onmessage?.({ data: copy(reply) });
  });
  return worker;
}
