// Messages between the custom functions (main thread of the shared runtime) and their worker: a
// batch of calls → results, a few at a time. Cells cross as plain values; an error cell as a plain
// { code, message } (an Error's own fields do not survive the copy between threads).

/**
 * The functions that run in the worker (each can take more than a few milliseconds); "cells" is a
 * cell-by-cell function over a large range, its id first in `args` (cellCall.ts).
 */
export type HeavyFunction = "plan" | "forecast" | "forecastRate" | "forecastErrorSd" | "forecastModel" | "cells";

export interface HeavyCall {
  id: number;
  fn: HeavyFunction;
  /** The function's arguments as plain cells (excelValues.ts). */
  args: unknown[];
}

/** Main thread → worker. */
export interface HeavyRequest {
  type: "calls";
  calls: HeavyCall[];
}

/** Worker → main thread: the cells of finished calls (error cells as plain { code, message }). */
export interface HeavyReply {
  type: "results";
  results: { id: number; cells: unknown[][] }[];
}

/** What the client needs of a Worker: a real one in Excel and the browser, an in-process one elsewhere. */
export interface HeavyWorkerLike {
  postMessage(message: HeavyRequest): void;
  terminate(): void;
  onmessage: ((event: { data: HeavyReply }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}
