// `aps simulate FILE [--replications N] [--horizon T] [--warmup W] [--seed S] [--mode M] [--json] [--out OUT]`
// (docs/formats.md §7): reads FILE as `aps plan` does, plans every policy, simulates, prints or writes the result.

import * as path from "node:path";
import ExcelJS from "exceljs";
import { isPlanningInputError } from "../engine/errors";
import type { HistoryRow } from "../engine/simulate/demandHistory";
import { simulateRecord, SimulationOutcome } from "../engine/simulate/simulateRecord";
import { POLICY_NAMES, PolicyName, SIMULATION_MODES, SimulationMode, SimulationOptions, SimulationResult } from "../engine/simulate/types";
import { simulateWorkbookTables } from "../workbook/simulate/simulateWorkbook";
import { simulationSheets } from "../workbook/simulate/simulationSheet";
import { xlsxWorkbookFrom } from "../workbook/xlsx/xlsxWorkbook";
import { requireFile } from "./files";
import { parseOptions } from "./options";
import { checkOutput, contentWriter, writeOutput } from "./output";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";
import { readNetworkFile } from "./networkFile";

export const SIMULATE_USAGE = `usage: aps simulate FILE [--replications N] [--horizon T] [--warmup W] [--seed S] [--mode planned|propagating|capacity] [--json] [--out OUT]
  FILE  as aps plan reads it (.xlsx with Stages/Arcs/Settings and optionally Demand History, or aps-network/1 .json)
  --replications N  independent replications (default 20)       --horizon T  periods measured (default 1000)
  --warmup W        periods simulated first, not measured (100)   --seed S     seed (default 7): same seed, same result
  --mode M          planned (suppliers always on time, expediting counted), propagating (shortfalls delay customers),
                    capacity (each stage a single server at its planned rate)
  --demand normal|poisson   customer demand where no Demand History is given (default normal)
  --service exponential|plan  processing times in capacity mode (default exponential)
  --policies LIST   comma-separated: optimised,paper-rule,make-to-order,all-stock (default all)
  --json            print the aps-simulation/1 JSON (to OUT when it ends in .json)
  --out OUT         .xlsx: a copy with the Simulation sheets; .json: the result`;

interface SimulateArgs {
  file: string;
  out: string | null;
  json: boolean;
  options: SimulationOptions;
}

function wholeNumber(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const x = Number(text);
  if (text.trim() === "" || !Number.isInteger(x) || x < min || x > max) {
    throw new CliInputError(`--${name} must be a whole number from ${min} to ${max.toLocaleString("en")} (got "${text}").\n${SIMULATE_USAGE}`);
  }
  return x;
}

function choice<T extends string>(name: string, text: string | undefined, allowed: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new CliInputError(`--${name} must be one of ${allowed.join(", ")} (got "${text}").`);
}

function parseSimulateArgs(args: string[]): SimulateArgs {
  const parsed = parseOptions("simulate", args, {
    replications: { type: "string" }, horizon: { type: "string" }, warmup: { type: "string" }, seed: { type: "string" },
    mode: { type: "string" }, demand: { type: "string" }, service: { type: "string" }, policies: { type: "string" },
    json: { type: "boolean" }, out: { type: "string" }, help: { type: "boolean" },
  });
  const v = parsed.values;
  if (v.help) throw new CliInputError(SIMULATE_USAGE);
  if (parsed.positionals.length !== 1) throw new CliInputError(`aps simulate takes one FILE (got ${parsed.positionals.length}).\n${SIMULATE_USAGE}`);
  let policies: PolicyName[] | undefined;
  if (v.policies !== undefined) {
    policies = v.policies.split(",").map((p) => p.trim()).filter((p) => p !== "").map((p) => choice("policies", p, POLICY_NAMES)!);
    if (policies.length === 0 || new Set(policies).size !== policies.length) throw new CliInputError(`--policies must list distinct policies (got "${v.policies}").`);
  }
  const horizon = wholeNumber("horizon", v.horizon, 1, 1_000_000);
  const warmup = wholeNumber("warmup", v.warmup, 0, 1_000_000);
  return {
    file: parsed.positionals[0], out: v.out ?? null, json: v.json ?? false,
    options: {
      replications: wholeNumber("replications", v.replications, 1, 10_000), horizon, warmup,
      seed: wholeNumber("seed", v.seed, 0, 4_294_967_295),
      mode: choice<SimulationMode>("mode", v.mode, SIMULATION_MODES),
      demand: choice("demand", v.demand, ["normal", "poisson"] as const),
      service: choice("service", v.service, ["exponential", "plan"] as const),
      policies,
    },
  };
}

const pct = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(1)} %`);
const num = (x: number | null) => (x === null ? "—" : x.toFixed(2));

/** The text a person reads: one line per policy and the promises at risk. */
export function simulationSummary(result: SimulationResult): string {
  const lines = [
    `Simulation (${result.mode}): ${result.replications} replication(s) × ${result.horizon} periods after ${result.warmup} warm-up, seed ${result.seed}, ${result.events.toLocaleString("en")} events, ${(result.elapsedMs / 1000).toFixed(2)} s${result.status === "stopped" ? " (stopped early)" : ""}`,
    "policy          holding cost/t  fill rate  on time   lead time  cycle time",
  ];
  for (const p of result.policies) {
    const k = p.kpis;
    lines.push(`${p.name.padEnd(16)}${num(k.inventoryHoldingCost.mean).padStart(14)}  ${pct(k.fillRate.mean).padStart(9)}  ${pct(k.onTimeShare.mean).padStart(8)}  ${num(k.leadTimeToCustomer.mean).padStart(9)}  ${num(k.cycleTime.mean).padStart(10)}`);
  }
  for (const e of result.exceptions) lines.push(`${e.severity} ${e.where}: ${e.message}`);
  return lines.join("\n");
}

/** Runs `aps simulate`; returns the exit status. */
export async function simulateCommand(args: string[], io: CliIo): Promise<number> {
  const { file, out, json, options } = parseSimulateArgs(args);
  await requireFile(file);
  const outExtension = out === null ? null : path.extname(out).toLowerCase();
  if (outExtension !== null && outExtension !== ".xlsx" && outExtension !== ".json") throw new CliInputError(`${out}: --out writes .xlsx (result sheets) or .json (the result).`);
  const target = out === null ? null : await checkOutput(out, { inputs: [file] });
  const read = await readNetworkFile(file, "simulate");
  const started = Date.now();
  const progress = (step: string) => {
    const elapsed = Date.now() - started;
    if (elapsed > 2000 && !json) io.progress?.(`aps simulate: ${step} (${(elapsed / 1000).toFixed(1)} s)\n`);
  };
  let outcome: SimulationOutcome;
  try {
    if (read.kind === "xlsx") {
      outcome = await simulateWorkbookTables(read.workbook, { ...options, onProgress: progress });
    } else {
      const raw = read.raw as Record<string, unknown> | null;
      const rows: HistoryRow[] = Array.isArray(raw?.demandHistory)
        ? (raw!.demandHistory as unknown[]).map((r, k) => {
            const row = (typeof r === "object" && r !== null ? r : {}) as Record<string, unknown>;
            return { stage: row.stage ?? null, period: row.period ?? null, quantity: row.quantity ?? null, where: { stage: `demandHistory[${k}].stage`, period: `demandHistory[${k}].period`, quantity: `demandHistory[${k}].quantity` } };
          })
        : [];
      outcome = simulateRecord(raw, rows, { ...options, onProgress: progress });
    }
  } catch (error) {
    if (isPlanningInputError(error)) throw new CliInputError(`${file}: ${(error as Error).message}`);
    throw error;
  }
  if (!outcome.ok) {
    io.stderr(outcome.errors.map((e) => `${file}: ${e}`).join("\n") + "\n");
    io.stderr(`${file}: ${outcome.errorCount} input error(s); nothing was simulated or written.\n`);
    return EXIT_BAD_INPUT;
  }
  const result = outcome.result;
  const jsonText = JSON.stringify(result, null, 1) + "\n";
  if (target !== null && outExtension === ".json") {
    await writeOutput(target, contentWriter(jsonText));
  } else if (target !== null) {
    const book = xlsxWorkbookFrom(read.kind === "xlsx" ? read.workbook.workbook : new ExcelJS.Workbook());
    await book.writeResultSheets(simulationSheets(result));
    await writeOutput(target, (tmp) => book.saveAs(tmp));
  }
  if (json && outExtension !== ".json") io.stdout(jsonText);
  if (!json) {
    io.stdout(simulationSummary(result) + "\n");
    if (out !== null) io.stdout(`\nWrote ${outExtension === ".json" ? "the result" : "the Simulation sheets"} to ${out}\n`);
  }
  return EXIT_OK;
}
