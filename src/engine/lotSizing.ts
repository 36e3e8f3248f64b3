// Lot sizing at one stage, docs/model.md §4, eq. (8)-(12), with the corrections of eq. (9) and (10).
// Each closed form sits beside the cost per time unit it minimises, so tests can check one against the other.
import { MissingInputError, PlanningInputError, requireFiniteResult, requireNonNegative, requirePositive } from "./errors";

/** The lot-size models of docs/model.md §4 (docs/formats.md `lotSizeModel`). */
export type LotSizeModel = "classic" | "backorder" | "production" | "production-backorder" | "lead-time";

/** Every lot-size model, in the order of eq. (8)-(12). */
export const LOT_SIZE_MODELS: readonly LotSizeModel[] = ["classic", "backorder", "production", "production-backorder", "lead-time"];

/** Classic EOQ inputs (eq. 8). */
export interface EoqOptions {
  /** λ: demand rate, units per time unit (≥ 0; 0 gives lot size 0). */
  demandRate: number;
  /** K (= C_O): fixed cost per order or setup, currency (≥ 0; 0 gives lot size 0). */
  orderCost: number;
  /** h: holding cost per unit per time unit (> 0). */
  holdingCost: number;
}

/** EOQ with planned backorders (eq. 9). */
export interface EoqWithBackordersOptions extends EoqOptions {
  /** b (= C_b): backorder cost per unit backordered per time unit (> 0). */
  backorderCost: number;
  /** π (= C_sh): fixed shortage cost per unit backordered (≥ 0; 0 when omitted). */
  shortageCost?: number | null;
}

/** Production-consumption EPQ (eq. 10). */
export interface EpqOptions extends EoqOptions {
  /** μ: production rate, units per time unit (> λ). */
  productionRate: number;
}

/** EPQ with planned backorders (eq. 11). */
export interface EpqWithBackordersOptions extends EpqOptions {
  /** b (= C_b): backorder cost per unit per time unit (> 0). */
  backorderCost: number;
}

/** EOQ with backorders and lead time (eq. 12). */
export interface EoqWithLeadTimeOptions extends EoqWithBackordersOptions {
  /** W_j: make-to-order lead time of eq. (7), time units (> 0). */
  promisedLeadTime: number;
  /** L̂_j: lead time predicted before the forecast, time units (> 0). */
  predictedLeadTime: number;
}

/** Everything any model may use; which fields are needed depends on the model. */
export interface LotSizeParams extends EoqOptions {
  backorderCost?: number | null;
  shortageCost?: number | null;
  productionRate?: number | null;
  promisedLeadTime?: number | null;
  predictedLeadTime?: number | null;
}

/** A lot size q and the planned backorder level B (0 where the model plans none), both in units. */
export interface LotSizeResult {
  lotSize: number;
  backorderLevel: number;
}

/**
 * λ and K may be 0: with no demand, or nothing to pay per order, every lot-size formula's limit is
 * q = 0 (order each unit as it is needed) and B = 0; `none` says so.
 */
function validateEoq(options: EoqOptions) {
  const lambda = requireNonNegative(options.demandRate, "demandRate");
  const k = requireNonNegative(options.orderCost, "orderCost");
  const h = requirePositive(options.holdingCost, "holdingCost");
  return { lambda, k, h, none: lambda === 0 || k === 0 };
}

const NO_LOT: LotSizeResult = { lotSize: 0, backorderLevel: 0 };

function validateProductionRate(productionRate: number, lambda: number): number {
  const mu = requirePositive(productionRate, "productionRate");
  if (!(mu > lambda)) {
    throw new PlanningInputError(`productionRate must be greater than demandRate (got ${mu}, demandRate ${lambda}): production cannot keep up with demand.`, "productionRate");
  }
  return mu;
}

function requireLotSize(q: number, input = "lotSize"): number {
  return requirePositive(q, input);
}

/** Throws unless 0 ≤ B ≤ max: a backorder level the cost formula covers. */
function requireBackorderLevel(backorderLevel: number, max: number, maxName: string): number {
  requireNonNegative(backorderLevel, "backorderLevel");
  if (backorderLevel > max) {
    throw new PlanningInputError(`backorderLevel must not exceed ${maxName} (got ${backorderLevel}, ${maxName} ${max}).`, "backorderLevel");
  }
  return backorderLevel;
}

/**
 * Classic economic order quantity, eq. (8): q = sqrt(2λK/h), the minimiser of `eoqCost`.
 * @param options λ units per time unit, K per order, h per unit per time unit.
 * @returns q, units per order.
 * @example eoq({ demandRate: 1200, orderCost: 50, holdingCost: 2 }) // 244.94897427831782
 */
export function eoq(options: EoqOptions): number {
  const { lambda, k, h } = validateEoq(options);
  return requireFiniteResult(Math.sqrt(((2 * lambda) / h) * k), "The lot size", "lot-size inputs");
}

/**
 * Cost per time unit of ordering q at a time (eq. 8's cost): λK/q + hq/2.
 * @param q Lot size, units (> 0).
 * @returns Currency per time unit.
 * @example eoqCost(100, { demandRate: 1200, orderCost: 50, holdingCost: 2 }) // 700
 */
export function eoqCost(q: number, options: EoqOptions): number {
  const { lambda, k, h } = validateEoq(options);
  requireLotSize(q, "q");
  return (lambda * k) / q + (h * q) / 2;
}

/**
 * EOQ with planned backorders, eq. (9) corrected (docs/model.md §4): minimising `eoqWithBackordersCost`
 * over q and the backorder level B gives q = sqrt(2λK(h+b)/(hb) − (πλ)²/(hb)) and
 * B = (hq − πλ)/(h+b). Where that B would be negative (π ≥ sqrt(2Kh/λ)), backordering does not pay
 * and the answer is the classic EOQ (8) with B = 0.
 * @param options λ, K, h, b, π (see EoqWithBackordersOptions).
 * @returns { lotSize: q, backorderLevel: B }, units.
 * @example eoqWithBackorders({ demandRate: 40, orderCost: 150, holdingCost: 1.2, backorderCost: 6 }) // { lotSize: 109.54451150103321, backorderLevel: 18.257418583505537 }
 */
export function eoqWithBackorders(options: EoqWithBackordersOptions): LotSizeResult {
  const { lambda, k, h, none } = validateEoq(options);
  const b = requirePositive(options.backorderCost, "backorderCost");
  const pi = requireNonNegative(options.shortageCost ?? 0, "shortageCost");
  if (none) return { ...NO_LOT };
  const classic = Math.sqrt(((2 * lambda) / h) * k);
  // q² = (2λK/h)·[(h+b)/b − π²λ/(2Kb)]
  const bracket = (h + b) / b - (pi * pi * lambda) / (2 * k * b);
  const q = classic * Math.sqrt(bracket);
  const backorderLevel = (h * q - pi * lambda) / (h + b);
  if (!(bracket > 0) || !(backorderLevel > 0)) {
    return { lotSize: requireFiniteResult(classic, "The lot size", "lot-size inputs"), backorderLevel: 0 };
  }
  requireFiniteResult(q, "The lot size", "lot-size inputs");
  return { lotSize: q, backorderLevel: requireFiniteResult(backorderLevel, "The backorder level", "lot-size inputs") };
}

/**
 * Cost per time unit with planned backorders (eq. 9's cost): λK/q + h(q−B)²/(2q) + bB²/(2q) + πλB/q.
 * @param q Lot size, units (> 0).  @param backorderLevel B, units (0 ≤ B ≤ q).
 * @returns Currency per time unit.
 * @example eoqWithBackordersCost(100, 20, { demandRate: 40, orderCost: 150, holdingCost: 1.2, backorderCost: 6 }) // 110.4
 */
export function eoqWithBackordersCost(q: number, backorderLevel: number, options: EoqWithBackordersOptions): number {
  const { lambda, k, h } = validateEoq(options);
  const b = requirePositive(options.backorderCost, "backorderCost");
  const pi = requireNonNegative(options.shortageCost ?? 0, "shortageCost");
  requireLotSize(q, "q");
  const bl = requireBackorderLevel(backorderLevel, q, "q");
  return (lambda * k) / q + (h * (q - bl) * (q - bl)) / (2 * q) + (b * bl * bl) / (2 * q) + (pi * lambda * bl) / q;
}

/**
 * Economic production quantity, eq. (10) corrected (docs/model.md §4): q = sqrt(2λKμ/(h(μ − λ))), the
 * minimiser of `epqCost`.
 * @param options λ, K, h and μ > λ, the production rate (units per time unit).
 * @returns q, units per production run.
 * @throws PlanningInputError when productionRate ≤ demandRate.
 * @example epq({ demandRate: 20, orderCost: 200, holdingCost: 0.5, productionRate: 60.27200568999305 }) // 154.74484255979408
 */
export function epq(options: EpqOptions): number {
  const { lambda, k, h } = validateEoq(options);
  const mu = validateProductionRate(options.productionRate, lambda);
  return requireFiniteResult(Math.sqrt(((2 * lambda) / h) * k) / Math.sqrt(1 - lambda / mu), "The lot size", "lot-size inputs");
}

/**
 * Cost per time unit of producing q per run at rate μ (eq. 10's cost): λK/q + h(1 − λ/μ)q/2.
 * @param q Lot size, units (> 0).
 * @returns Currency per time unit.
 * @example epqCost(100, { demandRate: 20, orderCost: 200, holdingCost: 0.5, productionRate: 40 }) // 52.5
 */
export function epqCost(q: number, options: EpqOptions): number {
  const { lambda, k, h } = validateEoq(options);
  const mu = validateProductionRate(options.productionRate, lambda);
  requireLotSize(q, "q");
  return (lambda * k) / q + (h * (1 - lambda / mu) * q) / 2;
}

/**
 * EPQ with planned backorders, eq. (11): q = sqrt(2λKμ(h + b)/(h(μ − λ)b)), B = h(1 − λ/μ)q/(h + b),
 * the minimiser of `epqWithBackordersCost` (Hadley & Whitin 1963; Zipkin 2000 §3.5).
 * @param options λ, K, h, μ > λ, b.
 * @returns { lotSize: q, backorderLevel: B }, units.
 * @example epqWithBackorders({ demandRate: 20, orderCost: 200, holdingCost: 0.5, productionRate: 40, backorderCost: 2 }) // { lotSize: 200, backorderLevel: 20 }
 */
export function epqWithBackorders(options: EpqWithBackordersOptions): LotSizeResult {
  const { lambda, k, h, none } = validateEoq(options);
  const mu = validateProductionRate(options.productionRate, lambda);
  const b = requirePositive(options.backorderCost, "backorderCost");
  if (none) return { ...NO_LOT };
  const idle = 1 - lambda / mu;
  const q = Math.sqrt(((2 * lambda) / h) * k) * Math.sqrt((h + b) / b / idle);
  requireFiniteResult(q, "The lot size", "lot-size inputs");
  return { lotSize: q, backorderLevel: requireFiniteResult((h * idle * q) / (h + b), "The backorder level", "lot-size inputs") };
}

/**
 * Cost per time unit of the EPQ with planned backorders (Hadley-Whitin / Zipkin), with ρ = λ/μ:
 * λK/q + [h((1 − ρ)q − B)² + bB²] / (2(1 − ρ)q). Its minimiser is eq. (11).
 * @param q Lot size, units (> 0).  @param backorderLevel B, units (0 ≤ B ≤ (1 − ρ)q, the peak stock).
 * @returns Currency per time unit.
 * @example epqWithBackordersCost(100, 5, { demandRate: 20, orderCost: 200, holdingCost: 0.5, productionRate: 40, backorderCost: 2 }) // 50.625
 */
export function epqWithBackordersCost(q: number, backorderLevel: number, options: EpqWithBackordersOptions): number {
  const { lambda, k, h } = validateEoq(options);
  const mu = validateProductionRate(options.productionRate, lambda);
  const b = requirePositive(options.backorderCost, "backorderCost");
  requireLotSize(q, "q");
  const idle = 1 - lambda / mu;
  const bl = requireBackorderLevel(backorderLevel, idle * q, "the peak stock (1 − demandRate/productionRate)·q");
  const stock = idle * q - bl;
  return (lambda * k) / q + (h * stock * stock + b * bl * bl) / (2 * idle * q);
}

/**
 * EOQ with backorders and lead time, eq. (12), the paper's own rule: the lot size of eq. (9) scaled
 * by W_j / L̂_j, the make-to-order lead time of eq. (7) over the predicted lead time. The backorder
 * level is scaled by the same ratio (keeping the optimal backordered fraction B/q of eq. 9).
 * @param options eq. (9)'s λ, K, h, b, π, plus W_j and L̂_j in time units.
 * @returns { lotSize, backorderLevel }, units.
 * @example eoqWithLeadTime({ demandRate: 40, orderCost: 150, holdingCost: 1.2, backorderCost: 6, promisedLeadTime: 6, predictedLeadTime: 4 }) // { lotSize: 164.31676725154983, backorderLevel: 27.386127875258303 }
 */
export function eoqWithLeadTime(options: EoqWithLeadTimeOptions): LotSizeResult {
  const w = requirePositive(options.promisedLeadTime, "promisedLeadTime");
  const predicted = requirePositive(options.predictedLeadTime, "predictedLeadTime");
  const base = eoqWithBackorders(options);
  const ratio = w / predicted;
  return {
    lotSize: requireFiniteResult(base.lotSize * ratio, "The lot size", "lot-size inputs"),
    backorderLevel: requireFiniteResult(base.backorderLevel * ratio, "The backorder level", "lot-size inputs"),
  };
}

/** Parses a model name (case and surrounding spaces ignored); throws naming the valid ones. */
export function parseLotSizeModel(text: string, input = "model"): LotSizeModel {
  const name = String(text).trim().toLowerCase();
  const found = LOT_SIZE_MODELS.find((m) => m === name);
  if (!found) {
    throw new PlanningInputError(`${input} must be one of ${LOT_SIZE_MODELS.join(", ")} (got "${text}").`, input);
  }
  return found;
}

function need(value: number | null | undefined, field: string, model: LotSizeModel): number {
  if (value === null || value === undefined) {
    throw new MissingInputError(`The ${model} lot-size model needs ${field}.`, field);
  }
  return value;
}

/**
 * Lot size by model name (docs/model.md §4, docs/formats.md `lotSizeModel`): classic (8), backorder (9),
 * production (10), production-backorder (11), lead-time (12).
 * @param model One of LOT_SIZE_MODELS.
 * @param params λ, K, h and whatever the model needs (b; π optional; μ; W and L̂).
 * @returns { lotSize, backorderLevel } in units (backorderLevel 0 for models without backorders).
 * @throws MissingInputError (a PlanningInputError) naming the missing input, e.g. "The production lot-size model needs productionRate."
 * @example lotSize("production", { demandRate: 20, orderCost: 200, holdingCost: 0.5, productionRate: 60.27200568999305 }) // { lotSize: 154.74484255979408, backorderLevel: 0 }
 */
export function lotSize(model: LotSizeModel, params: LotSizeParams): LotSizeResult {
  const chosen = parseLotSizeModel(model);
  const base = { demandRate: params.demandRate, orderCost: params.orderCost, holdingCost: params.holdingCost };
  switch (chosen) {
    case "classic":
      return { lotSize: eoq(base), backorderLevel: 0 };
    case "backorder":
      return eoqWithBackorders({ ...base, backorderCost: need(params.backorderCost, "backorderCost", chosen), shortageCost: params.shortageCost ?? 0 });
    case "production":
      return { lotSize: epq({ ...base, productionRate: need(params.productionRate, "productionRate", chosen) }), backorderLevel: 0 };
    case "production-backorder":
      return epqWithBackorders({
        ...base,
        productionRate: need(params.productionRate, "productionRate", chosen),
        backorderCost: need(params.backorderCost, "backorderCost", chosen),
      });
    case "lead-time":
      return eoqWithLeadTime({
        ...base,
        backorderCost: need(params.backorderCost, "backorderCost", chosen),
        shortageCost: params.shortageCost ?? 0,
        promisedLeadTime: need(params.promisedLeadTime, "promisedLeadTime", chosen),
        predictedLeadTime: need(params.predictedLeadTime, "predictedLeadTime", chosen),
      });
  }
}
