// The functions worker's body without the Worker global: runs each call of a batch in turn and posts
// the finished results every few milliseconds (not one message per cell, not one at the very end).
// The forecast cache lives as long as the worker, so the four forecast functions share one fit.
import { isCellError } from "../cellErrors";
import { CELL_FUNCTIONS, type CellFunctionId } from "../cellFunctions";
import { ForecastCache, forecastCells } from "../forecastCells";
import { CELL_PLACEMENT_TIME_LIMIT, planSpill } from "../planFunction";
import type { HeavyCall, HeavyReply, HeavyRequest } from "./protocol";

/** Results are posted at least this often (ms) while a batch runs. */
const POST_EVERY_MS = 25;

/** A cell as it crosses threads: error cells become plain { code, message }. */
export function plainResultCell(cell: unknown): unknown {
  if (!isCellError(cell)) return cell;
  return cell.message === undefined ? { code: cell.code } : { code: cell.code, message: cell.message };
}

function cellFunction(id: unknown): (...args: unknown[]) => unknown[][] {
  const body = CELL_FUNCTIONS[id as CellFunctionId] as ((...args: unknown[]) => unknown[][]) | undefined;
  if (!body) throw new Error(`no function ${String(id)} in this version of the add-in`);
  return body;
}

/** One call's cells (never throws: a fault becomes one #VALUE! cell). */
export async function runCall(call: HeavyCall, cache: ForecastCache): Promise<unknown[][]> {
  try {
    const cells = call.fn === "plan"
      ? await planSpill(call.args[0], call.args[1], call.args[2] ?? null, { placementTimeLimit: CELL_PLACEMENT_TIME_LIMIT })
      : call.fn === "cells"
        ? cellFunction(call.args[0])(...call.args.slice(1))
        : forecastCells(call.fn, call.args, cache);
    return cells.map((row) => row.map(plainResultCell));
  } catch (error) {
    return [[{ code: "#VALUE!", message: `Could not compute this cell: ${error instanceof Error ? error.message : String(error)}` }]];
  }
}

/** Serves request after request, one at a time, in arrival order. */
export function callServer(post: (reply: HeavyReply) => void, now: () => number = () => Date.now(), cache = new ForecastCache()): (request: HeavyRequest) => void {
  let queue: Promise<void> = Promise.resolve();
  return (request) => {
    queue = queue.then(async () => {
      let done: HeavyReply["results"] = [];
      let last = now();
      for (const call of request.calls) {
        done.push({ id: call.id, cells: await runCall(call, cache) });
        if (now() - last >= POST_EVERY_MS) {
          post({ type: "results", results: done });
          done = [];
          last = now();
        }
      }
      if (done.length > 0) post({ type: "results", results: done });
    });
  };
}
