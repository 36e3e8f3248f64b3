// Puts plans side by side (docs/scenarios.md): every KPI and each stage's inbound and committed
// service time, safety stock and its cost, with the difference to the base plan (absolute and %).

import type { PlanResult, StagePlan } from "../plan/types";
import type { SupplyResult } from "../supply/types";
import { compareSupply } from "./compareSupply";
import {
  COMPARED_KPIS, COMPARED_STAGE_FIGURES, ComparedFigure, ComparedScenario, ComparedStage, ReportedChange, ScenarioComparison,
} from "./types";

/** A plan to compare, with its name, its changes to the base and (for files) where it came from. */
export interface NamedPlan {
  name: string;
  source?: string;
  changes: ReportedChange[];
  plan: PlanResult;
  /** The supply plan over time, when the inputs hold supply tables (compared when the base has one). */
  supply?: SupplyResult;
}

function finite(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * A figure beside its base value: difference = value − base, percent = 100 · difference / |base|.
 * @example comparedFigure(12, 10) // { value: 12, difference: 2, percent: 20 }
 * @example comparedFigure(0, 0)   // { value: 0, difference: 0, percent: 0 }
 */
export function comparedFigure(value: number | null | undefined, base: number | null | undefined): ComparedFigure {
  const v = finite(value);
  const b = finite(base);
  if (v === null || b === null) return { value: v, difference: null, percent: null };
  const difference = v - b;
  const percent = difference === 0 ? 0 : b === 0 ? null : (100 * difference) / Math.abs(b);
  return { value: v, difference, percent };
}

/** Stage ids of every plan: the base's in its order, then stages only other plans have, in their order. */
function stageIds(plans: readonly PlanResult[]): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const plan of plans) for (const stage of plan.stages) if (!seen.has(stage.id)) { seen.add(stage.id); ids.push(stage.id); }
  return ids;
}

/** The most a placement's cost may lie above the optimum: gap · cost (0 when proven optimal). */
function slack(plan: PlanResult): number {
  const p = plan.placement;
  if (!p || p.optimal) return 0;
  if (p.gap === null || p.method === "paper-rule") return Infinity;
  return p.gap * p.safetyStockCost;
}

/** A caution when the safety-stock cost difference is smaller than what the two searches leave open. */
function gapNotes(name: string, baseName: string, plan: PlanResult, base: PlanResult): string[] {
  if (!plan.placement || !base.placement || plan === base) return [];
  const open = slack(plan) + slack(base);
  const difference = plan.placement.safetyStockCost - base.placement.safetyStockCost;
  if (open === 0 || !Number.isFinite(open) || Math.abs(difference) > open) return [];
  return [`The safety-stock cost of "${name}" differs from "${baseName}" by ${difference.toPrecision(4)}, within the placements' optimality gaps (${open.toPrecision(4)}): the difference may come from the search stopping at its time limit rather than from the change; raise placementTimeLimit to tell.`];
}

/**
 * The aps-scenarios/1 comparison of plans; the first is the base (its differences are all 0).
 * @example comparePlans([{ name: "Base", changes: [], plan: a }, { name: "Supplier late", changes, plan: b }]).scenarios[1].kpis.cycleTime
 *   // { value: 13.48, difference: 3, percent: 28.6 } for the example workbook's supplier three days late
 */
export function comparePlans(plans: readonly NamedPlan[]): ScenarioComparison {
  if (plans.length === 0) throw new Error("comparePlans needs the base plan.");
  const base = plans[0].plan;
  const ids = stageIds(plans.map((p) => p.plan));
  const byId = (plan: PlanResult) => new Map(plan.stages.map((s) => [s.id, s]));
  const baseStages = byId(base);
  const baseSupply = plans[0].supply;
  const scenarios: ComparedScenario[] = plans.map(({ name, source, changes, plan, supply }) => {
    const own = byId(plan);
    const stages: ComparedStage[] = ids.map((id) => {
      const stage: StagePlan | undefined = own.get(id);
      const baseStage = baseStages.get(id);
      const figures = Object.fromEntries(COMPARED_STAGE_FIGURES.map((f) => [f, comparedFigure(stage?.[f], baseStage?.[f])]));
      return { id, ...figures } as ComparedStage;
    });
    const kpis = Object.fromEntries(COMPARED_KPIS.map((k) => [k, comparedFigure(plan.kpis[k], base.kpis[k])])) as ComparedScenario["kpis"];
    const placement = plan.placement && {
      method: plan.placement.method, optimal: plan.placement.optimal, status: plan.placement.status,
      gap: plan.placement.gap, safetyStockCost: plan.placement.safetyStockCost,
    };
    return {
      name, ...(source === undefined ? {} : { source }), changes, placement, kpis, stages, exceptions: plan.exceptions, notes: gapNotes(name, plans[0].name, plan, base),
      ...(baseSupply && supply ? { supply: compareSupply(supply, baseSupply) } : {}),
    };
  });
  return { format: "aps-scenarios/1", base: plans[0].name, scenarios };
}
