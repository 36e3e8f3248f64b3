// Turns a planned network into what the simulator runs: base stocks, lot sizes and the plan's
// times on a grid of ticks (a period divided so every time of every policy falls on it).

import { PlanningInputError } from "../errors";
import { topologicalOrder } from "../network/graph";
import { hasExternalDemand } from "../network/readNetwork";
import type { NetworkInput } from "../network/types";
import { standardNormalCdf } from "../normal";
import type { StagePlan } from "../plan/types";
import type { SimNetwork, SimStage } from "./types";

const ON_GRID = 1e-6;

/** The times of a stage that must fall on the tick grid: SI_j, L_j, S_j and τ_j. */
function stageTimes(stage: StagePlan): number[] {
  return [stage.inboundServiceTime ?? 0, stage.leadTime ?? 0, stage.committedServiceTime ?? 0, stage.netReplenishmentTime ?? 0];
}

/**
 * Ticks per period: the smallest m ≤ maxTicks putting every time of every plan on the 1/m grid,
 * else maxTicks (times are then rounded to the nearest tick, and `rounded` says so).
 * @example ticksPerPeriod([[{ inboundServiceTime: 2.5, leadTime: 1, committedServiceTime: 0, netReplenishmentTime: 3.5 }]], 4) // { ticks: 2, rounded: false }
 */
export function ticksPerPeriod(plans: readonly (readonly StagePlan[])[], maxTicks: number): { ticks: number; rounded: boolean } {
  const times = plans.flatMap((stages) => stages.flatMap(stageTimes));
  for (let m = 1; m <= maxTicks; m++) {
    if (times.every((t) => Math.abs(t * m - Math.round(t * m)) <= ON_GRID * Math.max(1, t * m))) return { ticks: m, rounded: false };
  }
  return { ticks: maxTicks, rounded: true };
}

/**
 * The simulated network of one plan. Stages need a placement (committed service time and demand
 * bound); `history` holds the Demand History values of the stages that have one.
 */
export function simNetwork(
  network: NetworkInput, stages: readonly StagePlan[], ticks: number, history: ReadonlyMap<string, number[]>,
): SimNetwork {
  const index = new Map(network.stages.map((s, i) => [s.id, i]));
  const arcs = network.arcs.map((a) => ({ from: index.get(a.from)!, to: index.get(a.to)!, quantity: a.quantity }));
  const order = topologicalOrder(network.stages.length, arcs);
  if (order === null) throw new PlanningInputError("The network has a cycle; it cannot be simulated.");
  const upstreamOf: number[][] = network.stages.map(() => []);
  for (const arc of arcs) upstreamOf[arc.to].push(arc.from);
  // S_j and τ_j are rounded to the nearest tick (the promise and the stock); SI_j = max(E_j, S_i) on
  // the grid as in the plan; L_j takes what rounding leaves so that SI + L − S = τ.
  const ticksOf = network.stages.map(() => ({ inboundTicks: 0, leadTicks: 0, serviceTicks: 0 }));
  for (const j of order) {
    const plan = stages[j];
    if (plan.committedServiceTime === null || plan.demandBound === null || plan.netReplenishmentTime === null || plan.leadTime === null) {
      throw new PlanningInputError(`Stage "${network.stages[j].id}" has no placement in the plan (see the plan's exceptions), so it cannot be simulated.`);
    }
    const inboundTicks = Math.max(Math.round((network.stages[j].externalInboundTime ?? 0) * ticks), ...upstreamOf[j].map((i) => ticksOf[i].serviceTicks));
    const serviceTicks = Math.round(plan.committedServiceTime * ticks);
    const tauTicks = Math.round(Math.max(0, plan.netReplenishmentTime) * ticks);
    ticksOf[j] = { inboundTicks, leadTicks: Math.max(0, serviceTicks + tauTicks - inboundTicks), serviceTicks };
  }
  const simStages: SimStage[] = network.stages.map((input, j) => {
    const plan = stages[j];
    const { inboundTicks, leadTicks, serviceTicks } = ticksOf[j];
    const external = hasExternalDemand(input)
      ? { rate: input.demandRate ?? 0, sd: input.demandSd ?? 0, history: history.get(input.id) ?? null }
      : null;
    const processing = plan.waitInQueue !== null ? Math.max(0, (plan.leadTime as number) - plan.waitInQueue) : (plan.leadTime as number);
    return {
      index: j, id: input.id,
      baseStock: Math.max(0, plan.demandBound as number),
      lotSize: plan.lotSize !== null && plan.lotSize > 0 && Number.isFinite(plan.lotSize) ? plan.lotSize : 0,
      inboundTicks, leadTicks, serviceTicks,
      upstream: [],
      external,
      holdingCost: input.holdingCost ?? 0,
      rate: plan.rate !== null && plan.rate > 0 ? plan.rate : null,
      processingTime: processing,
      serviceSd: plan.serviceSd ?? 0,
      serviceLevel: standardNormalCdf(Math.max(0, plan.z)),
      externalInboundTime: input.externalInboundTime ?? 0,
      cycleStock: plan.cycleStock ?? 0,
    };
  });
  arcs.forEach((arc, k) => simStages[arc.to].upstream.push({ stage: arc.from, arc: k, quantity: arc.quantity }));
  return { stages: simStages, arcCount: arcs.length, order, ticksPerPeriod: ticks, periodsPerYear: network.settings.periodsPerYear };
}
