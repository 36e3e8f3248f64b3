// Sequencing on one line with sequence-dependent changeovers = the asymmetric travelling salesman
// problem (docs/model.md §7): a cost matrix c[i][j] (changeover time from product i to product j).
import { PlanningInputError } from "../../errors";

/** An ATSP instance: `cost[i * dimension + j]` is the time from node i to node j (diagonal unused). */
export interface AtspInstance {
  dimension: number;
  cost: Float64Array;
  /** Display names of the nodes (products), when the input had names. */
  names?: string[];
  name?: string;
}

/** Throws a PlanningInputError unless the instance has ≥ 1 node and finite costs. */
export function validateAtsp(instance: AtspInstance): void {
  const n = instance.dimension;
  if (!Number.isInteger(n) || n < 1) throw new PlanningInputError(`dimension must be a positive integer (got ${n}).`, "dimension");
  if (instance.cost.length !== n * n) throw new PlanningInputError(`cost must hold ${n}×${n} = ${n * n} values (got ${instance.cost.length}).`, "cost");
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (i !== j && !Number.isFinite(instance.cost[i * n + j])) throw new PlanningInputError(`cost from ${i} to ${j} must be a finite number.`, "cost");
  }
}

/**
 * Length of a sequence: Σ c[s_k][s_k+1], plus the return c[s_last][s_0] when `closed`.
 * @example sequenceLength({ dimension: 2, cost: Float64Array.of(0, 3, 5, 0) }, [0, 1], true) // 8
 */
export function sequenceLength(instance: AtspInstance, sequence: readonly number[], closed: boolean): number {
  const n = instance.dimension;
  let sum = 0;
  for (let k = 0; k + 1 < sequence.length; k++) sum += instance.cost[sequence[k] * n + sequence[k + 1]];
  if (closed && sequence.length > 1) sum += instance.cost[sequence[sequence.length - 1] * n + sequence[0]];
  return sum;
}

/** The instance whose closed tours through `start` are the open paths from `start`: every return to it is free. */
export function openPathAsTour(instance: AtspInstance, start: number): AtspInstance {
  const n = instance.dimension;
  const cost = instance.cost.slice();
  for (let i = 0; i < n; i++) cost[i * n + start] = 0;
  return { ...instance, cost };
}
