// Benchmark of the supply plan over time (npm run bench:supply): seeded random networks, each
// lexicographic level's size and effort in HiGHS (WebAssembly), beside native CLP's dual simplex on
// the same level written as MPS (earlier levels held by objective rows). Prints a table; asserts nothing.

import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
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
  { stages: 500, periods: 52, resources: 50, tiers: 3, seed: 12 },
];

/** CLP's dual simplex on one MPS file: status, objective, iterations, seconds (wall, including reading). */
function clp(mps: string, dir: string): string {
  if (!existsSync(CLP)) return "clp not installed";
  const file = join(dir, "level.mps");
  writeFileSync(file, mps);
  const started = performance.now();
  let out: string;
  try {
    out = execFileSync(CLP, [file, "-dualsimplex"], { encoding: "utf8", maxBuffer: 1 << 26 });
  } catch (error) {
    return `clp failed: ${(error as Error).message.split("\n")[0]}`;
  }
  const seconds = (performance.now() - started) / 1000;
  const match = /(\w+) objective ([-\d.e+]+) - (\d+) iterations time ([\d.]+)/.exec(out);
  if (!match) return `clp: ${out.trim().split("\n").pop()}`;
  return `${match[1].toLowerCase()} ${Number(match[2]).toPrecision(10)}  it ${match[3]}  ${Number(match[4]).toFixed(2)} s (wall ${seconds.toFixed(2)} s)`;
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c])).join("  "));
}

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const highs = (await (require("highs") as () => Promise<LpSolverModule>)());
  const only = process.argv[2] ? Number(process.argv[2]) : null;
  const dir = mkdtempSync(join(tmpdir(), "aps-supply-bench-"));
  try {
    for (const [k, size] of SIZES.entries()) {
      if (only !== null && only !== k) continue;
      const problem = randomSupplyProblem(size.seed, size);
      const started = performance.now();
      const result = solveSupply(problem, highs, {
        timeLimit: 3600,
        onProgress: (p) => console.log(`  ${p.name}: ${p.status} after ${p.seconds.toFixed(2)} s (${((performance.now() - started) / 1000).toFixed(1)} s so far)`),
      });
      const total = (performance.now() - started) / 1000;
      console.log(`\n${size.stages} stages × ${size.periods} periods × ${size.resources} resources × ${size.tiers} tiers (seed ${size.seed}): ${result.status}, ${total.toFixed(2)} s in all (model, levels, result, reasons)`);
      const model = buildSupplyModel(problem, highs.infinity);
      const levels = supplyLevels(model, problem.horizon);
      const rows = [["level", "rows", "cols", "nonzeros", "iterations", "seconds", "status", "HiGHS value", "held by", "CLP dual simplex (same level, MPS)"]];
      result.levels.forEach((level, l) => {
        const held = levels.slice(0, l).map((earlier, e) => ({ objective: earlier.objective, value: result.levels[e].value ?? 0 }));
        rows.push([
          level.name, String(level.rows), String(level.columns), String(level.nonzeros), String(level.iterations), level.seconds.toFixed(2),
          level.status, level.value === null ? "—" : level.value.toPrecision(10), level.held, clp(supplyLevelMps(model, levels[l].objective, held), dir),
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
