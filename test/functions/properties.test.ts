// Every APS.* custom function, fed ≥ 10,000 generated argument lists of everything a cell can hold:
// nothing escapes, the result is a non-empty rectangular spill, and every cell is a finite number or
// an error with code #VALUE! or #N/A and a message. Inputs are never mutated.
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { argumentsOf } from "./arbitraries";

const RUNS = 10_000;

const FUNCTIONS: [string, (...args: any[]) => unknown, number][] = [
  ["EOQ", F.eoq, 9],
  ["BACKORDER_LEVEL", F.backorderLevel, 9],
  ["OPTIMAL_RATE", F.optimalRateFn, 6],
  ["UTILISATION", F.utilisationFn, 2],
  ["QUEUE_WAIT", F.queueWait, 4],
  ["ORDERS_IN_SYSTEM", F.ordersInSystemFn, 4],
  ["SERVICE_Z", F.serviceZ, 1],
  ["INTERARRIVAL_SD", F.interarrivalSd, 4],
  ["INBOUND_SD", F.inboundSd, 2],
  ["SERVICE_SD", F.serviceSd, 2],
  ["PROMISED_LEAD_TIME", F.promisedLeadTimeFn, 4],
  ["DEMAND_BOUND", F.demandBoundFn, 5],
  ["NET_REPLENISHMENT_TIME", F.netReplenishmentTimeFn, 3],
  ["SAFETY_STOCK", F.safetyStockFn, 4],
  ["INBOUND_LEAD_TIME", F.inboundLeadTimeFn, 4],
];

/** Copies arrays (deeply), keeps everything else by reference: enough to detect mutation. */
function snapshot(value: unknown): unknown {
  return Array.isArray(value) ? value.map(snapshot) : value;
}

function checkSpill(result: unknown): void {
  expect(Array.isArray(result)).toBe(true);
  const rows = result as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0].length;
  expect(width).toBeGreaterThan(0);
  for (const row of rows) {
    expect(Array.isArray(row)).toBe(true);
    expect(row.length).toBe(width);
    for (const cell of row) {
      if (typeof cell === "number") {
        if (!Number.isFinite(cell)) throw new Error(`non-finite number ${cell}`);
        continue;
      }
      const error = cell as { code?: unknown; message?: unknown };
      if (!error || (error.code !== "#VALUE!" && error.code !== "#N/A")) throw new Error(`unexpected cell ${JSON.stringify(cell)}`);
      if (typeof error.message !== "string" || error.message.trim() === "") throw new Error(`error without a message: ${String(error.code)}`);
    }
  }
}

describe.each(FUNCTIONS)("APS.%s under generated input", (_name, fn, arity) => {
  it(`never throws and returns finite numbers or #VALUE!/#N/A with a message (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(argumentsOf(arity), fc.integer({ min: 0, max: arity }), (args, given) => {
        // Trailing optional arguments may be left out entirely (Excel passes null; a JS caller nothing).
        const call = args.slice(0, Math.max(given, 1));
        const before = snapshot(call);
        let result: unknown;
        expect(() => {
          result = fn(...call);
        }).not.toThrow();
        checkSpill(result);
        expect(call).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });
});
