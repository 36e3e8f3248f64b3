// Accuracy regression against published results: on 60 M3 series (a fixed subset of the M3 data
// shipped in R's Mcomp, with the competition's THETA forecasts), our automatic forecast's mean
// sMAPE must be at most 1.05 × THETA's on the same series.
import * as fs from "fs";
import * as path from "path";
import { accuracy, forecastSeries } from "../../src/engine/forecast";

interface M3 { period: string; frequency: number; horizon: number; history: number[]; actual: number[]; theta: number[]; ets: number[] }
const data = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "forecast", "m3-subset.json"), "utf8")) as Record<string, M3>;

describe("M3 subset (60 series)", () => {
  const rows = Object.values(data).map((s) => {
    const ours = forecastSeries(s.history, { horizon: s.horizon, seasonLength: s.frequency });
    return { ours: accuracy(s.actual, ours.forecast).smape, theta: accuracy(s.actual, s.theta).smape, ets: accuracy(s.actual, s.ets).smape, n: ours.forecast.length, h: s.horizon };
  });
  const mean = (k: "ours" | "theta" | "ets") => rows.reduce((a, r) => a + r[k], 0) / rows.length;
  it("forecasts exactly horizon values for each series", () => rows.forEach((r) => expect(r.n).toBe(r.h)));
  it("has mean sMAPE at most 1.05 × THETA's on the same series", () => {
    expect(rows).toHaveLength(60);
    expect(mean("ours")).toBeLessThanOrEqual(1.05 * mean("theta"));
  });
  it("has mean sMAPE at most 1.05 × R ets's on the same series", () => expect(mean("ours")).toBeLessThanOrEqual(1.05 * mean("ets")));
});
