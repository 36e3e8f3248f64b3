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

/**
 * An aps-network/1 record with its `settings` object passed through `withOptions` (a job's
 * settings-with-options function), as a workbook's Settings table is. A record or settings that is not
 * an object is left as it is, for the reader to refuse.
 * @example recordWithSettings({ stages: [], settings: { horizon: 12 } }, (s) => ({ lotSizing: "mip", ...s })) // { stages: [], settings: { lotSizing: "mip", horizon: 12 } }
 */
export function recordWithSettings(raw: unknown, withOptions: (settings: Record<string, unknown>) => Record<string, unknown>): unknown {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
  if (!isObject(raw)) return raw;
  const settings = raw.settings ?? {};
  return isObject(settings) ? { ...raw, settings: withOptions(settings) } : raw;
}
