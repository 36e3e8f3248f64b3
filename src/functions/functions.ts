// The APS.* custom functions: thin wrappers that read cells, call the engine and map errors.
// Their JSDoc is their registration metadata (custom-functions-metadata-plugin): review it like code.
// Every argument takes a value or a range; ranges broadcast as in Excel's own functions and the
// result spills, so one formula can plan 10,000 rows. Errors: #VALUE! (wrong input) or #N/A
// (missing or not applicable), each with a message naming the argument. Arguments arrive as Excel
// passes them (functions.json allows error values and data types: cells.ts makes them plain). The
// functions that take more than a few milliseconds (PLAN, FORECAST*, and the others over large
// ranges: cellCall.ts) run in a Web Worker (worker/functionsClient.ts), so that the shared runtime's
// one thread never blocks. The cell-by-cell bodies are in cellFunctions.ts.
import { toCellError } from "./broadcast";
import { cellCall } from "./cellCall";
import { ensureCustomFunctionsRegistry } from "./registrationGuard";
import { withReferenceBlanks } from "./referenceBlanks";
import { callInWorker } from "./worker/functionsClient";

// The associate calls the build appends to this file need a CustomFunctions global: office.js gives
// it; where office.js is absent or blocked (a browser behind a proxy) a stand-in records them.
ensureCustomFunctionsRegistry();

/**
 * Lot size q in units per order or run, by model: classic EOQ (eq. 8), backorder (eq. 9), production EPQ (eq. 10), production-backorder (eq. 11), lead-time (eq. 12). Ranges spill.
 * @customfunction EOQ
 * @helpurl https://localhost:3000/docs/functions.md#apseoq
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
) {
  return cellCall("EOQ", [demandRate, orderCost, holdingCost, model, backorderCost, shortageCost, productionRate, promisedLeadTime, predictedLeadTime]);
}

/**
 * Planned backorder level B in units for a lot-size model: eq. (9) B = (hq − πλ)/(h + b), eq. (11) B = h(1 − λ/μ)q/(h + b), eq. (12) scaled like q; 0 for classic and production. Same arguments as APS.EOQ.
 * @customfunction BACKORDER_LEVEL
 * @helpurl https://localhost:3000/docs/functions.md#apsbackorder_level
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
) {
  return cellCall("BACKORDER_LEVEL", [demandRate, orderCost, holdingCost, model, backorderCost, shortageCost, productionRate, promisedLeadTime, predictedLeadTime]);
}

/**
 * Optimal production rate μ*, orders per time unit: eq. (3)-(4) corrected, μ* = λ + λ·sqrt(λ C_W (σ_A² + σ_S²)/(2 C_T)); with exact TRUE, the exact minimiser of the full cost eq. (2) C_T μ + C_W N(μ).
 * @customfunction OPTIMAL_RATE
 * @helpurl https://localhost:3000/docs/functions.md#apsoptimal_rate
 * @param {any[][]} demandRate Demand (arrival) rate λ, orders per time unit (> 0).
 * @param {any[][]} serviceCost Service cost C_T per unit of rate per time unit (> 0).
 * @param {any[][]} penaltyCost Penalty C_W per waiting order per time unit (≥ 0).
 * @param {any[][]} interarrivalSd Inter-arrival time deviation σ_A, time units (≥ 0).
 * @param {any[][]} serviceSd Service time deviation σ_S, time units (≥ 0).
 * @param {any[][]} [exact] TRUE: minimise eq. (2) with its C_W ρ term; FALSE or blank: eq. (3)'s closed form.
 * @returns {any[][]} Rate μ, orders per time unit.
 */
export function optimalRateFn(demandRate: any[][], serviceCost: any[][], penaltyCost: any[][], interarrivalSd: any[][], serviceSd: any[][], exact?: any[][]) {
  return cellCall("OPTIMAL_RATE", [demandRate, serviceCost, penaltyCost, interarrivalSd, serviceSd, exact]);
}

/**
 * Utilisation ρ = λ/μ of a stage (dimensionless; 1 or more means it cannot keep up). docs/model.md §1.
 * @customfunction UTILISATION
 * @helpurl https://localhost:3000/docs/functions.md#apsutilisation
 * @param {any[][]} arrivalRate Arrival rate λ, orders per time unit (> 0).
 * @param {any[][]} serviceRate Service rate μ, orders per time unit (> 0).
 * @returns {any[][]} Utilisation ρ.
 */
export function utilisationFn(arrivalRate: any[][], serviceRate: any[][]) {
  return cellCall("UTILISATION", [arrivalRate, serviceRate]);
}

/**
 * Waiting time in queue W_q = λ(σ_A² + σ_S²)/(2(1 − ρ)), Kingman's GI/G/1 bound, eq. (6), in time units. #VALUE! when ρ ≥ 1 (unstable queue).
 * @customfunction QUEUE_WAIT
 * @helpurl https://localhost:3000/docs/functions.md#apsqueue_wait
 * @param {any[][]} arrivalRate Arrival rate λ, orders per time unit (> 0).
 * @param {any[][]} serviceRate Service rate μ, orders per time unit (> arrivalRate).
 * @param {any[][]} interarrivalSd Inter-arrival time deviation σ_A, time units (≥ 0).
 * @param {any[][]} serviceSd Service time deviation σ_S, time units (≥ 0).
 * @returns {any[][]} Wait W_q, time units.
 */
export function queueWait(arrivalRate: any[][], serviceRate: any[][], interarrivalSd: any[][], serviceSd: any[][]) {
  return cellCall("QUEUE_WAIT", [arrivalRate, serviceRate, interarrivalSd, serviceSd]);
}

/**
 * Orders in the system N = λ²(σ_A² + σ_S²)/(2(1 − ρ)) + ρ, eq. (5) (waiting and in service). #VALUE! when ρ ≥ 1 (unstable queue).
 * @customfunction ORDERS_IN_SYSTEM
 * @helpurl https://localhost:3000/docs/functions.md#apsorders_in_system
 * @param {any[][]} arrivalRate Arrival rate λ, orders per time unit (> 0).
 * @param {any[][]} serviceRate Service rate μ, orders per time unit (> arrivalRate).
 * @param {any[][]} interarrivalSd Inter-arrival time deviation σ_A, time units (≥ 0).
 * @param {any[][]} serviceSd Service time deviation σ_S, time units (≥ 0).
 * @returns {any[][]} Orders N.
 */
export function ordersInSystemFn(arrivalRate: any[][], serviceRate: any[][], interarrivalSd: any[][], serviceSd: any[][]) {
  return cellCall("ORDERS_IN_SYSTEM", [arrivalRate, serviceRate, interarrivalSd, serviceSd]);
}

/**
 * Safety factor z of a cycle service level, z = NORM.S.INV(serviceLevel), as used in eq. (13)-(14).
 * @customfunction SERVICE_Z
 * @helpurl https://localhost:3000/docs/functions.md#apsservice_z
 * @param {any[][]} serviceLevel Probability of no stock-out, strictly between 0 and 1 (e.g. 0.95).
 * @returns {any[][]} z, dimensionless.
 */
export function serviceZ(serviceLevel: any[][]) {
  return cellCall("SERVICE_Z", [serviceLevel]);
}

/**
 * Inter-arrival deviation σ_A = 1/λ − 1/(λ + zσ_D), derived from the demand bound over one time unit (docs/model.md §1, paper §4.2.2), in time units.
 * @customfunction INTERARRIVAL_SD
 * @helpurl https://localhost:3000/docs/functions.md#apsinterarrival_sd
 * @param {any[][]} demandRate Demand rate λ, units per time unit (> 0).
 * @param {any[][]} demandSd Demand deviation σ_D per time unit (≥ 0).
 * @param {any[][]} serviceLevel Service level (0.5 to 1); ignored when z is given.
 * @param {any[][]} [z] Safety factor z (≥ 0); wins over serviceLevel.
 * @returns {any[][]} σ_A, time units.
 */
export function interarrivalSd(demandRate: any[][], demandSd: any[][], serviceLevel: any[][], z?: any[][]) {
  return cellCall("INTERARRIVAL_SD", [demandRate, demandSd, serviceLevel, z]);
}

/**
 * Inbound deviation σ_in = max(σ_ext, max of the upstream stages' σ_S) (docs/model.md §1), in time units. Each row of upstreamServiceSds lists one stage's upstream deviations (blanks skipped).
 * @customfunction INBOUND_SD
 * @helpurl https://localhost:3000/docs/functions.md#apsinbound_sd
 * @param {any[][]} [upstreamServiceSds] σ_S of each upstream stage, time units (≥ 0); reduced by MAX across each row.
 * @param {any[][]} [externalInboundSd] Deviation of the external suppliers' service time, time units (≥ 0, blank 0).
 * @returns {any[][]} σ_in, time units.
 */
export function inboundSd(upstreamServiceSds?: any[][], externalInboundSd?: any[][]) {
  return cellCall("INBOUND_SD", [upstreamServiceSds, externalInboundSd]);
}

/**
 * Service-time deviation σ_S = sqrt(σ_in² + σ_T²) (docs/model.md §1), in time units.
 * @customfunction SERVICE_SD
 * @helpurl https://localhost:3000/docs/functions.md#apsservice_sd
 * @param {any[][]} inboundSd Inbound deviation σ_in, time units (≥ 0).
 * @param {any[][]} productionSd Production-time deviation σ_T (= the stage's σ_A), time units (≥ 0).
 * @returns {any[][]} σ_S, time units.
 */
export function serviceSd(inboundSd: any[][], productionSd: any[][]) {
  return cellCall("SERVICE_SD", [inboundSd, productionSd]);
}

/**
 * Promised (make-to-order) lead time W = SI + L, eq. (7), with SI = max(externalInboundTime, upstream W) and L = waitInQueue + processingTime, in time units.
 * @customfunction PROMISED_LEAD_TIME
 * @helpurl https://localhost:3000/docs/functions.md#apspromised_lead_time
 * @param {any[][]} processingTime Processing time T, time units (≥ 0).
 * @param {any[][]} [upstreamTimes] Promised lead times W of the upstream stages, time units (≥ 0); reduced by MAX across each row, blanks skipped.
 * @param {any[][]} [externalInboundTime] Service time E quoted by external suppliers, time units (≥ 0, blank 0).
 * @param {any[][]} [waitInQueue] Wait in queue W_q (APS.QUEUE_WAIT), time units (≥ 0, blank 0).
 * @returns {any[][]} W, time units.
 */
export function promisedLeadTimeFn(processingTime: any[][], upstreamTimes?: any[][], externalInboundTime?: any[][], waitInQueue?: any[][]) {
  return cellCall("PROMISED_LEAD_TIME", [processingTime, upstreamTimes, externalInboundTime, waitInQueue]);
}

/**
 * Demand bound D(τ) = λτ + zσ_D·sqrt(τ), eq. (14), in units: the demand the stage covers over time τ.
 * @customfunction DEMAND_BOUND
 * @helpurl https://localhost:3000/docs/functions.md#apsdemand_bound
 * @param {any[][]} demandRate Demand rate λ, units per time unit (≥ 0).
 * @param {any[][]} demandSd Demand deviation σ_D per time unit (≥ 0).
 * @param {any[][]} time Time τ (e.g. the net replenishment time), time units (≥ 0).
 * @param {any[][]} serviceLevel Service level (0 to 1); ignored when z is given.
 * @param {any[][]} [z] Safety factor z; wins over serviceLevel (blank or 0: use serviceLevel).
 * @returns {any[][]} D(τ), units.
 */
export function demandBoundFn(demandRate: any[][], demandSd: any[][], time: any[][], serviceLevel: any[][], z?: any[][]) {
  return cellCall("DEMAND_BOUND", [demandRate, demandSd, time, serviceLevel, z]);
}

/**
 * Net replenishment time τ = SI + L − S (docs/model.md §5), in time units. #VALUE! when the committed service time exceeds SI + L.
 * @customfunction NET_REPLENISHMENT_TIME
 * @helpurl https://localhost:3000/docs/functions.md#apsnet_replenishment_time
 * @param {any[][]} inboundServiceTime Inbound service time SI, time units (≥ 0).
 * @param {any[][]} leadTime Production lead time L, time units (≥ 0).
 * @param {any[][]} committedServiceTime Service time S committed to customers, time units (0 to SI + L).
 * @returns {any[][]} τ, time units.
 */
export function netReplenishmentTimeFn(inboundServiceTime: any[][], leadTime: any[][], committedServiceTime: any[][]) {
  return cellCall("NET_REPLENISHMENT_TIME", [inboundServiceTime, leadTime, committedServiceTime]);
}

/**
 * Safety stock zσ_D·sqrt(τ), eq. (13), in units (0: the stage can make to order).
 * @customfunction SAFETY_STOCK
 * @helpurl https://localhost:3000/docs/functions.md#apssafety_stock
 * @param {any[][]} demandSd Demand deviation σ_D per time unit (≥ 0).
 * @param {any[][]} netReplenishmentTime Net replenishment time τ, time units (≥ 0).
 * @param {any[][]} serviceLevel Service level (0 to 1); ignored when z is given.
 * @param {any[][]} [z] Safety factor z; wins over serviceLevel (blank or 0: use serviceLevel).
 * @returns {any[][]} Safety stock, units.
 */
export function safetyStockFn(demandSd: any[][], netReplenishmentTime: any[][], serviceLevel: any[][], z?: any[][]) {
  return cellCall("SAFETY_STOCK", [demandSd, netReplenishmentTime, serviceLevel, z]);
}

/**
 * Inbound lead time on an arc i → j, eq. (15): max(1, Φ·D(τ)/q)·SI, in time units.
 * @customfunction INBOUND_LEAD_TIME
 * @helpurl https://localhost:3000/docs/functions.md#apsinbound_lead_time
 * @param {any[][]} quantity Units Φ of the component per unit of the consuming stage (> 0).
 * @param {any[][]} demandBound Demand bound D(τ) of the consuming stage, units (≥ 0).
 * @param {any[][]} lotSize Lot size q of the supplying stage, units (> 0).
 * @param {any[][]} inboundServiceTime Inbound service time SI of the consuming stage, time units (≥ 0).
 * @returns {any[][]} Inbound lead time, time units.
 */
export function inboundLeadTimeFn(quantity: any[][], demandBound: any[][], lotSize: any[][], inboundServiceTime: any[][]) {
  return cellCall("INBOUND_LEAD_TIME", [quantity, demandBound, lotSize, inboundServiceTime]);
}

/**
 * Plans a whole network, the live twin of the pane's "Run plan" (same engine, same columns as the Plan sheet): spills a header row, then one row per stage (rate, lead times, committed service time, safety stock, lot size, costs). The first row of each range is its header, as in the Stages, Arcs and Settings tables; empty cells count as blank and a typed 0 as 0, as in the pane. The placement search stops after 2 s unless Settings sets placementTimeLimit. Wrong input: #VALUE! naming the cell (C3 = row 3, column C of the range).
 * @customfunction PLAN
 * @helpurl https://localhost:3000/docs/functions.md#apsplan
 * @requiresParameterAddresses
 * @param {any[][]} stagesRange The Stages table with its header row (Id, Demand Rate, Demand Sd, Processing Time, Holding Cost, Order Cost, ...).
 * @param {any[][]} arcsRange The Arcs table with its header row (From, To, Quantity); a header row alone for a single stage.
 * @param {any[][]} [settingsRange] The Settings table with its header row (Name, Value).
 * @param {CustomFunctions.Invocation} [invocation] Where the ranges are (Excel passes it).
 * @returns {Promise<any[][]>} The plan: header row, then one row per stage.
 */
export async function planFn(stagesRange: any[][], arcsRange: any[][], settingsRange?: any[][], invocation?: CustomFunctions.Invocation): Promise<any[][]> {
  try {
    const args = await withReferenceBlanks([stagesRange, arcsRange, settingsRange ?? null], invocation?.parameterAddresses);
    return await callInWorker("plan", args);
  } catch (error) {
    return [[toCellError(error)]];
  }
}

// ---- Demand planning (forecasting from a history range; docs/forecasting.md) ----

/**
 * Forecast of the next horizon periods from a history range (ETS, Theta and ARIMA averaged, or Croston/SBA/TSB for intermittent demand); spills one column of horizon values.
 * @customfunction FORECAST
 * @helpurl https://localhost:3000/docs/functions.md#apsforecast
 * @param {any[][]} history Demand per period, oldest first (a row or column; blanks inside count as 0).
 * @param {any[][]} horizon Periods to forecast (whole number, 1 to 1000).
 * @param {any[][]} [seasonLength] Season length m (12 monthly, 4 quarterly, 52 weekly); blank: detected.
 * @returns {Promise<any[][]>} Forecast per period, units.
 */
export async function forecastFn(history: any[][], horizon: any[][], seasonLength?: any[][]): Promise<any[][]> {
  return callInWorker("forecast", [history, horizon, seasonLength]);
}

/**
 * Demand rate λ the plan takes: the mean forecast per period over the horizon.
 * @customfunction FORECAST_RATE
 * @helpurl https://localhost:3000/docs/functions.md#apsforecast_rate
 * @param {any[][]} history Demand per period, oldest first (a row or column; blanks inside count as 0).
 * @param {any[][]} [horizon] Periods to average over (whole number; blank: 12).
 * @param {any[][]} [seasonLength] Season length m; blank: detected.
 * @returns {Promise<any[][]>} λ, units per period.
 */
export async function forecastRateFn(history: any[][], horizon?: any[][], seasonLength?: any[][]): Promise<any[][]> {
  return callInWorker("forecastRate", [history, horizon, seasonLength]);
}

/**
 * Demand deviation σ_D the plan takes: the standard deviation of the one-step-ahead forecast error (interval calibrated on out-of-sample errors).
 * @customfunction FORECAST_ERROR_SD
 * @helpurl https://localhost:3000/docs/functions.md#apsforecast_error_sd
 * @param {any[][]} history Demand per period, oldest first (a row or column; blanks inside count as 0).
 * @param {any[][]} [seasonLength] Season length m; blank: detected.
 * @returns {Promise<any[][]>} σ_D, units per period.
 */
export async function forecastErrorSdFn(history: any[][], seasonLength?: any[][]): Promise<any[][]> {
  return callInWorker("forecastErrorSd", [history, seasonLength]);
}

/**
 * Syntetos–Boylan demand pattern of a history: smooth, intermittent, erratic or lumpy (cut-offs ADI 1.32, CV² 0.49).
 * @customfunction DEMAND_PATTERN
 * @helpurl https://localhost:3000/docs/functions.md#apsdemand_pattern
 * @param {any[][]} history Demand per period, oldest first (a row or column; blanks inside count as 0).
 * @returns {any[][]} smooth, intermittent, erratic or lumpy.
 */
export function demandPatternFn(history: any[][]) {
  return cellCall("DEMAND_PATTERN", [history]);
}

/**
 * Forecast model the automatic choice takes for a history, e.g. ETS(M,Ad,M)+Theta, SBA or TSB.
 * @customfunction FORECAST_MODEL
 * @helpurl https://localhost:3000/docs/functions.md#apsforecast_model
 * @param {any[][]} history Demand per period, oldest first (a row or column; blanks inside count as 0).
 * @param {any[][]} [seasonLength] Season length m; blank: detected.
 * @returns {Promise<any[][]>} The model's name.
 */
export async function forecastModelFn(history: any[][], seasonLength?: any[][]): Promise<any[][]> {
  return callInWorker("forecastModel", [history, seasonLength]);
}
