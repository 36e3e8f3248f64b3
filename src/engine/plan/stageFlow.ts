// The flow figures of each stage, in topological order: variability (docs/model.md §1), planned rate (§2),
// Kingman queue (eq. 5-6) and the make-to-order lead time of eq. (7) (§3).

import { isPlanningInputError } from "../errors";
import { inboundServiceTime, productionLeadTime, promisedLeadTime } from "../leadTime";
import { zFromServiceLevel } from "../normal";
import { kingmanWait, ordersInSystem, utilisation } from "../queue";
import { optimalRate, optimalRateExact } from "../rate";
import { derivedInterarrivalSd, inboundSd, serviceTimeSd } from "../variability";
import type { PlanIssue, PlanSettings, StageInput } from "../network/types";
import type { StageDemand } from "./demand";
import type { StagePlan } from "./types";

/** The flow figures of a stage, as the plan result names them (docs/formats.md §2). */
export type StageFlow = Pick<StagePlan,
  "z" | "interarrivalSd" | "serviceSd" | "rate" | "utilisation" | "ordersInSystem" | "waitInQueue" | "leadTime" | "promisedLeadTime">;

function stageIssue(stage: string, row: number, field: string | null, severity: PlanIssue["severity"], message: string): PlanIssue {
  return { severity, message, location: { table: "Stages", row, field }, stage };
}

/** Runs `compute`; a PlanningInputError becomes an issue on the stage and the figure null. */
function attempt<T>(compute: () => T, onError: (message: string) => void): T | null {
  try {
    return compute();
  } catch (error) {
    if (isPlanningInputError(error)) {
      onError(error.message);
      return null;
    }
    throw error;
  }
}

/**
 * Flow figures for every stage (docs/model.md §1-§3), visiting suppliers before customers.
 * Missing inputs leave figures null with an info or error issue naming the stage; the rest goes on.
 */
export function planStageFlows(
  stages: readonly StageInput[],
  demand: readonly StageDemand[],
  upstream: readonly number[][],
  order: readonly number[],
  settings: PlanSettings,
  issues: PlanIssue[],
): StageFlow[] {
  const flows: StageFlow[] = new Array(stages.length);
  for (const j of order) {
    const stage = stages[j];
    const { rate: lambda, sd: sigmaD } = demand[j];
    const note = (field: string | null, severity: PlanIssue["severity"], message: string) =>
      issues.push(stageIssue(stage.id, j, field, severity, `Stage "${stage.id}": ${message}`));

    const z = stage.z ?? zFromServiceLevel(stage.serviceLevel ?? settings.defaultServiceLevel);
    if (z <= 0) note(stage.z !== null ? "z" : "serviceLevel", "warning", `z = ${z} (service level at or below 50 %): the stage plans no safety stock.`);

    // Variability entering the stage (§1): σ_A given or derived, σ_T = σ_A, σ_S from inbound and production.
    let sigmaA: number | null = stage.interarrivalSd;
    if (sigmaA === null && lambda > 0) {
      sigmaA = attempt(() => derivedInterarrivalSd({ demandRate: lambda, demandSd: sigmaD, z }), (m) => note("interarrivalSd", "error", m));
    }
    const upstreamSds = upstream[j].map((i) => flows[i].serviceSd);
    const sigmaIn = upstreamSds.every((s) => s !== null)
      ? inboundSd({ externalInboundSd: stage.externalInboundSd ?? 0, upstreamServiceSds: upstreamSds as number[] })
      : null;
    const sigmaS = sigmaA !== null && sigmaIn !== null ? serviceTimeSd({ inboundSd: sigmaIn, productionSd: sigmaA }) : null;

    // Planned rate (§2): the given rate, else the optimal rate where its costs are known.
    let mu: number | null = stage.productionRate;
    if (mu === null && lambda > 0 && stage.serviceCost !== null && stage.penaltyCost !== null && sigmaA !== null && sigmaS !== null) {
      const params = { arrivalRate: lambda, interarrivalSd: sigmaA, serviceSd: sigmaS, serviceCost: stage.serviceCost, penaltyCost: stage.penaltyCost };
      mu = attempt(() => (settings.rateMethod === "exact" ? optimalRateExact(params) : optimalRate(params)), (m) => note("serviceCost", "error", m));
    }

    // Queue at the planned rate (eq. 5-6).
    let rho: number | null = null;
    let wait: number | null = null;
    let inSystem: number | null = null;
    if (mu !== null) {
      rho = lambda > 0 ? utilisation({ arrivalRate: lambda, serviceRate: mu }) : 0;
      if (lambda === 0) {
        wait = 0;
        inSystem = 0;
      } else if (sigmaA !== null && sigmaS !== null) {
        const queue = { arrivalRate: lambda, serviceRate: mu, interarrivalSd: sigmaA, serviceSd: sigmaS };
        wait = attempt(() => kingmanWait(queue), (m) => note("productionRate", "error", `${m} Raise Production Rate above ${lambda.toPrecision(6)} or leave it blank to plan the optimal rate.`));
        inSystem = wait === null ? null : ordersInSystem(queue);
      }
    }

    // Production lead time (§3): the given lead time, else wait + processing time.
    const processing = stage.processingTime ?? (mu !== null ? 1 / mu : null);
    let lead: number | null = stage.leadTime;
    if (lead === null) {
      if (mu !== null && wait !== null && processing !== null) {
        lead = productionLeadTime({ waitInQueue: wait, processingTime: processing });
      } else if (mu === null && processing !== null) {
        lead = processing;
        if (lambda > 0) note("productionRate", "info", "no planned rate (give Production Rate, or Service Cost and Penalty Cost), so the lead time leaves out the queue wait.");
      } else if (mu === null) {
        note("processingTime", "error", "no lead time: give Lead Time, Processing Time, or Production Rate.");
      }
    }

    // Make-to-order lead time, eq. (7), from the suppliers' W_i.
    const upstreamW = upstream[j].map((i) => flows[i].promisedLeadTime);
    const promised = lead !== null && upstreamW.every((w) => w !== null)
      ? promisedLeadTime({
          inboundServiceTime: inboundServiceTime({ externalInboundTime: stage.externalInboundTime ?? 0, upstreamTimes: upstreamW as number[] }),
          productionLeadTime: lead,
        })
      : null;

    flows[j] = { z, interarrivalSd: sigmaA, serviceSd: sigmaS, rate: mu, utilisation: rho, ordersInSystem: inSystem, waitInQueue: wait, leadTime: lead, promisedLeadTime: promised };
  }
  return flows;
}
