// The engine's one error policy: every invalid input throws a PlanningInputError whose message
// names the input and says why. Adapters add where it is (cell argument, sheet/row/column, file line).

import type { InputProblem } from "./inputErrors";

/** An input the model cannot plan with. `input` names the argument or field (e.g. "holdingCost"). */
export class PlanningInputError extends Error {
  readonly input: string | undefined;
  /** Where the input sits, when an adapter knows it (e.g. "Stages!C7", "ft10.txt line 3"). */
  readonly where: string | undefined;
  /** Every problem as a record, when a reader collected them (the message lists them one per line). */
  readonly problems: readonly InputProblem[] | undefined;

  constructor(message: string, input?: string, where?: string, problems?: readonly InputProblem[]) {
    super(message);
    this.name = "PlanningInputError";
    this.input = input;
    this.where = where;
    this.problems = problems;
  }
}

/** True when `error` is a PlanningInputError (works across bundles, unlike instanceof alone). */
export function isPlanningInputError(error: unknown): error is PlanningInputError {
  return error instanceof PlanningInputError || (error instanceof Error && error.name === "PlanningInputError");
}

function describe(value: number): string {
  if (Number.isNaN(value)) return "not a number";
  if (value === Infinity) return "infinite";
  if (value === -Infinity) return "minus infinity";
  return String(value);
}

/** Throws unless `value` is a finite number. Returns it, so validation reads as assignment. */
export function requireFinite(value: number, input: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new PlanningInputError(`${input} must be a finite number (got ${describe(value)}).`, input);
  }
  return value;
}

/** Throws unless `value` > 0 and finite. */
export function requirePositive(value: number, input: string): number {
  requireFinite(value, input);
  if (value <= 0) throw new PlanningInputError(`${input} must be greater than 0 (got ${value}).`, input);
  return value;
}

/** Throws unless `value` ≥ 0 and finite. */
export function requireNonNegative(value: number, input: string): number {
  requireFinite(value, input);
  if (value < 0) throw new PlanningInputError(`${input} must not be negative (got ${value}).`, input);
  return value;
}

/** Throws unless 0 < `value` < 1 (a probability such as a service level). */
export function requireProbability(value: number, input: string): number {
  requireFinite(value, input);
  if (value <= 0 || value >= 1) {
    throw new PlanningInputError(`${input} must be strictly between 0 and 1 (got ${value}).`, input);
  }
  return value;
}

/**
 * An input the chosen model needs but was not given (e.g. the production lot-size model without
 * a production rate). Still a PlanningInputError (same `name`); adapters may show it as "not
 * available" (#N/A in a cell) rather than as a wrong value.
 */
export class MissingInputError extends PlanningInputError {
  readonly missing = true as const;
}

/** True when `error` is a MissingInputError (works across bundles). */
export function isMissingInputError(error: unknown): error is MissingInputError {
  return isPlanningInputError(error) && (error as { missing?: unknown }).missing === true;
}

/**
 * Throws unless a computed `value` is finite: inputs that are each valid can still overflow
 * (1e308 squared). `what` names the result, `inputs` the arguments to blame.
 */
export function requireFiniteResult(value: number, what: string, inputs: string): number {
  if (!Number.isFinite(value)) {
    throw new PlanningInputError(`${what} overflows or is undefined for these ${inputs}: they are too large or too small to compute with.`, inputs);
  }
  return value;
}

/**
 * The largest of a value and a list of values, each checked to be ≥ 0 and named in its error:
 * docs/model.md's "max(external, max over upstream)" (inbound service time SI_j, inbound deviation σ_in,j).
 * @example largestNonNegative(3, "externalInboundTime", [2, 5], "upstreamTimes") // 5
 */
export function largestNonNegative(first: number, firstInput: string, rest: readonly number[], restInput: string): number {
  let result = requireNonNegative(first, firstInput);
  rest.forEach((value, i) => {
    result = Math.max(result, requireNonNegative(value, `${restInput}[${i}]`));
  });
  return result;
}
