// The allocation-free costs the optimisers call (ETS −2 log L, ARIMA coefficient buffers, sparse CSS)
// against the plain implementations they replace: the same numbers on random inputs.
import { etsCost } from "../../src/engine/forecast/etsLikelihood";
import { etsRecursion } from "../../src/engine/forecast/etsRecursion";
import { inUsualRegion } from "../../src/engine/forecast/etsFit";
import { candidateSpecs } from "../../src/engine/forecast/etsAuto";
import { coefficientBuffers } from "../../src/engine/forecast/arimaCoefficients";
import { expandAr, expandMa, pacfToAr } from "../../src/engine/forecast/arimaPolynomial";
import { armaCss } from "../../src/engine/forecast/arimaLikelihood";

function random(seed: number): () => number {
  let s = seed;
  return () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; };
}

describe("allocation-free optimiser costs", () => {
  const rand = random(7);
  const y = Array.from({ length: 40 }, (_, t) => 10 + 0.2 * t + 2 * Math.sin((2 * Math.PI * t) / 4) + rand());

  it("etsCost equals etsRecursion's −2 log L for every candidate, Infinity outside the region", () => {
    let finite = 0, infinite = 0;
    for (const spec of candidateSpecs(y, 4)) {
      for (let trial = 0; trial < 20; trial++) {
        const m = spec.season === "N" ? 1 : spec.m;
        const p = { alpha: rand(), beta: 0.3 * rand(), gamma: 0.3 * rand(), phi: 0.8 + 0.2 * rand() };
        const seasonFree = Array.from({ length: m - 1 }, () => (spec.season === "M" ? 0.8 + 0.4 * rand() : rand() - 0.5));
        const x = [p.alpha];
        if (spec.trend !== "N") x.push(p.beta);
        if (spec.season !== "N") x.push(p.gamma);
        if (spec.trend === "Ad") x.push(p.phi);
        const level = 10 + rand(), trend = rand() - 0.5;
        x.push(level);
        if (spec.trend !== "N") x.push(trend);
        if (spec.season !== "N") x.push(...seasonFree);
        const sum = seasonFree.reduce((a, b) => a + b, 0);
        const season = spec.season === "N" ? [] : [...seasonFree, (spec.season === "M" ? m : 0) - sum];
        const parameters = { alpha: p.alpha, beta: spec.trend === "N" ? 0 : p.beta, gamma: spec.season === "N" ? 0 : p.gamma, phi: spec.trend === "Ad" ? p.phi : 1 };
        const states = { level, trend: spec.trend === "N" ? 0 : trend, season };
        const expected = !inUsualRegion(spec, parameters) || (spec.season === "M" && season.some((v) => !(v > 1e-3)))
          ? Infinity : etsRecursion(y, spec, parameters, states, false).minus2LogLik;
        const got = etsCost(y, spec)(x);
        if (Number.isFinite(expected)) { finite++; expect(got).toBeCloseTo(expected, 10); } else { infinite++; expect(got).toBe(Infinity); }
      }
    }
    expect(finite).toBeGreaterThan(50);
    expect(infinite).toBeGreaterThan(10);
  });

  it("coefficientBuffers writes expandAr/expandMa of pacfToAr, and armaCss skips only zero lags", () => {
    const orders = [
      { p: 2, d: 0, q: 1, P: 1, D: 0, Q: 1, m: 4 }, { p: 0, d: 1, q: 1, P: 0, D: 1, Q: 1, m: 12 },
      { p: 3, d: 0, q: 2, P: 0, D: 0, Q: 0, m: 1 }, { p: 1, d: 0, q: 0, P: 2, D: 0, Q: 2, m: 3 },
    ];
    const w = Array.from({ length: 60 }, () => rand() - 0.5);
    for (const order of orders) {
      const buffers = coefficientBuffers(order, true);
      for (let trial = 0; trial < 5; trial++) {
        const x = Array.from({ length: order.p + order.q + order.P + order.Q + 1 }, () => 2 * rand() - 1);
        const c = buffers.set(x);
        let i = 0;
        const take = (k: number) => x.slice(i, (i += k));
        const phi = pacfToAr(take(order.p)), theta = take(order.q), sPhi = pacfToAr(take(order.P)), sTheta = take(order.Q);
        const a = expandAr(phi, sPhi, order.m), b = expandMa(theta, sTheta, order.m);
        expect(buffers.a).toEqual(a);
        expect(buffers.b).toEqual(b);
        expect(c).toBe(x[x.length - 1]);
        // The dense conditional sum of squares, written out.
        const e = new Array(w.length).fill(0);
        let sse = 0;
        for (let t = a.length; t < w.length; t++) {
          let v = w[t] - c;
          for (let k = 0; k < a.length; k++) v -= a[k] * (w[t - k - 1] - c);
          for (let j = 0; j < Math.min(b.length, t - a.length); j++) v -= b[j] * e[t - j - 1];
          e[t] = v; sse += v * v;
        }
        expect(armaCss(w, buffers.a, buffers.b, c).sse).toBeCloseTo(sse, 10);
      }
    }
  });
});
