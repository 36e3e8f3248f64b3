// Seeded generator of plausible multi-partner supply networks in aps-network/1 form, for the
// large example workbook and the plan benchmark (products, sub-assemblies, shared components).

import { seededRandom } from "../../src/engine/random";

export interface RandomNetworkOptions {
  stages: number;
  seed: number;
  /** Share of component stages that also feed a second customer (0 gives a spanning tree). */
  sharedShare?: number;
  /** Number of end products (stages with external demand). */
  products?: number;
  /** Integer processing times (else fractional). */
  integerTimes?: boolean;
}

const PARTNERS = ["Buyer", "SupplierA", "SupplierB", "SupplierC", "Subcontractor"];

/**
 * A network of `stages` stages: `products` end items with external demand, each the root of a
 * bill of materials; component stages feed one customer, and a `sharedShare` of them a second one.
 */
export function randomNetwork(options: RandomNetworkOptions): { format: "aps-network/1"; stages: Record<string, unknown>[]; arcs: Record<string, unknown>[]; settings: Record<string, unknown> } {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
  const products = Math.max(1, Math.min(options.products ?? Math.ceil(options.stages / 40), options.stages));
  const stages: Record<string, unknown>[] = [];
  const arcs: Record<string, unknown>[] = [];
  const depth: number[] = [];
  const time = () => (options.integerTimes ? 1 + Math.floor(random() * 5) : round(0.5 + random() * 4.5));
  for (let p = 0; p < products; p++) {
    const rate = round(5 + random() * 60, 1);
    stages.push({
      id: `P${String(p + 1).padStart(3, "0")}`, owner: "Buyer", demandRate: rate, demandSd: round(rate * (0.1 + random() * 0.3), 1),
      serviceLevel: pick([0.9, 0.95, 0.97, 0.99]), processingTime: time(), holdingCost: round(2 + random() * 6),
      orderCost: Math.round(100 + random() * 400), serviceCost: round(1 + random() * 2), penaltyCost: round(2 + random() * 8),
      maxServiceTime: pick([0, 0, 1, 2]), lotSizeModel: "classic",
    });
    depth.push(0);
  }
  for (let j = products; j < options.stages; j++) {
    // A component: feeds a random earlier stage (its customer), deeper stages are cheaper.
    const customer = Math.floor(random() * j);
    const level = depth[customer] + 1;
    const leaf = random() < 0.5;
    const model = pick(["classic", "classic", "production", "backorder"]);
    stages.push({
      id: `C${String(j + 1).padStart(4, "0")}`, owner: PARTNERS[1 + (level + j) % (PARTNERS.length - 1)],
      processingTime: time(), holdingCost: round(Math.max(0.05, (stages[customer].holdingCost as number) * (0.3 + random() * 0.5)), 3),
      orderCost: Math.round(50 + random() * 300), backorderCost: model === "backorder" ? round(2 + random() * 8) : null,
      serviceCost: round(0.5 + random() * 2), penaltyCost: round(0.5 + random() * 4), lotSizeModel: model,
      externalInboundTime: leaf ? pick([1, 2, 3, 5]) : null, externalInboundSd: leaf ? round(random() * 0.06, 3) : null,
    });
    depth.push(level);
    arcs.push({ from: stages[j].id, to: stages[customer].id, quantity: pick([1, 1, 1, 2, 3, 4]) });
    if (random() < (options.sharedShare ?? 0) && customer > 0) {
      const second = Math.floor(random() * j);
      if (second !== customer) arcs.push({ from: stages[j].id, to: stages[second].id, quantity: pick([1, 2]) });
    }
  }
  return { format: "aps-network/1", stages, arcs, settings: { defaultServiceLevel: 0.95, periodsPerYear: 365, placementMethod: "auto" } };
}
