// forecastSeries: any history gives a forecast or a clear error (property test), and λ, σ_D are
// what the docs say they are.
import fc from "fast-check";
import { forecastSeries } from "../../src/engine/forecast";
import { isPlanningInputError as isInputError } from "../../src/engine/errors";

describe("forecastSeries", () => {
  it("λ is the mean forecast over the horizon; σ_D the first period's calibrated interval half-width over z (intermittent: the sd of the one-step errors)", () => {
    const y = [20, 22, 19, 24, 21, 23, 25, 22, 24, 26, 23, 27];
    const r = forecastSeries(y, { horizon: 6, seasonLength: 1 });
    expect(r.rate).toBeCloseTo(r.forecast.reduce((a, b) => a + b, 0) / 6, 12);
    expect(r.errorSd).toBeCloseTo((r.upper[0] - r.lower[0]) / (2 * 1.959963984540054), 9);
    const sba = forecastSeries([0, 5, 0, 0, 6, 0, 5], { horizon: 3 });
    const e = sba.oneStepErrors.filter(Number.isFinite);
    const mean = e.reduce((a, b) => a + b, 0) / e.length;
    expect(sba.errorSd).toBeCloseTo(Math.sqrt(e.reduce((a, b) => a + (b - mean) ** 2, 0) / (e.length - 1)), 12);
    expect(r.forecast).toHaveLength(6);
    r.forecast.forEach((f, h) => { expect(r.lower[h]).toBeLessThanOrEqual(f); expect(r.upper[h]).toBeGreaterThanOrEqual(f); });
  });
  it("a constant history forecasts the constant", () => {
    const r = forecastSeries([5, 5, 5, 5, 5, 5], { horizon: 12 });
    r.forecast.forEach((f) => expect(f).toBeCloseTo(5, 6));
  });
  it("intermittent demand goes to SBA, lumpy to TSB", () => {
    expect(forecastSeries([0, 5, 0, 0, 6, 0, 5], { horizon: 3 }).method).toBe("SBA");
    expect(forecastSeries([0, 1, 0, 0, 20, 0, 3, 0, 0], { horizon: 3 }).method).toBe("TSB");
  });
  it("one value forecasts it (Mean); all zeros forecast 0", () => {
    expect(forecastSeries([7], { horizon: 2 }).forecast).toEqual([7, 7]);
    expect(forecastSeries([0, 0, 0, 0], { horizon: 2 }).forecast).toEqual([0, 0]);
  });
  it("refuses an empty history, text, a bad horizon with a message naming it", () => {
    expect(() => forecastSeries([], { horizon: 2 })).toThrow(/history is empty/);
    expect(() => forecastSeries([1, "x" as unknown as number], { horizon: 2 })).toThrow(/history value 2/);
    expect(() => forecastSeries([1, 2], { horizon: 0 })).toThrow(/horizon/);
    expect(() => forecastSeries([1, 2], { horizon: 2.5 })).toThrow(/horizon/);
  });
  it("property: any history of numbers (negative, zero, huge) gives finite forecasts or a PlanningInputError", () => {
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.double({ min: 1e100, max: 1e149, noNaN: true }), fc.constant(Number.NaN), fc.constant(Infinity));
    fc.assert(fc.property(fc.array(value, { maxLength: 40 }), fc.integer({ min: -2, max: 30 }), fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }), (values, horizon, m) => {
      try {
        const r = forecastSeries(values, { horizon, seasonLength: m });
        expect(r.forecast).toHaveLength(horizon);
        for (const v of [...r.forecast, ...r.lower, ...r.upper, r.rate, r.errorSd]) expect(Number.isFinite(v)).toBe(true);
      } catch (error) {
        expect(isInputError(error)).toBe(true);
      }
    }), { numRuns: 300 });
  });
});
