// `npm run bench:startup`: how fast the `aps` command starts, as a user runs it (a new process each
// time): bare node, `aps --version`, and a 2,000-stage plan from JSON (the plan benchmark's network).
// Prints the median of several runs beside the targets; asserts nothing.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { randomNetwork } from "../examples/generator/randomNetwork";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildCli } = require("../scripts/build-cli.js") as { buildCli: () => string };

const root = path.join(__dirname, "..");
const bin = path.join(root, "bin", "aps.js");
const RUNS = Number(process.env.RUNS ?? 9);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/**
 * Median wall time (s) of running `node args…` as a new process, and its median CPU time (user +
 * system, from /usr/bin/time where present): on a shared machine the CPU time is the steadier figure.
 */
function timeProcess(args: string[]): { wall: number; cpu: number | null } {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const command = TIME ? TIME : process.execPath;
    const commandArgs = TIME ? ["-f", "cpu %U %S", process.execPath, ...args] : args;
    const started = process.hrtime.bigint();
    const run = spawnSync(command, commandArgs, { cwd: root, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
    walls.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
    const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
    if (cpu) cpus.push(Number(cpu[1]) + Number(cpu[2]));
  }
  return { wall: median(walls), cpu: cpus.length > 0 ? median(cpus) : null };
}

buildCli();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aps-startup-"));
const network = path.join(folder, "network-2000.json");
fs.writeFileSync(network, JSON.stringify(randomNetwork({ stages: 2000, seed: 7, sharedShare: 0 })));

const bare = timeProcess(["-e", "0"]);
const version = timeProcess([bin, "--version"]);
const plan = timeProcess([bin, "plan", network, "--json"]);
fs.rmSync(folder, { recursive: true, force: true });

const cpu = (t: { cpu: number | null }) => (t.cpu === null ? "—" : t.cpu.toFixed(2));
const rows = [
  ["node -e 0", bare.wall.toFixed(3), cpu(bare), "—", "—"],
  ["aps --version", version.wall.toFixed(3), cpu(version), `≤ node + 0.15 = ${(bare.wall + 0.15).toFixed(3)}`, version.wall <= bare.wall + 0.15 ? "met" : "MISSED"],
  ["aps plan (2,000 stages, JSON)", plan.wall.toFixed(3), cpu(plan), "< 0.300", plan.wall < 0.3 ? "met" : "MISSED"],
];
const headers = ["whole process", "wall s (median)", "CPU s (median)", "target (wall)", ""];
const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
console.log(`Start-up of the aps command, median of ${RUNS} runs (Node ${process.version}, load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores)`);
console.log(headers.map((h, c) => h.padEnd(widths[c])).join("  "));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join("  "));
