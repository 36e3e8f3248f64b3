// Cross-record checks of a network (MODEL.md §0): unique ids, arcs between known stages, no
// self-loop or repeated arc, no cycle, demand somewhere, and total demand within its limit. They run
// on whatever ids and ends could be read, so they are reported together with the field errors.

import { describeCount, INPUT_LIMITS } from "../limits";
import { propagateDemand } from "../plan/demand";
import { normaliseName } from "./fields";
import { findCycle, topologicalOrder } from "./graph";
import type { FieldNaming } from "./readField";
import type { PlanIssue } from "./types";

/** What the structure checks need of a stage: its id (null when unreadable) and its own demand. */
export interface StageShape {
  /** The id in Unicode NFC (null when unreadable). */
  id: string | null;
  /** The id as typed, when it differs in Unicode form from `id` or for messages (optional). */
  typedId?: string | null;
  demandRate: number | null;
  demandSd: number | null;
  /** False when a demand field of the stage could not be read (the demand checks then wait). */
  demandKnown: boolean;
}

/** What they need of an arc: its ends (null when unreadable) and Φ (null when unreadable). */
export interface ArcShape {
  from: string | null;
  to: string | null;
  quantity: number | null;
}

const error = (table: "Stages" | "Arcs", row: number | null, field: string | null, message: string): PlanIssue =>
  ({ severity: "error", message, location: { table, row, field } });

/** True when two stages' ids are one in Unicode NFC but were typed in different forms. */
function differInForm(a: StageShape, b: StageShape): boolean {
  return a.typedId != null && b.typedId != null && a.typedId !== b.typedId;
}

/** Duplicate ids (compared in Unicode NFC); returns the row of each id's first listing. */
function checkIds(stages: readonly StageShape[], issues: PlanIssue[]): Map<string, number> {
  const firstRow = new Map<string, number>();
  stages.forEach((stage, row) => {
    if (stage.id === null) return;
    const seen = firstRow.get(stage.id);
    if (seen === undefined) firstRow.set(stage.id, row);
    else if (differInForm(stages[seen], stage)) {
      issues.push(error("Stages", row, "id", `Stage "${stage.id}" is listed twice (also on stage row ${seen + 1}): the two ids look the same but their letters are encoded differently (Unicode NFC and NFD, as some programs write accents); ids must be unique.`));
    } else issues.push(error("Stages", row, "id", `Stage "${stage.id}" is listed twice (also on stage row ${seen + 1}); ids must be unique.`));
  });
  return firstRow;
}

/** Unknown ends, self-loops and repeated arcs; returns the arcs that join two known stages. */
function checkArcs(stages: readonly StageShape[], arcs: readonly ArcShape[], firstRow: Map<string, number>, issues: PlanIssue[]): { from: number; to: number; row: number }[] {
  const byName = new Map<string, string>();
  for (const stage of stages) if (stage.id !== null && !byName.has(normaliseName(stage.id))) byName.set(normaliseName(stage.id), stage.id);
  const arcSeen = new Map<string, number>();
  const joined: { from: number; to: number; row: number }[] = [];
  arcs.forEach((arc, row) => {
    let known = true;
    for (const end of ["from", "to"] as const) {
      const name = arc[end];
      if (name === null) {
        known = false;
        continue;
      }
      if (!firstRow.has(name)) {
        known = false;
        const meant = byName.get(normaliseName(name));
        issues.push(error("Arcs", row, end, `Arc ${end} "${name}" is not a stage of the network${meant ? `; did you mean "${meant}"?` : "."}`));
      }
    }
    if (arc.from !== null && arc.from === arc.to) {
      issues.push(error("Arcs", row, "to", `Arc from "${arc.from}" to itself: a stage cannot consume its own output.`));
      return;
    }
    if (arc.from === null || arc.to === null) return;
    const key = `${arc.from}\u0000${arc.to}`;
    const previous = arcSeen.get(key);
    if (previous !== undefined) {
      issues.push(error("Arcs", row, null, `Arc "${arc.from}" → "${arc.to}" is listed twice (also on arc row ${previous + 1}); give one arc with the total quantity.`));
      return;
    }
    arcSeen.set(key, row);
    if (known) joined.push({ from: firstRow.get(arc.from)!, to: firstRow.get(arc.to)!, row });
  });
  return joined;
}

/**
 * Total demand per stage against INPUT_LIMITS.totalDemand (quantities multiply along the bill of
 * materials, so valid figures can still overflow). Names the stages where the limit is first passed.
 */
function checkTotalDemand(stages: readonly StageShape[], arcs: readonly { from: number; to: number; quantity: number }[], order: number[], naming: FieldNaming, issues: PlanIssue[]): void {
  const demand = propagateDemand(stages.map((s) => ({ rate: s.demandRate ?? 0, sd: s.demandSd ?? 0 })), arcs, order);
  const over = demand.map((d) => !(d.rate <= INPUT_LIMITS.totalDemand && d.sd <= INPUT_LIMITS.totalDemand));
  const customers: number[][] = stages.map(() => []);
  for (const arc of arcs) customers[arc.from].push(arc.to);
  const quantity = naming === "json" ? "quantity" : "Quantity";
  over.forEach((isOver, j) => {
    if (!isOver || customers[j].some((c) => over[c])) return;
    const d = demand[j];
    const figure = Number.isFinite(d.rate) && Number.isFinite(d.sd) ? `${Math.max(d.rate, d.sd).toPrecision(3)}` : "too large to compute";
    issues.push(error("Stages", j, "demandRate",
      `Stage "${stages[j].id}": the demand that reaches it through the arcs is ${figure} per time unit, above the limit of ${describeCount(INPUT_LIMITS.totalDemand)}; check the ${quantity} of its arcs to its customers.`));
  });
}

/** Every structural error of the network, pushed onto `issues`. */
export function checkStructure(stages: readonly StageShape[], arcs: readonly ArcShape[], naming: FieldNaming, issues: PlanIssue[], externalDemandRequired = true): void {
  const before = issues.length;
  const firstRow = checkIds(stages, issues);
  const joined = checkArcs(stages, arcs, firstRow, issues);
  const cycle = findCycle(stages.length, joined);
  if (cycle) {
    const names = cycle.map((k) => `${arcs[joined[k].row].from} → ${arcs[joined[k].row].to}`).join(", ");
    issues.push(error("Arcs", joined[cycle[0]].row, null, `The arcs form a cycle (${names}); a bill of materials must be acyclic.`));
  }
  if (externalDemandRequired && stages.length > 0 && stages.every((s) => s.demandKnown) && !stages.some((s) => (s.demandRate ?? 0) > 0 || (s.demandSd ?? 0) > 0)) {
    issues.push(error("Stages", null, "demandRate", `No stage has external demand: give ${naming === "json" ? "demandRate" : "Demand Rate"} on the stages that serve customers.`));
  }
  if (issues.length > before || stages.some((s) => !s.demandKnown || s.id === null) || arcs.some((a) => a.quantity === null || a.from === null || a.to === null)) return;
  const order = topologicalOrder(stages.length, joined);
  if (order === null) return;
  checkTotalDemand(stages, joined.map((a) => ({ ...a, quantity: arcs[a.row].quantity as number })), order, naming, issues);
}
