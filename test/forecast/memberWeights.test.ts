// Per-series member weights from the series' own holdout errors: given these errors, the weights are
// these (each rule worked by hand), and the holdout errors of a refitted form on small series.
import { combinationWeights, holdoutErrors, meanOriginErrors, refitForecast } from "../../bench/forecastMemberWeights";
import { fitMembers, fitTheta, thetaForecast } from "../../src/engine/forecast";

describe("combinationWeights", () => {
  it("inverse errors: 1, 1, 2 give 0.4, 0.4, 0.2; shrunk halfway toward equal, (0.4 + 1/3)/2 …", () => {
    const w = combinationWeights([1, 1, 2], { kind: "inverse", shrink: 1 });
    [0.4, 0.4, 0.2].forEach((v, i) => expect(w[i]).toBeCloseTo(v, 12));
    const half = combinationWeights([1, 1, 2], { kind: "inverse", shrink: 0.5 });
    [(0.4 + 1 / 3) / 2, (0.4 + 1 / 3) / 2, (0.2 + 1 / 3) / 2].forEach((v, i) => expect(half[i]).toBeCloseTo(v, 12));
    expect(combinationWeights([1, 1, 2], { kind: "inverse", shrink: 0 })).toEqual([1 / 3, 1 / 3, 1 / 3]);
    // Squared (Bates–Granger): 1, 1, 1/4 normalised.
    const squared = combinationWeights([1, 1, 2], { kind: "inverse", shrink: 1, power: 2 });
    [4 / 9, 4 / 9, 1 / 9].forEach((v, i) => expect(squared[i]).toBeCloseTo(v, 12));
  });

  it("softmax: errors 1, 2, 3 (mean 2) at temperature 1 give e^(−0.5), e^(−1), e^(−1.5) normalised", () => {
    const w = combinationWeights([1, 2, 3], { kind: "softmax", temperature: 1 });
    const raw = [Math.exp(-0.5), Math.exp(-1), Math.exp(-1.5)];
    const s = raw.reduce((a, b) => a + b, 0);
    raw.forEach((v, i) => expect(w[i]).toBeCloseTo(v / s, 12));
    // A low temperature selects the best member.
    const cold = combinationWeights([1, 2, 3], { kind: "softmax", temperature: 0.01 });
    expect(cold[0]).toBeCloseTo(1, 12);
  });

  it("drop the worst: 1, 1, 3 drops the third at ratio 2 (3 > 2·1), keeps all at ratio 4", () => {
    expect(combinationWeights([1, 1, 3], { kind: "dropWorst", ratio: 2 })).toEqual([0.5, 0.5, 0]);
    expect(combinationWeights([1, 1, 3], { kind: "dropWorst", ratio: 4 })).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it("equal weights when an error is missing or all are zero", () => {
    expect(combinationWeights([1, NaN, 2], { kind: "inverse", shrink: 1 })).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(combinationWeights([0, 0, 0], { kind: "softmax", temperature: 0.5 })).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});

describe("holdoutErrors", () => {
  const y = [10, 12, 11, 14, 13, 15, 16, 15, 18, 17, 19, 21, 20, 22];

  it("cuts at n − h − j and scores Theta refitted there against the held-out values", () => {
    const errors = holdoutErrors(y, 1, 3, [{ kind: "Theta" }], 2);
    expect(errors).toHaveLength(2);
    for (const [j, e] of errors.entries()) {
      const o = y.length - 3 - j;
      const f = thetaForecast(fitTheta(y.slice(0, o), 1)!, 3);
      const actual = y.slice(o, o + 3);
      const naive = y.slice(1, o).reduce((a, v, t) => a + Math.abs(v - y[t]), 0) / (o - 1);
      expect(e.mase[0]).toBeCloseTo(actual.reduce((a, v, h) => a + Math.abs(v - f[h]), 0) / 3 / naive, 10);
      expect(e.smape[0]).toBeCloseTo(actual.reduce((a, v, h) => a + (200 * Math.abs(v - f[h])) / (Math.abs(v) + Math.abs(f[h])), 0) / 3, 10);
    }
    expect(meanOriginErrors(errors, 2, "mase")[0]).toBeCloseTo((errors[0].mase[0] + errors[1].mase[0]) / 2, 12);
  });

  it("refits each member's own form (ETS spec, ARIMA order) and stops where the history is too short", () => {
    const members = fitMembers(y, 1, 3, 0.95, ["ETS", "Theta", "ARIMA"]);
    const forms = [members.ETS!.form!, members.Theta!.form!, members.ARIMA!.form!];
    expect(forms.map((f) => f.kind)).toEqual(["ETS", "Theta", "ARIMA"]);
    for (const form of forms) expect(refitForecast(y.slice(0, 11), 1, 3, form)!.every(Number.isFinite)).toBe(true);
    // n − h − j ≥ 4 only for j ≤ 7.
    expect(holdoutErrors(y, 1, 3, [{ kind: "Theta" }], 20)).toHaveLength(8);
  });
});
