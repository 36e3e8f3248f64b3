// A job's options as Settings rows: each option is also a Settings name, and a row of the workbook's
// Settings table wins over the option (the plan and supply jobs alike).

import type { JobInput } from "./types";

const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== "";

/**
 * The Settings with the options among `names` added: only where the option is set and the Settings lack it.
 * @example optionsAsSettings(["horizon"], { horizon: 12 }, { horizon: 8 }) // { horizon: 12 }
 */
export function optionsAsSettings(names: readonly string[], settings: Record<string, unknown>, options: JobInput["options"]): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...settings };
  for (const name of names) if (!isSet(merged[name]) && isSet(options[name])) merged[name] = options[name];
  return merged;
}
