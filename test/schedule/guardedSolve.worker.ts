// Worker side of guardedSolve.ts: runs the engine calls it is sent, posts each result back and bumps
// the shared counter so the test thread, blocked in Atomics.wait, wakes up.
import { workerData, type MessagePort } from "node:worker_threads";
import { solveJobShop } from "../../src/engine/schedule/jobShop/solveJobShop";
import { jacksonPreemptiveBound } from "../../src/engine/schedule/jobShop/oneMachineBound";

const calls: Record<string, (...args: never[]) => unknown> = { solveJobShop, jacksonPreemptiveBound };
const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };
port.on("message", ({ name, args }: { name: string; args: never[] }) => {
  let reply: unknown;
  try {
    reply = { value: calls[name](...args) };
  } catch (error) {
    reply = { error: String((error as Error)?.message ?? error) };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
