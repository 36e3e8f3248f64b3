// The pane's Forecast job: forecasts the Demand History table (in the worker) and returns the
// Forecast, Forecast Summary and Forecast Exceptions sheets, with λ and σ_D as cards.

import { forecastWorkbookTables } from "./forecastWorkbook";
import { memoryPort } from "../jobs/memoryPort";
import { problemException } from "../tables/problems";
import type { JobInput, JobOutput, JobProgress, WorkbookJob } from "../jobs/types";

function wholeOption(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 ? value : undefined;
}

export const forecastJob: WorkbookJob = {
  id: "forecast",
  title: "Forecast",
  step: "plan",
  order: 20,
  description: "Forecasts each stage's demand from its history (ETS, Theta, Croston/SBA/TSB) and gives the rate λ and deviation σ_D the plan takes.",
  tables: ["Demand History", "Settings", "Segment Service Levels", "Partner Forecasts", "Orders"],
  requiredTables: ["Demand History"],
  options: [
    { name: "horizon", label: "Horizon (periods)", kind: "integer", default: null, min: 1, max: 1000, hint: "Blank: Settings forecastHorizon, else 12." },
    { name: "seasonLength", label: "Season length", kind: "integer", default: null, min: 1, max: 366, hint: "Blank: from the dates (monthly 12, quarterly 4, weekly 52), else detected." },
  ],
  async run(input: JobInput, onProgress: (progress: JobProgress) => void): Promise<JobOutput> {
    const outcome = await forecastWorkbookTables(memoryPort(input.tables), {
      horizon: wholeOption(input.options.horizon),
      seasonLength: wholeOption(input.options.seasonLength),
      onProgress: (done, total) => onProgress({ step: `Forecast ${done} of ${total} series`, fraction: total ? done / total : 1 }),
    });
    if (outcome === null) {
      return { status: "invalid", cards: [], sheets: [], exceptions: [{ severity: "error", where: null, message: 'The workbook has no "Demand History" table (Stage, Period, Quantity).' }] };
    }
    if (!outcome.ok) {
      return { status: "invalid", cards: [], sheets: [], exceptions: outcome.problems.map(problemException) };
    }
    const series = outcome.run.record.series;
    const totalRate = series.reduce((a, s) => a + s.rate, 0);
    return {
      status: "done",
      cards: [
        { label: "Series forecast", value: series.length },
        { label: "Total rate λ", value: Math.round(totalRate * 100) / 100, unit: "units/period", detail: "Mean forecast per period over the horizon, summed over stages." },
        ...series.slice(0, 3).map((s) => ({ label: `${s.id}: λ, σ_D`, value: `${s.rate.toFixed(2)}, ${s.errorSd.toFixed(2)}`, detail: s.method })),
      ],
      exceptions: outcome.exceptions,
      sheets: outcome.sheets,
      json: outcome.run.record,
    };
  },
};
