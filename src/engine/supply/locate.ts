// Names a supply input's place as a JSON path ("demands[3].period", "settings.horizon"), for plans
// read from aps-network/1 JSON files; a workbook adapter names cells instead.

import type { SupplyLocation, SupplyTable } from "./types";

/** The JSON key of each supply table (FORMATS.md §10). */
export const SUPPLY_JSON_KEYS: Record<SupplyTable, string> = {
  Stages: "stages", Arcs: "arcs", Settings: "settings", Demands: "demands", Customers: "customers",
  Resources: "resources", "Resource Capacity": "resourceCapacity", "Resource Loads": "resourceLoads",
  "Open Supply": "openSupply", "Period Commitments": "periodCommitments",
};

/** "demands[3].period", "resources[0]", "settings.horizon", or "network" for the whole input. */
export function supplyJsonPath(location: SupplyLocation | null): string {
  if (!location) return "network";
  const key = SUPPLY_JSON_KEYS[location.table];
  if (location.table === "Settings") return location.field ? `settings.${location.field}` : "settings";
  const row = location.row === null ? key : `${key}[${location.row}]`;
  return location.field ? `${row}.${location.field}` : row;
}
