// The pane's "Check by simulation" job: reads Stages / Arcs / Settings (and Demand History), plans
// every policy, simulates them replication by replication (progress and the result so far after
// each one, so a cancel keeps it) and returns the Simulation sheets, cards and promises at risk.

import { isPlanningInputError } from "../../engine/errors";
import { POLICY_NAMES, PolicyName, SIMULATION_MODES, SimulationMode, SimulationOptions, SimulationResult } from "../../engine/simulate/types";
import { simulateWorkbookTables } from "./simulateWorkbook";
import { simulationSheets } from "./simulationSheet";
import { memoryPort } from "../jobs/memoryPort";
import { inputErrorExceptions, problemException } from "../tables/problems";
import type { JobCard, JobInput, JobOutput, JobProgress, WorkbookJob } from "../jobs/types";
import { HISTORY_TABLES } from "../forecast/forecastTables";

function cards(result: SimulationResult): JobCard[] {
  const k = result.policies[0].kpis;
  const interval = (e: { ci95: [number, number] | null }, scale = 1, digits = 2) =>
    e.ci95 ? `95 % interval ${(e.ci95[0] * scale).toFixed(digits)} to ${(e.ci95[1] * scale).toFixed(digits)}` : undefined;
  const atRisk = result.exceptions.filter((e) => e.message.startsWith("Promise at risk")).length;
  return [
    { label: "On-time share", value: k.onTimeShare.mean, unit: "", detail: interval(k.onTimeShare) },
    { label: "Fill rate", value: k.fillRate.mean, unit: "", detail: interval(k.fillRate) },
    { label: "Inventory holding cost", value: k.inventoryHoldingCost.mean, unit: "per t", detail: interval(k.inventoryHoldingCost) },
    { label: "Lead time to customer", value: k.leadTimeToCustomer.mean, unit: "t", detail: interval(k.leadTimeToCustomer) },
    { label: "Promises at risk", value: atRisk, detail: `${result.replications} replication(s), ${result.mode} mode, seed ${result.seed}` },
  ];
}

function output(result: SimulationResult, status: JobOutput["status"]): JobOutput {
  return {
    status,
    cards: cards(result),
    exceptions: result.exceptions.map((e) => ({ severity: e.severity, where: /!/.test(e.where) ? e.where : null, message: e.message })),
    sheets: simulationSheets(result),
    json: result,
  };
}

function optionsOf(input: JobInput): SimulationOptions {
  const o = input.options;
  const int = (name: string, fallback: number) => (typeof o[name] === "number" ? (o[name] as number) : fallback);
  const policiesText = typeof o.policies === "string" ? o.policies.trim() : "";
  const policies = policiesText === "" || policiesText === "all" ? undefined : policiesText.split(",").map((p) => p.trim()) as PolicyName[];
  return {
    replications: int("replications", 20), horizon: int("horizon", 1000), warmup: int("warmup", 100), seed: int("seed", 7),
    mode: (typeof o.mode === "string" ? o.mode : "planned") as SimulationMode,
    demand: o.demand === "poisson" ? "poisson" : "normal",
    service: o.service === "plan" ? "plan" : "exponential",
    policies,
  };
}

function invalid(messages: string[]): JobOutput {
  return { status: "invalid", cards: [], sheets: [], exceptions: messages.map((message) => ({ severity: "error", where: null, message })) };
}

export const simulateJob: WorkbookJob = {
  id: "simulate",
  title: "Simulate",
  step: "plan",
  order: 30,
  description: "Check by simulation: run the plan and its rival policies many times on the same random demand, and flag every promise at risk.",
  tables: ["Stages", "Arcs", "Settings", ...HISTORY_TABLES],
  requiredTables: ["Stages"],
  options: [
    { name: "replications", label: "Replications", kind: "integer", default: 20, min: 1, max: 10_000, hint: "Independent runs; the intervals narrow with more." },
    { name: "horizon", label: "Horizon (periods)", kind: "integer", default: 1000, min: 1, max: 1_000_000, hint: "Periods measured in each run." },
    { name: "warmup", label: "Warm-up (periods)", kind: "integer", default: 100, min: 0, max: 1_000_000, hint: "Periods run first and not measured." },
    { name: "seed", label: "Seed", kind: "integer", default: 7, min: 0, max: 4_294_967_295, hint: "Same seed, same result." },
    { name: "mode", label: "Mode", kind: "choice", default: "planned", choices: [...SIMULATION_MODES], hint: "planned: suppliers always on time; propagating: shortfalls delay customers; capacity: queues at each stage." },
    { name: "demand", label: "Demand", kind: "choice", default: "normal", choices: ["normal", "poisson"], hint: "Customer demand where Demand History has no series." },
    { name: "service", label: "Processing times", kind: "choice", default: "exponential", choices: ["exponential", "plan"], hint: "Capacity mode only." },
    { name: "policies", label: "Policies", kind: "text", default: "all", hint: `Comma-separated: ${POLICY_NAMES.join(", ")}; all by default.` },
  ],
  async run(input: JobInput, onProgress: (progress: JobProgress) => void): Promise<JobOutput> {
    const options = optionsOf(input);
    const bad = [
      ...(options.policies ?? []).filter((p) => !POLICY_NAMES.includes(p)).map((p) => `Policies: "${p}" is not a policy (${POLICY_NAMES.join(", ")}).`),
      ...(SIMULATION_MODES.includes(options.mode!) ? [] : [`Mode must be one of ${SIMULATION_MODES.join(", ")}.`]),
    ];
    if (bad.length > 0) return invalid(bad);
    try {
      // The same run as `aps simulate` (simulateWorkbook.ts).
      const outcome = await simulateWorkbookTables(memoryPort(input.tables), {
        ...options,
        onProgress: (step, done) => onProgress({ step, fraction: done }),
        onPartial: (partial) => onProgress({ step: `replication ${partial.replications}`, fraction: partial.replications / (options.replications ?? 20), partial: output(partial, "stopped") }),
      });
      if (!outcome.ok) return { status: "invalid", cards: [], sheets: [], exceptions: outcome.problems.map(problemException) };
      return output(outcome.result, outcome.result.status);
    } catch (error) {
      if (isPlanningInputError(error)) return { status: "invalid", cards: [], sheets: [], exceptions: inputErrorExceptions(error) };
      throw error;
    }
  },
};
