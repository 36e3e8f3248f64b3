// The APS.* custom functions: thin wrappers that read cells, call the engine and map errors.
// Their JSDoc is their registration metadata (custom-functions-metadata-plugin): review it like code.
// Every argument takes a value or a range; ranges broadcast as in Excel's own functions and the
// result spills, so one formula can plan 10,000 rows. Errors: #VALUE! (wrong input) or #N/A
// (missing or not applicable), each with a message naming the argument.
import { MissingInputError } from "../engine/errors";
import { parseLotSizeModel, lotSize } from "../engine/lotSizing";
import { zFromServiceLevel } from "../engine/normal";
import { kingmanWait, ordersInSystem, utilisation } from "../engine/queue";
import { optimalRate, optimalRateExact } from "../engine/rate";
import { derivedInterarrivalSd, inboundSd as inboundSdOf, serviceTimeSd } from "../engine/variability";
import { inboundServiceTime, productionLeadTime, promisedLeadTime } from "../engine/leadTime";
import { demandBound, netReplenishmentTime, safetyStock } from "../engine/safetyStock";
import { inboundLeadTime } from "../engine/matching";
import { ArgSpec, CellFailure, safely, spill, take, toCellError } from "./broadcast";
import { isBlank, Read, readNumber, toGrid } from "./cells";
import { planSpill } from "./planFunction";
import { forecastSeries } from "../engine/forecast/forecastSeries";
import { demandPattern } from "../engine/forecast/intermittent";

type N = number;
type Opt = number | undefined;

const req = (name: string, value: unknown): ArgSpec => ({ name, value, kind: "number" });
const opt = (name: string, value: unknown): ArgSpec => ({ name, value, kind: "optionalNumber" });

/** z from a direct z (wins when given) or else from the service level (read only then). */
function zOf(serviceLevel: Read<unknown>, z: Opt): number {
  if (z !== undefined) return z;
  const level = take(serviceLevel) as Opt;
  if (level === undefined) throw new MissingInputError("serviceLevel is blank: give a service level such as 0.95, or z.", "serviceLevel");
  return zFromServiceLevel(level);
}

/** Lot size and backorder level by model, shared by EOQ and BACKORDER_LEVEL. */
function lotSizeArgs(
  demandRate: unknown, orderCost: unknown, holdingCost: unknown, model: unknown, backorderCost: unknown,
  shortageCost: unknown, productionRate: unknown, promisedLeadTime: unknown, predictedLeadTime: unknown,
): ArgSpec[] {
  return [
    req("demandRate", demandRate), req("orderCost", orderCost), req("holdingCost", holdingCost),
    { name: "model", value: model, kind: "text" },
    opt("backorderCost", backorderCost), opt("shortageCost", shortageCost), opt("productionRate", productionRate),
    opt("promisedLeadTime", promisedLeadTime), opt("predictedLeadTime", predictedLeadTime),
  ];
}

function lotSizeOf(v: unknown[]) {
  const [demandRate, orderCost, holdingCost, model, backorderCost, shortageCost, productionRate, promised, predicted] = v as [N, N, N, string | undefined, Opt, Opt, Opt, Opt, Opt];
  return lotSize(parseLotSizeModel(model ?? "classic"), {
    demandRate, orderCost, holdingCost, backorderCost, shortageCost, productionRate,
    promisedLeadTime: promised, predictedLeadTime: predicted,
  });
}

/**
 * Lot size q in units per order or run, by model: classic EOQ (eq. 8), backorder (eq. 9), production EPQ (eq. 10), production-backorder (eq. 11), lead-time (eq. 12). Ranges spill.
 * @customfunction EOQ
 * @param {any[][]} demandRate Demand rate λ, units per time unit (≥ 0; 0 gives lot size 0).
 * @param {any[][]} orderCost Fixed cost K per order or setup, currency (≥ 0; 0 gives lot size 0).
 * @param {any[][]} holdingCost Holding cost h per unit per time unit (> 0).
 * @param {any[][]} [model] classic (default), backorder, production, production-backorder or lead-time.
 * @param {any[][]} [backorderCost] Backorder cost b per unit per time unit (> 0); backorder, production-backorder and lead-time models.
 * @param {any[][]} [shortageCost] Fixed shortage cost π per unit backordered (≥ 0, default 0); backorder and lead-time models.
 * @param {any[][]} [productionRate] Production rate μ, units per time unit (> demandRate); production models.
 * @param {any[][]} [promisedLeadTime] Make-to-order lead time W of eq. (7), time units; lead-time model.
 * @param {any[][]} [predictedLeadTime] Lead time predicted before the forecast, time units; lead-time model.
 * @returns {any[][]} Lot size q, units.
 */
export function eoq(
  demandRate: any[][], orderCost: any[][], holdingCost: any[][], model?: any[][], backorderCost?: any[][],
  shortageCost?: any[][], productionRate?: any[][], promisedLeadTime?: any[][], predictedLeadTime?: any[][],
): any[][] {
  return safely(() =>
    spill(lotSizeArgs(demandRate, orderCost, holdingCost, model, backorderCost, shortageCost, productionRate, promisedLeadTime, predictedLeadTime),
      (v) => lotSizeOf(v).lotSize),
  );
}

/**
 * Planned backorder level B in units for a lot-size model: eq. (9) B = (hq − πλ)/(h + b), eq. (11) B = h(1 − λ/μ)q/(h + b), eq. (12) scaled like q; 0 for classic and production. Same arguments as APS.EOQ.
 * @customfunction BACKORDER_LEVEL
 * @param {any[][]} demandRate Demand rate λ, units per time unit (≥ 0; 0 gives lot size 0).
 * @param {any[][]} orderCost Fixed cost K per order or setup, currency (≥ 0; 0 gives lot size 0).
 * @param {any[][]} holdingCost Holding cost h per unit per time unit (> 0).
 * @param {any[][]} [model] classic (default), backorder, production, production-backorder or lead-time.
 * @param {any[][]} [backorderCost] Backorder cost b per unit per time unit (> 0).
 * @param {any[][]} [shortageCost] Fixed shortage cost π per unit backordered (≥ 0, default 0).
 * @param {any[][]} [productionRate] Production rate μ, units per time unit (> demandRate).
 * @param {any[][]} [promisedLeadTime] Make-to-order lead time W of eq. (7), time units.
 * @param {any[][]} [predictedLeadTime] Lead time predicted before the forecast, time units.
 * @returns {any[][]} Backorder level B, units.
 */
export function backorderLevel(
  demandRate: any[][], orderCost: any[][], holdingCost: any[][], model?: any[][], backorderCost?: any[][],
  shortageCost?: any[][], productionRate?: any[][], promisedLeadTime?: any[][], predictedLeadTime?: any[][],
): any[][] {
  return safely(() =>
    spill(lotSizeArgs(demandRate, orderCost, holdingCost, model, backorderCost, shortageCost, productionRate, promisedLeadTime, predictedLeadTime),
      (v) => lotSizeOf(v).backorderLevel),
  );
}

/**
 * Optimal production rate μ*, orders per time unit: eq. (3)-(4) corrected, μ* = λ + λ·sqrt(λ C_W (σ_A² + σ_S²)/(2 C_T)); with exact TRUE, the exact minimiser of the full cost eq. (2) C_T μ + C_W N(μ).
 * @customfunction OPTIMAL_RATE
 * @param {any[][]} demandRate Demand (arrival) rate λ, orders per time unit (> 0).
 * @param {any[][]} serviceCost Service cost C_T per unit of rate per time unit (> 0).
 * @param {any[][]} penaltyCost Penalty C_W per waiting order per time unit (≥ 0).
 * @param {any[][]} interarrivalSd Inter-arrival time deviation σ_A, time units (≥ 0).
 * @param {any[][]} serviceSd Service time deviation σ_S, time units (≥ 0).
 * @param {any[][]} [exact] TRUE: minimise eq. (2) with its C_W ρ term; FALSE or blank: eq. (3)'s closed form.
 * @returns {any[][]} Rate μ, orders per time unit.
 */
export function optimalRateFn(demandRate: any[][], serviceCost: any[][], penaltyCost: any[][], interarrivalSd: any[][], serviceSd: any[][], exact?: any[][]): any[][] {
  return safely(() =>
    spill(
      [req("demandRate", demandRate), req("serviceCost", serviceCost), req("penaltyCost", penaltyCost), req("interarrivalSd", interarrivalSd), req("serviceSd", serviceSd), { name: "exact", value: exact, kind: "flag" }],
      (v) => {
        const [arrivalRate, cT, cW, sdA, sdS, isExact] = v as [N, N, N, N, N, boolean];
        const options = { arrivalRate, serviceCost: cT, penaltyCost: cW, interarrivalSd: sdA, serviceSd: sdS };
        return isExact ? optimalRateExact(options) : optimalRate(options);
      },
      { arrivalRate: "demandRate" },
    ),
  );
}

/**
 * Utilisation ρ = λ/μ of a stage (dimensionless; 1 or more means it cannot keep up). docs/model.md §1.
 * @customfunction UTILISATION
 * @param {any[][]} arrivalRate Arrival rate λ, orders per time unit (> 0).
 * @param {any[][]} serviceRate Service rate μ, orders per time unit (> 0).
 * @returns {any[][]} Utilisation ρ.
 */
export function utilisationFn(arrivalRate: any[][], serviceRate: any[][]): any[][] {
  return safely(() => spill([req("arrivalRate", arrivalRate), req("serviceRate", serviceRate)], (v) => utilisation({ arrivalRate: v[0] as N, serviceRate: v[1] as N })));
}

function queueArgs(arrivalRate: unknown, serviceRate: unknown, interarrivalSd: unknown, serviceSd: unknown): ArgSpec[] {
  return [req("arrivalRate", arrivalRate), req("serviceRate", serviceRate), req("interarrivalSd", interarrivalSd), req("serviceSd", serviceSd)];
}

function queueOf(v: unknown[]) {
  const [arrivalRate, serviceRate, interarrivalSd, serviceSd] = v as [N, N, N, N];
  return { arrivalRate, serviceRate, interarrivalSd, serviceSd };
}

/**
 * Waiting time in queue W_q = λ(σ_A² + σ_S²)/(2(1 − ρ)), Kingman's GI/G/1 bound, eq. (6), in time units. #VALUE! when ρ ≥ 1 (unstable queue).
 * @customfunction QUEUE_WAIT
 * @param {any[][]} arrivalRate Arrival rate λ, orders per time unit (> 0).
 * @param {any[][]} serviceRate Service rate μ, orders per time unit (> arrivalRate).
 * @param {any[][]} interarrivalSd Inter-arrival time deviation σ_A, time units (≥ 0).
 * @param {any[][]} serviceSd Service time deviation σ_S, time units (≥ 0).
 * @returns {any[][]} Wait W_q, time units.
 */
export function queueWait(arrivalRate: any[][], serviceRate: any[][], interarrivalSd: any[][], serviceSd: any[][]): any[][] {
  return safely(() => spill(queueArgs(arrivalRate, serviceRate, interarrivalSd, serviceSd), (v) => kingmanWait(queueOf(v))));
}

/**
 * Orders in the system N = λ²(σ_A² + σ_S²)/(2(1 − ρ)) + ρ, eq. (5) (waiting and in service). #VALUE! when ρ ≥ 1 (unstable queue).
 * @customfunction ORDERS_IN_SYSTEM
 * @param {any[][]} arrivalRate Arrival rate λ, orders per time unit (> 0).
 * @param {any[][]} serviceRate Service rate μ, orders per time unit (> arrivalRate).
 * @param {any[][]} interarrivalSd Inter-arrival time deviation σ_A, time units (≥ 0).
 * @param {any[][]} serviceSd Service time deviation σ_S, time units (≥ 0).
 * @returns {any[][]} Orders N.
 */
export function ordersInSystemFn(arrivalRate: any[][], serviceRate: any[][], interarrivalSd: any[][], serviceSd: any[][]): any[][] {
  return safely(() => spill(queueArgs(arrivalRate, serviceRate, interarrivalSd, serviceSd), (v) => ordersInSystem(queueOf(v))));
}

/**
 * Safety factor z of a cycle service level, z = NORM.S.INV(serviceLevel), as used in eq. (13)-(14).
 * @customfunction SERVICE_Z
 * @param {any[][]} serviceLevel Probability of no stock-out, strictly between 0 and 1 (e.g. 0.95).
 * @returns {any[][]} z, dimensionless.
 */
export function serviceZ(serviceLevel: any[][]): any[][] {
  return safely(() => spill([req("serviceLevel", serviceLevel)], (v) => zFromServiceLevel(v[0] as N)));
}

/**
 * Inter-arrival deviation σ_A = 1/λ − 1/(λ + zσ_D), derived from the demand bound over one time unit (docs/model.md §1, paper §4.2.2), in time units.
 * @customfunction INTERARRIVAL_SD
 * @param {any[][]} demandRate Demand rate λ, units per time unit (> 0).
 * @param {any[][]} demandSd Demand deviation σ_D per time unit (≥ 0).
 * @param {any[][]} serviceLevel Service level (0.5 to 1); ignored when z is given.
 * @param {any[][]} [z] Safety factor z (≥ 0); wins over serviceLevel.
 * @returns {any[][]} σ_A, time units.
 */
export function interarrivalSd(demandRate: any[][], demandSd: any[][], serviceLevel: any[][], z?: any[][]): any[][] {
  return safely(() =>
    spill([req("demandRate", demandRate), req("demandSd", demandSd), { ...req("serviceLevel", serviceLevel), lazy: true }, opt("z", z)], (v) =>
      derivedInterarrivalSd({ demandRate: v[0] as N, demandSd: v[1] as N, z: zOf(v[2] as Read<unknown>, v[3] as Opt) }),
    ),
  );
}

/**
 * Inbound deviation σ_in = max(σ_ext, max of the upstream stages' σ_S) (docs/model.md §1), in time units. Each row of upstreamServiceSds lists one stage's upstream deviations (blanks skipped).
 * @customfunction INBOUND_SD
 * @param {any[][]} [upstreamServiceSds] σ_S of each upstream stage, time units (≥ 0); reduced by MAX across each row.
 * @param {any[][]} [externalInboundSd] Deviation of the external suppliers' service time, time units (≥ 0, blank 0).
 * @returns {any[][]} σ_in, time units.
 */
export function inboundSd(upstreamServiceSds?: any[][], externalInboundSd?: any[][]): any[][] {
  return safely(() =>
    spill([{ name: "upstreamServiceSds", value: upstreamServiceSds, kind: "rowList" }, opt("externalInboundSd", externalInboundSd)], (v) =>
      inboundSdOf({ upstreamServiceSds: v[0] as number[], externalInboundSd: v[1] as Opt }),
    ),
  );
}

/**
 * Service-time deviation σ_S = sqrt(σ_in² + σ_T²) (docs/model.md §1), in time units.
 * @customfunction SERVICE_SD
 * @param {any[][]} inboundSd Inbound deviation σ_in, time units (≥ 0).
 * @param {any[][]} productionSd Production-time deviation σ_T (= the stage's σ_A), time units (≥ 0).
 * @returns {any[][]} σ_S, time units.
 */
export function serviceSd(inboundSd: any[][], productionSd: any[][]): any[][] {
  return safely(() => spill([req("inboundSd", inboundSd), req("productionSd", productionSd)], (v) => serviceTimeSd({ inboundSd: v[0] as N, productionSd: v[1] as N })));
}

/**
 * Promised (make-to-order) lead time W = SI + L, eq. (7), with SI = max(externalInboundTime, upstream W) and L = waitInQueue + processingTime, in time units.
 * @customfunction PROMISED_LEAD_TIME
 * @param {any[][]} processingTime Processing time T, time units (≥ 0).
 * @param {any[][]} [upstreamTimes] Promised lead times W of the upstream stages, time units (≥ 0); reduced by MAX across each row, blanks skipped.
 * @param {any[][]} [externalInboundTime] Service time E quoted by external suppliers, time units (≥ 0, blank 0).
 * @param {any[][]} [waitInQueue] Wait in queue W_q (APS.QUEUE_WAIT), time units (≥ 0, blank 0).
 * @returns {any[][]} W, time units.
 */
export function promisedLeadTimeFn(processingTime: any[][], upstreamTimes?: any[][], externalInboundTime?: any[][], waitInQueue?: any[][]): any[][] {
  return safely(() =>
    spill(
      [req("processingTime", processingTime), { name: "upstreamTimes", value: upstreamTimes, kind: "rowList" }, opt("externalInboundTime", externalInboundTime), opt("waitInQueue", waitInQueue)],
      (v) => {
        const [processing, upstream, external, wait] = v as [N, number[], Opt, Opt];
        const si = inboundServiceTime({ externalInboundTime: external, upstreamTimes: upstream });
        const l = productionLeadTime({ waitInQueue: wait ?? 0, processingTime: processing });
        return promisedLeadTime({ inboundServiceTime: si, productionLeadTime: l });
      },
    ),
  );
}

/**
 * Demand bound D(τ) = λτ + zσ_D·sqrt(τ), eq. (14), in units: the demand the stage covers over time τ.
 * @customfunction DEMAND_BOUND
 * @param {any[][]} demandRate Demand rate λ, units per time unit (≥ 0).
 * @param {any[][]} demandSd Demand deviation σ_D per time unit (≥ 0).
 * @param {any[][]} time Time τ (e.g. the net replenishment time), time units (≥ 0).
 * @param {any[][]} serviceLevel Service level (0 to 1); ignored when z is given.
 * @param {any[][]} [z] Safety factor z; wins over serviceLevel (blank or 0: use serviceLevel).
 * @returns {any[][]} D(τ), units.
 */
export function demandBoundFn(demandRate: any[][], demandSd: any[][], time: any[][], serviceLevel: any[][], z?: any[][]): any[][] {
  return safely(() =>
    spill([req("demandRate", demandRate), req("demandSd", demandSd), req("time", time), { ...req("serviceLevel", serviceLevel), lazy: true }, opt("z", z)], (v) =>
      demandBound({ demandRate: v[0] as N, demandSd: v[1] as N, time: v[2] as N, z: zOf(v[3] as Read<unknown>, v[4] as Opt) }),
    ),
  );
}

/**
 * Net replenishment time τ = SI + L − S (docs/model.md §5), in time units. #VALUE! when the committed service time exceeds SI + L.
 * @customfunction NET_REPLENISHMENT_TIME
 * @param {any[][]} inboundServiceTime Inbound service time SI, time units (≥ 0).
 * @param {any[][]} leadTime Production lead time L, time units (≥ 0).
 * @param {any[][]} committedServiceTime Service time S committed to customers, time units (0 to SI + L).
 * @returns {any[][]} τ, time units.
 */
export function netReplenishmentTimeFn(inboundServiceTime: any[][], leadTime: any[][], committedServiceTime: any[][]): any[][] {
  return safely(() =>
    spill([req("inboundServiceTime", inboundServiceTime), req("leadTime", leadTime), req("committedServiceTime", committedServiceTime)], (v) =>
      netReplenishmentTime({ inboundServiceTime: v[0] as N, leadTime: v[1] as N, committedServiceTime: v[2] as N }),
    ),
  );
}

/**
 * Safety stock zσ_D·sqrt(τ), eq. (13), in units (0: the stage can make to order).
 * @customfunction SAFETY_STOCK
 * @param {any[][]} demandSd Demand deviation σ_D per time unit (≥ 0).
 * @param {any[][]} netReplenishmentTime Net replenishment time τ, time units (≥ 0).
 * @param {any[][]} serviceLevel Service level (0 to 1); ignored when z is given.
 * @param {any[][]} [z] Safety factor z; wins over serviceLevel (blank or 0: use serviceLevel).
 * @returns {any[][]} Safety stock, units.
 */
export function safetyStockFn(demandSd: any[][], netReplenishmentTime: any[][], serviceLevel: any[][], z?: any[][]): any[][] {
  return safely(() =>
    spill([req("demandSd", demandSd), req("netReplenishmentTime", netReplenishmentTime), { ...req("serviceLevel", serviceLevel), lazy: true }, opt("z", z)], (v) =>
      safetyStock({ demandSd: v[0] as N, netReplenishmentTime: v[1] as N, z: zOf(v[2] as Read<unknown>, v[3] as Opt) }),
    ),
  );
}

/**
 * Inbound lead time on an arc i → j, eq. (15): max(1, Φ·D(τ)/q)·SI, in time units.
 * @customfunction INBOUND_LEAD_TIME
 * @param {any[][]} quantity Units Φ of the component per unit of the consuming stage (> 0).
 * @param {any[][]} demandBound Demand bound D(τ) of the consuming stage, units (≥ 0).
 * @param {any[][]} lotSize Lot size q of the supplying stage, units (> 0).
 * @param {any[][]} inboundServiceTime Inbound service time SI of the consuming stage, time units (≥ 0).
 * @returns {any[][]} Inbound lead time, time units.
 */
export function inboundLeadTimeFn(quantity: any[][], demandBound: any[][], lotSize: any[][], inboundServiceTime: any[][]): any[][] {
  return safely(() =>
    spill([req("quantity", quantity), req("demandBound", demandBound), req("lotSize", lotSize), req("inboundServiceTime", inboundServiceTime)], (v) =>
      inboundLeadTime({ quantity: v[0] as N, demandBound: v[1] as N, lotSize: v[2] as N, inboundServiceTime: v[3] as N }),
    ),
  );
}

/**
 * Plans a whole network, the live twin of the pane's "Run plan" (same engine, same columns as the Plan sheet): spills a header row, then one row per stage (rate, lead times, committed service time, safety stock, lot size, costs). The first row of each range is its header, as in the Stages, Arcs and Settings tables; empty cells (passed as 0) count as blank. Wrong input: #VALUE! naming the cell (C3 = row 3, column C of the range).
 * @customfunction PLAN
 * @param {any[][]} stagesRange The Stages table with its header row (Id, Demand Rate, Demand Sd, Processing Time, Holding Cost, Order Cost, ...).
 * @param {any[][]} arcsRange The Arcs table with its header row (From, To, Quantity); a header row alone for a single stage.
 * @param {any[][]} [settingsRange] The Settings table with its header row (Name, Value).
 * @returns {Promise<any[][]>} The plan: header row, then one row per stage.
 */
export async function planFn(stagesRange: any[][], arcsRange: any[][], settingsRange?: any[][]): Promise<any[][]> {
  try {
    return await planSpill(stagesRange, arcsRange, settingsRange ?? null);
  } catch (error) {
    return [[toCellError(error)]];
  }
}

// ---- Demand planning (forecasting from a history range; docs/forecasting.md) ----

/** A history range read as one series: cells row by row, blanks inside count as 0, leading and trailing blanks are dropped. */
function historyOf(history: unknown): number[] {
  const grid = toGrid(history);
  if (!grid) throw new MissingInputError("history is missing: give a range of demand per period.", "history");
  const cells = grid.cells.flat();
  const values: (number | null)[] = cells.map((cell) => {
    if (isBlank(cell)) return null;
    const read = readNumber("history", cell, "absent");
    if (!read.ok) throw new CellFailure(read.error);
    if (read.value === undefined) return null;
    return read.value;
  });
  const first = values.findIndex((v) => v !== null);
  if (first < 0) throw new MissingInputError("history is blank: give at least one period of demand.", "history");
  let last = values.length - 1;
  while (values[last] === null) last--;
  return values.slice(first, last + 1).map((v) => v ?? 0);
}

function wholeArg(value: unknown, name: string, fallback: number | undefined): number | undefined {
  const grid = toGrid(value);
  if (!grid || isBlank(grid.cells[0][0])) return fallback;
  const read = readNumber(name, grid.cells[0][0], "absent");
  if (!read.ok) throw new CellFailure(read.error);
  return read.value;
}

function forecastOf(history: unknown, horizon: unknown, seasonLength: unknown, defaultHorizon?: number) {
  const h = wholeArg(horizon, "horizon", defaultHorizon);
  if (h === undefined) throw new MissingInputError("horizon is blank: enter the number of periods to forecast.", "horizon");
  return forecastSeries(historyOf(history), { horizon: h, seasonLength: wholeArg(seasonLength, "seasonLength", undefined) });
}

/**
 * Forecast of the next horizon periods from a history range (ETS combined with Theta, a damped trend or a random walk with drift, or Croston/SBA/TSB for intermittent demand); spills one column of horizon values.
 * @customfunction FORECAST
 * @param {any[][]} history Demand per period, oldest first (a row or column; blanks inside count as 0).
 * @param {any[][]} horizon Periods to forecast (whole number, 1 to 1000).
 * @param {any[][]} [seasonLength] Season length m (12 monthly, 4 quarterly, 52 weekly); blank: detected.
 * @returns {any[][]} Forecast per period, units.
 */
export function forecastFn(history: any[][], horizon: any[][], seasonLength?: any[][]): any[][] {
  return safely(() => {
    try {
      return forecastOf(history, horizon, seasonLength).forecast.map((v) => [v]);
    } catch (error) {
      return [[toCellError(error)]];
    }
  });
}

/**
 * Demand rate λ the plan takes: the mean forecast per period over the horizon.
 * @customfunction FORECAST_RATE
 * @param {any[][]} history Demand per period, oldest first (a row or column; blanks inside count as 0).
 * @param {any[][]} [horizon] Periods to average over (whole number; blank: 12).
 * @param {any[][]} [seasonLength] Season length m; blank: detected.
 * @returns {any[][]} λ, units per period.
 */
export function forecastRateFn(history: any[][], horizon?: any[][], seasonLength?: any[][]): any[][] {
  return safely(() => {
    try {
      return [[forecastOf(history, horizon, seasonLength, 12).rate]];
    } catch (error) {
      return [[toCellError(error)]];
    }
  });
}

/**
 * Demand deviation σ_D the plan takes: the standard deviation of the one-step-ahead forecast errors of the history.
 * @customfunction FORECAST_ERROR_SD
 * @param {any[][]} history Demand per period, oldest first (a row or column; blanks inside count as 0).
 * @param {any[][]} [seasonLength] Season length m; blank: detected.
 * @returns {any[][]} σ_D, units per period.
 */
export function forecastErrorSdFn(history: any[][], seasonLength?: any[][]): any[][] {
  return safely(() => {
    try {
      return [[forecastOf(history, 1, seasonLength).errorSd]];
    } catch (error) {
      return [[toCellError(error)]];
    }
  });
}

/**
 * Syntetos–Boylan demand pattern of a history: smooth, intermittent, erratic or lumpy (cut-offs ADI 1.32, CV² 0.49).
 * @customfunction DEMAND_PATTERN
 * @param {any[][]} history Demand per period, oldest first (a row or column; blanks inside count as 0).
 * @returns {any[][]} smooth, intermittent, erratic or lumpy.
 */
export function demandPatternFn(history: any[][]): any[][] {
  return safely(() => {
    try {
      return [[demandPattern(historyOf(history)).pattern]];
    } catch (error) {
      return [[toCellError(error)]];
    }
  });
}

/**
 * Forecast model the automatic choice takes for a history, e.g. ETS(M,Ad,M)+Theta, SBA or TSB.
 * @customfunction FORECAST_MODEL
 * @param {any[][]} history Demand per period, oldest first (a row or column; blanks inside count as 0).
 * @param {any[][]} [seasonLength] Season length m; blank: detected.
 * @returns {any[][]} The model's name.
 */
export function forecastModelFn(history: any[][], seasonLength?: any[][]): any[][] {
  return safely(() => {
    try {
      return [[forecastOf(history, 1, seasonLength).method]];
    } catch (error) {
      return [[toCellError(error)]];
    }
  });
}
