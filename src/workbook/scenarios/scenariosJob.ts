// The task pane's Scenarios tab: plans the base network and each scenario of the Scenarios table,
// and returns the Scenario Comparison and Scenario KPIs sheets with the base plan's sheets.

import type { ComparedScenario, ScenarioComparison } from "../../engine/scenarios";
import type { PlanResult } from "../../engine/plan/types";
import { planSheets } from "../plan/planSheets";
import { scenarioSheets } from "./scenarioSheets";
import { planWorkbookScenarios } from "./scenarioWorkbook";
import { SUPPLY_TABLES } from "../supply/supplyTables";
import { memoryPort } from "../jobs/memoryPort";
import type { JobCard, JobException, JobOutput, WorkbookJob } from "../jobs/types";
import { problemException } from "../tables/problems";
import { HISTORY_TABLES } from "../forecast/forecastTables";

/** A scenario's card: its safety-stock cost, against the base, and its lead time to customer; with supply tables, its supply plan against the base's. */
export function scenarioCard(scenario: ComparedScenario): JobCard {
  const card = networkCard(scenario);
  const s = scenario.supply;
  if (!s) return card;
  const fmt = (v: number | null) => (v === null ? "—" : v.toLocaleString("en-US", { maximumFractionDigits: 2 }));
  const order = s.order === null ? "not comparable with the base" : s.order === "same" ? "same as the base" : `${s.order} than the base`;
  const onTime = s.onTime.map((t) => `tier ${t.tier} ${t.share.value === null ? "—" : `${(t.share.value * 100).toFixed(1)} %`}`).join(", ");
  const peak = s.peakUtilisation.value === null ? "no resources" : `${(s.peakUtilisation.value * 100).toFixed(0)} % (${s.peakUtilisation.resource}, period ${s.peakUtilisation.period})`;
  const lateness = s.objective.lateness.map((l) => `tier ${l.tier} ${fmt(l.value)}${l.difference ? ` (${l.difference > 0 ? "+" : ""}${fmt(l.difference)})` : ""}`).join(", ");
  return {
    ...card,
    detail: [card.detail, `supply plan ${s.status}, ${order}: lateness ${lateness}; on time ${onTime}; peak utilisation ${peak}; cost ${fmt(s.objective.cost.value)}`].filter((t) => t).join("; "),
  };
}

function networkCard(scenario: ComparedScenario): JobCard {
  const cost = scenario.kpis.safetyStockHoldingCost;
  const change = cost.percent === null ? "" : cost.percent === 0 ? "same as the base" : `${cost.percent > 0 ? "+" : ""}${cost.percent.toFixed(1)} % against the base`;
  return {
    label: scenario.name,
    value: cost.value,
    unit: "safety-stock cost per t",
    detail: [change, `lead time to customer ${scenario.kpis.leadTimeToCustomer.value ?? "—"}`].filter((s) => s !== "").join("; "),
  };
}

/** The job's output for a comparison (all of it, or the part planned before a cancel). */
function comparisonOutput(comparison: ScenarioComparison, plans: readonly PlanResult[], status: JobOutput["status"]): JobOutput {
  const exceptions: JobException[] = comparison.scenarios.flatMap((s) => [
    ...s.notes.map((message): JobException => ({ severity: "warning", where: null, message })),
    ...s.exceptions.filter((e) => e.severity !== "info").map((e) => ({ severity: e.severity, where: e.cell ?? null, message: `${s.name}: ${e.where}: ${e.message}` })),
  ]);
  return { status, cards: comparison.scenarios.map(scenarioCard), exceptions, sheets: [...scenarioSheets(comparison), ...planSheets(plans[0])], json: comparison };
}

/** Runs the comparison on the tables the pane read; progress per scenario, stoppable between plans. */
export const scenariosJob: WorkbookJob = {
  id: "scenarios",
  title: "Scenarios",
  step: "plan",
  order: 40,
  description: "Plans the network and each what-if scenario of the Scenarios table (Scenario, Table, Key, Column, Value) and compares them side by side; with supply tables, their supply plans over time too.",
  // The supply tables too: a workbook that has them gets its scenarios' supply plans compared.
  tables: ["Stages", "Arcs", "Settings", "Scenarios", ...HISTORY_TABLES, ...SUPPLY_TABLES, ...SUPPLY_TABLES.filter((t) => t.includes(" ")).map((t) => t.replace(/ /g, ""))],
  requiredTables: ["Stages", "Scenarios"],
  options: [],
  async run(input, onProgress): Promise<JobOutput> {
    let partial: JobOutput | undefined;
    const outcome = await planWorkbookScenarios(memoryPort(input.tables), {
      onPartial: (comparison, plans) => { partial = comparisonOutput(comparison, plans, "stopped"); },
      onScenario: (index, count, name) => onProgress({
        step: index === 0 ? `Planning the base (1 of ${count})` : `Planning scenario "${name}" (${index + 1} of ${count})`,
        fraction: index / count,
        ...(partial ? { partial } : {}),
      }),
    });
    if (!outcome.ok) return { status: "invalid", cards: [], exceptions: outcome.problems.map(problemException), sheets: [] };
    onProgress({ step: "done", fraction: 1 });
    return comparisonOutput(outcome.comparison, outcome.plans, outcome.stopped ? "stopped" : "done");
  },
};
