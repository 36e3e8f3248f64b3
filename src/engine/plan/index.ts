// The network planner's public face: validate a network record, plan it, name exceptions' places.

import { jsonPath } from "../network/locate";
import { readNetwork, FieldNaming } from "../network/readNetwork";
import type { InputLocation } from "../network/types";
import { planNetwork, PlanOptions } from "./planNetwork";
import type { EnginePlan, PlanResult } from "./types";

export type PlanOutcome =
  | { ok: true; plan: PlanResult }
  | { ok: false; errors: string[] };

/** Attaches a place to every issue of an engine plan, giving the aps-plan/1 result. */
export function withExceptions(plan: EnginePlan, where: (location: InputLocation | null) => string): PlanResult {
  const { issues, ...rest } = plan;
  return {
    ...rest,
    exceptions: issues.map((issue) => ({ severity: issue.severity, where: where(issue.location), message: issue.message })),
  };
}

/**
 * Validates and plans an aps-network/1 record. Input errors stop the plan (each named with its place);
 * problems of single stages become exceptions and the plan goes on.
 */
export function planRecord(
  raw: unknown,
  options: PlanOptions & { naming?: FieldNaming; where?: (location: InputLocation | null) => string } = {},
): PlanOutcome {
  const where = options.where ?? jsonPath;
  const { network, issues } = readNetwork(raw, options.naming ?? "json");
  if (!network) {
    return { ok: false, errors: issues.filter((i) => i.severity === "error").map((i) => `${where(i.location)}: ${i.message}`) };
  }
  const plan = planNetwork(network, options);
  plan.issues.unshift(...issues);
  return { ok: true, plan: withExceptions(plan, where) };
}

export { planNetwork } from "./planNetwork";
export type { PlanOptions } from "./planNetwork";
export type * from "./types";
