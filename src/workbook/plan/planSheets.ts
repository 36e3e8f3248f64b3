// The result sheets of a plan (docs/formats.md §2): Plan (one row per stage), Matching (arcs, eq. 15),
// KPIs (docs/model.md §9) and Exceptions, with units in the headers and number formats to be read.

import type { PlanResult, StagePlan } from "../../engine/plan/types";
import type { CellLink, CellValue, ResultColumn, ResultSheet } from "../port";
import { linkTarget } from "../sheetLayout";

const NUMBER = "#,##0.00";
const PRECISE = "0.0000";
const PERCENT = "0.0%";

/** A Plan sheet column: the aps-plan/1 stage field it shows (docs/formats.md §2). */
export interface PlanColumn extends ResultColumn {
  field: keyof StagePlan;
}

export const PLAN_COLUMNS: PlanColumn[] = [
  { header: "Stage", width: 18, field: "id" },
  { header: "Owner", width: 14, field: "owner" },
  { header: "Demand λ (units/t)", numberFormat: NUMBER, field: "demandRate" },
  { header: "Demand σ_D (units/t)", numberFormat: NUMBER, field: "demandSd" },
  { header: "z", numberFormat: PRECISE, field: "z" },
  { header: "Interarrival σ_A (t)", numberFormat: PRECISE, field: "interarrivalSd" },
  { header: "Service σ_S (t)", numberFormat: PRECISE, field: "serviceSd" },
  { header: "Rate μ (units/t)", numberFormat: NUMBER, field: "rate" },
  { header: "Utilisation ρ", numberFormat: PERCENT, field: "utilisation" },
  { header: "Orders in system N", numberFormat: NUMBER, field: "ordersInSystem" },
  { header: "Queue wait W_q (t)", numberFormat: PRECISE, field: "waitInQueue" },
  { header: "Lead time L (t)", numberFormat: PRECISE, field: "leadTime" },
  { header: "Make-to-order lead time W (t)", numberFormat: PRECISE, field: "promisedLeadTime" },
  { header: "Inbound service time SI (t)", numberFormat: PRECISE, field: "inboundServiceTime" },
  { header: "Committed service time S (t)", numberFormat: PRECISE, field: "committedServiceTime" },
  { header: "Net replenishment time τ (t)", numberFormat: PRECISE, field: "netReplenishmentTime" },
  { header: "Demand bound D(τ) (units)", numberFormat: NUMBER, field: "demandBound" },
  { header: "Safety stock (units)", numberFormat: NUMBER, field: "safetyStock" },
  { header: "Safety-stock cost (/t)", numberFormat: NUMBER, field: "safetyStockCost" },
  { header: "Lot-size model", width: 20, field: "lotSizeModel" },
  { header: "Lot size q (units)", numberFormat: NUMBER, field: "lotSize" },
  { header: "Cycle stock q/2 (units)", numberFormat: NUMBER, field: "cycleStock" },
  { header: "Inventory holding cost (/t)", numberFormat: NUMBER, field: "inventoryHoldingCost" },
];

function fixed(value: number | null): CellValue {
  return value === null || !Number.isFinite(value) ? null : value;
}

/** Each exception's place that names a cell ("Stages!C7", "Stages!A7:O7") links to it (column "Where"). */
export function exceptionLinks(places: readonly (string | null)[], column = 1): CellLink[] {
  const links: CellLink[] = [];
  places.forEach((place, row) => {
    if (place !== null && linkTarget(place) !== null) links.push({ row, column, target: place });
  });
  return links;
}

/** The sheets a plan writes: Plan, Matching, KPIs, Exceptions. */
export function planSheets(plan: PlanResult): ResultSheet[] {
  const placement = plan.placement;
  const kpi = plan.kpis;
  const placementText = placement
    ? `${placement.method}${placement.optimal ? " (proven optimal)" : ` (${placement.status}, gap ${((placement.gap ?? 0) * 100).toFixed(2)} %)`}`
    : "none (see Exceptions)";
  return [
    {
      name: "Plan",
      title: `Plan by stage — placement: ${placementText}`,
      columns: PLAN_COLUMNS.map(({ header, numberFormat, width }) => ({ header, numberFormat, width })),
      rows: plan.stages.map((stage) => PLAN_COLUMNS.map((column) => {
        const value = stage[column.field] as CellValue;
        return typeof value === "number" ? fixed(value) : value;
      })),
      charts: plan.stages.length <= 200 ? [{ kind: "column", title: "Safety-stock cost per stage (/t)", categoryColumn: 0, valueColumns: [PLAN_COLUMNS.findIndex((c) => c.field === "safetyStockCost")] }] : [],
    },
    {
      name: "Matching",
      title: "Demand-supply matching: inbound lead time of each arc (eq. 15)",
      columns: [
        { header: "From", width: 18 }, { header: "To", width: 18 },
        { header: "Quantity Φ (units/unit)", numberFormat: NUMBER },
        { header: "Inbound lead time L̄ (t)", numberFormat: PRECISE },
      ],
      rows: plan.arcs.map((arc) => [arc.from, arc.to, arc.quantity, fixed(arc.inboundLeadTime)]),
    },
    {
      name: "KPIs",
      title: "Plan results (docs/model.md §9)",
      columns: [{ header: "KPI", width: 32 }, { header: "Value", numberFormat: NUMBER, width: 16 }, { header: "Unit", width: 12 }, { header: "Meaning", width: 70 }],
      rows: [
        ["Lead time to customer", fixed(kpi.leadTimeToCustomer), "t", "Longest committed service time among stages with external demand"],
        ["Cycle time", fixed(kpi.cycleTime), "t", "Longest make-to-order lead time among those stages, if no stage held stock"],
        ["Inventory holding cost", fixed(kpi.inventoryHoldingCost), "per t", "Σ h (q/2 + safety stock)"],
        ["Safety-stock holding cost", fixed(kpi.safetyStockHoldingCost), "per t", "Σ h · safety stock (the placement's cost)"],
        ["Inventory turns", fixed(kpi.inventoryTurns), "per year", "periodsPerYear · Σ λ_ext h / inventory holding cost"],
        ["Placement method", placement ? placement.method : null, "", placement ? (placement.optimal ? "Proven optimal" : `Not proven optimal: ${placement.status}`) : "No placement"],
        ["Placement gap", placement ? fixed(placement.gap) : null, "", "Relative gap to the best lower bound (0 when proven)"],
      ],
    },
    {
      name: "Exceptions",
      title: plan.exceptions.length === 0 ? "No exceptions" : `${plan.exceptions.length} exception(s)`,
      columns: [{ header: "Severity", width: 10 }, { header: "Where", width: 22 }, { header: "Message", width: 100 }],
      rows: plan.exceptions.map((e) => [e.severity, e.where, e.message]),
      links: exceptionLinks(plan.exceptions.map((e) => e.where)),
    },
  ];
}
