// The sheets a merge writes beside the collaboration tables: Reconciliation (every exception between
// the plan and the partners' answers) and the re-plan's before/after, stage by stage and in summary.

import type { CollaborationException, ReplanResult } from "../../engine/collaborate";
import type { ResultSheet } from "../port";
import { neutraliseText, TEXT_FORMAT } from "./safeText";

const FIGURE = "0.0000";

export function reconciliationSheet(exceptions: readonly CollaborationException[]): ResultSheet {
  const text = (v: string | null) => (v === null ? null : neutraliseText(v));
  const value = (v: number | string | null) => (typeof v === "string" ? neutraliseText(v) : v);
  return {
    name: "Reconciliation", tableName: "Reconciliation",
    columns: [
      { header: "Severity", numberFormat: TEXT_FORMAT }, { header: "Partner", numberFormat: TEXT_FORMAT }, { header: "Stage", numberFormat: TEXT_FORMAT },
      { header: "Figure", numberFormat: TEXT_FORMAT }, { header: "Planned", numberFormat: FIGURE }, { header: "Committed", numberFormat: FIGURE },
      { header: "Difference", numberFormat: FIGURE }, { header: "Difference %", numberFormat: "0.00" }, { header: "Message", width: 90, numberFormat: TEXT_FORMAT },
      { header: "Where", width: 36, numberFormat: TEXT_FORMAT }, { header: "Period", numberFormat: "0" },
    ],
    rows: exceptions.map((e) => [e.severity, text(e.partner), text(e.stage), e.figure, value(e.planned), value(e.committed), e.difference, e.differencePercent, text(e.message), text(e.where), e.period ?? null]),
  };
}

export function replanSheet(replan: ReplanResult): ResultSheet {
  return {
    name: "Re-plan", tableName: "Replan",
    columns: [
      { header: "Stage", numberFormat: TEXT_FORMAT }, { header: "Owner", numberFormat: TEXT_FORMAT },
      { header: "Rate Before", numberFormat: FIGURE }, { header: "Rate After", numberFormat: FIGURE },
      { header: "Service Time Before", numberFormat: FIGURE }, { header: "Service Time After", numberFormat: FIGURE },
      { header: "Safety Stock Before", numberFormat: "0.00" }, { header: "Safety Stock After", numberFormat: "0.00" },
      { header: "Safety-Stock Cost Before", numberFormat: "0.00" }, { header: "Safety-Stock Cost After", numberFormat: "0.00" },
    ],
    rows: replan.rows.map((r) => [r.stage, r.owner, r.rateBefore, r.rateAfter, r.serviceTimeBefore, r.serviceTimeAfter, r.safetyStockBefore, r.safetyStockAfter, r.safetyStockCostBefore, r.safetyStockCostAfter]),
  };
}

/** Before and after of the plan's figures; `supply`: the supply plan's objective (partners over time). */
export function replanSummarySheet(replan: ReplanResult, supply: readonly { figure: string; before: number | null; after: number | null }[] = []): ResultSheet {
  return {
    name: "Re-plan Summary", tableName: "ReplanSummary",
    columns: [{ header: "Figure", width: 28, numberFormat: TEXT_FORMAT }, { header: "Before", numberFormat: FIGURE }, { header: "After", numberFormat: FIGURE }, { header: "Change", numberFormat: FIGURE }],
    rows: [...replan.kpis, ...supply].map((k) => [k.figure, k.before, k.after, k.before !== null && k.after !== null ? k.after - k.before : null]),
  };
}
