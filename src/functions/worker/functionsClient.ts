// The main thread's side of the functions worker: each heavy custom function call becomes a promise;
// calls made in the same burst (Excel recalculating 1,000 cells) travel to the worker as one batch,
// and the results come back a few at a time. The worker is made on the first call and kept, so its
// forecast cache lasts; a worker that fails answers its open calls with #VALUE! and is replaced.
import { cellError, isCellError, type CellErrorCode } from "../cellErrors";
import { plainArgument } from "../excelValues";
import { createFunctionsWorker } from "./createFunctionsWorker";
import type { HeavyCall, HeavyFunction, HeavyWorkerLike } from "./protocol";

/** At most this many calls per message (a burst of 10,000 cells goes as a few messages). */
const MAX_BATCH = 500;

type Resolve = (cells: unknown[][]) => void;

let makeWorker: () => HeavyWorkerLike = createFunctionsWorker;
let worker: HeavyWorkerLike | null = null;
let nextId = 1;
let queued: HeavyCall[] = [];
let flushScheduled = false;
const waiting = new Map<number, Resolve>();

/** Replaces how the worker is made (tests, a host without workers); ends the current one. */
export function setFunctionsWorkerFactory(factory: () => HeavyWorkerLike): void {
  makeWorker = factory;
  worker?.terminate();
  worker = null;
}

/** A cell from the worker as the runtime expects it: plain { code, message } → CustomFunctions.Error. */
function runtimeCell(cell: unknown): unknown {
  if (!isCellError(cell)) return cell;
  const code: CellErrorCode = cell.code === "#N/A" ? "#N/A" : "#VALUE!";
  return cellError(code, cell.message ?? code);
}

function failAll(message: string): void {
  const answer = [[cellError("#VALUE!", message)]];
  for (const resolve of waiting.values()) resolve(answer);
  waiting.clear();
}

function ensureWorker(): HeavyWorkerLike {
  if (worker) return worker;
  const made = makeWorker();
  made.onmessage = ({ data }) => {
    if (data?.type !== "results") return;
    for (const { id, cells } of data.results) {
      const resolve = waiting.get(id);
      if (!resolve) continue;
      waiting.delete(id);
      resolve(cells.map((row) => row.map(runtimeCell)));
    }
  };
  made.onerror = (event) => {
    made.terminate();
    if (worker === made) worker = null;
    failAll(`The calculation worker stopped (${event.message ?? "unknown error"}): recalculate to try again.`);
  };
  worker = made;
  return made;
}

function flush(): void {
  flushScheduled = false;
  const calls = queued;
  queued = [];
  try {
    const target = ensureWorker();
    for (let i = 0; i < calls.length; i += MAX_BATCH) target.postMessage({ type: "calls", calls: calls.slice(i, i + MAX_BATCH) });
  } catch (error) {
    failAll(`The calculation worker could not start: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/**
 * Runs `fn` in the worker with the arguments as Excel passed them (made plain here: error values,
 * data types) and resolves with the cells to return. Never rejects.
 */
export function callInWorker(fn: HeavyFunction, args: unknown[]): Promise<unknown[][]> {
  const id = nextId++;
  const call: HeavyCall = { id, fn, args: args.map((a) => (a === undefined ? null : plainArgument(a))) };
  return new Promise<unknown[][]>((resolve) => {
    waiting.set(id, resolve);
    queued.push(call);
    if (!flushScheduled) {
      flushScheduled = true;
      setTimeout(flush, 0);
    }
  });
}
