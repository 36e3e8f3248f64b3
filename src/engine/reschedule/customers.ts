// Customer delivery windows and priority tiers (docs/rescheduling.md): a job of a customer is due by
// the window's latest (or its own due date, if earlier), earliness counts before the window's
// earliest, and its weight is multiplied by the customer's weight and its tier factor.
import { PlanningInputError } from "../errors";
import { problemList, type Shop } from "./shop";

/** One row of the Customers table. Tier 1 is the highest priority. */
export interface CustomerTerms {
  id: string;
  tier?: number;
  weight?: number;
  earliest?: number;
  latest?: number;
  owner?: string;
}

/**
 * The weight factor of a tier: 10^(lowest tier − tier), so one time unit late for a tier-1 customer
 * weighs as much as ten for tier 2 (near-lexicographic, but still one objective).
 * @example tierFactor(1, 3) // 100
 */
export function tierFactor(tier: number, lowestTier: number): number {
  return Math.pow(10, Math.max(0, lowestTier - tier));
}

/**
 * The shop with each job's due date, weight, earliest and owner taken from its customer's terms:
 * due = min(job due, latest), weight = job weight × customer weight × tierFactor, earliest = window
 * start. Jobs of customers not in `customers` are an input error (all listed).
 * @example applyCustomers(shop, [{ id: "Acme", tier: 1, latest: 20 }]).jobs[0].due // 20
 */
export function applyCustomers(shop: Shop, customers: readonly CustomerTerms[], label = "Customers"): Shop {
  if (customers.length === 0) return shop;
  const byId = new Map(customers.map((c) => [c.id, c]));
  const lowest = Math.max(1, ...customers.map((c) => c.tier ?? 1));
  const problems: string[] = [];
  const jobs = shop.jobs.map((job) => {
    if (job.customer === undefined) return job;
    const terms = byId.get(job.customer);
    if (!terms) { problems.push(`job ${JSON.stringify(job.id)}: customer ${JSON.stringify(job.customer)} is not in the ${label} table`); return job; }
    const out = { ...job };
    const factor = (terms.weight ?? 1) * tierFactor(terms.tier ?? lowest, lowest);
    out.weight = (job.weight ?? 1) * factor;
    if (job.earlinessWeight !== undefined) out.earlinessWeight = job.earlinessWeight * factor;
    if (terms.latest !== undefined) out.due = job.due === undefined ? terms.latest : Math.min(job.due, terms.latest);
    if (terms.earliest !== undefined) out.earliest = terms.earliest;
    if (out.owner === undefined && terms.owner !== undefined) out.owner = terms.owner;
    return out;
  });
  if (problems.length > 0) throw new PlanningInputError(problemList(label, problems), "Customer", label);
  return { ...shop, jobs };
}
