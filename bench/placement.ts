// Benchmark of safety-stock placement (docs/model.md §5): seeded random trees and general acyclic
// networks; prints time, cost, method, proof and gap per instance. Run: npx tsx bench/placement.ts

import { placeSafetyStock, type PlacementProblem } from "../src/engine/placement";
import { randomChain } from "../test/placement/randomNetworks";

interface Row { name: string; stages: number; arcs: number; ms: number; cost: number; method: string; proven: boolean; gap: number; nodes: string }

function run(name: string, problem: PlacementProblem, timeLimitMs = 10_000): Row {
  const started = process.hrtime.bigint();
  const result = placeSafetyStock(problem, { timeLimitMs });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    name, stages: problem.stages.length, arcs: problem.arcs.length, ms, cost: result.cost, method: result.method,
    proven: result.optimal, gap: result.gap, nodes: result.statistics.nodes === undefined ? "" : String(result.statistics.nodes),
  };
}

const rows: Row[] = [];
for (const n of [100, 500, 2000]) {
  rows.push(run(`tree, integer L`, randomChain(n, n, 0, true)));
  rows.push(run(`tree, fractional L`, randomChain(n + 1, n, 0, false)));
}
rows.push(run(`general, integer L`, randomChain(50, 50, 8, true)));
rows.push(run(`general, fractional L`, randomChain(51, 50, 8, false)));
rows.push(run(`general, integer L`, randomChain(500, 500, 50, true)));
rows.push(run(`general, fractional L`, randomChain(501, 500, 50, false)));

const header = ["instance", "stages", "arcs", "time ms", "cost", "method", "proven", "gap", "B&B nodes"];
const table = rows.map((r) => [
  r.name, String(r.stages), String(r.arcs), r.ms.toFixed(1), r.cost.toFixed(3), r.method, r.proven ? "yes" : "no",
  r.gap.toExponential(2), r.nodes,
]);
const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
const line = (cells: string[]): string => cells.map((cell, c) => cell.padEnd(widths[c])).join("  ");
console.log("Safety-stock placement (docs/model.md §5), seeded random networks, time limit 10 s");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of table) console.log(line(row));
