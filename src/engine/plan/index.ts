// The network planner's public face: validate a network record, plan it, name exceptions' places.

import { isPlanningInputError } from "../errors";
import { capMessages } from "../limits";
import { jsonPath } from "../network/locate";
import { readNetwork, FieldNaming } from "../network/readNetwork";
import { userWords } from "../network/userWords";
import type { InputLocation } from "../network/types";
import { planNetwork, PlanOptions } from "./planNetwork";
import type { EnginePlan, PlanResult } from "./types";

export type PlanOutcome =
  | { ok: true; plan: PlanResult }
  | { ok: false; errors: string[]; errorCount?: number };

/** A refused plan: the first errors in full (INPUT_LIMITS.errorsShown), then a line counting the rest. */
export function refused(errors: readonly string[]): PlanOutcome {
  return { ok: false, errors: capMessages(errors), errorCount: errors.length };
}

/** Attaches a place to every issue of an engine plan, giving the aps-plan/1 result. */
export function withExceptions(plan: EnginePlan, where: (location: InputLocation | null) => string): PlanResult {
  const { issues, ...rest } = plan;
  return {
    ...rest,
    exceptions: issues.map((issue) => ({ severity: issue.severity, where: where(issue.location), message: issue.message })),
  };
}

/**
 * Validates and plans an aps-network/1 record. Input errors stop the plan (all of them, each named
 * with its place; `earlier` are problems found before, e.g. with a workbook's headers); problems of
 * single stages become exceptions and the plan goes on.
 */
export function planRecord(
  raw: unknown,
  options: PlanOptions & { naming?: FieldNaming; where?: (location: InputLocation | null) => string; earlier?: readonly string[] } = {},
): PlanOutcome {
  const where = options.where ?? jsonPath;
  const naming = options.naming ?? "json";
  const { network, issues } = readNetwork(raw, naming);
  const earlier = options.earlier ?? [];
  if (!network || earlier.length > 0) {
    return refused([...earlier, ...issues.filter((i) => i.severity === "error").map((i) => `${where(i.location)}: ${userWords(i.message, naming)}`)]);
  }
  let plan;
  try {
    plan = planNetwork(network, options);
  } catch (error) {
    // Last line of defence: a figure the field limits did not foresee. Refused, never a crash.
    if (!isPlanningInputError(error)) throw error;
    return refused([`${where(null)}: these inputs cannot be planned: a figure of the plan is too large or too small to compute with (${error.message}); check the largest and smallest numbers of the network.`]);
  }
  plan.issues.unshift(...issues);
  plan.issues = plan.issues.map((issue) => ({ ...issue, message: userWords(issue.message, naming) }));
  return { ok: true, plan: withExceptions(plan, where) };
}

export { planNetwork } from "./planNetwork";
export type { PlanOptions } from "./planNetwork";
export type * from "./types";
