// solveJobShop (and the Jackson bound) with a watchdog, for inputs that once made them loop: the call runs
// in a worker thread while the test waits synchronously (Atomics.wait), so a loop fails the test after
// `withinMs` instead of hanging the suite. Synchronous, so it also works inside a fast-check property.
import * as path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { JobShopResult, JobShopSolveOptions } from "../../src/engine/schedule/jobShop/solveJobShop";
import type { JobShopInstance } from "../../src/engine/schedule/jobShop/jobShop";

const WORKER = path.join(__dirname, "guardedSolve.worker.ts");
// The worker runs the TypeScript sources through tsx (jest's transform does not reach worker threads).
const BOOT = `require("tsx/cjs/api").register(); require(${JSON.stringify(WORKER)});`;

interface Guard { worker: Worker; port: MessagePort; signal: Int32Array }
let guard: Guard | null = null;

function start(): Guard {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(BOOT, { eval: true, workerData: { port: port2, signal }, transferList: [port2] });
  worker.unref();
  return { worker, port: port1, signal };
}

/** Runs engine call `name` in the worker; throws when it does not return within `withinMs`. */
function callWithin(name: string, args: unknown[], withinMs: number): unknown {
  guard ??= start();
  const { port, signal } = guard;
  const before = Atomics.load(signal, 0);
  port.postMessage({ name, args });
  if (Atomics.wait(signal, 0, before, withinMs) === "timed-out" && Atomics.load(signal, 0) === before) {
    void guard.worker.terminate();
    guard = null;
    throw new Error(`${name} did not return within ${withinMs} ms`);
  }
  const reply = receiveMessageOnPort(port)?.message as { value?: unknown; error?: string } | undefined;
  if (!reply || !("value" in reply)) throw new Error(`${name} failed: ${reply?.error ?? "no reply"}`);
  return reply.value;
}

/**
 * solveJobShop in the worker; throws when no answer comes within `withinMs` (the first call also pays
 * the worker's start, well under a second). Options must be plain data (no callbacks).
 * @example solveWithin(shop, { timeLimitMs: 100, seed: 1 }, 20_000).status // "optimal"
 */
export function solveWithin(instance: JobShopInstance, options: JobShopSolveOptions, withinMs: number): JobShopResult {
  return callWithin("solveJobShop", [instance, options], withinMs) as JobShopResult;
}

/**
 * jacksonPreemptiveBound in the worker, under the same watchdog.
 * @example jacksonWithin([0, 1], [3, 1], [0, 5], [0, 1], 5_000) // 7
 */
export function jacksonWithin(release: number[], duration: number[], tail: number[], ops: number[], withinMs: number): number {
  return callWithin("jacksonPreemptiveBound", [release, duration, tail, ops], withinMs) as number;
}

/** Stops the worker (call in afterAll). */
export async function stopGuard(): Promise<void> {
  const g = guard;
  guard = null;
  if (g) await g.worker.terminate();
}
