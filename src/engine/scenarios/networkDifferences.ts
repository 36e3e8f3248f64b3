// The input differences between two networks (for `aps compare`, docs/scenarios.md): each stage
// field, arc quantity and setting whose value differs, and the stages and arcs only one network has.

import { ARC_FIELDS, SETTING_FIELDS, STAGE_FIELDS } from "../network/fields";
import type { InputLocation, NetworkInput } from "../network/types";
import { arcKey } from "./readScenarios";
import type { ReportedChange } from "./types";

/** A network with the way its file names places. */
export interface PlacedNetwork {
  network: NetworkInput;
  where: (location: InputLocation | null) => string;
}

/**
 * What `other` changes relative to `base`, in the terms of a Scenarios table: a changed field gives
 * its new value; a stage or arc only `other` has gives its Id (or From→To) as the value; one only
 * `base` has gives null (removed). Places name `other`'s cells (the base's for removed rows).
 * @example networkDifferences(figure5, figure5WithTubeCuttingE8) // [{ table: "Stages", key: "Tube Cutting", column: "External Inbound Time", value: 8, where: "stages[3].externalInboundTime" }]
 */
export function networkDifferences(base: PlacedNetwork, other: PlacedNetwork): ReportedChange[] {
  const changes: ReportedChange[] = [];
  const baseStages = new Map(base.network.stages.map((s, i) => [s.id, i]));
  const otherStages = new Map(other.network.stages.map((s, i) => [s.id, i]));
  other.network.stages.forEach((stage, row) => {
    const b = baseStages.get(stage.id);
    if (b === undefined) {
      changes.push({ table: "Stages", key: stage.id, column: "Id", value: stage.id, where: other.where({ table: "Stages", row, field: "id" }) });
      return;
    }
    const was = base.network.stages[b] as unknown as Record<string, unknown>;
    const now = stage as unknown as Record<string, unknown>;
    for (const field of STAGE_FIELDS) {
      if (field.name !== "id" && was[field.name] !== now[field.name]) {
        changes.push({ table: "Stages", key: stage.id, column: field.header, value: now[field.name] as ReportedChange["value"], where: other.where({ table: "Stages", row, field: field.name }) });
      }
    }
  });
  base.network.stages.forEach((stage, row) => {
    if (!otherStages.has(stage.id)) changes.push({ table: "Stages", key: stage.id, column: "Id", value: null, where: base.where({ table: "Stages", row, field: "id" }) });
  });
  const baseArcs = new Map(base.network.arcs.map((a, i) => [arcKey(a.from, a.to), i]));
  const otherArcs = new Map(other.network.arcs.map((a, i) => [arcKey(a.from, a.to), i]));
  const quantity = ARC_FIELDS.find((f) => f.name === "quantity")!.header;
  other.network.arcs.forEach((arc, row) => {
    const key = arcKey(arc.from, arc.to);
    const b = baseArcs.get(key);
    if (b === undefined) changes.push({ table: "Arcs", key, column: "From→To", value: key, where: other.where({ table: "Arcs", row, field: null }) });
    else if (base.network.arcs[b].quantity !== arc.quantity) changes.push({ table: "Arcs", key, column: quantity, value: arc.quantity, where: other.where({ table: "Arcs", row, field: "quantity" }) });
  });
  base.network.arcs.forEach((arc, row) => {
    const key = arcKey(arc.from, arc.to);
    if (!otherArcs.has(key)) changes.push({ table: "Arcs", key, column: "From→To", value: null, where: base.where({ table: "Arcs", row, field: null }) });
  });
  const was = base.network.settings as unknown as Record<string, unknown>;
  const now = other.network.settings as unknown as Record<string, unknown>;
  for (const field of SETTING_FIELDS) {
    if (was[field.name] !== now[field.name]) {
      changes.push({ table: "Settings", key: field.name, column: "Value", value: now[field.name] as ReportedChange["value"], where: other.where({ table: "Settings", row: null, field: field.name }) });
    }
  }
  return changes;
}
