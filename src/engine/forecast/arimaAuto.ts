// Automatic ARIMA (Hyndman & Khandakar 2008, R's auto.arima): D by seasonal strength, d by KPSS,
// then auto.arima's stepwise search over (p, q)(P, Q) and the constant by AICc, each candidate
// fitted by exact maximum likelihood (arimaFit.ts), or by CSS when n > 150 or m > 12 as auto.arima.

import { ArimaOrder } from "./arimaPolynomial";
import { ArimaFit, ArimaFitOptions, fitArima, withKalman } from "./arimaFit";
import { kpssDifferences, seasonalDifferences } from "./arimaTests";
import { difference } from "./arimaPolynomial";

export interface AutoArimaOptions {
  /**
   * Largest p and q (default 5, and below m when seasonal terms are allowed), P and Q (default 2),
   * as auto.arima; p + q + P + Q (default: no bound, as auto.arima's stepwise search, which leaves
   * its max.order to the exhaustive one).
   */
  maxP?: number; maxQ?: number; maxSeasonalP?: number; maxSeasonalQ?: number; maxOrder?: number;
  /** Most models fitted in the stepwise search (default 94, auto.arima's). */
  maxModels?: number;
  /**
   * Fit the search's candidates by conditional least squares (CSS) and refit the chosen one by
   * maximum likelihood (default: as auto.arima, when n > 150 or m > 12; otherwise every candidate
   * is compared by its exact likelihood). With it, a chosen model of
   * state dimension above `maxRefitState` keeps its CSS estimates (exact Kalman state).
   */
  approximation?: boolean;
  /** Largest state dimension max(p + mP, q + mQ + 1) refitted by maximum likelihood after an approximate search (default 14). */
  maxRefitState?: number;
}

export interface AutoArimaResult extends ArimaFit {
  /** Models fitted during the search. */
  modelsFitted: number;
}

const key = (o: ArimaOrder, c: boolean) => `${o.p},${o.q},${o.P},${o.Q},${c ? 1 : 0}`;

/**
 * The automatic ARIMA of y with season length m, or null when no model can be fitted.
 * @example autoArima(Array.from({ length: 40 }, (_, t) => t + Math.sin(t)), 1)!.order.d // 1
 */
export function autoArima(y: number[], m: number, options: AutoArimaOptions = {}): AutoArimaResult | null {
  const n = y.length;
  if (n < 4) return null;
  const seasonal = m > 1 && n >= 2 * m + 1;
  const season = seasonal ? m : 1;
  const D = seasonal ? seasonalDifferences(y, m) : 0;
  const x = D > 0 ? difference(y, 0, D, m) : y;
  const d = kpssDifferences(x, 2);
  const maxSP = seasonal ? Math.min(options.maxSeasonalP ?? 2, Math.floor(n / 3 / m)) : 0;
  const maxSQ = seasonal ? Math.min(options.maxSeasonalQ ?? 2, Math.floor(n / 3 / m)) : 0;
  // With seasonal terms allowed, p and q stay below m (auto.arima: max.p <- min(max.p, m - 1)).
  const maxP = Math.min(options.maxP ?? 5, Math.floor(n / 3), maxSP > 0 ? m - 1 : Infinity);
  const maxQ = Math.min(options.maxQ ?? 5, Math.floor(n / 3), maxSQ > 0 ? m - 1 : Infinity);
  const maxOrder = options.maxOrder ?? Infinity;
  const maxModels = options.maxModels ?? 94;
  const allowConstant = d + D <= 1;
  const approximation = options.approximation ?? (n > 150 || m > 12);
  const fitOptions: ArimaFitOptions = { method: approximation ? "CSS" : "ML" };
  const tried = new Map<string, ArimaFit | null>();
  let best: ArimaFit | null = null;
  let bestOrder: ArimaOrder | null = null;
  let bestConstant = false;
  const consider = (p: number, q: number, P: number, Q: number, constant: boolean): boolean => {
    if (p < 0 || q < 0 || P < 0 || Q < 0 || p > maxP || q > maxQ || P > maxSP || Q > maxSQ || p + q + P + Q > maxOrder) return false;
    if (constant && !allowConstant) return false;
    const order: ArimaOrder = { p, d, q, P, D, Q, m: season };
    const k = key(order, constant);
    if (tried.has(k) || tried.size >= maxModels) return false;
    const fit = fitArima(y, order, constant, fitOptions);
    tried.set(k, fit);
    if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) {
      best = fit; bestOrder = order; bestConstant = constant;
      return true;
    }
    return false;
  };
  const c0 = allowConstant;
  // Starting models: (2,2)(1,1) ((1,1)(0,0) below 10 values), (0,0)(0,0), (1,0)(1,0), (0,1)(0,1), (0,0)(0,0) without constant.
  const short = n < 10;
  consider(Math.min(short ? 1 : 2, maxP), Math.min(short ? 1 : 2, maxQ), short ? 0 : Math.min(1, maxSP), short ? 0 : Math.min(1, maxSQ), c0);
  consider(0, 0, 0, 0, c0);
  consider(Math.min(1, maxP), 0, Math.min(1, maxSP), 0, c0);
  consider(0, Math.min(1, maxQ), 0, Math.min(1, maxSQ), c0);
  if (c0) consider(0, 0, 0, 0, false);
  let improved = true;
  while (improved && best && tried.size < maxModels) {
    improved = false;
    const o: ArimaOrder = bestOrder!;
    const c: boolean = bestConstant;
    // auto.arima's order of neighbours: seasonal terms first, then p and q, then the constant.
    const moves: [number, number, number, number, boolean][] = [
      [o.p, o.q, o.P - 1, o.Q, c], [o.p, o.q, o.P, o.Q - 1, c], [o.p, o.q, o.P + 1, o.Q, c], [o.p, o.q, o.P, o.Q + 1, c],
      [o.p, o.q, o.P - 1, o.Q - 1, c], [o.p, o.q, o.P - 1, o.Q + 1, c], [o.p, o.q, o.P + 1, o.Q - 1, c], [o.p, o.q, o.P + 1, o.Q + 1, c],
      [o.p - 1, o.q, o.P, o.Q, c], [o.p, o.q - 1, o.P, o.Q, c], [o.p + 1, o.q, o.P, o.Q, c], [o.p, o.q + 1, o.P, o.Q, c],
      [o.p - 1, o.q - 1, o.P, o.Q, c], [o.p - 1, o.q + 1, o.P, o.Q, c], [o.p + 1, o.q - 1, o.P, o.Q, c], [o.p + 1, o.q + 1, o.P, o.Q, c],
      [o.p, o.q, o.P, o.Q, !c],
    ];
    for (const [p, q, P, Q, cc] of moves) {
      if (consider(p, q, P, Q, cc)) { improved = true; break; }
    }
  }
  const chosen = best as ArimaFit | null;
  if (!chosen) return null;
  const o = chosen.order;
  const stateDimension = Math.max(o.p + o.m * o.P, o.q + o.m * o.Q + 1);
  if (approximation && stateDimension <= (options.maxRefitState ?? 14)) {
    const refit = fitArima(y, chosen.order, chosen.constant, { method: "ML", start: chosen.x });
    if (refit && Number.isFinite(refit.aicc)) return { ...refit, modelsFitted: tried.size };
  }
  const exact = withKalman(chosen);
  return exact ? { ...exact, modelsFitted: tried.size } : null;
}
