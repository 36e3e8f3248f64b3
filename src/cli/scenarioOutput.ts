// What `aps plan --scenarios` and `aps compare` print and write: a comparison summary, the
// aps-scenarios/1 JSON, or a workbook copy with the comparison sheets and the base plan's sheets.

import * as path from "node:path";
import ExcelJS from "exceljs";
import type { PlanResult } from "../engine/plan/types";
import { COMPARED_KPIS, ComparedFigure, ScenarioComparison } from "../engine/scenarios";
import { planSheets } from "../workbook/plan/planSheets";
import { changesText, KPI_LABELS, scenarioSheets, supplyVerdict } from "../workbook/scenarios/scenarioSheets";
import { xlsxWorkbookFrom } from "../workbook/xlsx/xlsxWorkbook";
import { checkOutput, contentWriter, type OutputTarget, writeOutput } from "./output";
import { CliInputError, CliIo } from "./io";

/** Where the comparison goes: the checked --out and its kind, or none. */
export type ScenarioOut = { target: OutputTarget; extension: ".xlsx" | ".json" } | null;

/** Checks `--out` before any work: .xlsx or .json, a place that takes the file, and never one of the inputs. */
export async function checkScenarioOut(out: string | null, inputs: readonly string[]): Promise<ScenarioOut> {
  if (out === null) return null;
  const extension = path.extname(out).toLowerCase();
  if (extension !== ".xlsx" && extension !== ".json") throw new CliInputError(`${out}: --out writes .xlsx (comparison sheets) or .json (the aps-scenarios/1 comparison).`);
  return { target: await checkOutput(out, { inputs }), extension };
}

function show(figure: ComparedFigure, base: boolean): string {
  if (figure.value === null) return "—";
  const value = figure.value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (base || figure.difference === 0) return value;
  const change = figure.percent === null ? (figure.difference === null ? "" : ` (${figure.difference > 0 ? "+" : ""}${figure.difference.toPrecision(3)})`) : ` (${figure.percent > 0 ? "+" : ""}${figure.percent.toFixed(1)} %)`;
  return value + change;
}

/** The comparison as a terminal table: one row per scenario, every KPI with its change in %. */
export function comparisonSummary(comparison: ScenarioComparison): string {
  const headers = ["scenario", ...COMPARED_KPIS.map((k) => KPI_LABELS[k].label.toLowerCase()), "stages changed"];
  const rows = comparison.scenarios.map((s, i) => [
    s.name,
    ...COMPARED_KPIS.map((k) => show(s.kpis[k], i === 0)),
    String(s.stages.filter((st) => Object.values(st).some((f) => typeof f === "object" && f.difference !== 0)).length),
  ]);
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  const changes = comparison.scenarios.slice(1).map((s) => `  ${s.name}: ${changesText(s, comparison.base)}`);
  return [
    `${comparison.scenarios.length - 1} scenario(s) beside ${comparison.base} (change against ${comparison.base} in brackets)`,
    line(headers), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line),
    "", "Changes:", ...changes,
    ...supplySummary(comparison),
    ...comparison.scenarios.flatMap((s) => s.notes.map((n) => `Note: ${n}`)),
  ].join("\n");
}

/** The supply plans over time, one line per scenario (none without supply tables). */
function supplySummary(comparison: ScenarioComparison): string[] {
  if (!comparison.scenarios[0].supply) return [];
  const lines = comparison.scenarios.map((s, i) => {
    const supply = s.supply;
    if (!supply) return `  ${s.name}: no supply plan`;
    const lateness = supply.objective.lateness.map((l) => `tier ${l.tier} ${show(l, i === 0)}`).join(", ");
    return `  ${s.name}: ${supplyVerdict(s, comparison.base)}; lateness ${lateness}; below safety stock ${show(supply.objective.safetyStockShortfall, i === 0)}; cost ${show(supply.objective.cost, i === 0)}`;
  });
  return ["", "Supply plans over time (lateness in unit-periods, lexicographic order against the base):", ...lines];
}

/** Prints and writes the comparison as the options ask; `workbook` is the base's own workbook, if any. */
export async function writeComparison(
  comparison: ScenarioComparison, basePlan: PlanResult, workbook: ExcelJS.Workbook | null,
  options: { out: ScenarioOut; json: boolean }, io: CliIo,
): Promise<void> {
  const jsonText = JSON.stringify(comparison, null, 1) + "\n";
  const out = options.out;
  if (out !== null && out.extension === ".json") {
    await writeOutput(out.target, contentWriter(jsonText));
  } else if (out !== null) {
    const book = xlsxWorkbookFrom(workbook ?? new ExcelJS.Workbook());
    await book.writeResultSheets([...scenarioSheets(comparison), ...planSheets(basePlan)]);
    await writeOutput(out.target, (tmp) => book.saveAs(tmp));
  }
  if (options.json && out?.extension !== ".json") io.stdout(jsonText);
  if (!options.json) {
    io.stdout(comparisonSummary(comparison) + "\n");
    if (out !== null) {
      io.stdout(`\nWrote ${out.extension === ".json" ? "the aps-scenarios/1 comparison" : `Scenario Comparison and Scenario KPIs (and ${comparison.base}'s Plan, Matching, KPIs, Exceptions) sheets`} to ${out.target.path}\n`);
    }
  }
}
