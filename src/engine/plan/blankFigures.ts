// Every blank figure of a plan has its reason (docs/errors.md): after the plan, each stage figure
// left null gets an info naming the input it needs, unless an error or note already explains it.

import type { InputLocation, PlanIssue, StageInput } from "../network/types";
import type { PlanKpis, StagePlan } from "./types";

/** The stage figures that may be blank, as messages name them. */
const FIGURES: readonly [keyof StagePlan, string][] = [
  ["interarrivalSd", "interarrival σ_A"], ["serviceSd", "service σ_S"], ["rate", "rate μ"], ["utilisation", "utilisation ρ"],
  ["ordersInSystem", "orders in system"], ["waitInQueue", "queue wait"], ["leadTime", "lead time"],
  ["promisedLeadTime", "make-to-order lead time W"], ["inboundServiceTime", "inbound service time"],
  ["committedServiceTime", "committed service time"], ["netReplenishmentTime", "net replenishment time"],
  ["demandBound", "demand bound"], ["safetyStock", "safety stock"], ["safetyStockCost", "safety-stock cost"],
  ["lotSize", "lot size"], ["cycleStock", "cycle stock"], ["inventoryHoldingCost", "inventory holding cost"],
];

/** Why a figure is blank: the input field it needs and what to do, or null when an error already says why. */
interface Reason {
  field: string;
  needs: string;
}

interface StageContext {
  input: StageInput;
  plan: StagePlan;
  /** Names of the suppliers whose make-to-order lead time is blank. */
  blankSuppliers: string[];
}

const NO_DEMAND: Reason = {
  field: "demandRate",
  needs: "no demand reaches the stage: give Demand Rate, or an arc to a customer stage with demand (or give Interarrival Sd)",
};

function variabilityReason(c: StageContext): Reason | null {
  if (c.plan.interarrivalSd === null) return c.plan.demandRate === 0 ? NO_DEMAND : null;
  return null; // σ_A known: a blank σ_S comes from a supplier's blank σ_S, explained at that supplier
}

function rateReason(c: StageContext): Reason | null {
  if (c.input.productionRate !== null) return null;
  if (c.plan.demandRate === 0) return { field: "productionRate", needs: "no demand reaches the stage, so no rate is planned: give Production Rate" };
  if (c.input.serviceCost === null || c.input.penaltyCost === null) {
    return { field: "productionRate", needs: "give Production Rate, or Service Cost and Penalty Cost to plan the optimal rate" };
  }
  return variabilityReason(c);
}

function reasonFor(figure: keyof StagePlan, c: StageContext): Reason | null {
  const { input, plan } = c;
  switch (figure) {
    case "interarrivalSd":
    case "serviceSd":
      return variabilityReason(c);
    case "rate":
    case "utilisation":
    case "ordersInSystem":
    case "waitInQueue":
      return plan.rate === null ? rateReason(c) : variabilityReason(c);
    case "promisedLeadTime":
      if (plan.leadTime === null || c.blankSuppliers.length === 0) return null;
      return { field: "externalInboundTime", needs: `the make-to-order lead time of its supplier${c.blankSuppliers.length > 1 ? "s" : ""} ${c.blankSuppliers.map((s) => `"${s}"`).join(", ")} is blank (see ${c.blankSuppliers.length > 1 ? "those stages" : "that stage"})` };
    case "safetyStockCost":
    case "inventoryHoldingCost":
      return input.holdingCost === null ? { field: "holdingCost", needs: "give Holding Cost" } : null;
    case "lotSize":
    case "cycleStock":
      if (input.orderCost === null && input.holdingCost === null) return { field: "orderCost", needs: "give Order Cost and Holding Cost" };
      if (input.orderCost === null) return { field: "orderCost", needs: "give Order Cost" };
      if (input.holdingCost === null) return { field: "holdingCost", needs: "give Holding Cost" };
      return null;
    default:
      return null; // lead time and the placement's figures: an error already names the input
  }
}

/**
 * Infos for every blank stage figure not yet explained (MODEL.md §9's figures and the plan's), one
 * per stage and input needed. An issue already on the same stage and field counts as the reason.
 * @example a stage without Order Cost and Holding Cost gets "Stage "A": lot size and cycle stock are blank: give Order Cost and Holding Cost."
 */
export function blankFigureIssues(
  inputs: readonly StageInput[], plans: readonly StagePlan[], upstream: readonly number[][], existing: readonly PlanIssue[],
): PlanIssue[] {
  const noted = new Set(existing.filter((i) => i.location?.table === "Stages" && i.location.row !== null).map((i) => `${i.location!.row}\u0000${i.location!.field}`));
  const issues: PlanIssue[] = [];
  inputs.forEach((input, j) => {
    const plan = plans[j];
    if (!FIGURES.some(([figure]) => plan[figure] === null)) return;
    const context: StageContext = { input, plan, blankSuppliers: upstream[j].filter((i) => plans[i].promisedLeadTime === null).map((i) => inputs[i].id) };
    const byReason = new Map<string, { reason: Reason; figures: string[] }>();
    for (const [figure, name] of FIGURES) {
      if (plan[figure] !== null) continue;
      const reason = reasonFor(figure, context);
      if (reason === null || noted.has(`${j}\u0000${reason.field}`)) continue;
      const key = `${reason.field}\u0000${reason.needs}`;
      const entry = byReason.get(key) ?? { reason, figures: [] };
      entry.figures.push(name);
      byReason.set(key, entry);
    }
    for (const { reason, figures } of byReason.values()) {
      const list = figures.length === 1 ? figures[0] : `${figures.slice(0, -1).join(", ")} and ${figures[figures.length - 1]}`;
      const location: InputLocation = { table: "Stages", row: j, field: reason.field };
      issues.push({ severity: "info", message: `Stage "${input.id}": ${list} ${figures.length === 1 ? "is" : "are"} blank: ${reason.needs}.`, location, stage: input.id });
    }
  });
  return issues;
}

/** An info when inventory turns are blank because the plan holds no inventory cost. */
export function blankKpiIssues(kpis: PlanKpis): PlanIssue[] {
  if (kpis.inventoryTurns === null && kpis.inventoryHoldingCost === 0) {
    return [{ severity: "info", message: "Inventory turns are blank: the plan's inventory costs nothing to hold (give Holding Cost on the stages that hold stock).", location: { table: "Stages", row: null, field: "holdingCost" } }];
  }
  return [];
}
