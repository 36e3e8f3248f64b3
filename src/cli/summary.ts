// A plan as text a person reads in a terminal: stages, KPIs, placement and exceptions.

import type { PlanResult } from "../engine/plan/types";

function show(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  return [line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** The summary `aps plan` prints: at most `maxStages` stage rows (the costliest first beyond that). */
export function planSummary(plan: PlanResult, maxStages = 25): string {
  const stages = plan.stages.length <= maxStages
    ? plan.stages
    : [...plan.stages].sort((a, b) => (b.inventoryHoldingCost ?? 0) - (a.inventoryHoldingCost ?? 0)).slice(0, maxStages);
  const lines: string[] = [];
  lines.push(`Plan of ${plan.stages.length} stage(s) and ${plan.arcs.length} arc(s)${plan.stages.length > maxStages ? ` (the ${maxStages} with the highest holding cost shown)` : ""}`);
  lines.push("");
  lines.push(table(
    ["Stage", "Owner", "Demand/t", "Rate/t", "Util.", "Lead time", "MTO time W", "Service S", "Safety stock", "Lot size", "Holding cost/t"],
    stages.map((s) => [
      s.id, s.owner ?? "", show(s.demandRate), show(s.rate), s.utilisation === null ? "—" : `${(s.utilisation * 100).toFixed(1)}%`,
      show(s.leadTime, 3), show(s.promisedLeadTime, 3), show(s.committedServiceTime, 3), show(s.safetyStock), show(s.lotSize), show(s.inventoryHoldingCost),
    ]),
  ));
  const k = plan.kpis;
  const p = plan.placement;
  lines.push("");
  lines.push(`Lead time to customer   ${show(k.leadTimeToCustomer, 3)}`);
  lines.push(`Cycle time              ${show(k.cycleTime, 3)}`);
  lines.push(`Inventory holding cost  ${show(k.inventoryHoldingCost)} per time unit`);
  lines.push(`Safety-stock cost       ${show(k.safetyStockHoldingCost)} per time unit`);
  lines.push(`Inventory turns         ${show(k.inventoryTurns)} per year`);
  lines.push(p
    ? `Placement               ${p.method}, ${p.optimal ? "proven optimal" : `${p.status}, gap ${show((p.gap ?? 0) * 100)} %`}, ${show(p.elapsedMs, 0)} ms`
    : "Placement               none (see exceptions)");
  const counts = ["error", "warning", "info"].map((sev) => [sev, plan.exceptions.filter((e) => e.severity === sev).length] as const);
  lines.push("");
  lines.push(`Exceptions: ${counts.map(([sev, n]) => `${n} ${sev}${n === 1 ? "" : "s"}`).join(", ")}`);
  for (const e of plan.exceptions.slice(0, 10)) lines.push(`  ${e.severity.padEnd(7)} ${e.where}: ${e.message}`);
  if (plan.exceptions.length > 10) lines.push(`  … and ${plan.exceptions.length - 10} more (see the Exceptions sheet or --json).`);
  return lines.join("\n");
}
