// Benchmark of the simulator (npm run bench:simulate): events per second on an M/M/1 model beside
// SimPy on the same model in the same run (skipped with a note where python3 or simpy is missing),
// and a 500-stage plan simulated for 10 replications of 1,000 periods. Prints tables; asserts nothing.

import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { randomNetwork } from "../examples/generator/randomNetwork";
import { readNetwork } from "../src/engine/network/readNetwork";
import { planPolicies, simulatePolicies } from "../src/engine/simulate/simulatePlan";
import { runQueue } from "../src/engine/simulate/singleServer";
import type { SimulationMode } from "../src/engine/simulate/types";

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const SIMPY_CUSTOMERS = Number(process.env.BENCH_SIMPY_CUSTOMERS ?? 200_000);

function table(headers: string[], rows: string[][]): void {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  console.log(headers.map((h, c) => h.padEnd(widths[c])).join("  "));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join("  "));
}

/** Our kernel: arrivals and departures as events on the binary heap (2 events per customer, as SimPy's Resource model counts requests and timeouts). */
function ours(customers: number) {
  runQueue({ interarrival: { kind: "exponential", mean: 1 / 0.9 }, service: { kind: "exponential", mean: 1 }, jobs: 10_000, warmupJobs: 0, seed: 1, replication: 0 });
  const started = performance.now();
  const run = runQueue({ interarrival: { kind: "exponential", mean: 1 / 0.9 }, service: { kind: "exponential", mean: 1 }, jobs: customers, warmupJobs: 0, seed: 7, replication: 0 });
  const seconds = (performance.now() - started) / 1000;
  return { seconds, meanWait: run.meanWait, events: run.events };
}

function simpy(customers: number): { seconds: number; meanWait: number; version: string } | string {
  const script = path.join(__dirname, "mm1_simpy.py");
  for (const python of ["/usr/bin/python3", "python3"]) {
    const run = spawnSync(python, [script, String(customers)], { encoding: "utf8", timeout: 600_000 });
    if (run.status === 0) {
      const out = JSON.parse(run.stdout.trim().split("\n").pop()!);
      return { seconds: out.seconds, meanWait: out.meanWait, version: out.simpy };
    }
  }
  return "skipped: no python3 with simpy (apt-get install -y python3-simpy3)";
}

console.log(`M/M/1, λ = 0.9, μ = 1 (theory: W_q = ρ/(μ − λ) = 9); events = arrivals + departures`);
const cpuMm1 = process.cpuUsage();
const a = ours(CUSTOMERS);
const mm1Cpu = process.cpuUsage(cpuMm1).user / 1e6;
const b = simpy(SIMPY_CUSTOMERS);
const rows = [["aps (TypeScript, binary heap)", CUSTOMERS.toLocaleString("en"), a.seconds.toFixed(3), Math.round(a.events / a.seconds).toLocaleString("en"), a.meanWait.toFixed(3)]];
if (typeof b === "string") rows.push([`SimPy: ${b}`, "—", "—", "—", "—"]);
else rows.push([`SimPy ${b.version} (Python)`, SIMPY_CUSTOMERS.toLocaleString("en"), b.seconds.toFixed(3), Math.round((2 * SIMPY_CUSTOMERS) / b.seconds).toLocaleString("en"), b.meanWait.toFixed(3)]);
table(["simulator", "customers", "seconds", "events/s", "mean wait"], rows);
// eslint-disable-next-line @typescript-eslint/no-require-imports
console.log(`(our run used ${mm1Cpu.toFixed(2)} s of CPU; machine load average ${require("node:os").loadavg()[0].toFixed(1)})`);
if (typeof b !== "string") console.log(`ratio: ${((a.events / a.seconds) / ((2 * SIMPY_CUSTOMERS) / b.seconds)).toFixed(1)}× SimPy's event rate (target ≥ 10×)`);

console.log("\n500-stage plan (examples/generator, seed 7, a spanning tree), 10 replications × 1,000 periods after 100 warm-up (target < 2 s)");
const { network } = readNetwork(JSON.parse(JSON.stringify(randomNetwork({ stages: 500, seed: 7, sharedShare: 0 }))));
const planStarted = performance.now();
const planned = planPolicies(network!, ["optimised"]);
const planMs = performance.now() - planStarted;
const planRows: string[][] = [];
for (const [mode, label] of [["planned", "planned (first run)"], ["planned", "planned (again)"], ["propagating", "propagating"], ["capacity", "capacity"]] as [SimulationMode, string][]) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = simulatePolicies(network!, planned, new Map(), { replications: 10, horizon: 1000, warmup: 100, seed: 7, mode }, (r) => `stages[${r}]`);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = process.cpuUsage(cpu).user / 1e6;
  planRows.push([label, String(network!.stages.length), String(result.ticksPerPeriod), result.events.toLocaleString("en"), seconds.toFixed(2), cpuSeconds.toFixed(2), Math.round(result.events / seconds).toLocaleString("en"),
    `${(100 * (result.policies[0].kpis.fillRate.mean ?? 0)).toFixed(1)} %`]);
}
table(["mode", "stages", "ticks/period", "events", "seconds", "CPU s", "events/s", "fill rate"], planRows);
console.log(`(planning the network first took ${(planMs / 1000).toFixed(2)} s)`);
