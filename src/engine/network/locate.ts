// Names a model location as a JSON path ("stages[2].holdingCost"), for plans read from JSON files.

import type { InputLocation } from "./types";

/** The JSON path of a location: "stages[2].holdingCost", "arcs[0]", "settings.periodsPerYear". */
export function jsonPath(location: InputLocation | null): string {
  if (!location) return "network";
  const table = location.table.toLowerCase();
  if (location.table === "Settings") return location.field ? `settings.${location.field}` : "settings";
  const row = location.row === null ? table : `${table}[${location.row}]`;
  return location.field ? `${row}.${location.field}` : row;
}
