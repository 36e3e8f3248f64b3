// The work of APS.FORECAST, FORECAST_RATE, FORECAST_ERROR_SD and FORECAST_MODEL (run in the functions
// worker): a history range read as one series, fitted once per history, horizon and season length
// (a cache shared by the four), and the cells each function spills.
import { MissingInputError } from "../engine/errors";
import { forecastSeries, type SeriesForecast } from "../engine/forecast/forecastSeries";
import { CellFailure, toCellError } from "./broadcast";
import { isBlank, readNumber, toGrid } from "./cells";

/** The four forecast functions, by the value each spills. */
export type ForecastCellKind = "forecast" | "forecastRate" | "forecastErrorSd" | "forecastModel";

/** A history range read as one series: cells row by row, blanks inside count as 0, leading and trailing blanks are dropped. */
export function historyOf(history: unknown): number[] {
  const grid = toGrid(history);
  if (!grid) throw new MissingInputError("history is missing: give a range of demand per period.", "history");
  const cells = grid.cells.flat();
  const values: (number | null)[] = cells.map((cell) => {
    if (isBlank(cell)) return null;
    const read = readNumber("history", cell, "absent");
    if (!read.ok) throw new CellFailure(read.error);
    if (read.value === undefined) return null;
    return read.value;
  });
  const first = values.findIndex((v) => v !== null);
  if (first < 0) throw new MissingInputError("history is blank: give at least one period of demand.", "history");
  let last = values.length - 1;
  while (values[last] === null) last--;
  return values.slice(first, last + 1).map((v) => v ?? 0);
}

function wholeArg(value: unknown, name: string, fallback: number | undefined): number | undefined {
  const grid = toGrid(value);
  if (!grid || isBlank(grid.cells[0][0])) return fallback;
  const read = readNumber(name, grid.cells[0][0], "absent");
  if (!read.ok) throw new CellFailure(read.error);
  return read.value;
}

/** Fitted forecasts by inputs; oldest entries leave first once `limit` is reached. */
export class ForecastCache {
  private readonly entries = new Map<string, SeriesForecast>();
  hits = 0;
  fits = 0;

  constructor(private readonly limit = 5000) {}

  /** The forecast of `history` over `horizon` periods (season length given or detected), fitted at most once per distinct input. */
  forecast(history: number[], horizon: number, seasonLength: number | undefined): SeriesForecast {
    const key = `${horizon}|${seasonLength ?? ""}|${history.join(",")}`;
    const known = this.entries.get(key);
    if (known) {
      this.hits += 1;
      return known;
    }
    const fitted = forecastSeries(history, { horizon, seasonLength });
    this.fits += 1;
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, fitted);
    return fitted;
  }
}

/** Horizon each function fits with when its horizon argument is blank or absent (FORECAST requires one). */
const DEFAULT_HORIZON: Record<ForecastCellKind, number | undefined> = { forecast: undefined, forecastRate: 12, forecastErrorSd: 1, forecastModel: 1 };

/**
 * The cells one forecast function returns for its arguments as Excel passed them: FORECAST
 * (history, horizon, [seasonLength]) spills a column; FORECAST_RATE (history, [horizon],
 * [seasonLength]) gives λ; FORECAST_ERROR_SD and FORECAST_MODEL (history, [seasonLength]) give σ_D
 * and the model's name (fitted with horizon 1). Wrong input: one error cell naming the argument.
 */
export function forecastCells(kind: ForecastCellKind, args: unknown[], cache: ForecastCache): unknown[][] {
  try {
    const [history, second, third] = args;
    const takesHorizon = kind === "forecast" || kind === "forecastRate";
    const horizon = takesHorizon ? wholeArg(second, "horizon", DEFAULT_HORIZON[kind]) : DEFAULT_HORIZON[kind];
    if (horizon === undefined) throw new MissingInputError("horizon is blank: enter the number of periods to forecast.", "horizon");
    const series = historyOf(history);
    const fitted = cache.forecast(series, horizon, wholeArg(takesHorizon ? third : second, "seasonLength", undefined));
    switch (kind) {
      case "forecast":
        return fitted.forecast.map((v) => [v]);
      case "forecastRate":
        return [[fitted.rate]];
      case "forecastErrorSd":
        return [[fitted.errorSd]];
      case "forecastModel":
        return [[fitted.method]];
    }
  } catch (error) {
    return [[toCellError(error)]];
  }
}
