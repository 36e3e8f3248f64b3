// Queues Office.js work into as few context.sync calls as the 4 MB request limit allows: each queued
// write is given its estimated size, and the batch syncs before a request would pass the budget.

import type { RequestContext } from "./officeApi";
import type { ExcelFeatures } from "./features";

/** Excel on the web refuses requests over 5 MB; stay well under. */
export const REQUEST_BUDGET = 3_500_000;
/** Office.js's own description of one queued action, on top of its arguments. */
const ACTION_OVERHEAD = 120;

/** The estimated request size of one queued action with these arguments. */
export function actionBytes(args: unknown): number {
  return ACTION_OVERHEAD + JSON.stringify(args ?? null).length;
}

export class SyncBatch {
  private bytes = 0;
  private fresh = true;
  /** Every sync made, with the estimated size of its request. */
  readonly requests: number[] = [];
  constructor(private readonly context: RequestContext, private readonly features: ExcelFeatures, private readonly signal?: AbortSignal) {}

  /** Calls `queue` (which queues Office.js work of about `bytes`), syncing first when the budget would be passed. */
  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > REQUEST_BUDGET) await this.sync();
    if (this.fresh) this.suspend();
    queue();
    this.bytes += bytes;
  }

  /** Sends what is queued (stops first when the run was cancelled). */
  async sync(): Promise<void> {
    if (this.signal?.aborted) throw new CancelledError();
    this.requests.push(this.bytes);
    this.bytes = 0;
    this.fresh = true;
    await this.context.sync();
  }

  private suspend(): void {
    this.fresh = false;
    if (this.features.suspendCalculation) this.context.application.suspendApiCalculationUntilNextSync();
    if (this.features.autoFilter) this.context.application.suspendScreenUpdatingUntilNextSync();
  }
}

/** A run cancelled before its sheets were all written (nothing is left of them). */
export class CancelledError extends Error {
  constructor() {
    super("Cancelled: the workbook was left as it was.");
    this.name = "CancelledError";
  }
}
