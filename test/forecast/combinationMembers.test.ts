// The members the automatic forecast averages: the random walk with drift (against a numerical
// minimisation of its own cost), the damped trend on adjusted data, the seasonal adjustment, and
// the fixed combination and its interval classes, each on a small worked series.
import { adjustedDamped, combinationMembers, INTERVAL_SCALE, intervalScale, LONG_HISTORY, OWN_ERROR_PRIOR, ownErrorScale, rollingErrors, seasonClass, driftForecast, driftForecastSd, fitDrift, fitTheta, forecastSeries, forecastSeriesWithMembers, reseasonalise, seasonalAdjustment, thetaForecast } from "../../src/engine/forecast";

/** Golden-section minimum of a unimodal f on [a, b]. */
function goldenMinimum(f: (x: number) => number, a: number, b: number): number {
  const r = (Math.sqrt(5) - 1) / 2;
  let c = b - r * (b - a), d = a + r * (b - a);
  for (let i = 0; i < 200; i++) {
    if (f(c) < f(d)) b = d; else a = c;
    c = b - r * (b - a); d = a + r * (b - a);
  }
  return (a + b) / 2;
}

describe("random walk with drift", () => {
  it("given 10, 12, 15, 15, 18, it forecasts 18 plus two per period", () => {
    const fit = fitDrift([10, 12, 15, 15, 18], 1)!;
    expect(fit.drift).toBeCloseTo(2, 12);
    expect(driftForecast(fit, 3)).toEqual([20, 22, 24]);
    expect(fit.fitted[0]).toBeNaN();
    expect(fit.fitted.slice(1)).toEqual([12, 14, 17, 17]);
  });

  it("its drift is the step that minimises the squared one-step errors Σ(Δy − d)²", () => {
    const y = [3, 7, 6, 11, 14, 13, 19, 22, 21, 27];
    const cost = (d: number) => y.slice(1).reduce((a, v, t) => a + (v - y[t] - d) ** 2, 0);
    expect(fitDrift(y, 1)!.drift).toBeCloseTo(goldenMinimum(cost, -10, 10), 6);
  });

  it("its forecast deviation grows as σ·sqrt(h(1 + h/(n − 1)))", () => {
    const y = [0, 1, 3, 4, 6, 7];
    const fit = fitDrift(y, 1)!;
    // steps 1, 2, 1, 2, 1: mean 1.4, squared deviations sum 1.2 over n − 2 = 4.
    expect(fit.sigma2).toBeCloseTo(0.3, 12);
    const sd = driftForecastSd(fit, 2);
    expect(sd[0]).toBeCloseTo(Math.sqrt(0.3 * 1 * (1 + 1 / 5)), 12);
    expect(sd[1]).toBeCloseTo(Math.sqrt(0.3 * 2 * (1 + 2 / 5)), 12);
  });

  it("works on the seasonally adjusted series and puts the season back", () => {
    const pattern = [0.8, 1.2, 0.9, 1.1];
    const y = Array.from({ length: 24 }, (_, t) => (100 + 2 * t) * pattern[t % 4]);
    const fit = fitDrift(y, 4)!;
    expect(fit.indices).not.toBeNull();
    const f = driftForecast(fit, 4);
    // The adjusted series is close to 100 + 2t, so the forecasts follow the pattern on 148, 150, ...
    f.forEach((v, i) => expect(v / (fit.indices![(24 + i) % 4] * (100 + 2 * (24 + i)))).toBeCloseTo(1, 1));
  });
});

describe("seasonal adjustment", () => {
  it("leaves a series alone when it has a value at or below zero, or no season passes the test", () => {
    expect(seasonalAdjustment([1, 0, 2, 3, 1, 0, 2, 3, 1, 0, 2, 3], 4).indices).toBeNull();
    expect(seasonalAdjustment([5, 6, 7, 8, 9], 1).indices).toBeNull();
    expect(reseasonalise({ indices: null, m: 1 }, [4, 5], 3)).toEqual([4, 5]);
  });
});

describe("damped trend on the adjusted series", () => {
  it("given a line that flattens, forecasts below the straight continuation and above the last value", () => {
    const y = Array.from({ length: 30 }, (_, t) => 100 + 20 * (1 - 0.9 ** t) + 0.3 * Math.sin(t * 7));
    const d = adjustedDamped(y, 1, 6, 0.95)!;
    expect(d.forecast).toHaveLength(6);
    d.forecast.forEach((v, i) => { expect(v).toBeLessThanOrEqual(y[29] + (i + 1) * (y[29] - y[28]) + 1); expect(d.lower[i]).toBeLessThan(v); expect(d.upper[i]).toBeGreaterThan(v); });
    expect(adjustedDamped([1, 2], 1, 2, 0.95)).toBeNull();
  });
});

describe("the combination", () => {
  it("is ETS + Theta + ARIMA for every season length", () => {
    for (const m of [1, 4, 7, 12, 52]) expect(combinationMembers(m)).toEqual(["ETS", "Theta", "ARIMA"]);
  });

  it("a quarterly history gets the three-member average, whose forecast is the mean of its members'", () => {
    const pattern = [0.8, 1.2, 0.9, 1.1];
    let s = 11;
    const noise = () => { s = (s * 16807) % 2147483647; return (s / 2147483647 - 0.5) * 6; };
    const y = Array.from({ length: 28 }, (_, t) => (200 + 3 * t) * pattern[t % 4] + noise());
    const { result: f, members } = forecastSeriesWithMembers(y, { horizon: 4, seasonLength: 4 }, false);
    expect(f.method).toMatch(/^ETS\([AM],(N|A|Ad),[NAM]\)\+Theta\+ARIMA\(\d,\d,\d\)/);
    const ets = forecastSeries(y, { horizon: 4, seasonLength: 4, method: "ets" }).forecast;
    const scale = y.reduce((a, v) => a + Math.abs(v), 0) / y.length;
    const theta = thetaForecast(fitTheta(y.map((v) => v / scale), 4)!, 4).map((v) => v * scale);
    f.forecast.forEach((v, i) => {
      expect(members.ETS!.forecast[i]).toBeCloseTo(ets[i], 6);
      expect(members.Theta!.forecast[i]).toBeCloseTo(theta[i], 6);
      expect(v).toBeCloseTo((ets[i] + theta[i] + members.ARIMA!.forecast[i]) / 3, 6);
    });
    // λ is the mean forecast; σ_D comes from the combination's one-step errors (ARIMA has no
    // forecast for its first d + mD periods, which average the other two).
    expect(f.rate).toBeCloseTo(f.forecast.reduce((a, b) => a + b, 0) / 4, 9);
    f.oneStepErrors.forEach((e) => expect(Number.isFinite(e)).toBe(true));
    expect(f.errorSd).toBeGreaterThan(0);
  });

  it("widens the members' averaged bounds by the factor of its history's class times the series' own rolling-origin factor, and σ_D is the widened first step", () => {
    expect(seasonClass(1, LONG_HISTORY - 1)).toBe("nonseasonal");
    expect(seasonClass(1, LONG_HISTORY)).toBe("longNonseasonal");
    expect(seasonClass(4, 200)).toBe("short");
    expect(seasonClass(12, 20)).toBe("long");
    expect(intervalScale(1, 20, 99)).toBe(INTERVAL_SCALE.nonseasonal[INTERVAL_SCALE.nonseasonal.length - 1]);
    let s = 5;
    const noise = () => { s = (s * 16807) % 2147483647; return (s / 2147483647 - 0.5) * 8; };
    const long = Array.from({ length: 60 }, (_, t) => 100 + 0.5 * t + noise());
    for (const y of [long.slice(0, 20), long]) {
      const { result: f, members, rolling } = forecastSeriesWithMembers(y, { horizon: 3, seasonLength: 1 }, false);
      const scale = y.reduce((a, v) => a + Math.abs(v), 0) / y.length;
      expect(rolling).toEqual(rollingErrors(y.map((v) => v / scale), 1));
      expect(rolling.count).toBeGreaterThan(0);
      const parts = [members.ETS!, members.Theta!, members.ARIMA!];
      const average = (pick: (c: (typeof parts)[number]) => number[]) => [0, 1, 2].map((h) => parts.reduce((a, c) => a + pick(c)[h], 0) / 3);
      const lower = average((c) => c.lower), upper = average((c) => c.upper);
      f.forecast.forEach((v, h) => {
        const k = intervalScale(1, y.length, h + 1) * ownErrorScale(rolling, OWN_ERROR_PRIOR);
        expect(f.lower[h]).toBeCloseTo(v - k * (v - lower[h]), 6);
        expect(f.upper[h]).toBeCloseTo(v + k * (upper[h] - v), 6);
      });
      expect(f.errorSd).toBeCloseTo((f.upper[0] - f.lower[0]) / (2 * 1.959963984540054), 9);
    }
  });

  it("the own factor: Theta's errors from the last origins over its own deviations, shrunk by credibility", () => {
    // Origins 6 to 9 of ten values (m = 1: six origins at most, each needing six values): 4 + 3 + 2 + 1 errors.
    expect(rollingErrors([3, 5, 4, 6, 5, 7, 6, 8, 7, 9], 1).count).toBe(10);
    expect(rollingErrors([1, 2, 3, 4, 5], 1)).toEqual({ ratio: 1, count: 0 });
    // A history that leaves its path in the last periods has errors far beyond what Theta promised.
    let s = 3;
    const noise = () => { s = (s * 16807) % 2147483647; return s / 2147483647 - 0.5; };
    const calm = Array.from({ length: 40 }, () => 100 + noise());
    const broken = calm.map((v, t) => (t >= 34 ? v + 5 * (t - 33) : v));
    expect(rollingErrors(broken, 1).ratio).toBeGreaterThan(3 * rollingErrors(calm, 1).ratio);
    // Credibility: ratio^(c/(c + prior)), the ratio kept within [1/3, 3]; no errors or no prior: 1.
    expect(ownErrorScale({ ratio: 2, count: 100 }, 100)).toBeCloseTo(Math.SQRT2, 12);
    expect(ownErrorScale({ ratio: 10, count: 300 }, 100)).toBeCloseTo(3 ** 0.75, 12);
    expect(ownErrorScale({ ratio: 0.01, count: 100 }, 100)).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(ownErrorScale({ ratio: 2, count: 0 }, 100)).toBe(1);
    expect(ownErrorScale({ ratio: 2, count: 50 }, Infinity)).toBe(1);
  });
});
