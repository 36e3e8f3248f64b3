// Applies a scenario's changes to a copy of the base network record (copy on write: the base is
// never modified), and names the places of the changed inputs by the Scenarios cells that set them.

import type { InputLocation } from "../network/types";
import { SUPPLY_JSON_KEYS } from "../supply/locate";
import type { SupplyLocation } from "../supply/types";
import { blankDropsRow, SUPPLY_SCENARIO_TABLES, supplyRows } from "./supplyAddress";
import type { Scenario, ScenarioChange, SupplyScenarioTable } from "./types";

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
  return applyScenarioPlaced(base, scenario).raw;
}

/** Where a variant's input comes from: the change that set it, or its place in the base. */
export type VariantOrigin = { change: ScenarioChange } | { location: SupplyLocation | null };

/**
 * applyScenario, with the origin of every place of the variant: a supply row the scenario adds or
 * changes is named by its change; other supply rows by their row in the base (rows a blank Value
 * drops shift the rows after them).
 */
export function applyScenarioPlaced(base: Raw, scenario: Scenario): { raw: Raw; origin: (location: SupplyLocation | null) => VariantOrigin } {
  const network = applyNetworkChanges(base, scenario);
  const changed = changeAt(scenario);
  const origins = new Map<SupplyScenarioTable, ({ row: number } | { change: ScenarioChange })[]>();
  for (const table of SUPPLY_SCENARIO_TABLES) {
    const changes = scenario.changes.filter((c) => c.table === table);
    if (changes.length === 0) continue;
    const rows: Raw[] = supplyRows(base, table).map((r) => r as Raw);
    const kept: Raw[] = [];
    const origin: ({ row: number } | { change: ScenarioChange })[] = [];
    const byRow = new Map<number, ScenarioChange[]>();
    for (const c of changes) if (c.index !== null) byRow.set(c.index, [...(byRow.get(c.index) ?? []), c]);
    rows.forEach((row, i) => {
      const own = byRow.get(i) ?? [];
      if (own.some((c) => blankDropsRow(table, c.value))) return;
      kept.push(own.length === 0 ? row : { ...row, ...Object.fromEntries(own.map((c) => [c.field, c.value])) });
      origin.push({ row: i });
    });
    for (const c of changes) {
      if (c.index !== null || !c.added || blankDropsRow(table, c.value)) continue;
      kept.push({ ...c.added, [c.field]: c.value });
      origin.push({ change: c });
    }
    network[SUPPLY_JSON_KEYS[table]] = kept;
    origins.set(table, origin);
  }
  const origin = (location: SupplyLocation | null): VariantOrigin => {
    const table = location?.table as SupplyScenarioTable | undefined;
    const list = table ? origins.get(table) : undefined;
    if (!location || !list || location.row === null) {
      const change = location && !list ? changed(location as InputLocation) : null;
      return change ? { change } : { location };
    }
    const from = list[location.row];
    if (!from) return { location };
    if ("change" in from) return { change: from.change };
    const change = scenario.changes.find((c) => c.table === table && c.index === from.row && (location.field === null || c.field === location.field));
    return change && location.field !== null ? { change } : { location: { ...location, row: from.row } };
  };
  return { raw: network, origin };
}

/** The network tables' changes (Stages, Arcs, Settings), copy on write. */
function applyNetworkChanges(base: Raw, scenario: Scenario): Raw {
  const variant: Raw = { ...base };
  const stages = Array.isArray(base.stages) ? [...base.stages] : base.stages;
  const arcs = Array.isArray(base.arcs) ? [...base.arcs] : base.arcs;
  let settings: Raw | null = null;
  for (const change of scenario.changes) {
    if (change.table !== "Stages" && change.table !== "Arcs" && change.table !== "Settings") continue;
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
