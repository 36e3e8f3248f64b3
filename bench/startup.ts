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

/** Median wall time (s) of running `node args…` as a new process. */
function timeProcess(args: string[]): number {
  const times: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
    times.push(seconds);
  }
  return median(times);
}

buildCli();
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "aps-startup-"));
const network = path.join(folder, "network-2000.json");
fs.writeFileSync(network, JSON.stringify(randomNetwork({ stages: 2000, seed: 7, sharedShare: 0 })));

const bare = timeProcess(["-e", "0"]);
const version = timeProcess([bin, "--version"]);
const plan = timeProcess([bin, "plan", network, "--json"]);
fs.rmSync(folder, { recursive: true, force: true });

const rows = [
  ["node -e 0", bare.toFixed(3), "—", "—"],
  ["aps --version", version.toFixed(3), `≤ node + 0.15 = ${(bare + 0.15).toFixed(3)}`, version <= bare + 0.15 ? "met" : "MISSED"],
  ["aps plan (2,000 stages, JSON)", plan.toFixed(3), "< 0.300", plan < 0.3 ? "met" : "MISSED"],
];
const headers = ["whole process", "seconds (median)", "target", ""];
const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
console.log(`Start-up of the aps command, median of ${RUNS} runs (Node ${process.version})`);
console.log(headers.map((h, c) => h.padEnd(widths[c])).join("  "));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join("  "));
