// The bodies of the APS.* functions that compute cell by cell (closed forms, broadcast over ranges):
// functions.ts calls them on the runtime's thread for ordinary ranges and in the functions worker for
// large ones (cellCall.ts). Each returns the spill, never throws.
import { MissingInputError } from "../engine/errors";
import { parseLotSizeModel, lotSize } from "../engine/lotSizing";
import { zFromServiceLevel } from "../engine/normal";
import { kingmanWait, ordersInSystem, utilisation } from "../engine/queue";
import { optimalRate, optimalRateExact } from "../engine/rate";
import { derivedInterarrivalSd, inboundSd as inboundSdOf, serviceTimeSd } from "../engine/variability";
import { inboundServiceTime, productionLeadTime, promisedLeadTime } from "../engine/leadTime";
import { demandBound, netReplenishmentTime, safetyStock } from "../engine/safetyStock";
import { inboundLeadTime } from "../engine/matching";
import { demandPattern } from "../engine/forecast/intermittent";
import { ArgSpec, safely, spill, take, toCellError } from "./broadcast";
import { Read } from "./cells";
import { historyOf } from "./forecastCells";


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

function queueArgs(arrivalRate: unknown, serviceRate: unknown, interarrivalSd: unknown, serviceSd: unknown): ArgSpec[] {
  return [req("arrivalRate", arrivalRate), req("serviceRate", serviceRate), req("interarrivalSd", interarrivalSd), req("serviceSd", serviceSd)];
}

function queueOf(v: unknown[]) {
  const [arrivalRate, serviceRate, interarrivalSd, serviceSd] = v as [N, N, N, N];
  return { arrivalRate, serviceRate, interarrivalSd, serviceSd };
}

function eoq(
  demandRate: any[][], orderCost: any[][], holdingCost: any[][], model?: any[][], backorderCost?: any[][],
  shortageCost?: any[][], productionRate?: any[][], promisedLeadTime?: any[][], predictedLeadTime?: any[][],
): any[][] {
  return safely(() =>
    spill(lotSizeArgs(demandRate, orderCost, holdingCost, model, backorderCost, shortageCost, productionRate, promisedLeadTime, predictedLeadTime),
      (v) => lotSizeOf(v).lotSize),
  );
}

function backorderLevel(
  demandRate: any[][], orderCost: any[][], holdingCost: any[][], model?: any[][], backorderCost?: any[][],
  shortageCost?: any[][], productionRate?: any[][], promisedLeadTime?: any[][], predictedLeadTime?: any[][],
): any[][] {
  return safely(() =>
    spill(lotSizeArgs(demandRate, orderCost, holdingCost, model, backorderCost, shortageCost, productionRate, promisedLeadTime, predictedLeadTime),
      (v) => lotSizeOf(v).backorderLevel),
  );
}

function optimalRateFn(demandRate: any[][], serviceCost: any[][], penaltyCost: any[][], interarrivalSd: any[][], serviceSd: any[][], exact?: any[][]): any[][] {
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

function utilisationFn(arrivalRate: any[][], serviceRate: any[][]): any[][] {
  return safely(() => spill([req("arrivalRate", arrivalRate), req("serviceRate", serviceRate)], (v) => utilisation({ arrivalRate: v[0] as N, serviceRate: v[1] as N })));
}

function queueWait(arrivalRate: any[][], serviceRate: any[][], interarrivalSd: any[][], serviceSd: any[][]): any[][] {
  return safely(() => spill(queueArgs(arrivalRate, serviceRate, interarrivalSd, serviceSd), (v) => kingmanWait(queueOf(v))));
}

function ordersInSystemFn(arrivalRate: any[][], serviceRate: any[][], interarrivalSd: any[][], serviceSd: any[][]): any[][] {
  return safely(() => spill(queueArgs(arrivalRate, serviceRate, interarrivalSd, serviceSd), (v) => ordersInSystem(queueOf(v))));
}

function serviceZ(serviceLevel: any[][]): any[][] {
  return safely(() => spill([req("serviceLevel", serviceLevel)], (v) => zFromServiceLevel(v[0] as N)));
}

function interarrivalSd(demandRate: any[][], demandSd: any[][], serviceLevel: any[][], z?: any[][]): any[][] {
  return safely(() =>
    spill([req("demandRate", demandRate), req("demandSd", demandSd), { ...req("serviceLevel", serviceLevel), lazy: true }, opt("z", z)], (v) =>
      derivedInterarrivalSd({ demandRate: v[0] as N, demandSd: v[1] as N, z: zOf(v[2] as Read<unknown>, v[3] as Opt) }),
    ),
  );
}

function inboundSd(upstreamServiceSds?: any[][], externalInboundSd?: any[][]): any[][] {
  return safely(() =>
    spill([{ name: "upstreamServiceSds", value: upstreamServiceSds, kind: "rowList" }, opt("externalInboundSd", externalInboundSd)], (v) =>
      inboundSdOf({ upstreamServiceSds: v[0] as number[], externalInboundSd: v[1] as Opt }),
    ),
  );
}

function serviceSd(inboundSd: any[][], productionSd: any[][]): any[][] {
  return safely(() => spill([req("inboundSd", inboundSd), req("productionSd", productionSd)], (v) => serviceTimeSd({ inboundSd: v[0] as N, productionSd: v[1] as N })));
}

function promisedLeadTimeFn(processingTime: any[][], upstreamTimes?: any[][], externalInboundTime?: any[][], waitInQueue?: any[][]): any[][] {
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

function demandBoundFn(demandRate: any[][], demandSd: any[][], time: any[][], serviceLevel: any[][], z?: any[][]): any[][] {
  return safely(() =>
    spill([req("demandRate", demandRate), req("demandSd", demandSd), req("time", time), { ...req("serviceLevel", serviceLevel), lazy: true }, opt("z", z)], (v) =>
      demandBound({ demandRate: v[0] as N, demandSd: v[1] as N, time: v[2] as N, z: zOf(v[3] as Read<unknown>, v[4] as Opt) }),
    ),
  );
}

function netReplenishmentTimeFn(inboundServiceTime: any[][], leadTime: any[][], committedServiceTime: any[][]): any[][] {
  return safely(() =>
    spill([req("inboundServiceTime", inboundServiceTime), req("leadTime", leadTime), req("committedServiceTime", committedServiceTime)], (v) =>
      netReplenishmentTime({ inboundServiceTime: v[0] as N, leadTime: v[1] as N, committedServiceTime: v[2] as N }),
    ),
  );
}

function safetyStockFn(demandSd: any[][], netReplenishmentTime: any[][], serviceLevel: any[][], z?: any[][]): any[][] {
  return safely(() =>
    spill([req("demandSd", demandSd), req("netReplenishmentTime", netReplenishmentTime), { ...req("serviceLevel", serviceLevel), lazy: true }, opt("z", z)], (v) =>
      safetyStock({ demandSd: v[0] as N, netReplenishmentTime: v[1] as N, z: zOf(v[2] as Read<unknown>, v[3] as Opt) }),
    ),
  );
}

function inboundLeadTimeFn(quantity: any[][], demandBound: any[][], lotSize: any[][], inboundServiceTime: any[][]): any[][] {
  return safely(() =>
    spill([req("quantity", quantity), req("demandBound", demandBound), req("lotSize", lotSize), req("inboundServiceTime", inboundServiceTime)], (v) =>
      inboundLeadTime({ quantity: v[0] as N, demandBound: v[1] as N, lotSize: v[2] as N, inboundServiceTime: v[3] as N }),
    ),
  );
}

function demandPatternFn(history: any[][]): any[][] {
  return safely(() => {
    try {
      return [[demandPattern(historyOf(history)).pattern]];
    } catch (error) {
      return [[toCellError(error)]];
    }
  });
}

/** Each cell-by-cell function by its id in functions.json. */
export const CELL_FUNCTIONS = {
  EOQ: eoq,
  BACKORDER_LEVEL: backorderLevel,
  OPTIMAL_RATE: optimalRateFn,
  UTILISATION: utilisationFn,
  QUEUE_WAIT: queueWait,
  ORDERS_IN_SYSTEM: ordersInSystemFn,
  SERVICE_Z: serviceZ,
  INTERARRIVAL_SD: interarrivalSd,
  INBOUND_SD: inboundSd,
  SERVICE_SD: serviceSd,
  PROMISED_LEAD_TIME: promisedLeadTimeFn,
  DEMAND_BOUND: demandBoundFn,
  NET_REPLENISHMENT_TIME: netReplenishmentTimeFn,
  SAFETY_STOCK: safetyStockFn,
  INBOUND_LEAD_TIME: inboundLeadTimeFn,
  DEMAND_PATTERN: demandPatternFn,
} as const satisfies Record<string, (...args: any[]) => unknown[][]>;

export type CellFunctionId = keyof typeof CELL_FUNCTIONS;
