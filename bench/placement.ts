// Benchmark of safety-stock placement (MODEL.md §5): seeded random trees and general acyclic
// networks; prints time, cost, method, proof and gap per instance. Run: npx tsx bench/placement.ts

import { placeSafetyStock, type PlacementProblem } from "../src/engine/placement";
import { seededRandom as rng } from "../src/engine/random";


/**
 * A supply chain of n stages: stage k ≥ 1 joins a random earlier stage (as its supplier or its
 * customer, so assembly and distribution mix); `extraArcs` more arcs make it a general network.
 * Lead times 1..10 (integer) or uniform in [0.5, 10] (fractional); stages without customers face
 * external demand with maximum service time 0..2; a fifth of the sources have an external inbound time.
 */
function randomChain(seed: number, n: number, extraArcs: number, integer: boolean): PlacementProblem {
  const r = rng(seed);
  const rank = Array.from({ length: n }, () => r());
  const arcs: { from: number; to: number }[] = [];
  const seen = new Set<string>();
  const add = (a: number, b: number): boolean => {
    const [from, to] = rank[a] < rank[b] ? [a, b] : [b, a];
    const key = `${from}>${to}`;
    if (a === b || seen.has(key) || seen.has(`${to}>${from}`)) return false;
    seen.add(key);
    arcs.push({ from, to });
    return true;
  };
  for (let k = 1; k < n; k++) add(k, Math.floor(r() * k));
  for (let added = 0; added < extraArcs; ) if (add(Math.floor(r() * n), Math.floor(r() * n))) added++;
  const hasCustomer = new Array<boolean>(n).fill(false);
  const hasSupplier = new Array<boolean>(n).fill(false);
  for (const a of arcs) {
    hasCustomer[a.from] = true;
    hasSupplier[a.to] = true;
  }
  const stages = Array.from({ length: n }, (_, j) => ({
    id: `S${j}`,
    leadTime: integer ? 1 + Math.floor(r() * 10) : 0.5 + 9.5 * r(),
    externalInboundTime: !hasSupplier[j] && r() < 0.2 ? (integer ? 1 + Math.floor(r() * 5) : 5 * r()) : 0,
    maxServiceTime: hasCustomer[j] ? null : Math.floor(r() * 3),
    unitCost: 1 + 99 * r(),
  }));
  return { stages, arcs };
}

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
console.log("Safety-stock placement (MODEL.md §5), seeded random networks, time limit 10 s");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const row of table) console.log(line(row));
