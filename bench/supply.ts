// Benchmark of the supply plan over time (npm run bench:supply): seeded random networks, each
// lexicographic level's size and effort in HiGHS (WebAssembly), beside native CLP's dual simplex on
// the same level written as MPS (earlier levels held by objective rows). HiGHS's CPU seconds per level
// come from process.cpuUsage (this process only), CLP's from its own CPU clock: like with like, since
// wall time on a loaded machine is not. Prints a table; asserts nothing.
// Usage: tsx bench/supply.ts [INDEX | STAGESxPERIODSxRESOURCESxTIERS]

import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { loadavg, tmpdir } from "os";
import { join } from "path";
import type { LpSolverModule } from "../src/engine/supply";
import { solveSupply } from "../src/engine/supply";
import { supplyLevels } from "../src/engine/supply/solveSupply";
import { buildSupplyModel } from "../src/engine/supply/supplyModel";
import { randomSupplyProblem, RandomSupplySize } from "../test/supply/randomSupply";
import { supplyLevelMps } from "./supplyMps";

const CLP = "/usr/bin/clp";
const SIZES: (RandomSupplySize & { seed: number })[] = [
  { stages: 100, periods: 26, resources: 10, tiers: 3, seed: 11 },
  { stages: 200, periods: 40, resources: 20, tiers: 3, seed: 13 },
  { stages: 500, periods: 52, resources: 50, tiers: 3, seed: 12 },
];

/** CPU seconds (user + system) of this process so far. */
function cpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

interface ClpRun {
  text: string;
  /** CLP's own CPU seconds (its reported time), null when it did not run. */
  cpu: number | null;
}

/** CLP's dual simplex on one MPS file: status, objective, iterations, CPU seconds (its clock) and wall (including reading). */
function clp(mps: string, dir: string): ClpRun {
  if (!existsSync(CLP)) return { text: "clp not installed", cpu: null };
  const file = join(dir, "level.mps");
  writeFileSync(file, mps);
  const started = performance.now();
  let out: string;
  try {
    out = execFileSync(CLP, [file, "-dualsimplex"], { encoding: "utf8", maxBuffer: 1 << 26 });
  } catch (error) {
    return { text: `clp failed: ${(error as Error).message.split("\n")[0]}`, cpu: null };
  }
  const seconds = (performance.now() - started) / 1000;
  const match = /(\w+) objective ([-\d.e+]+) - (\d+) iterations time ([\d.]+)/.exec(out);
  if (!match) return { text: `clp: ${out.trim().split("\n").pop()}`, cpu: null };
  const cpu = Number(match[4]);
  return { text: `${match[1].toLowerCase()} ${Number(match[2]).toPrecision(10)}  it ${match[3]}  cpu ${cpu.toFixed(2)} s (wall ${seconds.toFixed(2)} s)`, cpu };
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join("  "));
}

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const highs = (await (require("highs") as () => Promise<LpSolverModule>)());
  const arg = process.argv[2] ?? "";
  const custom = /^(\d+)x(\d+)x(\d+)x(\d+)$/.exec(arg);
  if (custom) SIZES.splice(0, SIZES.length, { stages: +custom[1], periods: +custom[2], resources: +custom[3], tiers: +custom[4], seed: 11 });
  const only = arg && !custom ? Number(arg) : null;
  const dir = mkdtempSync(join(tmpdir(), "aps-supply-bench-"));
  try {
    for (const [k, size] of SIZES.entries()) {
      if (only !== null && only !== k) continue;
      const problem = randomSupplyProblem(size.seed, size);
      const started = performance.now();
      const cpuStarted = cpuSeconds();
      // Per level, from the last progress event to this one: the level's solve plus holding the one before
      // (the first level also counts building the model and passing it to HiGHS).
      const perLevel: { cpu: number; wall: number }[] = [];
      let mark = { cpu: cpuStarted, wall: started };
      const result = solveSupply(problem, highs, {
        timeLimit: 3600,
        onProgress: (p) => {
          const now = { cpu: cpuSeconds(), wall: performance.now() };
          perLevel.push({ cpu: now.cpu - mark.cpu, wall: (now.wall - mark.wall) / 1000 });
          mark = now;
          console.log(`  ${p.name}: ${p.status} after ${p.seconds.toFixed(2)} s (${((now.wall - started) / 1000).toFixed(1)} s so far)`);
        },
      });
      const total = (performance.now() - started) / 1000;
      const totalCpu = cpuSeconds() - cpuStarted;
      console.log(`\n${size.stages} stages × ${size.periods} periods × ${size.resources} resources × ${size.tiers} tiers (seed ${size.seed}): ${result.status}, ${totalCpu.toFixed(2)} s CPU, ${total.toFixed(2)} s wall in all (model, levels, result, reasons); load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
      const model = buildSupplyModel(problem, highs.infinity);
      const levels = supplyLevels(model, problem.horizon);
      const rows = [["level", "rows", "cols", "nonzeros", "iterations", "HiGHS s", "cpu s", "wall s", "status", "HiGHS value", "held by", "CLP dual simplex (same level, MPS)", "cpu ÷ CLP"]];
      result.levels.forEach((level, l) => {
        const held = levels.slice(0, l).map((earlier, e) => ({ objective: earlier.objective, value: result.levels[e].value ?? 0 }));
        const peer = clp(supplyLevelMps(model, levels[l].objective, held), dir);
        const spent = perLevel[l] ?? { cpu: NaN, wall: NaN };
        rows.push([
          level.name, String(level.rows), String(level.columns), String(level.nonzeros), String(level.iterations), level.seconds.toFixed(2),
          spent.cpu.toFixed(2), spent.wall.toFixed(2), level.status, level.value === null ? "—" : level.value.toPrecision(10), level.held, peer.text,
          peer.cpu === null ? "—" : `${(spent.cpu / Math.max(peer.cpu, 0.01)).toFixed(1)}×`,
        ]);
      });
      printTable(rows);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
