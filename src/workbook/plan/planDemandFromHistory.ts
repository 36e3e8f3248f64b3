// The plan's demand from history: where a stage's Demand Rate / Demand Sd are blank and the
// Demand History table has that stage, λ = the forecast's rate and σ_D = its one-step error sd.

import { forecastHistory } from "../../engine/forecast/forecastRun";
import { readWorkbookHistory } from "../forecast/forecastTables";
import type { PlanException } from "../../engine/plan/types";
import type { WorkbookPort } from "../port";

const blank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A copy of the aps-network/1 record with blanks filled from history, and an info exception per filled stage. */
export async function demandFromHistory(port: WorkbookPort, raw: Record<string, unknown>): Promise<{ raw: Record<string, unknown>; exceptions: PlanException[] }> {
  const stages = Array.isArray(raw.stages) ? (raw.stages as Record<string, unknown>[]) : [];
  const needy = stages.filter((s) => blank(s.demandRate) || blank(s.demandSd));
  if (needy.length === 0) return { raw, exceptions: [] };
  const history = await readWorkbookHistory(port);
  if (!history) return { raw, exceptions: [] };
  if (history.problems.length > 0) {
    return { raw, exceptions: [{ severity: "warning", where: history.records[0].where ?? history.sheet, message: `Demand History not used for blank demand rates: ${history.problems.length} problem(s), the first: ${history.problems[0]}` }] };
  }
  const ids = new Set(needy.map((s) => String(s.id ?? "").trim()));
  const wanted = history.series.filter((s) => ids.has(s.id));
  if (wanted.length === 0) return { raw, exceptions: [] };
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
  return { raw: { ...raw, stages: filled }, exceptions };
}
