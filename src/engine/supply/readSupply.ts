// Validates the supply parts of an aps-network/1 record (FORMATS.md §10) — settings, stage columns,
// Demands, Customers, Resources, Resource Capacity, Resource Loads, Open Supply, Period Commitments —
// into a SupplyProblem, collecting every error with its place, as readNetwork does for the network.

import { describeCount, INPUT_LIMITS } from "../limits";
import { describeValue, FieldNaming, fieldLabel, isRecord, Raw, readField } from "../network/readField";
import type { NetworkInput } from "../network/types";
import { SUPPLY_JSON_KEYS } from "./locate";
import { defaultDemands, leadTimePeriodsOf, plannedByStage, safetyStockTargetOf, SupplyFigures } from "./supplyDefaults";
import { PeriodCalendar, readPeriod, SUPPLY_TABLE_FIELDS } from "./supplyFields";
import type { SupplyDemand, SupplyIssue, SupplyLocation, SupplyProblem, SupplyResource, SupplyStage, SupplyTable } from "./types";

export interface ReadSupplyResult {
  /** The validated problem, or null when any input error was found. */
  problem: SupplyProblem | null;
  issues: SupplyIssue[];
}

type RowTable = keyof typeof SUPPLY_TABLE_FIELDS;
type Row = { row: number; values: Record<string, unknown> };

const TABLE_ORDER: SupplyTable[] = ["Stages", "Arcs", "Settings", "Customers", "Resources", "Resource Capacity", "Resource Loads", "Demands", "Open Supply", "Period Commitments"];

/** Reader of one supply input: its naming, calendar and the issues found so far. */
class SupplyReader {
  readonly issues: SupplyIssue[] = [];
  /** Ids of rows refused for another field: rows that name them are not told the id is unknown. */
  readonly refusedIds = new Set<string>();
  constructor(readonly raw: Raw, readonly naming: FieldNaming, readonly calendar: PeriodCalendar) {}

  error(table: SupplyTable, row: number | null, field: string | null, message: string): void {
    this.issues.push({ severity: "error", message, location: { table, row, field } });
  }

  /** The rows of a table whose fields all read, with periods turned into numbers. */
  rows(table: RowTable): Row[] | null {
    const key = SUPPLY_JSON_KEYS[table];
    const list = this.raw[key];
    if (list === undefined || list === null) return null;
    const name = this.naming === "json" ? key : `the ${table} table`;
    if (!Array.isArray(list)) {
      this.error(table, null, null, `${name} must be a list (got ${describeValue(list)}).`);
      return [];
    }
    if (list.length > INPUT_LIMITS.rows.supply) {
      this.error(table, null, null, `${name} has ${describeCount(list.length)} rows; aps reads at most ${describeCount(INPUT_LIMITS.rows.supply)}.`);
      return [];
    }
    const { fields, required } = SUPPLY_TABLE_FIELDS[table];
    const rows: Row[] = [];
    list.forEach((record, row) => {
      if (!isRecord(record)) return this.error(table, row, null, `A row of ${name} must be an object (got ${describeValue(record)}).`);
      const before = this.issues.length;
      const values: Record<string, unknown> = {};
      for (const field of fields) {
        const location: SupplyLocation = { table, row, field: field.name };
        const value = record[field.name];
        if (field.name === "period" && value !== null && value !== undefined && value !== "") {
          const read = readPeriod(value, this.calendar, this.naming);
          if ("problem" in read) this.error(table, row, field.name, `${read.problem}.`);
          else values.period = read.period;
          continue;
        }
        values[field.name] = readField<SupplyLocation>(record, field, location, this.naming, this.issues);
        if (values[field.name] === null && required.includes(field.name) && this.issues.length === before) {
          this.error(table, row, field.name, `${fieldLabel(field, this.naming)} is required in every row of ${name}.`);
        }
      }
      if (this.issues.length === before) rows.push({ row, values });
      else if (typeof values.id === "string") this.refusedIds.add(values.id);
    });
    return rows;
  }

  /** Index of a known id, or an error naming the row and field. */
  known(ids: Map<string, number>, id: unknown, table: SupplyTable, row: number, field: string, what: string): number | null {
    const index = ids.get(id as string);
    if (index === undefined && !this.refusedIds.has(id as string)) this.error(table, row, field, `"${id}" is not ${what}.`);
    return index ?? null;
  }
}

/** A setting that must be a whole number within [low, high], or an error. */
function wholeSetting(reader: SupplyReader, name: string, value: number, low: number, high: number): number {
  if (Number.isInteger(value) && value >= low && value <= high) return value;
  reader.error("Settings", null, name, `${name} must be a whole number from ${low} to ${high} (got ${value}).`);
  return Math.min(Math.max(Math.round(value), low), high);
}

/** Resources with per-period capacities (Resources, then Resource Capacity's overrides). */
function readResources(reader: SupplyReader, T: number): { resources: SupplyResource[]; ids: Map<string, number> } {
  const resources: SupplyResource[] = [];
  const ids = new Map<string, number>();
  for (const { row, values } of reader.rows("Resources") ?? []) {
    const id = values.id as string;
    if (ids.has(id)) { reader.error("Resources", row, "id", `Resource "${id}" is listed twice.`); continue; }
    ids.set(id, resources.length);
    resources.push({
      id, capacity: new Array(T).fill(values.capacity as number), overtimeCapacity: new Array(T).fill((values.overtimeCapacity as number | null) ?? 0),
      overtimeCost: (values.overtimeCost as number | null) ?? 0,
    });
  }
  const seen = new Set<string>();
  for (const { row, values } of reader.rows("Resource Capacity") ?? []) {
    const r = reader.known(ids, values.resource, "Resource Capacity", row, "resource", "a resource of the Resources table");
    if (r === null) continue;
    const key = `${r}:${values.period}`;
    if (seen.has(key)) { reader.error("Resource Capacity", row, "period", `Resource "${values.resource}" has two capacities for period ${values.period}.`); continue; }
    seen.add(key);
    resources[r].capacity[(values.period as number) - 1] = values.capacity as number;
  }
  return { resources, ids };
}

/** Each stage's supply figures, with the defaults of MODEL.md §11 where blank. */
function readStages(reader: SupplyReader, network: NetworkInput, figures: SupplyFigures): SupplyStage[] {
  const { horizon: T, periodLength: P } = reader.calendar;
  const planned = plannedByStage(network, figures.planned);
  return network.stages.map((s, j) => {
    if (s.leadTimePeriods != null && !Number.isInteger(s.leadTimePeriods)) {
      reader.error("Stages", j, "leadTimePeriods", `${reader.naming === "json" ? "leadTimePeriods" : "Lead Time Periods"} must be a whole number of periods (got ${s.leadTimePeriods}).`);
    }
    const lead = leadTimePeriodsOf(s.leadTimePeriods ?? null, planned[j]?.leadTime ?? s.leadTime, P);
    if (lead.from === "none") reader.issues.push({ severity: "info", message: `Stage "${s.id}": no lead time is known, so releases arrive in the period they are made (give Lead Time Periods).`, location: { table: "Stages", row: j, field: "leadTimePeriods" } });
    return {
      id: s.id, leadTimePeriods: Math.round(lead.periods), onHand: s.onHand ?? 0, unitCost: s.unitCost ?? 0, holdingCost: s.holdingCost ?? 0,
      safetyStockTarget: safetyStockTargetOf(s.safetyStockTarget ?? null, planned[j]?.safetyStock ?? null),
      orderCost: s.orderCost ?? 0, minLot: s.minLot ?? 0, lotMultiple: s.lotMultiple ?? null,
      releaseCap: new Array(T).fill(s.capacityPerPeriod ?? null), openSupply: new Array(T).fill(0), commitments: new Array(T).fill(null),
    };
  });
}

/** Demand lines from the Demands table (tiers from Customers), or the defaults without one. */
function readDemands(reader: SupplyReader, network: NetworkInput, stageIds: Map<string, number>, figures: SupplyFigures): SupplyDemand[] {
  const tiers = new Map<string, number>();
  for (const { row, values } of reader.rows("Customers") ?? []) {
    const id = values.id as string;
    const tier = (values.tier as number | null) ?? 1;
    if (!Number.isInteger(tier)) { reader.error("Customers", row, "tier", `${reader.naming === "json" ? "tier" : "Priority Tier"} must be a whole number (1 first) (got ${tier}).`); continue; }
    if (tiers.has(id)) { reader.error("Customers", row, "id", `Customer "${id}" is listed twice.`); continue; }
    tiers.set(id, tier);
  }
  const rows = reader.rows("Demands");
  if (rows === null) return defaultDemands(network.stages, reader.calendar.horizon, reader.calendar.periodLength, figures.forecasts ?? {});
  const demands: SupplyDemand[] = [];
  for (const { row, values } of rows) {
    const stage = reader.known(stageIds, values.stage, "Demands", row, "stage", "a stage of the network");
    if (stage === null) continue;
    const customer = (values.customer as string | null) ?? null;
    demands.push({ stage, customer, tier: customer === null ? 1 : tiers.get(customer) ?? 1, period: values.period as number, quantity: values.quantity as number, row });
  }
  return demands;
}

/** Resource Loads, Open Supply and Period Commitments onto the stages. */
function readStageRows(reader: SupplyReader, stages: SupplyStage[], stageIds: Map<string, number>, resourceIds: Map<string, number>): SupplyProblem["loads"] {
  const loads: SupplyProblem["loads"] = [];
  const loadSeen = new Set<string>();
  for (const { row, values } of reader.rows("Resource Loads") ?? []) {
    const j = reader.known(stageIds, values.stage, "Resource Loads", row, "stage", "a stage of the network");
    const r = reader.known(resourceIds, values.resource, "Resource Loads", row, "resource", "a resource of the Resources table");
    if (j === null || r === null) continue;
    if (loadSeen.has(`${j}:${r}`)) { reader.error("Resource Loads", row, "resource", `Stage "${values.stage}" already has a load on resource "${values.resource}".`); continue; }
    loadSeen.add(`${j}:${r}`);
    loads.push({ stage: j, resource: r, usage: values.usage as number });
  }
  for (const { row, values } of reader.rows("Open Supply") ?? []) {
    const j = reader.known(stageIds, values.stage, "Open Supply", row, "stage", "a stage of the network");
    if (j !== null) stages[j].openSupply[(values.period as number) - 1] += values.quantity as number;
  }
  for (const { row, values } of reader.rows("Period Commitments") ?? []) {
    const j = reader.known(stageIds, values.stage, "Period Commitments", row, "stage", "a stage of the network");
    if (j === null) continue;
    const t = (values.period as number) - 1;
    if (stages[j].commitments[t] !== null) { reader.error("Period Commitments", row, "period", `Stage "${values.stage}" has two commitments for period ${t + 1}.`); continue; }
    stages[j].commitments[t] = values.quantity as number;
  }
  return loads;
}

/** Issues in reading order: by table, then row (whole-table issues last). */
function byPlace(issues: SupplyIssue[]): SupplyIssue[] {
  const key = (i: SupplyIssue) => (i.location === null ? [TABLE_ORDER.length, 0] : [TABLE_ORDER.indexOf(i.location.table), i.location.row ?? Number.MAX_SAFE_INTEGER]);
  return issues.map((issue, k) => ({ issue, k, key: key(issue) })).sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.k - b.k).map((x) => x.issue);
}

/**
 * Reads the supply parts of a network record already validated as `network` by readNetwork. Every
 * error comes back together, each with its table, row and field.
 * @example readSupply(record, readNetwork(record).network!).problem!.horizon // 26 by default
 */
export function readSupply(raw: unknown, network: NetworkInput, naming: FieldNaming = "json", figures: SupplyFigures = {}): ReadSupplyResult {
  const record = isRecord(raw) ? raw : {};
  const settings = network.settings;
  const probe = new SupplyReader(record, naming, { horizon: 1, periodLength: 1, planStart: null });
  const horizon = wholeSetting(probe, "horizon", settings.horizon ?? 26, 1, 1000);
  const frozenPeriods = wholeSetting(probe, "frozenPeriods", settings.frozenPeriods ?? 0, 0, horizon);
  const calendar: PeriodCalendar = { horizon, periodLength: settings.periodLength ?? 7, planStart: settings.planStart ?? null };
  const reader = new SupplyReader(record, naming, calendar);
  reader.issues.push(...probe.issues);
  if (network.stages.length * horizon > INPUT_LIMITS.supplyStagePeriods) {
    reader.error("Settings", null, "horizon", `${describeCount(network.stages.length)} stages × ${horizon} periods is more than the ${describeCount(INPUT_LIMITS.supplyStagePeriods)} stage-periods aps plans over time; shorten the horizon.`);
    return { problem: null, issues: byPlace(reader.issues) };
  }
  const stageIds = new Map(network.stages.map((s, j) => [s.id, j]));
  const stages = readStages(reader, network, figures);
  const { resources, ids: resourceIds } = readResources(reader, horizon);
  const loads = readStageRows(reader, stages, stageIds, resourceIds);
  const demands = readDemands(reader, network, stageIds, figures);
  const arcs = network.arcs.map((a) => ({ component: stageIds.get(a.from)!, consumer: stageIds.get(a.to)!, quantity: a.quantity }));
  const issues = byPlace(reader.issues);
  if (issues.some((i) => i.severity === "error")) return { problem: null, issues };
  return {
    problem: { horizon, periodLength: calendar.periodLength, frozenPeriods, planStart: calendar.planStart, stages, arcs, resources, loads, demands, issues: issues.filter((i) => i.severity !== "error") },
    issues,
  };
}
