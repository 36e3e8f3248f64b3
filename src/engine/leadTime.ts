// Lead times at one stage (docs/model.md §3, eq. 6-7): inbound service time SI, production lead time L
// and the make-to-order (promised) lead time W = SI + L.
import { requireFiniteResult, requireNonNegative, largestNonNegative } from "./errors";

/**
 * Inbound service time SI_j = max(E_j, max over upstream i of W_i) (docs/model.md §3; §5 uses the same
 * shape with the committed service times S_i): a stage starts when all its inputs have arrived.
 * @param options.externalInboundTime E_j, service time quoted by external suppliers (time units, ≥ 0; 0 when null/omitted).
 * @param options.upstreamTimes W_i (or S_i) of each upstream stage (time units, ≥ 0; may be empty).
 * @returns SI_j in time units.
 * @example inboundServiceTime({ externalInboundTime: 3, upstreamTimes: [2, 5] }) // 5
 */
export function inboundServiceTime(options: { externalInboundTime?: number | null; upstreamTimes?: readonly number[] | null }): number {
  return largestNonNegative(options.externalInboundTime ?? 0, "externalInboundTime", options.upstreamTimes ?? [], "upstreamTimes");
}

/**
 * Production lead time L_j = W_q,j + T_j (docs/model.md §3): the wait in the stage's queue (eq. 6) plus
 * its processing time.
 * @param options.waitInQueue W_q, time units (≥ 0).
 * @param options.processingTime T_j, time units (≥ 0).
 * @returns L_j in time units.
 * @example productionLeadTime({ waitInQueue: 0.6068186390236735, processingTime: 4 }) // 4.606818639023674
 */
export function productionLeadTime(options: { waitInQueue: number; processingTime: number }): number {
  const wait = requireNonNegative(options.waitInQueue, "waitInQueue");
  const t = requireNonNegative(options.processingTime, "processingTime");
  return requireFiniteResult(wait + t, "The production lead time", "waitInQueue and processingTime");
}

/**
 * Make-to-order (promised) lead time, eq. (7): W_j = SI_j + L_j (docs/model.md §3).
 * @param options.inboundServiceTime SI_j, time units (≥ 0).
 * @param options.productionLeadTime L_j, time units (≥ 0).
 * @returns W_j in time units.
 * @example promisedLeadTime({ inboundServiceTime: 3, productionLeadTime: 4.606818639023674 }) // 7.606818639023674
 */
export function promisedLeadTime(options: { inboundServiceTime: number; productionLeadTime: number }): number {
  const si = requireNonNegative(options.inboundServiceTime, "inboundServiceTime");
  const l = requireNonNegative(options.productionLeadTime, "productionLeadTime");
  return requireFiniteResult(si + l, "The promised lead time", "inboundServiceTime and productionLeadTime");
}
