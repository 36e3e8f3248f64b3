// The simulation of a plan and its rival policies: plans the network with each placement method,
// runs every policy on the same random numbers replication by replication, and reports means with
// 95 % intervals, paired differences against the plan judged, and the promises at risk.

import { isPlanningInputError, PlanningInputError } from "../errors";
import type { NetworkInput } from "../network/types";
import { planNetwork } from "../plan/planNetwork";
import type { EnginePlan } from "../plan/types";
import { PLAN_MEASURE_KEYS, planValues, PlanValues, STAGE_MEASURE_KEYS, stageValues, StageValues, summarise } from "./measures";
import { runReplication } from "./replicate";
import { simNetwork, ticksPerPeriod } from "./simNetwork";
import { pairedDifference } from "./statistics";
import type {
  Comparison, PlanMeasures, PolicyName, PolicyResult, SimNetwork, SimulationException, SimulationOptions, SimulationResult, StageMeasures,
} from "./types";
import { POLICY_NAMES } from "./types";

export interface PlannedPolicy {
  name: PolicyName;
  placementMethod: string;
  plan: EnginePlan;
}

const RIVALS: readonly string[] = ["paper-rule", "make-to-order", "all-stock"];

/** Plans the network once per policy: `optimised` by the file's own method (auto where it names a rival). */
export function planPolicies(network: NetworkInput, policies: readonly PolicyName[] = POLICY_NAMES): PlannedPolicy[] {
  return policies.map((name) => {
    const own = network.settings.placementMethod;
    const method = name === "optimised" ? (RIVALS.includes(own) ? "auto" : own) : name;
    const plan = planNetwork({ ...network, settings: { ...network.settings, placementMethod: method as NetworkInput["settings"]["placementMethod"] } });
    return { name, placementMethod: plan.placement?.method ?? method, plan };
  });
}

const COMPARED: readonly (keyof PlanMeasures)[] = ["inventoryHoldingCost", "safetyStockHoldingCost", "fillRate", "onTimeShare", "leadTimeToCustomer", "backorders"];

function percent(x: number): string {
  return `${(100 * Math.min(1, Math.max(0, x))).toFixed(1)} %`;
}

/** The promise-at-risk exceptions of the plan judged: on-time share below the service level beyond its interval. */
function promisesAtRisk(policy: PolicyResult, net: SimNetwork): SimulationException[] {
  const out: SimulationException[] = [];
  policy.stages.forEach((stage, j) => {
    const share = stage.onTimeShare;
    if (share.mean === null || share.ci95 === null || !(share.ci95[1] < stage.serviceLevel)) return;
    const s = net.stages[j];
    out.push({
      severity: "warning",
      where: stage.where,
      message: `Promise at risk: stage "${stage.id}" delivers ${percent(share.mean)} of its orders within its committed service time ` +
        `${Number((s.serviceTicks / net.ticksPerPeriod).toPrecision(4))} (95 % interval ${percent(share.ci95[0])} to ${percent(share.ci95[1])}), ` +
        `below its service level of ${percent(stage.serviceLevel)}.`,
    });
  });
  return out;
}

/**
 * Simulates the planned policies (the first is the plan judged) and compares them.
 * @param where the place of a stage's row ("Stages!A4" in a workbook, "stages[2].id" in JSON)
 * @throws PlanningInputError when the plan judged has no placement, or an option is out of range
 */
export function simulatePolicies(
  network: NetworkInput, planned: readonly PlannedPolicy[], history: ReadonlyMap<string, number[]>,
  options: SimulationOptions, where: (stageRow: number) => string,
): SimulationResult {
  const started = Date.now();
  const replications = options.replications ?? 20;
  const horizon = options.horizon ?? 1000;
  const warmup = options.warmup ?? 100;
  const seed = options.seed ?? 7;
  const mode = options.mode ?? "planned";
  const demand = options.demand ?? "normal";
  const service = options.service ?? "exponential";
  const crn = options.commonRandomNumbers ?? true;
  const whole = (x: number, name: string, min: number) => {
    if (!Number.isInteger(x) || x < min) throw new PlanningInputError(`${name} must be a whole number of at least ${min} (got ${x}).`);
  };
  whole(replications, "replications", 1);
  whole(horizon, "horizon", 1);
  whole(warmup, "warmup", 0);
  whole(seed, "seed", 0);
  const exceptions: SimulationException[] = [];
  const usable: { policy: PlannedPolicy; net: SimNetwork | null }[] = [];
  const { ticks, rounded } = ticksPerPeriod(planned.filter((p) => p.plan.placement).map((p) => p.plan.stages), options.maxTicksPerPeriod ?? 4);
  if (rounded) {
    exceptions.push({ severity: "info", where: where(-1), message: `The plan's times are not all multiples of 1/${ticks} period; the simulation rounds them to the nearest 1/${ticks}.` });
  }
  planned.forEach((policy, p) => {
    try {
      usable.push({ policy, net: simNetwork(network, policy.plan.stages, ticks, history) });
    } catch (error) {
      if (!isPlanningInputError(error)) throw error;
      if (p === 0) throw new PlanningInputError(`The plan cannot be simulated: ${error.message}`);
      exceptions.push({ severity: "warning", where: where(-1), message: `Policy ${policy.name} is left out: ${error.message}` });
    }
  });
  const runs = usable.filter((u): u is { policy: PlannedPolicy; net: SimNetwork } => u.net !== null);
  if (mode === "capacity") {
    const slow = runs[0].net.stages.filter((s) => s.rate === null).map((s) => `"${s.id}"`);
    if (slow.length > 0) exceptions.push({ severity: "info", where: where(-1), message: `No planned rate at ${slow.slice(0, 5).join(", ")}${slow.length > 5 ? ` and ${slow.length - 5} more` : ""}: capacity mode simulates no queue there.` });
  }
  if (demand === "poisson") {
    const off = runs[0].net.stages.filter((s) => s.external && !s.external.history && Math.abs(s.external.sd ** 2 - s.external.rate) > 0.25 * s.external.rate);
    if (off.length > 0) exceptions.push({ severity: "info", where: where(off[0].index), message: `Poisson demand has variance λ; ${off.length} stage(s) plan for another deviation (first: "${off[0].id}").` });
  }

  const perStage: StageValues[][][] = runs.map(() => []);
  const perPlan: PlanValues[][] = runs.map(() => []);
  let events = 0;
  let done = 0;
  let status: "done" | "stopped" = "done";
  for (let r = 0; r < replications; r++) {
    if (options.shouldStop?.()) { status = "stopped"; break; }
    runs.forEach(({ net }, p) => {
      const outcome = runReplication(net, { mode, demand, service, warmup, horizon, seed, replication: r, policyStream: crn ? undefined : p });
      events += outcome.events;
      const stages = outcome.stages.map((c, j) => stageValues(c, net, j, mode, horizon));
      perStage[p].push(stages);
      perPlan[p].push(planValues(outcome, stages, net, horizon));
    });
    done++;
    options.onProgress?.(`replication ${r + 1} of ${replications}`, done / replications);
    if (options.onPartial) options.onPartial(resultOf(runs, perStage, perPlan, exceptions, where, { mode, replications: done, horizon, warmup, seed, events, started, status: "stopped" }));
  }
  if (done === 0) throw new PlanningInputError("The simulation was stopped before its first replication.");
  return resultOf(runs, perStage, perPlan, exceptions, where, { mode, replications: done, horizon, warmup, seed, events, started, status });
}

/** The aps-simulation/1 result of the replications run so far. */
function resultOf(
  runs: readonly { policy: PlannedPolicy; net: SimNetwork }[], perStage: StageValues[][][], perPlan: PlanValues[][],
  notes: readonly SimulationException[], where: (stageRow: number) => string,
  run: { mode: SimulationResult["mode"]; replications: number; horizon: number; warmup: number; seed: number; events: number; started: number; status: "done" | "stopped" },
): SimulationResult {
  const policies: PolicyResult[] = runs.map(({ policy, net }, p) => ({
    name: policy.name,
    placementMethod: policy.placementMethod,
    planned: { ...policy.plan.kpis },
    kpis: summarise(perPlan[p], PLAN_MEASURE_KEYS) as unknown as PlanMeasures,
    stages: net.stages.map((s, j): StageMeasures => ({
      id: s.id, where: where(j), serviceLevel: s.serviceLevel,
      ...(summarise(perStage[p].map((rep) => rep[j]), STAGE_MEASURE_KEYS) as unknown as Omit<StageMeasures, "id" | "where" | "serviceLevel">),
    })),
  }));
  const comparisons: Comparison[] = [];
  for (let p = 1; p < runs.length; p++) {
    for (const measure of COMPARED) {
      comparisons.push({
        a: runs[0].policy.name, b: runs[p].policy.name, measure,
        difference: pairedDifference(perPlan[0].map((v) => v[measure]), perPlan[p].map((v) => v[measure])),
      });
    }
  }
  const exceptions = [...notes, ...promisesAtRisk(policies[0], runs[0].net)];
  return {
    format: "aps-simulation/1", mode: run.mode, replications: run.replications, horizon: run.horizon, warmup: run.warmup, seed: run.seed,
    events: run.events, elapsedMs: Date.now() - run.started, ticksPerPeriod: runs[0].net.ticksPerPeriod, status: run.status,
    policies, comparisons, exceptions,
  };
}
