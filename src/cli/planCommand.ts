// `aps plan FILE [--out OUT] [--json] [--placement-method M] …` (docs/formats.md §5): plans a network from
// .xlsx tables or aps-network/1 JSON, with the pane's plan options as flags; writes result sheets into a
// copy or the aps-plan/1 JSON.

import type ExcelJS from "exceljs";
import { PLACEMENT_METHODS, RATE_METHODS } from "../engine/network/fields";
import { planRecord, PlanOutcome } from "../engine/plan";
import { planSheets } from "../workbook/plan/planSheets";
import { planWorkbookTables } from "../workbook/plan/planWorkbook";
import { planJob, settingsWithOptions } from "../workbook/plan/planJob";
import { recordWithSettings } from "../workbook/jobs/optionSettings";
import type { JobInput } from "../workbook/jobs/types";
import { jobOptionSpecs, readJobOptionFlags } from "./jobOptionFlags";
import { requireFile } from "./files";
import { parseOptions } from "./options";
import { checkOutput } from "./output";
import { CliInputError, CliIo, EXIT_OK } from "./io";
import { outKind, refuseInput, sheetList, writeRunOutput } from "./runOutput";
import { readNetworkFile } from "./networkFile";
import { planSummary } from "./summary";

export const PLAN_USAGE = `usage: aps plan FILE [--out OUT] [--json] [--scenarios]
                [--placement-method M] [--rate-method R] [--placement-time-limit S] [--default-service-level Z]
  FILE  .xlsx with Stages/Arcs (and Settings) tables, or aps-network/1 .json
  --out OUT  write result sheets into OUT (.xlsx, a copy) or the plan JSON (.json)
  --json     print the aps-plan/1 JSON (to OUT when given)
  --scenarios  plan the Scenarios table's variants side by side (aps plan FILE --scenarios --help)
  The pane's Plan options (not with --scenarios), each a Settings name; a row of FILE's
  Settings (its "settings" in .json) wins over the flag, as it wins over the pane's option:
  --placement-method M       ${PLACEMENT_METHODS.join(", ")} (Settings placementMethod; default auto)
  --rate-method R            ${RATE_METHODS.join(", ")} (Settings rateMethod; default closed-form)
  --placement-time-limit S   seconds for the placement search, > 0 (Settings placementTimeLimit)
  --default-service-level Z  for stages with no service level of their own, between 0 and 1 exclusive, e.g. 0.95`;

/** The pane's plan options that are flags of `aps plan` (periodsPerYear is a Settings row only). */
export const PLAN_FLAG_OPTIONS = ["placementMethod", "rateMethod", "placementTimeLimit", "defaultServiceLevel"] as const;

interface PlanArgs {
  file: string;
  out: string | null;
  json: boolean;
  /** The plan options the flags set, as the pane's plan job takes them. */
  options: JobInput["options"];
}

function parsePlanArgs(args: string[]): PlanArgs {
  const parsed = parseOptions("plan", args, { out: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" }, ...jobOptionSpecs(planJob, PLAN_FLAG_OPTIONS) });
  if (parsed.values.help) throw new CliInputError(PLAN_USAGE);
  if (parsed.positionals.length !== 1) throw new CliInputError(`aps plan takes one FILE (got ${parsed.positionals.length}).\n${PLAN_USAGE}`);
  const options = readJobOptionFlags(planJob, PLAN_FLAG_OPTIONS, parsed.values, PLAN_USAGE);
  return { file: parsed.positionals[0], out: parsed.values.out ?? null, json: parsed.values.json ?? false, options };
}

/** Plans the file; the options added to its Settings by the pane's plan job's own function (a Settings row wins). */
async function planFile(file: string, options: JobInput["options"], onProgress: (step: string) => void): Promise<{ outcome: PlanOutcome; workbook: ExcelJS.Workbook | null }> {
  const read = await readNetworkFile(file, "plan");
  const withOptions = (settings: Record<string, unknown>) => settingsWithOptions(settings, options);
  if (read.kind === "xlsx") return { outcome: await planWorkbookTables(read.workbook, { onProgress }, withOptions), workbook: read.workbook.workbook };
  const raw = Object.keys(options).length === 0 ? read.raw : recordWithSettings(read.raw, withOptions);
  return { outcome: planRecord(raw, { onProgress }), workbook: null };
}

/** Runs `aps plan`; returns the exit status. */
export async function planCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes("--scenarios")) return (await import("./scenarioPlan")).planScenariosCommand(args, io); // loaded only when asked
  const { file, out, json, options } = parsePlanArgs(args);
  await requireFile(file);
  const outExtension = outKind(out, "the plan");
  const target = out === null ? null : await checkOutput(out, { inputs: [file] });
  const started = Date.now();
  const { outcome, workbook } = await planFile(file, options, (step) => {
    const elapsed = Date.now() - started;
    if (elapsed > 500) io.progress?.(`aps plan: ${step} (${(elapsed / 1000).toFixed(1)} s)\n`);
  });
  if (!outcome.ok) return refuseInput(io, file, outcome);
  const plan = outcome.plan;
  const jsonText = JSON.stringify(plan, null, 1) + "\n";
  const written = target !== null && outExtension !== null ? await writeRunOutput(target, outExtension, jsonText, workbook, () => planSheets(plan)) : null;
  if (json && outExtension !== ".json") io.stdout(jsonText);
  if (!json) {
    io.stdout(planSummary(plan) + "\n");
    if (out !== null) io.stdout(`\nWrote ${written ? `the ${sheetList(written)} sheets` : "the plan"} to ${out}\n`);
  }
  return EXIT_OK;
}
