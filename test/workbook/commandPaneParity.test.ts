// Every example workbook gives the same JSON result through the `aps` command and through the pane's
// job (in-process, on the tables the xlsx adapter reads), feature by feature: plan, schedule, forecast, simulate.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { forecastCommand } from "../../src/cli/forecastCommand";
import { planCommand } from "../../src/cli/planCommand";
import { scheduleCommand } from "../../src/cli/scheduleCommand";
import { simulateCommand } from "../../src/cli/simulateCommand";
import { jobById } from "../../src/workbook/jobs/registry";
import type { JobInput } from "../../src/workbook/jobs/types";
import type { TableData } from "../../src/workbook/port";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const workbooks = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx")).sort();

/** A refusal on both sides compares by its number of problems: `{ refused: n }`. */

/** The result without what differs from run to run (times, search statistics). */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "elapsedMs" && k !== "statistics").map(([k, v]) => [k, stable(v)]));
  }
  return value;
}

async function command(run: (args: string[], io: { stdout: (t: string) => void; stderr: (t: string) => void }) => Promise<number>, args: string[]): Promise<unknown> {
  let stdout = "", stderr = "";
  const status = await run(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  if (status === 2) return { refused: stderr.trimEnd().split("\n").length - 1 }; // the problems, then the count line
  if (status !== 0) throw new Error(`exit ${status}: ${stderr}`);
  return JSON.parse(stdout);
}

async function pane(file: string, id: string, options: JobInput["options"]): Promise<unknown> {
  const job = jobById(id)!;
  const book = await openXlsxWorkbook(file);
  const tables: Record<string, TableData | null> = {};
  for (const name of job.tables) tables[name] = await book.readTable(name);
  const output = await job.run({ tables, options }, () => undefined);
  if (output.status === "invalid") return { refused: output.exceptions.filter((e) => e.severity === "error").length };
  if (output.status !== "done") throw new Error(`${id}: ${output.status}`);
  return output.json;
}

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-parity-")); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(workbooks)("%s: the command and the pane agree", (name) => {
  const file = path.join(EXAMPLES, name);
  const out = (feature: string) => path.join(dir, `${path.basename(name, ".xlsx")}.${feature}.xlsx`);
  let has: (table: string) => boolean;
  let stageCount = 0;
  beforeAll(async () => {
    const book = await openXlsxWorkbook(file);
    const present = new Set<string>();
    for (const t of ["Stages", "Operations", "Changeovers", "Demand History"]) if (await book.readTable(t)) present.add(t);
    stageCount = (await book.readTable("Stages"))?.rows.length ?? 0;
    has = (t) => present.has(t);
  });

  it("plan", async () => {
    // The largest network's placement search stops on the clock (QUICK_PLAIN_SEARCH_MS), so two runs may differ under load.
    if (!has("Stages") || stageCount > 30) return;
    expect(stable(await pane(file, "plan", {}))).toEqual(stable(await command(planCommand, [file, "--json", "--out", out("plan")])));
  }, 60_000);

  it("schedule", async () => {
    if (!has("Operations") && !has("Changeovers")) return;
    const cli = await command(scheduleCommand, [file, "--json", "--iterations", "300", "--seed", "3", "--out", out("schedule")]);
    expect(stable(await pane(file, "schedule", { iterations: 300, seed: 3 }))).toEqual(stable(cli));
  }, 60_000);

  it("forecast", async () => {
    if (!has("Demand History")) return;
    expect(stable(await pane(file, "forecast", {}))).toEqual(stable(await command(forecastCommand, [file, "--json", "--out", out("forecast")])));
  }, 60_000);

  it("simulate", async () => {
    // A short simulation; the largest network is left to the simulation's own tests.
    if (!has("Stages") || stageCount > 30) return;
    const cli = await command(simulateCommand, [file, "--json", "--replications", "2", "--horizon", "60", "--warmup", "10", "--seed", "5", "--out", out("simulate")]);
    expect(stable(await pane(file, "simulate", { replications: 2, horizon: 60, warmup: 10, seed: 5 }))).toEqual(stable(cli));
  }, 60_000);
});
