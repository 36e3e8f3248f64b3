// The result sheets of a simulation, described once for both adapters: Simulation (the plan's
// measures per policy, with a chart), Simulation Stages (the plan judged, stage by stage) and
// Simulation Differences (paired 95 % intervals of each policy against the plan judged).

import type { Estimate } from "../../engine/simulate/statistics";
import type { PlanMeasures, SimulationResult } from "../../engine/simulate/types";
import type { CellLink, CellValue, ResultColumn, ResultSheet } from "../port";

const NUMBER = "#,##0.00";
const PERCENT = "0.0%";

function value(x: number | null | undefined): CellValue {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}

/** Three columns for an estimate: mean, and the interval's ends. */
function triple(e: Estimate): CellValue[] {
  return [value(e.mean), value(e.ci95?.[0]), value(e.ci95?.[1])];
}

function tripleColumns(label: string, numberFormat: string): ResultColumn[] {
  return [
    { header: label, numberFormat },
    { header: `${label} 95 % low`, numberFormat },
    { header: `${label} 95 % high`, numberFormat },
  ];
}

const PLAN_COLUMNS: { label: string; measure: keyof PlanMeasures; numberFormat: string }[] = [
  { label: "Inventory holding cost (/t)", measure: "inventoryHoldingCost", numberFormat: NUMBER },
  { label: "Safety-stock holding cost (/t)", measure: "safetyStockHoldingCost", numberFormat: NUMBER },
  { label: "Fill rate", measure: "fillRate", numberFormat: PERCENT },
  { label: "On-time share", measure: "onTimeShare", numberFormat: PERCENT },
  { label: "Cycle service level", measure: "cycleServiceLevel", numberFormat: PERCENT },
  { label: "Lead time to customer (t)", measure: "leadTimeToCustomer", numberFormat: NUMBER },
  { label: "Customer lead time p90 (t)", measure: "customerLeadTimeP90", numberFormat: NUMBER },
  { label: "Cycle time (t)", measure: "cycleTime", numberFormat: NUMBER },
  { label: "Inventory turns (/year)", measure: "inventoryTurns", numberFormat: NUMBER },
  { label: "Backorders (units)", measure: "backorders", numberFormat: NUMBER },
  { label: "Expediting (units/t)", measure: "expeditingVolume", numberFormat: NUMBER },
];

const LINKABLE = /^('[^']+'|[A-Za-z_][A-Za-z0-9_.]*)![A-Z]+[0-9]+$/;

/** The sheets a simulation writes. */
export function simulationSheets(result: SimulationResult): ResultSheet[] {
  const planned = result.policies[0];
  const heading = `Simulation (${result.mode} mode): ${result.replications} replication(s) of ${result.horizon} periods after ${result.warmup} warm-up, seed ${result.seed}` +
    (result.status === "stopped" ? " — stopped early" : "");
  const policyRows = result.policies.map((p) => [
    p.name, p.placementMethod, value(p.planned.inventoryHoldingCost),
    ...PLAN_COLUMNS.flatMap((c) => triple(p.kpis[c.measure])),
  ]);
  const stageLinks: CellLink[] = [];
  const stageRows = planned.stages.map((s, r) => {
    if (LINKABLE.test(s.where)) stageLinks.push({ row: r, column: 1, target: s.where });
    const risk = result.exceptions.some((e) => e.where === s.where && e.message.startsWith("Promise at risk"));
    return [
      s.id, s.where, s.serviceLevel, risk ? "at risk" : "",
      ...triple(s.onTimeShare), ...triple(s.cycleServiceLevel), ...triple(s.fillRate),
      value(s.averageInventory.mean), value(s.backorders.mean),
      value(s.leadTimeP50.mean), value(s.leadTimeP90.mean), value(s.leadTimeP99.mean),
      value(s.expeditingVolume.mean), value(s.queueWait.mean), value(s.replenishmentTime.mean),
    ];
  });
  return [
    {
      name: "Simulation",
      title: heading,
      columns: [
        { header: "Policy", width: 16 }, { header: "Placement", width: 16 },
        { header: "Planned inventory holding cost (/t)", numberFormat: NUMBER },
        ...PLAN_COLUMNS.flatMap((c) => tripleColumns(c.label, c.numberFormat)),
      ],
      rows: policyRows,
      charts: [{ kind: "column", title: "Inventory and safety-stock holding cost by policy (simulated)", categoryColumn: 0, valueColumns: [3, 6] }],
    },
    {
      name: "Simulation Stages",
      title: `Stages of the ${planned.name} plan: simulated service against the plan's service level`,
      columns: [
        { header: "Stage", width: 18 }, { header: "Where", width: 14 }, { header: "Service level", numberFormat: PERCENT },
        { header: "Promise", width: 10 },
        ...tripleColumns("On-time share", PERCENT), ...tripleColumns("Cycle service level", PERCENT), ...tripleColumns("Fill rate", PERCENT),
        { header: "Average inventory (units)", numberFormat: NUMBER }, { header: "Backorders (units)", numberFormat: NUMBER },
        { header: "Lead time p50 (t)", numberFormat: NUMBER }, { header: "Lead time p90 (t)", numberFormat: NUMBER },
        { header: "Lead time p99 (t)", numberFormat: NUMBER }, { header: "Expediting (units/t)", numberFormat: NUMBER },
        { header: "Queue wait (t)", numberFormat: NUMBER }, { header: "Replenishment time (t)", numberFormat: NUMBER },
      ],
      rows: stageRows,
      links: stageLinks,
    },
    {
      name: "Simulation Differences",
      title: "Paired differences (first policy minus the other) over common random numbers",
      columns: [
        { header: "Policy A", width: 14 }, { header: "Policy B", width: 14 }, { header: "Measure", width: 26 },
        ...tripleColumns("Difference A − B", NUMBER),
      ],
      rows: result.comparisons.map((c) => [c.a, c.b, c.measure, ...triple(c.difference)]),
    },
  ];
}
