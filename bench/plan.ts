// Benchmark of the whole plan (npm run bench): JSON text in, aps-plan/1 JSON text out, on seeded
// networks of growing size, trees and general. Prints a table; asserts nothing.

import { planRecord } from "../src/engine/plan";
import { randomNetwork } from "../examples/generator/randomNetwork";

interface Row {
  network: string;
  stages: number;
  arcs: number;
  placement: string;
  proven: string;
  ms: number;
  cost: string;
}

function planOnce(stages: number, sharedShare: number, seed: number, integerTimes: boolean): Row {
  const input = JSON.stringify(randomNetwork({ stages, seed, sharedShare, integerTimes }));
  const started = performance.now();
  const outcome = planRecord(JSON.parse(input));
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  const output = JSON.stringify(outcome.plan);
  const ms = performance.now() - started;
  const plan = outcome.plan;
  return {
    network: `${sharedShare === 0 ? "tree" : "general"}${integerTimes ? ", integer T" : ""}`,
    stages,
    arcs: plan.arcs.length,
    placement: plan.placement?.method ?? "none",
    proven: plan.placement ? (plan.placement.optimal ? "yes" : `gap ${((plan.placement.gap ?? 0) * 100).toFixed(2)} %`) : "—",
    ms: Math.round(ms),
    cost: `${plan.placement?.safetyStockCost.toFixed(2)} (${(output.length / 1024).toFixed(0)} KiB out)`,
  };
}

function printTable(rows: Row[]): void {
  const headers = ["network", "stages", "arcs", "placement", "proven", "ms", "cost"] as const;
  const text = rows.map((r) => headers.map((h) => String(r[h])));
  const widths = headers.map((h, c) => Math.max(h.length, ...text.map((t) => t[c].length)));
  console.log(headers.map((h, c) => h.padEnd(widths[c])).join("  "));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const t of text) console.log(t.map((cell, c) => cell.padEnd(widths[c])).join("  "));
}

const rows: Row[] = [];
planOnce(100, 0, 1, false); // warm up the JIT
for (const [stages, shared, integer] of [
  [100, 0, false], [500, 0, false], [2000, 0, false], [2000, 0, true], [240, 0.05, false], [500, 0.02, false],
] as [number, number, boolean][]) {
  rows.push(planOnce(stages, shared, 7, integer));
}
console.log("Whole plan, JSON in to JSON out (target: 2,000 stages under 2 s)");
printTable(rows);
