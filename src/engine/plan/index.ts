// The network planner's public face: validate a network record, plan it, name exceptions' places.

import { isPlanningInputError } from "../errors";
import { type InputProblem, type InputRefusal, inputRefusal } from "../inputErrors";
import { ARC_FIELDS, SETTING_FIELDS, STAGE_FIELDS } from "../network/fields";
import { jsonPath } from "../network/locate";
import { readNetwork, FieldNaming } from "../network/readNetwork";
import { userWords } from "../network/userWords";
import type { InputLocation } from "../network/types";
import { planNetwork, PlanOptions } from "./planNetwork";
import type { EnginePlan, PlanException, PlanResult } from "./types";

export type PlanOutcome =
  | { ok: true; plan: PlanResult }
  | InputRefusal;

/** A refused plan: the first errors in full (INPUT_LIMITS.errorsShown), then a line counting the rest; `problems` the records, every one. */
export const refused = inputRefusal;

/** The user's header of a location's field ("Holding Cost" in a workbook, "holdingCost" in JSON), or null. */
export function fieldHeader(location: InputLocation | null, naming: FieldNaming): string | null {
  if (!location?.field) return null;
  if (naming !== "workbook") return location.field;
  const fields = location.table === "Stages" ? STAGE_FIELDS : location.table === "Arcs" ? ARC_FIELDS : SETTING_FIELDS;
  return fields.find((f) => f.name === location.field)?.header ?? location.field;
}

/** Names a location's workbook cell (sheet and address), or null where it is no cell (a whole sheet, a JSON path). */
export type CellOf = (location: InputLocation | null) => string | null;

/** Attaches a place to every issue of an engine plan, giving the aps-plan/1 result; with `cell`, the cell to select where there is one; the stage an issue is about is kept. */
export function withExceptions(plan: EnginePlan, where: (location: InputLocation | null) => string, cell?: CellOf): PlanResult {
  const { issues, ...rest } = plan;
  return {
    ...rest,
    exceptions: issues.map((issue): PlanException => {
      const at = cell?.(issue.location) ?? null;
      return {
        severity: issue.severity, where: where(issue.location), message: issue.message,
        ...(at === null ? {} : { cell: at }), ...(issue.stage === undefined ? {} : { stage: issue.stage }),
      };
    }),
  };
}

/**
 * Validates and plans an aps-network/1 record. Input errors stop the plan (all of them, each named
 * with its place; `earlier` are problems found before, e.g. with a workbook's headers); problems of
 * single stages become exceptions and the plan goes on.
 */
export function planRecord(
  raw: unknown,
  options: PlanOptions & { naming?: FieldNaming; where?: (location: InputLocation | null) => string; cell?: CellOf; earlier?: readonly InputProblem[] } = {},
): PlanOutcome {
  const where = options.where ?? jsonPath;
  const naming = options.naming ?? "json";
  const { network, issues } = readNetwork(raw, naming);
  const earlier = options.earlier ?? [];
  if (!network || earlier.length > 0) {
    const errors = issues.filter((i) => i.severity === "error");
    const records: InputProblem[] = errors.map((i) => ({
      where: where(i.location), table: i.location?.table ?? null, row: i.location?.row ?? null, field: fieldHeader(i.location, naming), message: userWords(i.message, naming),
    }));
    return refused([...earlier, ...records]);
  }
  let plan;
  try {
    plan = planNetwork(network, options);
  } catch (error) {
    // Last line of defence: a figure the field limits did not foresee. Refused, never a crash.
    if (!isPlanningInputError(error)) throw error;
    return refused([{ where: where(null), table: null, row: null, field: null, message: `these inputs cannot be planned: a figure of the plan is too large or too small to compute with (${error.message}); check the largest and smallest numbers of the network.` }]);
  }
  plan.issues.unshift(...issues);
  plan.issues = plan.issues.map((issue) => ({ ...issue, message: userWords(issue.message, naming) }));
  return { ok: true, plan: withExceptions(plan, where, options.cell) };
}

export { planNetwork } from "./planNetwork";
export type { PlanOptions } from "./planNetwork";
export type * from "./types";
