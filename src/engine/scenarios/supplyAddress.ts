// How a Scenarios row addresses the supply tables (docs/scenarios.md): the key of a row of Resources,
// Customers, Demands, Resource Capacity, Resource Loads, Open Supply or Period Commitments, which
// columns a scenario may change, and whether a key without a row adds one (the period tables).

import { editDistance, FieldSpec, normaliseName } from "../network/fields";
import { SUPPLY_JSON_KEYS } from "../supply/locate";
import { SUPPLY_TABLE_FIELDS } from "../supply/supplyFields";
import type { ScenarioCell, SupplyScenarioTable } from "./types";

type Raw = Record<string, unknown>;

/** The supply tables a scenario can change, in the order of FORMATS.md §10. */
export const SUPPLY_SCENARIO_TABLES: readonly SupplyScenarioTable[] = ["Demands", "Customers", "Resources", "Resource Capacity", "Resource Loads", "Open Supply", "Period Commitments"];

/** A supply table's key parts (the fields a Key names, joined by "@"), the columns a scenario may change, and whether a new key adds a row. */
interface TableShape {
  key: readonly string[];
  /** Parts a key may leave out (a Demands key without its customer). */
  optional: number;
  changeable: readonly string[];
  adds: boolean;
  example: string;
}

export const SUPPLY_SHAPES: Record<SupplyScenarioTable, TableShape> = {
  Resources: { key: ["id"], optional: 0, changeable: ["capacity", "overtimeCapacity", "overtimeCost"], adds: false, example: "Paint Line" },
  Customers: { key: ["id"], optional: 0, changeable: ["tier"], adds: false, example: "TrailShop" },
  Demands: { key: ["stage", "period", "customer"], optional: 1, changeable: ["quantity"], adds: true, example: "Final Assembly @ 12 @ CityBikes" },
  "Resource Capacity": { key: ["resource", "period"], optional: 0, changeable: ["capacity"], adds: true, example: "Paint Line @ 12" },
  "Resource Loads": { key: ["stage", "resource"], optional: 0, changeable: ["usage"], adds: true, example: "Paint Shop @ Paint Line" },
  "Open Supply": { key: ["stage", "period"], optional: 0, changeable: ["quantity"], adds: true, example: "Paint Shop @ 3" },
  "Period Commitments": { key: ["stage", "period"], optional: 0, changeable: ["quantity"], adds: true, example: "Frame Welding @ 5" },
};

/** A cell's text for matching keys: trimmed text, a number as written, a date as YYYY-MM-DD. */
export function keyText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString().slice(0, 10) : null;
  const s = String(value).trim();
  return s === "" ? null : s;
}

/** The field of a supply table a Column names: its header or camelCase name (case, spaces, hyphens ignored). */
export function supplyField(table: SupplyScenarioTable, column: string): FieldSpec | null {
  const wanted = normaliseName(column);
  return SUPPLY_TABLE_FIELDS[table].fields.find((f) => normaliseName(f.header) === wanted || normaliseName(f.name) === wanted) ?? null;
}

/** The changeable column a mistyped one most likely meant (at most 2 edits away). */
export function supplyFieldMeant(table: SupplyScenarioTable, column: string): FieldSpec | null {
  const wanted = normaliseName(column);
  let best: FieldSpec | null = null;
  let distance = 3;
  for (const f of SUPPLY_TABLE_FIELDS[table].fields.filter((f) => SUPPLY_SHAPES[table].changeable.includes(f.name))) {
    const d = Math.min(editDistance(wanted, normaliseName(f.header)), editDistance(wanted, normaliseName(f.name)));
    if (d < distance) { best = f; distance = d; }
  }
  return best;
}

/** The header a supply field reads as in its table ("Overtime Capacity", "Priority Tier"). */
export function supplyHeader(table: SupplyScenarioTable, field: string): string {
  return SUPPLY_TABLE_FIELDS[table].fields.find((f) => f.name === field)?.header ?? field;
}

/** The rows of a supply table in a record ([] when the table is absent). */
export function supplyRows(base: unknown, table: SupplyScenarioTable): unknown[] {
  const list = typeof base === "object" && base !== null ? (base as Raw)[SUPPLY_JSON_KEYS[table]] : undefined;
  return Array.isArray(list) ? list : [];
}

/** Where a supply key leads: an existing row (its index), a row to add, or why neither. */
export type SupplyKeyMatch =
  | { ok: true; key: string; index: number | null; added: Raw | null }
  | { ok: false; message: string };

/**
 * Finds the row a Key names: parts split at "@" in the order of the table's key columns (a period as
 * written in the table, a number or a date). A key of a period table or of Resource Loads that no
 * row has adds a row, when its stage and resource exist; Resources and Customers only change rows.
 * @example matchSupplyKey(record, "Resource Capacity", "Paint Line @ 12", stageIds) // { ok: true, key: "Paint Line @ 12", index: 0, added: null }
 */
export function matchSupplyKey(base: unknown, table: SupplyScenarioTable, key: string, stageIds: ReadonlySet<string>): SupplyKeyMatch {
  const shape = SUPPLY_SHAPES[table];
  const parts = key.split("@").map((p) => p.trim());
  const headers = shape.key.map((f) => (f === "id" ? (table === "Resources" ? "Resource" : "Customer") : supplyHeader(table, f)));
  const form = headers.slice(0, shape.key.length - shape.optional).join(" @ ") + (shape.optional ? ` [@ ${headers.slice(-shape.optional).join(" @ ")}]` : "");
  if (parts.length < shape.key.length - shape.optional || parts.length > shape.key.length || parts.some((p) => p === "")) {
    return { ok: false, message: `Key "${key}" does not name a row of ${table}: write ${form} (e.g. "${shape.example}").` };
  }
  const rows = supplyRows(base, table).map((r) => (typeof r === "object" && r !== null ? (r as Raw) : {}));
  const matches: number[] = [];
  rows.forEach((row, i) => { if (parts.every((p, k) => keyText(row[shape.key[k]]) === p)) matches.push(i); });
  const canonical = parts.join(" @ ");
  if (matches.length === 1) return { ok: true, key: canonical, index: matches[0], added: null };
  if (matches.length > 1) {
    const more = table === "Demands" && parts.length < 3 ? `: add the customer ("${canonical} @ ${keyText(rows[matches[0]].customer) ?? "Customer"}")` : "; keep one row in the table";
    return { ok: false, message: `Key "${key}" matches ${matches.length} rows of ${table}${more}.` };
  }
  if (!shape.adds) {
    const ids = rows.map((r) => keyText(r.id)).filter((id): id is string => id !== null);
    const meant = ids.find((id) => normaliseName(id) === normaliseName(key)) ?? ids.find((id) => editDistance(normaliseName(id), normaliseName(key)) <= 2);
    return { ok: false, message: `Key "${key}" is not a row of the ${table} table${meant ? `; did you mean "${meant}"?` : "."}` };
  }
  // A new row: its stage must be a stage of the network, its resource one of Resources.
  const resources = new Set(supplyRows(base, "Resources").map((r) => keyText((r as Raw)?.id)));
  const added: Raw = {};
  for (let k = 0; k < parts.length; k++) {
    const field = shape.key[k];
    if (field === "stage" && !stageIds.has(parts[k])) return { ok: false, message: `Key "${key}": "${parts[k]}" is not a stage of the network (write ${form}).` };
    if (field === "resource" && !resources.has(parts[k])) return { ok: false, message: `Key "${key}": "${parts[k]}" is not a resource of the Resources table (write ${form}).` };
    added[field] = field === "period" && /^\d+$/.test(parts[k]) ? Number(parts[k]) : parts[k];
  }
  return { ok: true, key: canonical, index: null, added };
}

/** True when a record holds what a supply plan reads beyond the network: any supply table but Customers. */
export function hasSupplyInputs(base: unknown): boolean {
  return SUPPLY_SCENARIO_TABLES.some((t) => t !== "Customers" && typeof base === "object" && base !== null && Array.isArray((base as Raw)[SUPPLY_JSON_KEYS[t]]));
}

/** A blank Value drops the row in the tables whose rows are facts by key (demand, capacity of a period, supply, commitment, load). */
export function blankDropsRow(table: SupplyScenarioTable, value: ScenarioCell): boolean {
  return SUPPLY_SHAPES[table].adds && (value === null || (typeof value === "string" && value.trim() === ""));
}
