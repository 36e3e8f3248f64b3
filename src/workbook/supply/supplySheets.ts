// The result sheets of a supply plan over time (docs/supply.md "Sheets and command"): Supply Plan,
// Resource Load (chart in Excel, heat map of fills everywhere), Planned Orders, Demand Fulfilment and
// Exceptions. One description per sheet; both adapters write exactly this.

import type { NetworkInput } from "../../engine/network/types";
import type { SupplyLocation, SupplyProblem, SupplyResult } from "../../engine/supply";
import type { CellFill, CellLink, CellValue, ResultSheet } from "../port";
import { exceptionLinks } from "../plan/planSheets";
import { periodStartSerial, supplyHeadline } from "./supplyFigures";

const UNITS = "#,##0.00";
const PERCENT = "0.0%";
const DATE = "yyyy-mm-dd";
/** Figures below this are solver noise and show as 0. */
const NOISE = 1e-7;

const tidy = (v: number): number => (Math.abs(v) < NOISE ? 0 : Number(v.toPrecision(10)));

/** What the sheets are drawn from: the plan, its validated problem and the network (owners). */
export interface SupplySheetInput {
  result: SupplyResult;
  problem: SupplyProblem;
  network: NetworkInput;
  /** The place of an input (a cell in a workbook, a JSON path in a file), for links. */
  where?: (location: SupplyLocation | null) => string;
}

/** Heat-map colour of a utilisation (load / capacity): green, amber, orange, red beyond capacity. */
export function utilisationColor(utilisation: number): string {
  if (utilisation > 1 + 1e-9) return "FF7C80";
  if (utilisation >= 0.95) return "F8CBAD";
  if (utilisation >= 0.7) return "FFEB9C";
  return "C6EFCE";
}

/** Supply Plan: one row per stage and period (release, receipt, inventory, backlog, target). */
export function supplyPlanSheet({ result, problem }: SupplySheetInput): ResultSheet {
  const rows: CellValue[][] = [];
  const fills: CellFill[] = [];
  for (const stage of result.stages) {
    for (const p of stage.periods) {
      if (p.backlog > NOISE) fills.push({ row: rows.length, column: 9, color: "FFC7CE" });
      if (p.shortfall > NOISE) fills.push({ row: rows.length, column: 11, color: "FFEB9C" });
      rows.push([stage.id, p.period, periodStartSerial(problem, p.period), tidy(p.release), tidy(p.receipt), tidy(p.inventory), tidy(p.consumption),
        tidy(p.delivered), stage.safetyStockTarget, tidy(p.backlog), stage.leadTimePeriods, tidy(p.shortfall)]);
    }
  }
  return {
    name: "Supply Plan",
    title: supplyHeadline(result),
    columns: [
      { header: "Stage", width: 18 }, { header: "Period", numberFormat: "0", width: 8 }, { header: "Period start", numberFormat: DATE, width: 12 },
      { header: "Release x (units)", numberFormat: UNITS }, { header: "Receipt (units)", numberFormat: UNITS },
      { header: "Inventory I (units)", numberFormat: UNITS }, { header: "Consumption (units)", numberFormat: UNITS },
      { header: "Delivered (units)", numberFormat: UNITS }, { header: "Safety-stock target (units)", numberFormat: UNITS },
      { header: "Backlog B (units)", numberFormat: UNITS }, { header: "Lead time (periods)", numberFormat: "0" },
      { header: "Below target V (units)", numberFormat: UNITS },
    ],
    rows,
    fills,
  };
}

/** Resource Load: one row per resource and period, utilisation as a heat map, load against capacity as a chart. */
export function resourceLoadSheet({ result, problem }: SupplySheetInput): ResultSheet {
  const rows: CellValue[][] = [];
  const fills: CellFill[] = [];
  result.resources.forEach((resource, r) => {
    for (const p of resource.periods) {
      const utilisation = p.capacity > NOISE ? p.load / p.capacity : p.load > NOISE ? null : 0;
      fills.push({ row: rows.length, column: 7, color: utilisation === null ? "FF7C80" : utilisationColor(utilisation) });
      rows.push([resource.id, p.period, periodStartSerial(problem, p.period), tidy(p.capacity), tidy(problem.resources[r]?.overtimeCapacity[p.period - 1] ?? 0),
        tidy(p.load), tidy(p.overtime), utilisation === null ? null : tidy(utilisation), `${resource.id} ${p.period}`]);
    }
  });
  return {
    name: "Resource Load",
    title: rows.length === 0 ? "No resources (add a Resources table and Resource Loads)" : "Load of each resource per period (utilisation = load / capacity; above 100 % is overtime)",
    columns: [
      { header: "Resource", width: 16 }, { header: "Period", numberFormat: "0", width: 8 }, { header: "Period start", numberFormat: DATE, width: 12 },
      { header: "Capacity C", numberFormat: UNITS }, { header: "Overtime capacity Ō", numberFormat: UNITS },
      { header: "Load Σ u x", numberFormat: UNITS }, { header: "Overtime O", numberFormat: UNITS },
      { header: "Utilisation", numberFormat: PERCENT, width: 12 }, { header: "Resource · period", width: 16 },
    ],
    rows,
    fills,
    charts: rows.length > 0 && rows.length <= 2000 ? [{ kind: "column", title: "Load and capacity per resource and period", categoryColumn: 8, valueColumns: [5, 3] }] : [],
  };
}

/** Planned Orders: one row per release (what purchasing and the shop floor are sent). */
export function plannedOrdersSheet({ result, problem, network }: SupplySheetInput): ResultSheet {
  const rows: CellValue[][] = [];
  result.stages.forEach((stage, j) => {
    const loads = problem.loads.filter((l) => l.stage === j);
    for (const p of stage.periods) {
      if (p.release <= NOISE) continue;
      const receipt = p.period + stage.leadTimePeriods;
      const use = loads.map((l) => `${problem.resources[l.resource].id} ${tidy(l.usage * p.release)}`).join("; ");
      rows.push([stage.id, network.stages[j]?.owner ?? null, p.period, periodStartSerial(problem, p.period), receipt, periodStartSerial(problem, receipt), tidy(p.release), use || null]);
    }
  });
  rows.sort((a, b) => (a[2] as number) - (b[2] as number) || String(a[0]).localeCompare(String(b[0])));
  return {
    name: "Planned Orders",
    title: rows.length === 0 ? "No planned orders" : `${rows.length} planned order(s): release in one period, receive in the period the lead time ends`,
    columns: [
      { header: "Stage", width: 18 }, { header: "Owner", width: 14 }, { header: "Release period", numberFormat: "0" }, { header: "Release date", numberFormat: DATE, width: 12 },
      { header: "Receipt period", numberFormat: "0" }, { header: "Receipt date", numberFormat: DATE, width: 12 }, { header: "Quantity (units)", numberFormat: UNITS },
      { header: "Resource use", width: 40 },
    ],
    rows,
  };
}

/** Demand Fulfilment: each demand line with its tier, what came on time, late by period, undelivered, why. */
export function demandFulfilmentSheet({ result, problem, where }: SupplySheetInput): ResultSheet {
  const rowOf = new Map<string, number | null>();
  for (const d of problem.demands) {
    const key = `${problem.stages[d.stage].id}\u0000${d.customer ?? ""}\u0000${d.tier}\u0000${d.period}`;
    if (!rowOf.has(key)) rowOf.set(key, d.row);
  }
  const links: CellLink[] = [];
  const fills: CellFill[] = [];
  const rows = result.demands.map((d, k): CellValue[] => {
    const row = rowOf.get(`${d.stage}\u0000${d.customer ?? ""}\u0000${d.tier}\u0000${d.period}`) ?? null;
    const place = row !== null && where ? where({ table: "Demands", row, field: "quantity" }) : null;
    if (place && place.includes("!")) links.push({ row: k, column: 10, target: place });
    const late = d.late.reduce((s, l) => s + l.quantity, 0);
    if (late > NOISE || d.undelivered > NOISE) fills.push({ row: k, column: d.undelivered > NOISE ? 8 : 6, color: "FFC7CE" });
    return [d.stage, d.customer, d.tier, d.period, periodStartSerial(problem, d.period), tidy(d.quantity), tidy(d.onTime), tidy(late),
      d.late.map((l) => `${l.period}: ${tidy(l.quantity)}`).join("; ") || null, tidy(d.undelivered), place,
      d.reasons.map((r) => r.message).join("; ") || null];
  });
  return {
    name: "Demand Fulfilment",
    title: `Demand lines: on time, late (period: units) and undelivered, with what holds them back`,
    columns: [
      { header: "Stage", width: 18 }, { header: "Customer", width: 14 }, { header: "Tier", numberFormat: "0", width: 6 }, { header: "Due period", numberFormat: "0" },
      { header: "Due date", numberFormat: DATE, width: 12 }, { header: "Quantity (units)", numberFormat: UNITS }, { header: "On time (units)", numberFormat: UNITS },
      { header: "Late (units)", numberFormat: UNITS }, { header: "Late by period", width: 24 }, { header: "Undelivered (units)", numberFormat: UNITS },
      { header: "Demand row", width: 14 }, { header: "Reasons", width: 90 },
    ],
    rows,
    links,
    fills,
  };
}

/** Exceptions: severity, place (a link to its cell) and message. */
export function supplyExceptionsSheet({ result }: SupplySheetInput): ResultSheet {
  return {
    name: "Exceptions",
    title: result.exceptions.length === 0 ? "No exceptions" : `${result.exceptions.length} exception(s)`,
    columns: [{ header: "Severity", width: 10 }, { header: "Where", width: 22 }, { header: "Message", width: 100 }],
    rows: result.exceptions.map((e) => [e.severity, e.where, e.message]),
    links: exceptionLinks(result.exceptions.map((e) => e.where)),
  };
}

/** The sheets a supply plan writes, in order. */
export function supplySheets(input: SupplySheetInput): ResultSheet[] {
  return [supplyPlanSheet(input), resourceLoadSheet(input), plannedOrdersSheet(input), demandFulfilmentSheet(input), supplyExceptionsSheet(input)];
}
