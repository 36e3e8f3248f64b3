// The Singer & Pinedo (1998) total-weighted-tardiness job shops: a makespan benchmark instance plus due
// dates d_j = ⌊f · Σ_i p_ij⌋ and weights 4 (first 20 % of jobs), 2 (next 60 %), 1 (last 20 %).
import { PlanningInputError } from "../../errors";
import type { JobShopInstance } from "./jobShop";

/** The due-date tightness factors f of the standard set (tighter = smaller f). */
export const SINGER_PINEDO_FACTORS = [1.3, 1.5, 1.6] as const;

/**
 * Weight w_j of job j (numbered from 0) among `jobCount` jobs: 4 for the first 20 %, 2 for the next
 * 60 %, 1 for the last 20 % (job numbers 1-based: k ≤ 0.2 n → 4, k ≤ 0.8 n → 2, else 1).
 * @example singerPinedoWeight(1, 10) // 4 ; singerPinedoWeight(2, 10) // 2 ; singerPinedoWeight(8, 10) // 1
 */
export function singerPinedoWeight(job: number, jobCount: number): number {
  const k = job + 1;
  if (5 * k <= jobCount) return 4;
  if (5 * k <= 4 * jobCount) return 2;
  return 1;
}

/**
 * Due date ⌊f · P⌋ of a job with total processing time P (exact for integer P and f with ≤ 6 decimals).
 * @example singerPinedoDueDate(395, 1.3) // 513 (ft10 job 0: 1.3 · 395 = 513.5)
 */
export function singerPinedoDueDate(totalProcessing: number, factor: number): number {
  if (Number.isInteger(totalProcessing)) {
    const scaled = Math.round(factor * 1e6);
    if (Math.abs(scaled - factor * 1e6) < 1e-6 && Number.isSafeInteger(scaled * totalProcessing)) {
      return Math.floor((scaled * totalProcessing) / 1e6);
    }
  }
  return Math.floor(factor * totalProcessing);
}

/**
 * The TWT instance of Singer & Pinedo for a makespan instance and factor f (does not mutate `base`).
 * @example singerPinedoInstance(ft10, 1.3).jobs[0] // { dueDate: 513, weight: 4, operations: [...] }
 */
export function singerPinedoInstance(base: JobShopInstance, factor: number): JobShopInstance {
  if (typeof factor !== "number" || !Number.isFinite(factor) || factor <= 0) {
    throw new PlanningInputError(`The due-date factor must be a positive finite number (got ${factor}).`, "factor");
  }
  const n = base.jobs.length;
  return {
    ...base,
    name: base.name === undefined ? undefined : `${base.name}-f${factor}`,
    jobs: base.jobs.map((job, j) => {
      const total = job.operations.reduce((s, op) => s + op.duration, 0);
      return {
        ...job,
        operations: job.operations.map((op) => ({ ...op })),
        dueDate: singerPinedoDueDate(total, factor),
        weight: singerPinedoWeight(j, n),
      };
    }),
  };
}
