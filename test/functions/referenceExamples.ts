// The examples of the README's function reference, as calls. `npx tsx test/functions/referenceExamples.ts`
// prints each answer; reference.test.ts checks that the document shows what the code computes.
import * as F from "../../src/functions/functions";

export interface ReferenceExample {
  formula: string;
  run: () => unknown[][];
}

const v = (x: unknown) => [[x]];

export const REFERENCE_EXAMPLES: ReferenceExample[] = [
  { formula: "=APS.EOQ(1200, 50, 2)", run: () => F.eoq(v(1200), v(50), v(2)) },
  { formula: '=APS.EOQ(40, 150, 1.2, "backorder", 6)', run: () => F.eoq(v(40), v(150), v(1.2), v("backorder"), v(6)) },
  { formula: '=APS.EOQ(20, 200, 0.5, "production", , , 60)', run: () => F.eoq(v(20), v(200), v(0.5), v("production"), v(null), v(null), v(60)) },
  { formula: '=APS.EOQ(20, 200, 0.5, "production-backorder", 2, , 40)', run: () => F.eoq(v(20), v(200), v(0.5), v("production-backorder"), v(2), v(null), v(40)) },
  { formula: '=APS.EOQ(40, 150, 1.2, "lead-time", 6, , , 6, 4)', run: () => F.eoq(v(40), v(150), v(1.2), v("lead-time"), v(6), v(null), v(null), v(6), v(4)) },
  { formula: '=APS.BACKORDER_LEVEL(40, 150, 1.2, "backorder", 6)', run: () => F.backorderLevel(v(40), v(150), v(1.2), v("backorder"), v(6)) },
  { formula: "=APS.OPTIMAL_RATE(20, 1, 10, 0.0165206, 0.2006812)", run: () => F.optimalRateFn(v(20), v(1), v(10), v(0.0165206), v(0.2006812)) },
  { formula: "=APS.OPTIMAL_RATE(2, 1, 10, 0.3, 0.4, TRUE)", run: () => F.optimalRateFn(v(2), v(1), v(10), v(0.3), v(0.4), v(true)) },
  { formula: "=APS.UTILISATION(20, 50)", run: () => F.utilisationFn(v(20), v(50)) },
  { formula: "=APS.QUEUE_WAIT(2, 4, 0.3, 0.4)", run: () => F.queueWait(v(2), v(4), v(0.3), v(0.4)) },
  { formula: "=APS.ORDERS_IN_SYSTEM(2, 4, 0.3, 0.4)", run: () => F.ordersInSystemFn(v(2), v(4), v(0.3), v(0.4)) },
  { formula: "=APS.SERVICE_Z(0.97)", run: () => F.serviceZ(v(0.97)) },
  { formula: "=APS.INTERARRIVAL_SD(20, 6, 0.95)", run: () => F.interarrivalSd(v(20), v(6), v(0.95)) },
  { formula: "=APS.INBOUND_SD({0.2007, 0.0083}, 0.1)", run: () => F.inboundSd([[0.2007, 0.0083]], v(0.1)) },
  { formula: "=APS.SERVICE_SD(0.2, 0.0165206)", run: () => F.serviceSd(v(0.2), v(0.0165206)) },
  { formula: "=APS.PROMISED_LEAD_TIME(1.5, {7.606819, 3.0212}, 0, 0.590174)", run: () => F.promisedLeadTimeFn(v(1.5), [[7.606819, 3.0212]], v(0), v(0.590174)) },
  { formula: "=APS.DEMAND_BOUND(20, 6, 7.606819, 0.95)", run: () => F.demandBoundFn(v(20), v(6), v(7.606819), v(0.95)) },
  { formula: "=APS.NET_REPLENISHMENT_TIME(0, 2.090174, 2)", run: () => F.netReplenishmentTimeFn(v(0), v(2.090174), v(2)) },
  { formula: "=APS.SAFETY_STOCK(6, 7.606819, 0.95)", run: () => F.safetyStockFn(v(6), v(7.606819), v(0.95)) },
  { formula: "=APS.INBOUND_LEAD_TIME(2, 150, 100, 3)", run: () => F.inboundLeadTimeFn(v(2), v(150), v(100), v(3)) },
];

/** The answer as the document shows it: up to 12 significant digits. */
export function formatAnswer(result: unknown[][]): string {
  const cell = result[0][0];
  return typeof cell === "number" ? String(Number(cell.toPrecision(12))) : `${(cell as { code: string }).code}`;
}

if (require.main === module) {
  for (const example of REFERENCE_EXAMPLES) console.log(`${example.formula}\t${formatAnswer(example.run())}`);
}
