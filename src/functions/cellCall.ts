// Where a cell-by-cell function runs: on the runtime's thread for ordinary ranges (microseconds a
// cell: the answer is there at once), in the functions worker beyond WORKER_CELLS cells (a spill of
// 10,000 rows takes tens of milliseconds, which Excel's one thread should not spend). Excel's runtime
// accepts either a value or a promise from any function.
import { CELL_FUNCTIONS, type CellFunctionId } from "./cellFunctions";
import { callInWorker } from "./worker/functionsClient";

/** Spills larger than this many cells (broadcast rows × columns) are computed in the functions worker. */
export const WORKER_CELLS = 2000;

/** Rows × columns of the broadcast shape of the arguments (1 for scalars). */
export function spillSize(args: unknown[]): number {
  let rows = 1;
  let cols = 1;
  for (const arg of args) {
    if (!Array.isArray(arg)) continue;
    rows = Math.max(rows, arg.length);
    for (const row of arg) cols = Math.max(cols, Array.isArray(row) ? row.length : 1);
  }
  return rows * cols;
}

/** The function's spill: computed now, or a promise of it from the worker for a large one. */
export function cellCall(id: CellFunctionId, args: unknown[]): any {
  const body = CELL_FUNCTIONS[id] as (...a: unknown[]) => unknown[][];
  if (spillSize(args) <= WORKER_CELLS) return body(...args);
  return callInWorker("cells", [id, ...args]);
}
