// Benchmark of scenarios side by side (npm run bench:scenarios): ten scenarios of a seeded
// 500-stage network planned and compared (target: under 5 s in all). Prints a table; asserts nothing.
// Networks: a spanning tree (the exact tree DP) and a general network (a few shared components,
// branch and bound with placementTimeLimit set in the network's Settings: see docs/scenarios.md).

import { randomNetwork } from "../examples/generator/randomNetwork";
import { planScenarios, ScenarioRow } from "../src/engine/scenarios";
import { scenarioSheets } from "../src/workbook/scenarios/scenarioSheets";

const STAGES = 500;

/** Ten what-if scenarios over the generated network's stages (ids P001…, C0009…). */
function tenScenarios(network: ReturnType<typeof randomNetwork>): ScenarioRow[] {
  const stages = network.stages;
  const leaves = stages.filter((s) => s.externalInboundTime !== null && s.externalInboundTime !== undefined);
  const products = stages.filter((s) => s.demandRate !== undefined);
  const components = stages.filter((s) => s.demandRate === undefined);
  const rows: ScenarioRow[] = [];
  const add = (scenario: string, table: string, key: string, column: string, value: ScenarioRow["value"]) => rows.push({ scenario, table, key, column, value });
  add("Suppliers late", "Stages", leaves[0].id as string, "External Inbound Time", (leaves[0].externalInboundTime as number) + 5);
  add("Suppliers late", "Stages", leaves[1].id as string, "External Inbound Time", (leaves[1].externalInboundTime as number) + 5);
  add("Demand surge", "Stages", products[0].id as string, "Demand Rate", (products[0].demandRate as number) * 1.5);
  add("Volatile demand", "Stages", products[1].id as string, "Demand Sd", (products[1].demandSd as number) * 2);
  add("Faster promise", "Stages", products[2].id as string, "Max Service Time", 0);
  add("Higher service", "Settings", "defaultServiceLevel", "Value", 0.99);
  add("Costlier stock", "Stages", components[3].id as string, "Holding Cost", (components[3].holdingCost as number) * 3);
  add("Slow machine", "Stages", components[5].id as string, "Processing Time", (components[5].processingTime as number) + 2);
  add("Bigger batches", "Stages", components[7].id as string, "Order Cost", (components[7].orderCost as number) * 4);
  add("Quoted lead time", "Stages", components[9].id as string, "Lead Time", 6);
  add("Paper rule", "Settings", "placementMethod", "Value", "paper-rule");
  return rows;
}

interface Row { network: string; scenario: string; ms: number; method: string; cost: string; delta: string; note: string }

function run(label: string, sharedShare: number, timeLimit: number | null): { rows: Row[]; totalMs: number } {
  const network = randomNetwork({ stages: STAGES, seed: 12, sharedShare });
  if (timeLimit !== null) network.settings.placementTimeLimit = timeLimit;
  const rows = tenScenarios(network);
  const times: number[] = [];
  let last = performance.now();
  const started = last;
  const outcome = planScenarios({ base: network, rows, rowWhere: (r, f) => `scenarios[${r}].${f}` }, {
    onScenario: (index) => {
      const now = performance.now();
      if (index > 0) times.push(now - last);
      last = now;
    },
  });
  const end = performance.now();
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  const compareStarted = performance.now();
  JSON.stringify(outcome.comparison);
  scenarioSheets(outcome.comparison);
  const totalMs = end - started + (performance.now() - compareStarted);
  times.push(end - last);
  const table = outcome.comparison.scenarios.map((s, i) => ({
    network: `${label}, ${outcome.plans[i].arcs.length} arcs`,
    scenario: s.name,
    ms: times[i],
    method: s.placement ? `${s.placement.method}${s.placement.optimal ? " (optimal)" : s.placement.gap === null || s.placement.method === "paper-rule" ? ` (${s.placement.status})` : ` (${s.placement.status}, gap ${(s.placement.gap * 100).toFixed(3)} %)`}` : "none",
    cost: s.kpis.safetyStockHoldingCost.value?.toFixed(2) ?? "—",
    note: s.notes.length > 0 ? "Δ within the gaps" : "",
    delta: s.kpis.safetyStockHoldingCost.percent === null ? "—" : `${s.kpis.safetyStockHoldingCost.percent >= 0 ? "+" : ""}${s.kpis.safetyStockHoldingCost.percent.toFixed(2)} %`,
  }));
  return { rows: table, totalMs };
}

function print(rows: Row[]): void {
  const headers = ["network", "scenario", "ms", "placement", "safety-stock cost", "Δ %", "note"];
  const text = rows.map((r) => [r.network, r.scenario, r.ms.toFixed(1), r.method, r.cost, r.delta, r.note]);
  const widths = headers.map((h, c) => Math.max(h.length, ...text.map((t) => t[c].length)));
  console.log(headers.map((h, c) => h.padEnd(widths[c])).join("  "));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const t of text) console.log(t.map((cell, c) => (c === 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  "));
}

const general = Number(process.argv[2] ?? "0.25");
run("warm-up", 0, null);
const results = [run(`tree, ${STAGES} stages`, 0, null), run(`general, ${STAGES} stages, limit ${general} s`, 0.02, general)];
console.log(`Ten scenarios of a ${STAGES}-stage network planned and compared (target: under 5 s in all)`);
for (const result of results) {
  print(result.rows);
  console.log(`total (base + 10 scenarios planned, compared, JSON and sheets built): ${(result.totalMs / 1000).toFixed(2)} s\n`);
}
