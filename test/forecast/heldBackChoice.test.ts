// The held-back choice for long non-seasonal series: when it applies, and that it keeps the
// candidate of least sMAPE on the held-back periods (checked against the candidates computed here).
import { accuracy, forecastSeries } from "../../src/engine/forecast";
import { autoEts } from "../../src/engine/forecast/etsAuto";
import { etsPointForecast } from "../../src/engine/forecast/etsForecast";
import { chooseOnHeldBack, dampedForecast, heldBackApplies } from "../../src/engine/forecast/heldBackChoice";
import { fitTheta, thetaForecast } from "../../src/engine/forecast/theta";

/** A seeded trending series that bends over: growth slowing down, with noise. */
function bending(n: number, seed: number): number[] {
  let s = seed;
  const noise = () => { s = (s * 16807) % 2147483647; return (s / 2147483647 - 0.5) * 4; };
  return Array.from({ length: n }, (_, t) => 100 + 30 * Math.log(1 + t) + noise());
}

describe("held-back choice of the combination", () => {
  it("applies only to non-seasonal histories at least seven horizons long", () => {
    expect(heldBackApplies(42, 1, 6)).toBe(true);
    expect(heldBackApplies(41, 1, 6)).toBe(false);
    expect(heldBackApplies(200, 12, 18)).toBe(false);
  });

  it.each([1, 2, 3, 4, 5])("given bending series %i, it keeps the candidate with the least held-back sMAPE", (seed) => {
    const y = bending(64, seed);
    const h = 8;
    const train = y.slice(0, 56), actual = y.slice(56);
    const ets = autoEts(train, 1, { restarts: 0, maxEvaluations: 400 })!.best;
    const etsF = etsPointForecast(ets.spec, ets.parameters, ets.final, h);
    const thetaF = thetaForecast(fitTheta(train, 1)!, h);
    const dampedF = dampedForecast(train, h)!;
    // The random walk with drift, written out: last value plus h times the mean step.
    const step = (train[55] - train[0]) / 55;
    const driftF = Array.from({ length: h }, (_, i) => train[55] + (i + 1) * step);
    const avg = (...parts: number[][]) => parts[0].map((_, i) => parts.reduce((a, p) => a + p[i], 0) / parts.length);
    const scores = {
      "ETS+Theta": accuracy(actual, avg(etsF, thetaF)).smape,
      ETS: accuracy(actual, etsF).smape,
      "ETS+Damped": accuracy(actual, avg(etsF, dampedF)).smape,
      "ETS+Drift": accuracy(actual, avg(etsF, driftF)).smape,
      "ETS+Damped+Drift": accuracy(actual, avg(etsF, dampedF, driftF)).smape,
    };
    const chosen = chooseOnHeldBack(y, h);
    for (const score of Object.values(scores)) expect(scores[chosen]).toBeLessThanOrEqual(score + 1e-9);
  });

  it("the automatic forecast names the chosen combination; short series take the rule of combinationRule.ts", () => {
    const long = forecastSeries(bending(64, 7), { horizon: 8, seasonLength: 1 });
    expect(long.method).toMatch(/^ETS\([AM],(N|A|Ad),N\)(\+Theta|\+Damped|\+Drift|\+Damped\+Drift)?$/);
    expect(long.forecast).toHaveLength(8);
    const short = forecastSeries(bending(30, 7), { horizon: 8, seasonLength: 1 });
    expect(short.method).toMatch(/\+(Theta|Drift)$/);
  });
});
