// Escalation of missed and endangered promises (docs/rescheduling.md): the level, role and contact
// of an order from the Escalation table (Days Late From, Level, Role, Contact). Pure, so the
// reschedule, the plan and the simulation can all call it.

/** One row of the Escalation table: from this many days late on, this level, role and contact act. */
export interface EscalationRule {
  daysLateFrom: number;
  level: number;
  role: string;
  contact: string;
}

/** An order whose promise is missed (lateness > 0) or at risk, and who must act. */
export interface Escalation {
  order: string;
  customer: string | null;
  owner: string | null;
  /** Completion − promised date (time units; > 0: late). */
  lateness: number;
  status: "late" | "at risk";
  /** The applying rule's level; 0 when no rule's Days Late From is reached. */
  level: number;
  role: string | null;
  contact: string | null;
}

/**
 * The escalation of one order: the rule with the largest Days Late From ≤ lateness (ties: the
 * higher level).
 * @example escalate({ order: "A", lateness: 3 }, [{ daysLateFrom: 0, level: 1, role: "Planner", contact: "p@x" }, { daysLateFrom: 5, level: 2, role: "Manager", contact: "m@x" }]).role // "Planner"
 */
export function escalate(order: { order: string; lateness: number; customer?: string | null; owner?: string | null }, rules: readonly EscalationRule[]): Escalation {
  let rule: EscalationRule | null = null;
  for (const r of rules) {
    if (r.daysLateFrom > order.lateness) continue;
    if (!rule || r.daysLateFrom > rule.daysLateFrom || (r.daysLateFrom === rule.daysLateFrom && r.level > rule.level)) rule = r;
  }
  return {
    order: order.order, customer: order.customer ?? null, owner: order.owner ?? null, lateness: order.lateness,
    status: order.lateness > 0 ? "late" : "at risk",
    level: rule?.level ?? 0, role: rule?.role ?? null, contact: rule?.contact ?? null,
  };
}

/** Most severe first: higher level, then later, then by order name. */
export function bySeverity(a: Escalation, b: Escalation): number {
  return b.level - a.level || b.lateness - a.lateness || a.order.localeCompare(b.order);
}

/**
 * Escalations of all orders with a promised date whose completion is later than promised − slack
 * (slack ≥ 0: "at risk" when within it), most severe first.
 * @example orderEscalations([{ order: "A", promised: 10, completion: 12 }], rules, 0)[0].lateness // 2
 */
export function orderEscalations(orders: readonly { order: string; promised: number | undefined; completion: number; customer?: string | null; owner?: string | null }[], rules: readonly EscalationRule[], atRiskSlack = 0): Escalation[] {
  const out: Escalation[] = [];
  for (const o of orders) {
    if (o.promised === undefined || !Number.isFinite(o.promised)) continue;
    const lateness = o.completion - o.promised;
    if (lateness > 1e-9 || (atRiskSlack > 0 && lateness > -atRiskSlack)) out.push(escalate({ order: o.order, lateness, customer: o.customer, owner: o.owner }, rules));
  }
  return out.sort(bySeverity);
}
