// Test-only cost functions written from docs/model.md (not from the engine), over dual numbers so their
// exact derivatives are available, and the numeric argmins they imply. The closed forms of the
// engine are checked against these argmins; nothing here calls the engine.
import { Dual, bisectSign, c, derivative, minimise1D, minimiseBySlope } from "./numeric";

export interface RateParams {
  arrivalRate: number;
  interarrivalSd: number;
  serviceSd: number;
  serviceCost: number;
  penaltyCost: number;
}

/** Eq. (2): C_T μ + C_W [λ²V/(2(1 − λ/μ)) + λ/μ]; without the ρ term when `withRho` is false (eq. 3's cost). */
export function rateCostDual(mu: Dual, p: RateParams, withRho: boolean): Dual {
  const lambda = p.arrivalRate;
  const v = p.interarrivalSd ** 2 + p.serviceSd ** 2;
  const rho = c(lambda).div(mu);
  const queue = c(lambda * lambda * v).div(c(2).mul(c(1).sub(rho)));
  const orders = withRho ? queue.add(rho) : queue;
  return mu.mul(p.serviceCost).add(orders.mul(p.penaltyCost));
}

/** Numeric argmin of eq. (2) over μ > λ (scan of μ from λ(1 + 1e-13) to 1e8 λ, then bisection on dE/dμ). */
export function numericOptimalRate(p: RateParams, withRho: boolean) {
  return minimise1D((mu) => rateCostDual(mu, p, withRho), p.arrivalRate * (1 + 1e-13), p.arrivalRate * 1e8, 600);
}

export interface LotParams {
  demandRate: number;
  orderCost: number;
  holdingCost: number;
  backorderCost?: number;
  shortageCost?: number;
  productionRate?: number;
}

/** Eq. (8)'s cost λK/q + hq/2. */
export function eoqCostDual(q: Dual, p: LotParams): Dual {
  return c(p.demandRate * p.orderCost).div(q).add(q.mul(p.holdingCost / 2));
}

/** Eq. (10)'s cost λK/q + h(1 − λ/μ)q/2. */
export function epqCostDual(q: Dual, p: LotParams): Dual {
  const mu = p.productionRate!;
  return c(p.demandRate * p.orderCost).div(q).add(q.mul((p.holdingCost * (1 - p.demandRate / mu)) / 2));
}

/** Eq. (9)'s cost λK/q + h(q − B)²/(2q) + bB²/(2q) + πλB/q. */
export function backorderCostDual(q: Dual, bl: Dual, p: LotParams): Dual {
  const h = p.holdingCost;
  const b = p.backorderCost!;
  const pi = p.shortageCost ?? 0;
  const twoQ = q.mul(2);
  return c(p.demandRate * p.orderCost).div(q)
    .add(q.sub(bl).square().mul(h).div(twoQ))
    .add(bl.square().mul(b).div(twoQ))
    .add(bl.mul(pi * p.demandRate).div(q));
}

/** Hadley-Whitin EPQ with backorders: λK/q + [h((1 − ρ)q − B)² + bB²]/(2(1 − ρ)q). */
export function epqBackorderCostDual(q: Dual, bl: Dual, p: LotParams): Dual {
  const idle = 1 - p.demandRate / p.productionRate!;
  const stock = q.mul(idle).sub(bl);
  return c(p.demandRate * p.orderCost).div(q)
    .add(stock.square().mul(p.holdingCost).add(bl.square().mul(p.backorderCost!)).div(q.mul(2 * idle)));
}

/** argmin over 0 ≤ B ≤ maxB of a cost at fixed q, by the sign of ∂C/∂B. */
function innerBackorder(cost: (q: Dual, bl: Dual) => Dual, q: number, maxB: number): number {
  const dB = (bl: number) => derivative((x) => cost(c(q), x), bl);
  if (dB(0) >= 0) return 0;
  if (dB(maxB) <= 0) return maxB;
  return bisectSign(dB, 0, maxB);
}

/**
 * 2-D numeric argmin over (q, B): for each q the best B (inner bisection), then the sign of the
 * envelope derivative ∂C/∂q(q, B*(q)) over a log scan of q in [1e-8, 1e14].
 */
export function numericLotWithBackorders(cost: (q: Dual, bl: Dual) => Dual, maxB: (q: number) => number) {
  const bestB = (q: number) => innerBackorder(cost, q, maxB(q));
  const value = (q: number) => cost(c(q), c(bestB(q))).v;
  const slope = (q: number) => {
    const bl = bestB(q);
    return derivative((x) => cost(x, c(bl)), q);
  };
  const found = minimiseBySlope(value, slope, 1e-8, 1e14, 500);
  return { ...found, backorderLevel: bestB(found.x) };
}

export function numericEoq(p: LotParams) {
  return minimise1D((q) => eoqCostDual(q, p), 1e-8, 1e14, 500);
}

export function numericEpq(p: LotParams) {
  return minimise1D((q) => epqCostDual(q, p), 1e-8, 1e14, 500);
}

export function numericEoqWithBackorders(p: LotParams) {
  return numericLotWithBackorders((q, bl) => backorderCostDual(q, bl, p), (q) => q);
}

export function numericEpqWithBackorders(p: LotParams) {
  const idle = 1 - p.demandRate / p.productionRate!;
  return numericLotWithBackorders((q, bl) => epqBackorderCostDual(q, bl, p), (q) => idle * q);
}
