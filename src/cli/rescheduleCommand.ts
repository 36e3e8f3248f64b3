// `aps reschedule SHOP PUBLISHED --now T [--frozen F] [--time-limit S] [--seed N] [--json] [--out OUT]`
// (docs/formats.md §8), and its capable-to-promise form `--promise JOB [--quantity N]`.
import * as path from "node:path";
import { isPlanningInputError } from "../engine/errors";
import { publishedFromJson, type PublishedEntry } from "../engine/reschedule/published";
import { shopFromJobShop, type ShopObjective } from "../engine/reschedule/shop";
import { shopFromJson, type ShopInput } from "../engine/reschedule/shopJson";
import { parseJobShopText } from "../engine/schedule/jobShop/jobShopText";
import { runReschedule } from "../workbook/reschedule/rescheduleRun";
import { publishedFromTable, rescheduleSettings, shopFromTables, type RescheduleSettings } from "../workbook/schedule/shopTables";
import type { XlsxWorkbook } from "../workbook/xlsx/xlsxWorkbook";
import { openXlsxInput } from "./xlsxInput";
import { readJsonFile, readTextFile, requireFile } from "./files";
import { parseOptions } from "./options";
import { checkOutput, contentWriter, writeOutput } from "./output";
import { CliInputError, type CliIo, EXIT_OK, guardedCommand } from "./io";

export const RESCHEDULE_USAGE = `usage: aps reschedule SHOP PUBLISHED --now T [--frozen F] [--time-limit SECONDS] [--iterations N] [--seed N] [--json] [--out OUT]
       aps reschedule SHOP PUBLISHED --now T --promise JOB [--quantity N] [--frozen F] [--json]
  SHOP       job-shop text, aps-shop/1 JSON, or .xlsx with Operations (and Downtime, Customers, Escalation, Settings)
  PUBLISHED  the aps-schedule/1 JSON published before, or an .xlsx with a "Published Schedule" table (or the ScheduleOperations table a run wrote)
  --now T               operations that started before T stay where they are
  --frozen F            operations published to start before T + F stay too; everything else starts at T + F or later (default 0)
  --time-limit SECONDS  search time, shared by the reschedule and the full re-solve (default 1)
  --iterations N        iteration budget of each search; with --seed the answer is reproducible
  --objective makespan|tardiness   default: tardiness when a job has a due date
  --disruption-weight W objective units per moved operation (default: Settings disruptionWeight, else 1)
  --promise JOB         quote the earliest completion of JOB (a job of SHOP not in PUBLISHED) instead
  --quantity N          the quoted order is N times the job's work (default 1)
  --json                print the JSON result
  --out OUT             .xlsx SHOP: the copy with the result sheets (default <SHOP>.reschedule.xlsx); else the JSON file`;

interface Args {
  shop: string; published: string; at: number; frozen: number; json: boolean; out: string | null;
  objective?: ShopObjective; disruptionWeight?: number; promise?: { job: string; quantity: number };
  timeLimitMs?: number; maxIterations?: number; seed: number;
}

function parse(args: string[]): Args {
  const parsed = parseOptions("reschedule", args, {
    now: { type: "string" }, frozen: { type: "string" }, "time-limit": { type: "string" }, iterations: { type: "string" },
    seed: { type: "string" }, json: { type: "boolean" }, out: { type: "string" }, objective: { type: "string" },
    "disruption-weight": { type: "string" }, promise: { type: "string" }, quantity: { type: "string" }, help: { type: "boolean" },
  });
  const v = parsed.values;
  if (v.help) throw new CliInputError(RESCHEDULE_USAGE);
  if (parsed.positionals.length !== 2) throw new CliInputError(`aps reschedule takes SHOP and PUBLISHED (got ${parsed.positionals.length} files).\n${RESCHEDULE_USAGE}`);
  const num = (name: string, text: string | undefined, integer = false, positive = false): number | undefined => {
    if (text === undefined) return undefined;
    const x = Number(text);
    if (text.trim() === "" || !Number.isFinite(x) || x < 0 || (positive && x === 0) || (integer && !Number.isInteger(x))) {
      throw new CliInputError(`--${name} must be a ${integer ? "whole number" : "number"} ${positive ? "> 0" : "≥ 0"} (got "${text}").`);
    }
    return x;
  };
  const at = num("now", v.now);
  if (at === undefined) throw new CliInputError(`--now T is required: the time of the reschedule, in the schedule's time units.\n${RESCHEDULE_USAGE}`);
  let objective: ShopObjective | undefined;
  if (v.objective !== undefined) {
    if (v.objective === "makespan") objective = "makespan";
    else if (v.objective === "tardiness" || v.objective === "totalWeightedTardiness") objective = "totalWeightedTardiness";
    else throw new CliInputError(`--objective must be makespan or tardiness (got "${v.objective}").`);
  }
  if (v.quantity !== undefined && v.promise === undefined) throw new CliInputError("--quantity goes with --promise JOB.");
  const timeLimit = num("time-limit", v["time-limit"]);
  const iterations = num("iterations", v.iterations, true);
  return {
    shop: parsed.positionals[0], published: parsed.positionals[1], at, frozen: num("frozen", v.frozen) ?? 0,
    json: v.json ?? false, out: v.out ?? null, objective, disruptionWeight: num("disruption-weight", v["disruption-weight"]),
    promise: v.promise === undefined ? undefined : { job: v.promise, quantity: num("quantity", v.quantity, false, true) ?? 1 },
    timeLimitMs: timeLimit !== undefined ? timeLimit * 1000 : iterations === undefined ? 1000 : undefined,
    maxIterations: iterations, seed: num("seed", v.seed, true) ?? 1,
  };
}


const isXlsx = (file: string) => path.extname(file).toLowerCase() === ".xlsx";

/** Prefixes input errors from the engine with the file they came from. */
function inFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isPlanningInputError(error) && !(error as Error).message.includes(path.basename(file))) {
      throw new CliInputError(`${file}: ${(error as Error).message}`);
    }
    throw error;
  }
}

/** As inFile, for errors that come from the shop and the published schedule together. */
function inFiles<T>(files: string[], read: () => T): T {
  try {
    return read();
  } catch (error) {
    const message = (error as Error).message;
    if (isPlanningInputError(error) && !files.some((f) => message.includes(path.basename(f)))) throw new CliInputError(`${files.join(" with ")}: ${message}`);
    throw error;
  }
}

async function readShop(file: string): Promise<{ input: ShopInput & { jobWhere?: string[] }; settings: RescheduleSettings; book: XlsxWorkbook | null }> {
  const label = path.basename(file);
  if (isXlsx(file)) {
    const book = await openXlsxInput(file);
    const operations = await book.readTable("Operations");
    if (!operations) throw new CliInputError(`${file}: the workbook has no Operations table (Job, Step, Machine, Duration).`);
    const [downtime, customers, escalation, settings] = await Promise.all(["Downtime", "Customers", "Escalation", "Settings"].map((n) => book.readTable(n)));
    const input = inFile(file, () => shopFromTables({ operations, downtime, customers, escalation }));
    return { input, settings: inFile(file, () => rescheduleSettings(settings)), book };
  }
  const text = await readTextFile(file);
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || path.extname(file).toLowerCase() === ".json") {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new CliInputError(`${file}: not valid JSON (${(error as Error).message}).`);
    }
    return { input: shopFromJson(value, label), settings: {}, book: null };
  }
  return { input: { shop: shopFromJobShop(parseJobShopText(text, label)), customers: [], escalation: [] }, settings: {}, book: null };
}

async function readPublished(file: string): Promise<PublishedEntry[]> {
  if (isXlsx(file)) {
    const book = await openXlsxInput(file);
    const table = (await book.readTable("Published Schedule")) ?? (await book.readTable("ScheduleOperations"));
    if (!table) throw new CliInputError(`${file}: the workbook has no "Published Schedule" table (Job, Step, Machine, Start) and no ScheduleOperations table from an earlier run.`);
    return inFile(file, () => publishedFromTable(table));
  }
  return publishedFromJson(await readJsonFile(file), path.basename(file));
}

/** Runs `aps reschedule`; returns the exit status (0 done, 2 bad input, 1 program fault). */
export const rescheduleCommand = guardedCommand("aps reschedule", (args, io) => run(args, io));

async function run(args: string[], io: CliIo): Promise<number> {
  const a = parse(args);
  await requireFile(a.shop);
  await requireFile(a.published);
  const out = a.out ?? (isXlsx(a.shop) ? path.join(path.dirname(a.shop), `${path.basename(a.shop, path.extname(a.shop))}.reschedule.xlsx`) : null);
  if (out !== null && isXlsx(a.shop) !== isXlsx(out)) throw new CliInputError(`${out}: --out must be ${isXlsx(a.shop) ? "an .xlsx file (the copy of SHOP)" : "a .json file (SHOP is not a workbook)"}.`);
  const target = out === null ? null : await checkOutput(out, { inputs: [a.shop, a.published] });
  const { input, settings, book } = await readShop(a.shop);
  const published = await readPublished(a.published);
  const result = inFiles([a.shop, a.published], () => runReschedule({
    input, published, publishedLabel: path.basename(a.published), at: a.at, frozen: a.frozen, objective: a.objective,
    settings: { ...settings, ...(a.disruptionWeight !== undefined ? { disruptionWeight: a.disruptionWeight } : {}) },
    search: {
      seed: a.seed, maxIterations: a.maxIterations, timeLimitMs: a.timeLimitMs, progressIntervalMs: 1000,
      onProgress: (p) => { if (p.elapsedMs >= 1000) io.progress?.(`  ${(p.elapsedMs / 1000).toFixed(1)} s, iteration ${p.iteration}, best ${p.best}\n`); },
    },
    promise: a.promise,
  }));
  const json = JSON.stringify(result.record);
  if (target !== null && book) {
    await book.writeResultSheets(result.sheets);
    await writeOutput(target, (temporary) => book.saveAs(temporary));
  } else if (target !== null) {
    await writeOutput(target, contentWriter(json + "\n"));
  }
  io.stdout(a.json ? json + "\n" : `${a.shop}: ${result.summary}${out ? `wrote ${book ? result.sheets.map((s) => s.name).join(", ") + " to " : ""}${out}\n` : ""}`);
  return EXIT_OK;
}
