// The pane's job options as the command's flags (placementMethod → --placement-method): a value is read
// by the option's own rule (its choices, its range) and by its Settings field's, so the command takes
// what the pane's run takes; the job's settings-with-options function then adds it as the pane does.

import { SETTING_FIELDS } from "../engine/network/fields";
import { readField, type Finding } from "../engine/network/readField";
import type { JobInput, JobOption, WorkbookJob } from "../workbook/jobs/types";
import { CliInputError } from "./io";
import type { OptionSpec } from "./options";

/**
 * The flag of an option, without its dashes.
 * @example flagOf("placementTimeLimit") // "placement-time-limit"
 */
export function flagOf(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The job's options among `names`, in the job's order (an unknown name is a fault of the program). */
function optionsOf(job: WorkbookJob, names: readonly string[]): JobOption[] {
  const missing = names.filter((name) => !job.options.some((o) => o.name === name));
  if (missing.length > 0) throw new Error(`the ${job.id} job has no option ${missing.join(", ")}`);
  return job.options.filter((o) => names.includes(o.name));
}

/** The flags of the job's options among `names`, as parseOptions takes them: each takes a value. */
export function jobOptionSpecs(job: WorkbookJob, names: readonly string[]): Record<string, OptionSpec> {
  return Object.fromEntries(optionsOf(job, names).map((o) => [flagOf(o.name), { type: "string" as const }]));
}

/** Why the pane's field refuses a number (its kind, min and max), or null. */
function rangeProblem(option: JobOption, value: number): string | null {
  const whole = option.kind === "integer";
  const what = whole ? "a whole number" : "a number";
  const { min, max } = option;
  const range = min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` ≥ ${min}` : max !== undefined ? ` ≤ ${max}` : "";
  const broken = (whole && !Number.isInteger(value)) || (min !== undefined && value < min) || (max !== undefined && value > max);
  return broken ? `must be ${what}${range}` : null;
}

/** Why the engine's Settings reader refuses the value of this Settings name (its rule, its limits), or null. */
function settingProblem(name: string, value: number | string): string | null {
  const field = SETTING_FIELDS.find((f) => f.name === name);
  if (field === undefined) return null;
  const issues: Finding<null>[] = [];
  readField<null>({ [name]: value }, field, null, "json", issues);
  const error = issues.find((i) => i.severity === "error");
  return error === undefined ? null : error.message.slice(name.length + 1).replace(/\.$/, "");
}

/**
 * A flag's text as the option's value, or why it is refused (without the flag's name).
 * @example optionFlagValue({ name: "horizon", kind: "integer", min: 1, max: 1000, … }, "12") // { value: 12 }
 * @example optionFlagValue({ name: "defaultServiceLevel", kind: "number", min: 0, max: 1, … }, "1") // { problem: "must be strictly between 0 and 1 (got 1)" }
 */
export function optionFlagValue(option: JobOption, text: string): { value: number | string } | { problem: string } {
  if (option.kind === "choice") {
    const choices = option.choices ?? [];
    return choices.includes(text) ? { value: text } : { problem: `must be one of ${choices.join(", ")} (got "${text}")` };
  }
  if (option.kind !== "number" && option.kind !== "integer") throw new Error(`option ${option.name}: a ${option.kind} option has no flag`);
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) return { problem: `must be ${option.kind === "integer" ? "a whole number" : "a number"} (got "${text}")` };
  // The Settings field's rule first: it says why in the planner's terms ("strictly between 0 and 1").
  const problem = settingProblem(option.name, value) ?? rangeProblem(option, value);
  return problem === null ? { value } : { problem: problem.includes("(got") ? problem : `${problem} (got ${text})` };
}

/**
 * The options the flags set (only those given), each checked, as the job's `options` take them; a bad
 * value is a CliInputError naming its flag and why, followed by the usage.
 * @example readJobOptionFlags(planJob, ["rateMethod"], { "rate-method": "exact" }, PLAN_USAGE) // { rateMethod: "exact" }
 */
export function readJobOptionFlags(job: WorkbookJob, names: readonly string[], values: Record<string, unknown>, usage: string): JobInput["options"] {
  const options: JobInput["options"] = {};
  for (const option of optionsOf(job, names)) {
    const text = values[flagOf(option.name)];
    if (typeof text !== "string") continue;
    const read = optionFlagValue(option, text);
    if ("problem" in read) throw new CliInputError(`--${flagOf(option.name)} ${read.problem}.\n${usage}`);
    options[option.name] = read.value;
  }
  return options;
}
