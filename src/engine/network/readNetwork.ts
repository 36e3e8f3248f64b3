// Validates an aps-network/1 record (from JSON, or from workbook tables mapped to the same shape)
// into a NetworkInput, collecting every input error with where it is (FORMATS.md §1, docs/model.md §0).

import type { LotSizeModel } from "../lotSizing";
import {
  ARC_FIELDS, FieldSpec, LOT_SIZE_MODELS, normaliseName, PLACEMENT_METHODS, RATE_METHODS, SETTING_FIELDS, STAGE_FIELDS,
} from "./fields";
import { findCycle } from "./graph";
import {
  ArcInput, DEFAULT_SETTINGS, InputLocation, NetworkInput, PlanIssue, PlanPlacementMethod, PlanSettings, RateMethod,
  StageInput,
} from "./types";

/** How field names read in messages: camelCase for JSON, Title Case headers for a workbook. */
export type FieldNaming = "json" | "workbook";

export interface ReadNetworkResult {
  /** The validated network, or null when any input error was found. */
  network: NetworkInput | null;
  /** Every error found (and warnings that do not stop the plan). */
  issues: PlanIssue[];
}

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (typeof value === "string") return `text "${value.length > 40 ? value.slice(0, 40) + "…" : value}"`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  if (typeof value === "number") return String(value);
  return JSON.stringify(value) ?? String(value);
}

const RULE_TEXT: Record<string, string> = {
  nonNegative: "must not be negative",
  positive: "must be greater than 0",
  probability: "must be strictly between 0 and 1",
};

/** One record's value of one field, validated; pushes an issue and returns null when invalid. */
function readField(
  record: Raw, field: FieldSpec, location: InputLocation, naming: FieldNaming, issues: PlanIssue[],
): unknown {
  const label = naming === "json" ? field.name : field.header;
  const value = record[field.name];
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
  const fail = (why: string) => {
    issues.push({ severity: "error", message: `${label} ${why}.`, location });
    return null;
  };
  if (field.kind === "text") {
    if (typeof value === "string") return value.trim();
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    return fail(`must be text (got ${describeValue(value)})`);
  }
  if (field.kind === "lotSizeModel") {
    const text = typeof value === "string" ? value.trim().toLowerCase() : null;
    if (text !== null && (LOT_SIZE_MODELS as readonly string[]).includes(text)) return text as LotSizeModel;
    return fail(`must be one of ${LOT_SIZE_MODELS.join(", ")} (got ${describeValue(value)})`);
  }
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value.trim()))) {
    return fail(`must be a number (got ${describeValue(value)}: the cell holds text that looks like a number; convert it to a number)`);
  }
  if (typeof value !== "number") return fail(`must be a number (got ${describeValue(value)})`);
  if (!Number.isFinite(value)) return fail(`must be a finite number (got ${value})`);
  const broken =
    (field.rule === "nonNegative" && value < 0) ||
    (field.rule === "positive" && value <= 0) ||
    (field.rule === "probability" && (value <= 0 || value >= 1));
  if (broken) {
    const hint = field.rule === "probability" && value > 1 && value < 100 ? ` (for ${value} % write ${value / 100})` : "";
    return fail(`${RULE_TEXT[field.rule]} (got ${value})${hint}`);
  }
  return value;
}

function readStage(record: unknown, row: number, naming: FieldNaming, issues: PlanIssue[]): StageInput | null {
  if (!isRecord(record)) {
    issues.push({ severity: "error", message: "A stage must be an object.", location: { table: "Stages", row, field: null } });
    return null;
  }
  const stage: Record<string, unknown> = {};
  const before = issues.length;
  for (const field of STAGE_FIELDS) {
    stage[field.name] = readField(record, field, { table: "Stages", row, field: field.name }, naming, issues);
  }
  if (stage.id === null && issues.length === before) {
    issues.push({
      severity: "error",
      message: `${naming === "json" ? "id" : "Id"} is required: every stage needs a name.`,
      location: { table: "Stages", row, field: "id" },
    });
  }
  return issues.length === before ? (stage as unknown as StageInput) : null;
}

function readArc(record: unknown, row: number, naming: FieldNaming, issues: PlanIssue[]): ArcInput | null {
  if (!isRecord(record)) {
    issues.push({ severity: "error", message: "An arc must be an object.", location: { table: "Arcs", row, field: null } });
    return null;
  }
  const before = issues.length;
  const arc: Record<string, unknown> = {};
  for (const field of ARC_FIELDS) {
    arc[field.name] = readField(record, field, { table: "Arcs", row, field: field.name }, naming, issues);
  }
  for (const end of ["from", "to"] as const) {
    if (arc[end] === null && issues.length === before) {
      issues.push({
        severity: "error",
        message: `${naming === "json" ? end : end === "from" ? "From" : "To"} is required: an arc names the stage it ${end === "from" ? "comes from" : "goes to"}.`,
        location: { table: "Arcs", row, field: end },
      });
    }
  }
  if (issues.length !== before) return null;
  return { from: arc.from as string, to: arc.to as string, quantity: (arc.quantity as number | null) ?? 1 };
}

function readSettings(raw: unknown, naming: FieldNaming, issues: PlanIssue[]): PlanSettings {
  const settings: PlanSettings = { ...DEFAULT_SETTINGS };
  if (raw === undefined || raw === null) return settings;
  if (!isRecord(raw)) {
    issues.push({ severity: "error", message: "settings must be an object.", location: { table: "Settings", row: null, field: null } });
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
    } else if (field.name === "rateMethod") {
      settings.rateMethod = choose<RateMethod>(field.name, RATE_METHODS, value) ?? settings.rateMethod;
    } else {
      (settings as unknown as Record<string, unknown>)[field.name] = value;
    }
  }
  return settings;
}

/** True when the stage faces external demand of its own (a rate or a deviation is given). */
export function hasExternalDemand(stage: StageInput): boolean {
  return (stage.demandRate ?? 0) > 0 || (stage.demandSd ?? 0) > 0;
}

/** Cross-record checks of docs/model.md §0: ids unique, arcs between known stages, no cycle, demand somewhere. */
function checkStructure(stages: StageInput[], arcs: ArcInput[], naming: FieldNaming, issues: PlanIssue[]): void {
  const firstRow = new Map<string, number>();
  stages.forEach((stage, row) => {
    const seen = firstRow.get(stage.id);
    if (seen === undefined) firstRow.set(stage.id, row);
    else {
      issues.push({
        severity: "error",
        message: `Stage "${stage.id}" is listed twice (also on stage row ${seen + 1}); ids must be unique.`,
        location: { table: "Stages", row, field: "id" },
      });
    }
  });
  const arcSeen = new Map<string, number>();
  arcs.forEach((arc, row) => {
    for (const end of ["from", "to"] as const) {
      if (!firstRow.has(arc[end])) {
        const key = normaliseName(arc[end]);
        const meant = stages.find((s) => normaliseName(s.id) === key);
        issues.push({
          severity: "error",
          message: `Arc ${end} "${arc[end]}" is not a stage of the network${meant ? `; did you mean "${meant.id}"?` : "."}`,
          location: { table: "Arcs", row, field: end },
        });
      }
    }
    if (arc.from === arc.to) {
      issues.push({ severity: "error", message: `Arc from "${arc.from}" to itself: a stage cannot consume its own output.`, location: { table: "Arcs", row, field: "to" } });
    }
    const key = `${arc.from}\u0000${arc.to}`;
    const previous = arcSeen.get(key);
    if (previous !== undefined) {
      issues.push({
        severity: "error",
        message: `Arc "${arc.from}" → "${arc.to}" is listed twice (also on arc row ${previous + 1}); give one arc with the total quantity.`,
        location: { table: "Arcs", row, field: null },
      });
    } else arcSeen.set(key, row);
  });
  if (issues.some((i) => i.severity === "error")) return;
  const index = new Map(stages.map((s, i) => [s.id, i]));
  const cycle = findCycle(stages.length, arcs.map((a) => ({ from: index.get(a.from)!, to: index.get(a.to)! })));
  if (cycle) {
    const names = cycle.map((arcRow) => `${arcs[arcRow].from} → ${arcs[arcRow].to}`).join(", ");
    issues.push({
      severity: "error",
      message: `The arcs form a cycle (${names}); a bill of materials must be acyclic.`,
      location: { table: "Arcs", row: cycle[0], field: null },
    });
  }
  if (stages.length > 0 && !stages.some(hasExternalDemand)) {
    issues.push({
      severity: "error",
      message: `No stage has external demand: give ${naming === "json" ? "demandRate" : "Demand Rate"} on the stages that serve customers.`,
      location: { table: "Stages", row: null, field: "demandRate" },
    });
  }
}

/**
 * Reads and validates a network record `{ format, stages, arcs, settings }`.
 * @example readNetwork({ format: "aps-network/1", stages: [{ id: "A", demandRate: 10 }], arcs: [] }).network!.stages[0].demandRate // 10
 */
export function readNetwork(raw: unknown, naming: FieldNaming = "json"): ReadNetworkResult {
  const issues: PlanIssue[] = [];
  if (!isRecord(raw)) {
    issues.push({ severity: "error", message: "The network must be a JSON object with stages and arcs.", location: null });
    return { network: null, issues };
  }
  if (naming === "json" && raw.format !== "aps-network/1") {
    issues.push({ severity: "error", message: `format must be "aps-network/1" (got ${describeValue(raw.format ?? null)}).`, location: null });
  }
  if (!Array.isArray(raw.stages) || raw.stages.length === 0) {
    issues.push({ severity: "error", message: "The network has no stages.", location: { table: "Stages", row: null, field: null } });
  }
  if (raw.arcs !== undefined && raw.arcs !== null && !Array.isArray(raw.arcs)) {
    issues.push({ severity: "error", message: "arcs must be a list.", location: { table: "Arcs", row: null, field: null } });
  }
  const stages = (Array.isArray(raw.stages) ? raw.stages : []).map((s, row) => readStage(s, row, naming, issues));
  const arcs = (Array.isArray(raw.arcs) ? raw.arcs : []).map((a, row) => readArc(a, row, naming, issues));
  const settings = readSettings(raw.settings, naming, issues);
  if (issues.some((i) => i.severity === "error")) return { network: null, issues };
  const goodStages = stages as StageInput[];
  const goodArcs = arcs as ArcInput[];
  checkStructure(goodStages, goodArcs, naming, issues);
  if (issues.some((i) => i.severity === "error")) return { network: null, issues };
  return { network: { stages: goodStages, arcs: goodArcs, settings }, issues };
}
