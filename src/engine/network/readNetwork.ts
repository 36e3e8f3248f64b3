// Validates an aps-network/1 record (from JSON, or from workbook tables mapped to the same shape)
// into a NetworkInput, collecting every input error with where it is (docs/formats.md §1, docs/model.md §0):
// field errors and structural errors together, sorted by place (docs/errors.md).

import { describeCount, INPUT_LIMITS } from "../limits";
import { ARC_FIELDS, fieldForHeader, likelyMeant, LOT_SIZING_MODES, PLACEMENT_METHODS, RATE_METHODS, SETTING_FIELDS, STAGE_FIELDS } from "./fields";
import { describeValue, FieldNaming, isRecord, Raw, readField } from "./readField";
import { ArcShape, checkStructure, StageShape } from "./structure";
import {
  ArcInput, DEFAULT_SETTINGS, InputLocation, NetworkInput, PlanIssue, PlanPlacementMethod, PlanSettings, RateMethod,
  StageInput,
} from "./types";

export type { FieldNaming } from "./readField";

export interface ReadNetworkResult {
  /** The validated network, or null when any input error was found. */
  network: NetworkInput | null;
  /** Every error found (and warnings that do not stop the plan). */
  issues: PlanIssue[];
}

/** A JSON key that is not a field but one or two letters off one: a warning (the value is ignored). */
function unknownKeys(record: Raw, fields: typeof STAGE_FIELDS, location: (field: string) => InputLocation, naming: FieldNaming, issues: PlanIssue[]): void {
  if (naming !== "json") return; // a workbook's headers are checked by the table reader
  for (const key of Object.keys(record)) {
    if (fieldForHeader(fields, key)) continue;
    const meant = likelyMeant(fields, key);
    if (meant) issues.push({ severity: "warning", message: `${key} is not a field (its value is ignored); did you mean ${meant.name}?`, location: location(meant.name) });
  }
}

function readStage(record: unknown, row: number, naming: FieldNaming, issues: PlanIssue[]): { stage: StageInput; shape: StageShape; valid: boolean } {
  const stage: Record<string, unknown> = {};
  if (!isRecord(record)) {
    issues.push({ severity: "error", message: `A stage must be an object with an ${naming === "json" ? "id" : "Id"} (got ${describeValue(record)}).`, location: { table: "Stages", row, field: null } });
    return { stage: stage as unknown as StageInput, shape: { id: null, demandRate: null, demandSd: null, demandKnown: false }, valid: false };
  }
  const before = issues.length;
  let bad: Set<string> | null = null;
  for (const field of STAGE_FIELDS) {
    const count = issues.length;
    stage[field.name] = record[field.name] === undefined ? null : readField(record, field, { table: "Stages", row, field: field.name }, naming, issues);
    if (issues.length > count) (bad ??= new Set<string>()).add(field.name);
  }
  // Names are compared in Unicode NFC: "Café" typed with a composed é and with e + U+0301 is one name.
  const typedId = typeof stage.id === "string" ? stage.id : null;
  if (typedId !== null) stage.id = typedId.normalize("NFC");
  if (typeof stage.owner === "string") stage.owner = stage.owner.normalize("NFC");
  if (stage.id === null && !bad?.has("id")) {
    issues.push({
      severity: "error",
      message: `${naming === "json" ? "id" : "Id"} is required: every stage needs a name.`,
      location: { table: "Stages", row, field: "id" },
    });
  }
  const valid = issues.length === before;
  unknownKeys(record, STAGE_FIELDS, (field) => ({ table: "Stages", row, field }), naming, issues);
  // Every issue of the row is about its stage, when the stage has a name.
  if (typeof stage.id === "string") for (const issue of issues.slice(before)) issue.stage = stage.id;
  const shape: StageShape = {
    id: stage.id as string | null,
    typedId,
    demandRate: stage.demandRate as number | null,
    demandSd: stage.demandSd as number | null,
    demandKnown: !bad?.has("demandRate") && !bad?.has("demandSd"),
  };
  return { stage: stage as unknown as StageInput, shape, valid };
}

function readArc(record: unknown, row: number, naming: FieldNaming, issues: PlanIssue[]): { arc: ArcInput; shape: ArcShape; valid: boolean } {
  if (!isRecord(record)) {
    issues.push({ severity: "error", message: `An arc must be an object with ${naming === "json" ? "from and to" : "From and To"} (got ${describeValue(record)}).`, location: { table: "Arcs", row, field: null } });
    return { arc: { from: "", to: "", quantity: 1 }, shape: { from: null, to: null, quantity: null }, valid: false };
  }
  const before = issues.length;
  const arc: Record<string, unknown> = {};
  const bad = new Set<string>();
  for (const field of ARC_FIELDS) {
    const count = issues.length;
    arc[field.name] = readField(record, field, { table: "Arcs", row, field: field.name }, naming, issues);
    if (issues.length > count) bad.add(field.name);
  }
  for (const end of ["from", "to"] as const) {
    if (arc[end] === null && !bad.has(end)) {
      issues.push({
        severity: "error",
        message: `${naming === "json" ? end : end === "from" ? "From" : "To"} is required: an arc names the stage it ${end === "from" ? "comes from" : "goes to"}.`,
        location: { table: "Arcs", row, field: end },
      });
    }
  }
  for (const end of ["from", "to"] as const) if (typeof arc[end] === "string") arc[end] = (arc[end] as string).normalize("NFC");
  const valid = issues.length === before;
  unknownKeys(record, ARC_FIELDS, (field) => ({ table: "Arcs", row, field }), naming, issues);
  const quantity = bad.has("quantity") ? null : (arc.quantity as number | null) ?? 1;
  return {
    arc: { from: arc.from as string, to: arc.to as string, quantity: quantity ?? 1 },
    shape: { from: arc.from as string | null, to: arc.to as string | null, quantity },
    valid,
  };
}

function readSettings(raw: unknown, naming: FieldNaming, issues: PlanIssue[]): PlanSettings {
  const settings: PlanSettings = { ...DEFAULT_SETTINGS };
  if (raw === undefined || raw === null) return settings;
  if (!isRecord(raw)) {
    issues.push({ severity: "error", message: `settings must be an object (got ${describeValue(raw)}).`, location: { table: "Settings", row: null, field: null } });
    return settings;
  }
  const choose = <T extends string>(field: string, allowed: readonly T[], value: unknown): T | null => {
    if (value === null) return null;
    const text = String(value).trim().toLowerCase();
    if ((allowed as readonly string[]).includes(text)) return text as T;
    issues.push({
      severity: "error",
      message: `${field} must be one of ${allowed.join(", ")} (got ${describeValue(value)}).`,
      location: { table: "Settings", row: null, field },
    });
    return null;
  };
  for (const field of SETTING_FIELDS) {
    const value = readField(raw, field, { table: "Settings", row: null, field: field.name }, naming, issues);
    if (value === null) continue;
    if (field.name === "placementMethod") {
      settings.placementMethod = choose<PlanPlacementMethod>(field.name, PLACEMENT_METHODS, value) ?? settings.placementMethod;
    } else if (field.name === "lotSizing") {
      const mode = choose<"none" | "mip">(field.name, LOT_SIZING_MODES, value);
      if (mode) settings.lotSizing = mode;
    } else if (field.name === "rateMethod") {
      settings.rateMethod = choose<RateMethod>(field.name, RATE_METHODS, value) ?? settings.rateMethod;
    } else {
      (settings as unknown as Record<string, unknown>)[field.name] = value;
    }
  }
  unknownKeys(raw, SETTING_FIELDS, (field) => ({ table: "Settings", row: null, field }), naming, issues);
  return settings;
}

/** True when the stage faces external demand of its own (a rate or a deviation is given). */
export function hasExternalDemand(stage: StageInput): boolean {
  return (stage.demandRate ?? 0) > 0 || (stage.demandSd ?? 0) > 0;
}

const TABLE_ORDER = { Stages: 0, Arcs: 1, Settings: 2 } as const;

/** Issues in reading order: by table, then row (whole-table issues last), keeping the order found within a row. */
function byPlace(issues: PlanIssue[]): PlanIssue[] {
  const key = (i: PlanIssue) => i.location === null ? [3, 0] : [TABLE_ORDER[i.location.table], i.location.row ?? Number.MAX_SAFE_INTEGER];
  return issues.map((issue, k) => ({ issue, k, key: key(issue) }))
    .sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.k - b.k)
    .map((x) => x.issue);
}

/** A list too long to read (INPUT_LIMITS.rows), as an error; null when within. */
function tooMany(list: unknown[], table: "Stages" | "Arcs", limit: number, naming: FieldNaming): PlanIssue | null {
  if (list.length <= limit) return null;
  const name = naming === "json" ? table.toLowerCase() : `the ${table} table`;
  return { severity: "error", message: `${name} has ${describeCount(list.length)} rows; aps plans networks of at most ${describeCount(limit)} ${table.toLowerCase()}.`, location: { table, row: null, field: null } };
}

export interface ReadNetworkOptions {
  /** False when demand comes from elsewhere (a supply plan's Demands table): no stage needs a demand rate. */
  externalDemandRequired?: boolean;
}

/**
 * Reads and validates a network record `{ format, stages, arcs, settings }`. Every field error and
 * every structural error (duplicate ids, unknown stages, self-loops, cycles) comes back together.
 * @example readNetwork({ format: "aps-network/1", stages: [{ id: "A", demandRate: 10 }], arcs: [] }).network!.stages[0].demandRate // 10
 */
export function readNetwork(raw: unknown, naming: FieldNaming = "json", options: ReadNetworkOptions = {}): ReadNetworkResult {
  const issues: PlanIssue[] = [];
  if (!isRecord(raw)) {
    issues.push({ severity: "error", message: `The network must be a JSON object with stages and arcs (got ${describeValue(raw)}).`, location: null });
    return { network: null, issues };
  }
  if (naming === "json" && raw.format !== "aps-network/1") {
    issues.push({ severity: "error", message: `format must be "aps-network/1" (got ${describeValue(raw.format ?? null)}).`, location: null });
  }
  if (!Array.isArray(raw.stages) || raw.stages.length === 0) {
    const got = raw.stages === undefined ? "" : ` (stages is ${describeValue(raw.stages)})`;
    issues.push({ severity: "error", message: `The network has no stages${got}.`, location: { table: "Stages", row: null, field: null } });
  }
  if (raw.arcs !== undefined && raw.arcs !== null && !Array.isArray(raw.arcs)) {
    issues.push({ severity: "error", message: `arcs must be a list (got ${describeValue(raw.arcs)}).`, location: { table: "Arcs", row: null, field: null } });
  }
  const stageList = Array.isArray(raw.stages) ? raw.stages : [];
  const arcList = Array.isArray(raw.arcs) ? raw.arcs : [];
  const sizes = [tooMany(stageList, "Stages", INPUT_LIMITS.rows.stages, naming), tooMany(arcList, "Arcs", INPUT_LIMITS.rows.arcs, naming)].filter((i): i is PlanIssue => i !== null);
  if (sizes.length > 0) return { network: null, issues: [...issues, ...sizes] };
  const stages = stageList.map((s, row) => readStage(s, row, naming, issues));
  const arcs = arcList.map((a, row) => readArc(a, row, naming, issues));
  const settings = readSettings(raw.settings, naming, issues);
  checkStructure(stages.map((s) => s.shape), arcs.map((a) => a.shape), naming, issues, options.externalDemandRequired ?? true);
  const sorted = byPlace(issues);
  if (sorted.some((i) => i.severity === "error")) return { network: null, issues: sorted };
  return { network: { stages: stages.map((s) => s.stage), arcs: arcs.map((a) => a.arc), settings }, issues: sorted };
}
