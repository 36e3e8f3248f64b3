// The plan's demand from history: where a stage's Demand Rate / Demand Sd are blank and the
// Demand History table has that stage, λ = the forecast's rate and σ_D = its one-step error sd.

import { forecastHistory } from "../../engine/forecast/forecastRun";
import type { InputProblem } from "../../engine/inputErrors";
import type { PlanException } from "../../engine/plan/types";
import type { WorkbookHistory } from "../forecast/forecastTables";

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A filled record, its remarks, and the history's problems when they kept it from filling blanks. */
export interface DemandFromHistory {
  raw: Record<string, unknown>;
  exceptions: PlanException[];
  /** The Demand History's input problems when blanks were left unfilled because of them (a refused plan lists them first). */
  unused: InputProblem[];
}

const stagesOf = (raw: Record<string, unknown>) => (Array.isArray(raw.stages) ? (raw.stages as Record<string, unknown>[]) : []);
const needsDemand = (stage: Record<string, unknown>) => blank(stage.demandRate) || blank(stage.demandSd);

/** True when some stage of the record has a blank Demand Rate or Demand Sd (then Demand History is read for it). */
export function needsDemandFromHistory(raw: Record<string, unknown>): boolean {
  return stagesOf(raw).some(needsDemand);
}

/**
 * A copy of the aps-network/1 record with blanks filled from the run's one reading of Demand History
 * (readWorkbookHistory; null: no table), and an info exception per filled stage.
 */
export function demandFromHistory(history: WorkbookHistory | null, raw: Record<string, unknown>): DemandFromHistory {
  const stages = stagesOf(raw);
  const needy = stages.filter(needsDemand);
  if (needy.length === 0 || !history) return { raw, exceptions: [], unused: [] };
  if (history.problems.length > 0) {
    return {
      raw, unused: history.records,
      exceptions: [{ severity: "warning", where: history.records[0].where ?? history.sheet, message: `Demand History not used for blank demand rates: ${history.records.length} problem(s), the first: ${history.problems[0]}` }],
    };
  }
  const ids = new Set(needy.map((s) => String(s.id ?? "").trim()));
  const wanted = history.series.filter((s) => ids.has(s.id));
  if (wanted.length === 0) return { raw, exceptions: [], unused: [] };
  const run = forecastHistory(wanted, history.settings);
  const exceptions: PlanException[] = run.issues.filter((i) => i.severity === "error").map((i): PlanException => ({ severity: "warning", where: history.sheet, message: i.message, stage: i.series }));
  const byId = new Map(run.record.series.map((s) => [s.id, s]));
  const filled = stages.map((stage) => {
    const f = byId.get(String(stage.id ?? "").trim());
    if (!f || !(blank(stage.demandRate) || blank(stage.demandSd))) return stage;
    const copy = { ...stage };
    const parts: string[] = [];
    if (blank(stage.demandRate)) { copy.demandRate = f.rate; parts.push(`Demand Rate ${f.rate.toFixed(3)}`); }
    if (blank(stage.demandSd)) { copy.demandSd = f.errorSd; parts.push(`Demand Sd ${f.errorSd.toFixed(3)}`); }
    exceptions.push({ severity: "info", where: history.sheet, message: `Stage ${f.id}: ${parts.join(" and ")} per period from the Demand History forecast (${f.method}, ${f.forecast.length} periods; σ_D is the sd of the one-step-ahead forecast error).`, stage: f.id });
    return copy;
  });
  return { raw: { ...raw, stages: filled }, exceptions, unused: [] };
}
