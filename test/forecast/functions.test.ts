// The APS.FORECAST* cell functions: they spill h values, give λ, σ_D, the pattern and the model,
// and turn bad cells into error cells that name the argument.
import { forecastFn, forecastRateFn, forecastErrorSdFn, demandPatternFn, forecastModelFn } from "../../src/functions/functions";
import { forecastSeries } from "../../src/engine/forecast";

const column = (values: unknown[]) => values.map((v) => [v]);
const history = [20, 22, 19, 24, 21, 23, 25, 22, 24, 26, 23, 27];

describe("APS.FORECAST(history, horizon, [seasonLength])", () => {
  it("spills one column of horizon values equal to the engine's forecast", async () => {
    const out = await forecastFn(column(history), [[4]], [[1]]);
    expect(out).toHaveLength(4);
    const engine = forecastSeries(history, { horizon: 4, seasonLength: 1 }).forecast;
    out.forEach((row, h) => expect(row[0]).toBeCloseTo(engine[h], 12));
  });
  it("reads a row as well as a column; blanks inside count as 0, blanks at the ends are dropped", async () => {
    const a = await forecastFn([[null, 0, 5, 0, null, 6, 0, 5, null]], [[2]]);
    const b = await forecastFn(column([0, 5, 0, 0, 6, 0, 5]), [[2]]);
    expect(a).toEqual(b);
  });
  it("text in the history or a bad horizon gives #VALUE! naming it", async () => {
    const text = await forecastFn(column([1, "lots", 3]), [[2]]);
    expect((text[0][0] as { code: string }).code).toBe("#VALUE!");
    expect((text[0][0] as { message: string }).message).toContain("history");
    const bad = await forecastFn(column(history), [[0]]);
    expect((bad[0][0] as { message: string }).message).toContain("horizon");
  });
  it("a blank history gives #N/A", async () => expect(((await forecastFn([[null, null]], [[2]]))[0][0] as { code: string }).code).toBe("#N/A"));
});

describe("APS.FORECAST_RATE, FORECAST_ERROR_SD, DEMAND_PATTERN, FORECAST_MODEL", () => {
  it("λ of a constant history is the constant (README example)", async () => expect((await forecastRateFn([[5, 5, 5, 5, 5, 5]]))[0][0] as number).toBeCloseTo(5, 6));
  it("σ_D equals the engine's errorSd", async () => expect((await forecastErrorSdFn(column(history), [[1]]))[0][0]).toBeCloseTo(forecastSeries(history, { horizon: 1, seasonLength: 1 }).errorSd, 12));
  it("pattern and model of an intermittent history (README examples)", async () => {
    expect(demandPatternFn([[0, 5, 0, 0, 6, 0, 5]])).toEqual([["intermittent"]]);
    expect(await forecastModelFn([[0, 5, 0, 0, 6, 0, 5]])).toEqual([["SBA"]]);
  });
});
