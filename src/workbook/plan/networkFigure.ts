// The picture of a planned network for the pane: each stage with its BOM level, owner, safety stock,
// committed service time and worst exception, each arc with the service time it carries, and the
// stage's row in the Stages table so a click can select it.

import { fieldForHeader, STAGE_FIELDS } from "../../engine/network/fields";
import type { PlanResult } from "../../engine/plan/types";
import type { FigureStage, NetworkFigure } from "../jobs/figures";
import { type TableData, tableCellAddress } from "../port";

/**
 * BOM depth of each stage: 0 for a stage no other stage draws from, else 1 + the deepest stage it
 * supplies (longest path to a customer-facing stage). A cycle (refused by the planner) stops at 0.
 */
export function bomLevels(ids: readonly string[], arcs: readonly { from: string; to: string }[]): Map<string, number> {
  const customers = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const a of arcs) customers.get(a.from)?.push(a.to);
  const level = new Map<string, number>();
  const visiting = new Set<string>();
  const depth = (id: string): number => {
    const known = level.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const d = Math.max(-1, ...(customers.get(id) ?? []).map(depth)) + 1;
    visiting.delete(id);
    level.set(id, d);
    return d;
  };
  ids.forEach(depth);
  return level;
}

/** "Stages!A7" for each stage id of the Stages table (its Stage cell), when the table is at hand. */
export function stageRows(stages: TableData | null | undefined): Map<string, string> {
  const rows = new Map<string, string>();
  if (!stages) return rows;
  const column = stages.headers.findIndex((h) => fieldForHeader(STAGE_FIELDS, h)?.name === "id");
  if (column < 0) return rows;
  stages.rows.forEach((row, k) => {
    const id = row[column];
    if (id !== null && id !== undefined && String(id).trim() !== "" && !rows.has(String(id).trim())) rows.set(String(id).trim(), tableCellAddress(stages, k, column));
  });
  return rows;
}

const STOCK_EPSILON = 1e-9;

/**
 * The network picture of a plan; `rows` names each stage's cell (stageRows), else the stage has none.
 * A stage is marked with the worst error or warning the plan states about it (the exception's `stage`);
 * infos mark nothing. An exception about an arc (a row of Arcs), a setting, the whole plan or several
 * stages marks no stage: the mark selects the stage's row in Stages, which is not where such a
 * problem is fixed, so it stays in the exceptions list with its own cell.
 */
export function networkFigure(plan: PlanResult, rows: Map<string, string> = new Map()): NetworkFigure {
  const levels = bomLevels(plan.stages.map((s) => s.id), plan.arcs);
  const service = new Map(plan.stages.map((s) => [s.id, s.committedServiceTime]));
  const worst = new Map<string, "error" | "warning">();
  for (const e of plan.exceptions) {
    if (e.severity === "info" || e.stage === undefined) continue;
    if (worst.get(e.stage) !== "error") worst.set(e.stage, e.severity);
  }
  const stages: FigureStage[] = plan.stages.map((s) => ({
    id: s.id,
    owner: s.owner,
    level: levels.get(s.id) ?? 0,
    stock: (s.safetyStock ?? 0) > STOCK_EPSILON,
    safetyStock: s.safetyStock,
    serviceTime: s.committedServiceTime,
    exception: worst.get(s.id) ?? null,
    where: rows.get(s.id) ?? null,
  }));
  return { kind: "network", stages, arcs: plan.arcs.map((a) => ({ from: a.from, to: a.to, serviceTime: service.get(a.from) ?? null })) };
}
