// Validates the rows of a Scenarios table against the base network (docs/scenarios.md): every
// row names a scenario, a table (Stages, Arcs, Settings), a key in it and a column; all problems at once.

import { closestName } from "../nearMiss";
import { ARC_FIELDS, editDistance, fieldForHeader, likelyMeant, normaliseName, SETTING_FIELDS, STAGE_FIELDS, FieldSpec } from "../network/fields";
import { matchSupplyKey, SUPPLY_SCENARIO_TABLES, SUPPLY_SHAPES, supplyField, supplyFieldMeant } from "./supplyAddress";
import type { Scenario, ScenarioCell, ScenarioChange, ScenarioProblem, ScenarioRow, ScenarioTable, SupplyScenarioTable } from "./types";

/** The name the base plan goes by; no scenario may take it. */
export const BASE_SCENARIO = "Base";

const TABLES: readonly ScenarioTable[] = ["Stages", "Arcs", "Settings", ...SUPPLY_SCENARIO_TABLES];
const TABLE_LIST = "Stages, Arcs, Settings, or a supply table (Resources, Resource Capacity, Resource Loads, Demands, Customers, Open Supply, Period Commitments)";

function isSupplyTable(table: ScenarioTable): table is SupplyScenarioTable {
  return (SUPPLY_SCENARIO_TABLES as readonly string[]).includes(table);
}

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(cell: ScenarioCell): string | null {
  if (cell === null) return null;
  const s = String(cell).trim();
  return s === "" ? null : s;
}

function quote(value: string): string {
  return `"${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
}

/** The arc key of a base arc: "From→To". */
export function arcKey(from: string, to: string): string {
  return `${from}→${to}`;
}

/** The stage ids and arc keys of the base record (as trimmed text), by index. */
function baseKeys(base: unknown): { stages: Map<string, number>; arcs: Map<string, number> } {
  const stages = new Map<string, number>();
  const arcs = new Map<string, number>();
  if (!isRecord(base)) return { stages, arcs };
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  list(base.stages).forEach((s, i) => {
    const id = isRecord(s) ? text(s.id as ScenarioCell) : null;
    if (id !== null && !stages.has(id)) stages.set(id, i);
  });
  list(base.arcs).forEach((a, i) => {
    const from = isRecord(a) ? text(a.from as ScenarioCell) : null;
    const to = isRecord(a) ? text(a.to as ScenarioCell) : null;
    if (from !== null && to !== null && !arcs.has(arcKey(from, to))) arcs.set(arcKey(from, to), i);
  });
  return { stages, arcs };
}

/** The base arc a key names: "From→To" or "From->To" (spaces around the arrow do not count). */
function findArc(key: string, arcs: Map<string, number>): { key: string; index: number } | null {
  const pattern = /\s*(→|->)\s*/g;
  for (let match = pattern.exec(key); match; match = pattern.exec(key)) {
    const candidate = arcKey(key.slice(0, match.index).trim(), key.slice(match.index + match[0].length).trim());
    const index = arcs.get(candidate);
    if (index !== undefined) return { key: candidate, index };
  }
  return null;
}

/** The base key a mistyped one most likely meant: same but for case and spaces, else at most 2 (3 when long) edits away. */
function closestKey(key: string, keys: Iterable<string>): string | null {
  return closestName(key, [...keys]);
}

/** Which stage fields a scenario may change: all but the id. Which arc fields: the quantity. */
const CHANGEABLE: Record<"Stages" | "Arcs", readonly FieldSpec[]> = {
  Stages: STAGE_FIELDS.filter((f) => f.name !== "id"),
  Arcs: ARC_FIELDS.filter((f) => f.name === "quantity"),
};

/**
 * Reads the Scenarios rows against the base network record. Blank rows are skipped; rows of one
 * scenario combine, in table order; one cell changed twice by one scenario is a problem.
 * @example readScenarios([{ scenario: "Supplier late", table: "Stages", key: "Casting", column: "External Inbound Time", value: 6 }], base)
 *   // scenarios: [{ name: "Supplier late", changes: [{ table: "Stages", key: "Casting", field: "externalInboundTime", value: 6, … }] }]
 */
export function readScenarios(rows: readonly ScenarioRow[], base: unknown): { scenarios: Scenario[]; problems: ScenarioProblem[] } {
  const problems: ScenarioProblem[] = [];
  const keys = baseKeys(base);
  const byName = new Map<string, Scenario>();
  const changedAt = new Map<string, number>();
  rows.forEach((row, r) => {
    const cells = [row.scenario, row.table, row.key, row.column, row.value];
    if (cells.every((c) => text(c) === null)) return;
    const fail = (field: ScenarioProblem["field"], message: string) => { problems.push({ row: r, field, message }); };
    const before = problems.length;
    const name = text(row.scenario);
    if (name === null) fail("scenario", "Scenario is required: name the scenario this change belongs to.");
    else if (normaliseName(name) === normaliseName(BASE_SCENARIO)) fail("scenario", `Scenario ${quote(name)} is the name of the plan without changes; call the scenario something else.`);

    const tableText = text(row.table);
    const table = tableText === null ? null : TABLES.find((t) => normaliseName(t) === normaliseName(tableText)) ?? null;
    if (tableText === null) fail("table", `Table is required: ${TABLE_LIST}.`);
    else if (table === null) {
      const meant = TABLES.find((t) => editDistance(normaliseName(t), normaliseName(tableText)) <= 2) ?? TABLES.find((t) => normaliseName(t).startsWith(normaliseName(tableText).slice(0, 3)));
      fail("table", `Table ${quote(tableText)} is not a table a scenario can change: use ${TABLE_LIST}${meant ? ` (did you mean "${meant}"?)` : ""}.`);
    }

    const key = text(row.key);
    const column = text(row.column);
    let change: Omit<ScenarioChange, "sourceRow" | "value"> | null = null;
    if (table !== null && isSupplyTable(table)) {
      change = supplyChange(table, key, column, base, keys.stages, fail);
      if (problems.length > before) change = null;
    } else if (table === "Settings") {
      const setting = key === null ? null : fieldForHeader(SETTING_FIELDS, key);
      if (key === null) fail("key", "Key is required: for Settings, the setting's name (e.g. placementTimeLimit).");
      else if (!setting) {
        const meant = likelyMeant(SETTING_FIELDS, key);
        fail("key", `Key ${quote(key)} is not a setting${meant ? `; did you mean "${meant.name}"?` : ` (known: ${SETTING_FIELDS.map((f) => f.name).join(", ")}).`}`);
      }
      if (column !== null && normaliseName(column) !== "value") fail("column", `Column ${quote(column)}: a Settings change has Column "Value" or blank.`);
      if (setting && problems.length === before) change = { table, key: setting.name, index: null, field: setting.name, header: setting.name };
    } else if (table !== null) {
      let found: { key: string; index: number } | null = null;
      if (key === null) fail("key", table === "Stages" ? "Key is required: the Id of the stage to change." : 'Key is required: the arc as "From→To".');
      else if (table === "Stages") {
        const index = keys.stages.get(key);
        if (index !== undefined) found = { key, index };
        else {
          const meant = closestKey(key, keys.stages.keys());
          fail("key", `Key ${quote(key)} is not a stage of the network${meant ? `; did you mean "${meant}"?` : "."}`);
        }
      } else {
        found = findArc(key, keys.arcs);
        if (!found) fail("key", `Key ${quote(key)} is not an arc of the network: write it as "From→To" (or From->To) with stage ids of an arc in Arcs.`);
      }
      const fields = CHANGEABLE[table];
      const field = column === null ? null : fieldForHeader(fields, column);
      if (column === null) fail("column", `Column is required: the ${table} column to change (e.g. ${table === "Stages" ? "External Inbound Time" : "Quantity"}).`);
      else if (!field) {
        const all = table === "Stages" ? STAGE_FIELDS : ARC_FIELDS;
        const own = fieldForHeader(all, column);
        if (own) fail("column", `Column "${own.header}" cannot be changed by a scenario: it names the ${table === "Stages" ? "stage" : "arc"}; change its other columns.`);
        else {
          const meant = likelyMeant(fields, column);
          fail("column", `Column ${quote(column)} is not a column of the ${table} table${meant ? `; did you mean "${meant.header}"?` : "."}`);
        }
      }
      if (found && field && problems.length === before) change = { table, key: found.key, index: found.index, field: field.name, header: field.header };
    }
    if (!change || name === null) return;
    const cell = `${name}\u0000${change.table}\u0000${change.index ?? change.key}\u0000${change.field}`;
    const earlier = changedAt.get(cell);
    if (earlier !== undefined) {
      fail("column", `Scenario ${quote(name)} changes ${change.table} ${quote(change.key)} ${change.header} twice (also on Scenarios row ${earlier + 1}); keep one row.`);
      return;
    }
    changedAt.set(cell, r);
    const value = typeof row.value === "string" && row.value.trim() === "" ? null : row.value;
    const scenario = byName.get(name) ?? { name, changes: [] };
    scenario.changes.push({ ...change, sourceRow: r, value });
    byName.set(name, scenario);
  });
  if (problems.length === 0 && byName.size === 0) problems.push({ row: -1, field: null, message: "The Scenarios table has no scenarios: add rows of Scenario, Table, Key, Column, Value." });
  return { scenarios: [...byName.values()], problems };
}

/** The change a Scenarios row makes in a supply table, or null after telling what is wrong with its Key or Column. */
function supplyChange(
  table: SupplyScenarioTable, key: string | null, column: string | null, base: unknown, stageIds: Map<string, number>,
  fail: (field: ScenarioProblem["field"], message: string) => void,
): Omit<ScenarioChange, "sourceRow" | "value"> | null {
  const shape = SUPPLY_SHAPES[table];
  const match = key === null ? null : matchSupplyKey(base, table, key, new Set(stageIds.keys()));
  if (key === null) fail("key", `Key is required: the ${table} row to change (e.g. "${shape.example}").`);
  else if (match && !match.ok) fail("key", match.message);
  const field = column === null ? null : supplyField(table, column);
  if (column === null) fail("column", `Column is required: the ${table} column to change (${shape.changeable.map((f) => `"${headerOf(table, f)}"`).join(", ")}).`);
  else if (!field) {
    const meant = supplyFieldMeant(table, column);
    fail("column", `Column ${quote(column)} is not a column of the ${table} table${meant ? `; did you mean "${meant.header}"?` : "."}`);
  } else if (!shape.changeable.includes(field.name)) {
    fail("column", `Column "${field.header}" cannot be changed by a scenario: it is part of the row's Key; change ${shape.changeable.map((f) => `"${headerOf(table, f)}"`).join(" or ")}.`);
  }
  if (!match || !match.ok || !field || !shape.changeable.includes(field.name)) return null;
  return { table, key: match.key, index: match.index, added: match.added, field: field.name, header: field.header };
}

function headerOf(table: SupplyScenarioTable, field: string): string {
  return supplyField(table, field)?.header ?? field;
}
