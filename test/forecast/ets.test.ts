// ETS: the likelihood and fitted states equal a direct evaluation of the state-space equations
// (Hyndman et al. 2008, table 2.1, written out here per model), and the optimiser beats a grid.
import { etsRecursion, fitAt, fitEts, autoEts, etsPointForecast, etsInterval, analyticVariances, candidateSpecs, EtsSpec, EtsParameters, EtsStates } from "../../src/engine/forecast";

const y = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135, 125, 149, 170, 170, 158, 133, 114, 140,
  145, 150, 178, 163, 172, 178, 199, 199, 184, 162, 146, 166];

/** The textbook equations, model by model, with error ε as the driving term (no shared update code). */
function direct(spec: EtsSpec, p: EtsParameters, x0: EtsStates) {
  let l = x0.level, b = x0.trend;
  const s = x0.season.slice();
  const phi = spec.trend === "Ad" ? p.phi : 1;
  let sse = 0, sumLog = 0;
  const levels: number[] = [];
  for (let t = 0; t < y.length; t++) {
    const st = spec.season === "N" ? 0 : s[t % spec.m];
    const T = spec.trend === "N" ? l : l + phi * b;
    const mu = spec.season === "A" ? T + st : spec.season === "M" ? T * st : T;
    const e = spec.error === "A" ? y[t] - mu : (y[t] - mu) / mu;
    sse += e * e;
    if (spec.error === "M") sumLog += Math.log(mu);
    // Table 2.1: additive error rows use ε, multiplicative rows use μ·ε (= y − μ) in the same places.
    const u = spec.error === "A" ? e : mu * e; // y − μ
    if (spec.season === "N") { l = T + p.alpha * u; b = phi * b + p.beta * u; }
    else if (spec.season === "A") { l = T + p.alpha * u; b = phi * b + p.beta * u; s[t % spec.m] = st + p.gamma * u; }
    else { l = T + (p.alpha * u) / st; b = phi * b + (p.beta * u) / st; s[t % spec.m] = st + (p.gamma * u) / T; }
    levels.push(l);
  }
  return { levels, minus2: y.length * Math.log(sse) + (spec.error === "M" ? 2 * sumLog : 0) };
}

const p: EtsParameters = { alpha: 0.3, beta: 0.05, gamma: 0.1, phi: 0.95 };
const season4 = [0.95, 1.02, 1.08, 0.95].concat([1.0, 0.98, 1.05, 1.1, 1.02, 0.9, 0.92, 1.03]);
describe("etsRecursion equals the state-space equations written out", () => {
  const specs: EtsSpec[] = [
    { error: "A", trend: "N", season: "N", m: 1 }, { error: "A", trend: "A", season: "N", m: 1 }, { error: "M", trend: "Ad", season: "N", m: 1 },
    { error: "A", trend: "Ad", season: "A", m: 12 }, { error: "M", trend: "A", season: "M", m: 12 }, { error: "M", trend: "N", season: "A", m: 12 },
  ];
  it.each(specs.map((s) => [`ETS(${s.error},${s.trend},${s.season})`, s] as const))("%s: same levels and −2 log L", (_, spec) => {
    const x0: EtsStates = { level: 110, trend: 1.5, season: spec.season === "M" ? season4.map((v) => v) : spec.season === "A" ? season4.map((v) => (v - 1) * 100) : [] };
    const pass = etsRecursion(y, spec, p, x0);
    const want = direct(spec, p, x0);
    Array.from(pass.levels).forEach((l, t) => expect(l).toBeCloseTo(want.levels[t], 8));
    expect(pass.minus2LogLik).toBeCloseTo(want.minus2, 8);
  });
});

describe("fitEts: the optimiser's answer is no worse than a grid around it", () => {
  it.each([["ETS(A,N,N)", { error: "A", trend: "N", season: "N", m: 1 }], ["ETS(A,A,N)", { error: "A", trend: "A", season: "N", m: 1 }], ["ETS(M,N,M)", { error: "M", trend: "N", season: "M", m: 12 }]] as const)("%s", (_, spec) => {
    const fit = fitEts(y, spec as EtsSpec)!;
    expect(fit).not.toBeNull();
    for (const da of [-0.05, -0.02, 0.02, 0.05]) {
      for (const dl of [-2, 0, 2]) {
        const alpha = fit.parameters.alpha + da;
        if (alpha <= 1e-4 || alpha >= 0.9999 || alpha < fit.parameters.beta || (spec.season !== "N" && fit.parameters.gamma > 1 - alpha)) continue;
        const other = fitAt(y, spec as EtsSpec, { ...fit.parameters, alpha }, { ...fit.initial, level: fit.initial.level + dl });
        if (other) expect(fit.minus2LogLik).toBeLessThanOrEqual(other.minus2LogLik + 1e-6);
      }
    }
  });
});

describe("autoEts", () => {
  it("chooses by least AICc among the candidates it fitted", () => {
    const auto = autoEts(y, 12)!;
    const finite = auto.tried.filter((t) => Number.isFinite(t.aicc));
    expect(auto.best.aicc).toBe(Math.min(...finite.map((t) => t.aicc)));
  });
  it("never offers additive error with multiplicative season, nor multiplicative models for data with zeros", () => {
    expect(candidateSpecs(y, 12).some((s) => s.error === "A" && s.season === "M")).toBe(false);
    expect(candidateSpecs([...y, 0], 12).every((s) => s.error === "A" && s.season !== "M")).toBe(true);
    expect(candidateSpecs(y, 12)).toHaveLength(15);
  });
  it("forecasts a straight line along it with ETS(A,A,N) and a widening analytic interval", () => {
    const line = Array.from({ length: 20 }, (_, t) => 10 + 2 * t + (t % 2 ? 0.1 : -0.1));
    const fit = fitEts(line, { error: "A", trend: "A", season: "N", m: 1 })!;
    const f = etsPointForecast(fit.spec, fit.parameters, fit.final, 3);
    expect(f[0]).toBeCloseTo(50, 0);
    expect(f[2] - f[0]).toBeCloseTo(4, 0);
    const v = analyticVariances(fit, 3);
    expect(v[0]).toBeCloseTo(fit.sigma2, 12);
    expect(v[2]).toBeGreaterThan(v[1]);
    const interval = etsInterval(fit, f);
    expect(interval.method).toBe("analytic");
    expect(interval.upper[0] - f[0]).toBeCloseTo(1.959964 * Math.sqrt(fit.sigma2), 4);
  });
  it("gives simulated intervals for multiplicative models that contain the point forecast", () => {
    const fit = fitEts(y, { error: "M", trend: "N", season: "M", m: 12 })!;
    const f = etsPointForecast(fit.spec, fit.parameters, fit.final, 12);
    const i = etsInterval(fit, f);
    expect(i.method).toBe("simulation");
    f.forEach((v, h) => { expect(i.lower[h]).toBeLessThan(v); expect(i.upper[h]).toBeGreaterThan(v); });
  });
});

describe("seasonal admissibility (R's admissible)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { largestRootModulus, seasonalAdmissible } = require("../../src/engine/forecast/admissible");
  it("finds the largest root modulus of worked polynomials", () => {
    expect(largestRootModulus([-2, 1])).toBeCloseTo(2, 6); // x − 2
    expect(largestRootModulus([0.25, 0, 1])).toBeCloseTo(0.5, 6); // x² + 0.25: roots ±0.5i
    expect(largestRootModulus([2, -3, 1])).toBeCloseTo(2, 2); // (x − 1)(x − 2)
  });
  it("accepts usual-region parameters and refuses γ above 1 + 1/φ − α", () => {
    expect(seasonalAdmissible(0.3, 0.05, 0.1, 0.95, 12)).toBe(true);
    expect(seasonalAdmissible(0.5, 0, 1.6, 1, 12)).toBe(false);
  });
});
