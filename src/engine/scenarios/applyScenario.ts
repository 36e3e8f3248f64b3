// Applies a scenario's changes to a copy of the base network record (copy on write: the base is
// never modified), and names the places of the changed inputs by the Scenarios cells that set them.

import type { InputLocation } from "../network/types";
import type { Scenario, ScenarioChange } from "./types";

type Raw = Record<string, unknown>;

function locationKey(table: string, row: number | null, field: string | null): string {
  return `${table}\u0000${row}\u0000${field}`;
}

/**
 * The base aps-network/1 record with the scenario's changes: a changed stage or arc record is a
 * new object, every other record is shared with the base; a null value clears the field.
 * @example applyScenario({ stages: [{ id: "A", holdingCost: 2 }] }, { name: "s", changes: [{ table: "Stages", index: 0, field: "holdingCost", value: 3, … }] })
 *   // { stages: [{ id: "A", holdingCost: 3 }] } (the base still holds 2)
 */
export function applyScenario(base: Raw, scenario: Scenario): Raw {
  const variant: Raw = { ...base };
  const stages = Array.isArray(base.stages) ? [...base.stages] : base.stages;
  const arcs = Array.isArray(base.arcs) ? [...base.arcs] : base.arcs;
  let settings: Raw | null = null;
  for (const change of scenario.changes) {
    if (change.table === "Settings") {
      settings ??= { ...(typeof base.settings === "object" && base.settings !== null && !Array.isArray(base.settings) ? (base.settings as Raw) : {}) };
      settings[change.field] = change.value;
      continue;
    }
    const list = (change.table === "Stages" ? stages : arcs) as unknown[];
    list[change.index as number] = { ...(list[change.index as number] as Raw), [change.field]: change.value };
  }
  variant.stages = stages;
  variant.arcs = arcs;
  if (settings) variant.settings = settings;
  return variant;
}

/** The change that set the input at `location`, if the scenario changed it. */
export function changeAt(scenario: Scenario): (location: InputLocation | null) => ScenarioChange | null {
  const byLocation = new Map<string, ScenarioChange>();
  for (const change of scenario.changes) byLocation.set(locationKey(change.table, change.index, change.field), change);
  return (location) => (location ? byLocation.get(locationKey(location.table, location.row, location.field)) ?? null : null);
}
