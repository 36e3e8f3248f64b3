// What "the command and the pane agree" means for an example workbook, shared by the in-process parity
// test (test/workbook/) and the browser one (test/browser/): the features each workbook runs, with the
// same command arguments and pane options, and the result without what differs from run to run.
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { jobById } from "../../src/workbook/jobs/registry";
import type { JobInput } from "../../src/workbook/jobs/types";
import type { TableData } from "../../src/workbook/port";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { runAps, type CliRun } from "./runCli";
import { flagOf } from "../../src/cli/jobOptionFlags";

export const EXAMPLES = path.join(__dirname, "..", "..", "examples");

/** The example workbooks, by name. */
export const exampleWorkbooks = (): string[] => fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")).sort();

export type Feature = "plan" | "supply" | "schedule" | "forecast" | "simulate";
export const FEATURES: readonly Feature[] = ["plan", "supply", "schedule", "forecast", "simulate"];

/** Options given alike to the pane's job and (as --flags) to the command: reproducible runs, kept short. */
export const PARITY_OPTIONS: Record<Feature, JobInput["options"]> = {
  plan: {},
  supply: {},
  schedule: { iterations: 300, seed: 3 },
  forecast: {},
  simulate: { replications: 2, horizon: 60, warmup: 10, seed: 5 },
};

/** Networks above this many stages are left out of plan, supply and simulate (see `parityFeatures`). */
export const LARGEST_COMPARED_NETWORK = 30;

/**
 * The features a workbook has the tables for, each with why it is left out (null: compared). The
 * largest network's placement search stops on the clock (QUICK_PLAIN_SEARCH_MS), so two plans, and
 * the supply plans built on them, may differ under load; its simulation is left to the simulation's
 * own tests.
 */
export async function parityFeatures(file: string): Promise<{ feature: Feature; skip: string | null }[]> {
  const book = await openXlsxWorkbook(file);
  const present = new Set<string>();
  for (const t of ["Stages", "Operations", "Changeovers", "Demand History"]) if (await book.readTable(t)) present.add(t);
  const stages = (await book.readTable("Stages"))?.rows.length ?? 0;
  const network = !present.has("Stages") ? "no Stages table" : stages > LARGEST_COMPARED_NETWORK ? `${stages} stages: the placement search stops on the clock` : null;
  const skips: Record<Feature, string | null> = {
    plan: network,
    supply: network,
    schedule: present.has("Operations") || present.has("Changeovers") ? null : "no Operations or Changeovers table",
    forecast: present.has("Demand History") ? null : "no Demand History table",
    simulate: network,
  };
  return FEATURES.map((feature) => ({ feature, skip: skips[feature] }));
}

/** What differs from run to run: times (a run's elapsedMs, a supply level's solve seconds) and search statistics. */
const UNSTABLE = new Set(["elapsedMs", "seconds", "statistics"]);

/** The result without what differs from run to run. */
export function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => !UNSTABLE.has(k)).map(([k, v]) => [k, stable(v)]));
  }
  return value;
}

/** The command line for a feature: `aps FEATURE FILE --json --out OUT` and the options as flags (seed → --seed). */
export function commandArgs(feature: Feature, file: string, out: string): string[] {
  const flags = Object.entries(PARITY_OPTIONS[feature]).flatMap(([name, value]) => [`--${flagOf(name)}`, String(value)]);
  return [feature, file, "--json", ...flags, "--out", out];
}

/** The pane's job run in-process on the workbook's tables; a refusal compares by its number of problems: `{ refused: n }`. */
export async function paneJson(file: string, id: string, options: JobInput["options"]): Promise<unknown> {
  const job = jobById(id)!;
  const book = await openXlsxWorkbook(file);
  const tables: Record<string, TableData | null> = {};
  for (const name of job.tables) tables[name] = await book.readTable(name);
  const output = await job.run({ tables, options }, () => undefined);
  if (output.status === "invalid") return { refused: output.exceptions.filter((e) => e.severity === "error").length };
  if (output.status !== "done") throw new Error(`${id}: ${output.status}`);
  return output.json;
}

/** A run's JSON, or `{ refused: n }` (n problems) when it exited 2. */
function resultOf(run: CliRun, args: string[]): unknown {
  // The binary also prints progress lines ("aps plan: demand (1.8 s)") on standard error.
  const problems = run.stderr.split("\n").filter((line) => line !== "" && !/^aps [a-z]+: .* \(\d+(\.\d+)? s\)$/.test(line));
  if (run.status === 2) return { refused: problems.length - 1 }; // the problems, then the count line
  if (run.status !== 0) throw new Error(`aps ${args.join(" ")}: exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Runs `aps` in-process (test/support/runCli.ts): its JSON, or `{ refused: n }`. */
export async function commandJson(args: string[]): Promise<unknown> {
  return resultOf(await runAps(...args), args);
}

const BIN = path.join(__dirname, "..", "..", "bin", "aps.js");

/**
 * Runs the `aps` binary (bin/aps.js) in a process of its own, as an analyst does: its JSON, or
 * `{ refused: n }`. It runs beside the test (a browser test's page goes on meanwhile), and outside
 * jest's module sandbox, where the engine's arithmetic runs several times slower.
 */
export function binJson(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: path.dirname(BIN), encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      try {
        resolve(resultOf({ status, stdout, stderr }, args));
      } catch (failure) {
        reject(failure);
      }
    });
  });
}

/**
 * Where two results differ, as "path: a ≠ b" lines (the first `limit`); numbers agree within
 * `tolerance` relative to the larger of 1 and their size. Zero asks for the same bits. Chromium's
 * V8 and Node's round Math.log, exp, pow, sin and cos differently in the last bit for some inputs,
 * so a simulation's figures drift by about 1e-15 between the two.
 */
export function differences(a: unknown, b: unknown, tolerance = 0, at = "$", out: string[] = [], limit = 20): string[] {
  if (out.length >= limit) return out;
  if (typeof a === "number" && typeof b === "number") {
    if (!(a === b || Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b)))) out.push(`${at}: ${a} ≠ ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${at}: ${a.length} items ≠ ${b.length}`);
    else a.forEach((v, k) => differences(v, b[k], tolerance, `${at}[${k}]`, out, limit));
  } else if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) {
      if (!(k in a) || !(k in b)) out.push(`${at}.${k}: ${k in a ? "only in the first" : "only in the second"}`);
      else differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], tolerance, `${at}.${k}`, out, limit);
    }
  } else if (a !== b) {
    out.push(`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  }
  return out;
}
