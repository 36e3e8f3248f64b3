// Interval variants for long non-seasonal histories (M3 "other": m = 1, 63–96 values, h = 8), beside
// R ets's intervals (npm run bench:forecast-long-intervals). Each variant's choices are made on two
// folds (series index mod 3 in the full 2,353-series set, as bench/forecast.ts) and scored on the third.
// Prints a table; asserts nothing. Point forecasts are the shipped combination's throughout.

import { readFileSync } from "node:fs";
import { naiveScale } from "../src/engine/forecast/accuracy";
import { COMBINATION, OWN_ERROR_PRIOR, seasonClass } from "../src/engine/forecast/combinationRule";
import { forecastSeriesWithMembers } from "../src/engine/forecast/forecastSeries";
import { averageCores, Core, fitMembers } from "../src/engine/forecast/members";
import { ownErrorScale, RollingErrors } from "../src/engine/forecast/rollingOrigin";
import { fitTheta, thetaForecast, thetaForecastSd } from "../src/engine/forecast/theta";
import { coverage, FOLDS, foldOf, mean, msis, pairedBootstrap, quantile } from "./forecastStats";

const ORIGINS = 30, H = 8, Z = 1.959964;
interface Origin { o: number; comb: Core; theta: { f: number[]; sd: number[] } }
interface Row { id: string; fold: number; history: number[]; actual: number[]; members: Partial<Record<string, Core>>; comb: Core; rolling: RollingErrors; origins: Origin[]; rEts: { lower: number[]; upper: number[] } }

// ---- Fit: the shipped forecast with its members, and the combination (and Theta) refitted at the last ORIGINS origins.
const all = JSON.parse(readFileSync("/work/shared/benchmarks/forecast/m3-dev-large.json", "utf8"));
const rEts = JSON.parse(readFileSync("bench/data/m3-large-ets95.json", "utf8")).series;
const started = performance.now();
const rows: Row[] = [];
Object.keys(all).forEach((id, index) => {
  const s = all[id];
  if (seasonClass(s.frequency, s.history.length) !== "longNonseasonal") return;
  const { members, rolling } = forecastSeriesWithMembers(s.history, { horizon: s.horizon, seasonLength: 1 }, false);
  const n = s.history.length, scale = s.history.reduce((a: number, v: number) => a + Math.abs(v), 0) / n || 1;
  const y = s.history.map((v: number) => v / scale), times = (v: number[]) => v.map((x) => x * scale);
  const origins: Origin[] = [];
  for (let o = n - ORIGINS; o < n; o++) {
    const k = Math.min(H, n - o), c = averageCores(Object.values(fitMembers(y.slice(0, o), 1, k, 0.95, COMBINATION)) as Core[]);
    const th = fitTheta(y.slice(0, o), 1)!;
    origins.push({ o, comb: { ...c, forecast: times(c.forecast), lower: times(c.lower), upper: times(c.upper) }, theta: { f: times(thetaForecast(th, k)), sd: times(thetaForecastSd(th, k)) } });
  }
  const comb = averageCores(COMBINATION.map((m) => members[m]!));
  rows.push({ id, fold: foldOf(index), history: s.history, actual: s.actual, members, comb, rolling, origins, rEts: rEts[id] });
});

// ---- Variants: per series, the interval's centre and lower / upper half-widths before the class factor(s).
interface Halves { centre: number[]; lo: number[]; up: number[]; flip?: boolean }
type Factor = "pooled" | "sides" | "steps" | "none";
interface Variant { name: string; halves: (r: Row, p: number) => Halves; params?: number[]; factor?: Factor; shrink?: number }
const combHalves = (r: Row): Halves => ({ centre: r.comb.forecast, lo: r.comb.forecast.map((f, h) => f - r.comb.lower[h]), up: r.comb.forecast.map((f, h) => r.comb.upper[h] - f) });
const own = (c: Core): Halves => ({ centre: c.forecast, lo: c.forecast.map((f, h) => f - c.lower[h]), up: c.forecast.map((f, h) => c.upper[h] - f) });
const times = (v: Halves, k: (h: number) => number): Halves => ({ ...v, lo: v.lo.map((x, h) => x * k(h)), up: v.up.map((x, h) => x * k(h)) });
const widths = (r: Row, pick: (v: number[]) => number): Halves => ({ centre: r.comb.forecast,
  lo: r.comb.forecast.map((_, h) => pick(COMBINATION.map((m) => r.members[m]!.forecast[h] - r.members[m]!.lower[h]))),
  up: r.comb.forecast.map((_, h) => pick(COMBINATION.map((m) => r.members[m]!.upper[h] - r.members[m]!.forecast[h]))) });
/** The series' own rolling-origin errors y − f (combination or Theta) per step, from its last `count` origins. */
function ownErrors(r: Row, count: number, theta = false): { e: number; sd: number }[][] {
  const n = r.history.length, out: { e: number; sd: number }[][] = Array.from({ length: H }, () => []);
  for (const x of r.origins) {
    if (x.o < n - count) continue;
    for (let h = 0; h < Math.min(H, n - x.o); h++) {
      const y = r.history[x.o + h];
      out[h].push(theta ? { e: y - x.theta.f[h], sd: x.theta.sd[h] } : { e: y - x.comb.forecast[h], sd: (x.comb.upper[h] - x.comb.lower[h]) / (2 * Z) });
    }
  }
  return out;
}
const ratioOf = (errors: { e: number; sd: number }[][]): RollingErrors => { const z = errors.flat().map((x) => x.e / x.sd); return { ratio: Math.sqrt(mean(z.map((v) => v * v))), count: z.length }; };
const rms = (v: number[]) => Math.sqrt(mean(v.map((x) => x * x)));
const sorted = (v: number[]) => v.slice().sort((a, b) => a - b);
const rising = (r: Row) => r.comb.forecast[H - 1] >= r.comb.forecast[0];
const PRIORS = [Infinity, 25, 50, 100, 200, 400];
const randomWalk = (r: Row, h: number) => Z * 1.25 * naiveScale(r.history, 1)! * Math.sqrt(h + 1);

const VARIANTS: Variant[] = [
  { name: "raw combination bounds (no factor: nothing chosen)", halves: combHalves, factor: "none" },
  { name: "R ets's intervals, one pooled factor (reference)", halves: (r) => ({ centre: r.rEts.lower.map((l, h) => (l + r.rEts.upper[h]) / 2), lo: r.rEts.lower.map((l, h) => (r.rEts.upper[h] - l) / 2), up: r.rEts.lower.map((l, h) => (r.rEts.upper[h] - l) / 2) }) },
  { name: "shipped: members' mean bounds × own (Theta, 6 origins, prior 200) × pooled k", halves: (r) => times(combHalves(r), () => ownErrorScale(r.rolling, OWN_ERROR_PRIOR)) },
  { name: "no own factor", halves: combHalves },
  { name: "own factor, Theta, 30 origins ≤ 8 steps, prior chosen", halves: (r, p) => times(combHalves(r), () => ownErrorScale(ratioOf(ownErrors(r, 30, true)), p)), params: PRIORS },
  { name: "own factor, combination refitted, 6 origins, prior chosen", halves: (r, p) => times(combHalves(r), () => ownErrorScale(ratioOf(ownErrors(r, 6)), p)), params: PRIORS },
  { name: "own factor, combination refitted, 30 origins ≤ 8 steps, prior chosen", halves: (r, p) => times(combHalves(r), () => ownErrorScale(ratioOf(ownErrors(r, 30)), p)), params: PRIORS },
  { name: "own factor per step, combination, 30 origins, prior chosen", halves: (r, p) => { const e = ownErrors(r, 30); return times(combHalves(r), (h) => ownErrorScale(ratioOf([e[h]]), p)); }, params: PRIORS },
  { name: "own RMSE per step (combination, 30 origins) × k", halves: (r) => { const w = ownErrors(r, 30).map((v) => rms(v.map((x) => x.e))); return { centre: r.comb.forecast, lo: w, up: w }; } },
  { name: "own 90th percentile of |e| per step (30 origins) × k", halves: (r) => { const w = ownErrors(r, 30).map((v) => quantile(v.map((x) => Math.abs(x.e)), 0.9)); return { centre: r.comb.forecast, lo: w, up: w }; } },
  { name: "own one-step RMSE × √h (30 origins) × k", halves: (r) => { const e = ownErrors(r, 30); const s = rms(e[0].map((x) => x.e)); return { centre: r.comb.forecast, lo: e.map((_, h) => s * Math.sqrt(h + 1)), up: e.map((_, h) => s * Math.sqrt(h + 1)) }; } },
  { name: "√(members' mean half-width × own RMSE per step) × k", halves: (r) => { const e = ownErrors(r, 30).map((v) => Z * rms(v.map((x) => x.e))); const c = combHalves(r); return { ...c, lo: c.lo.map((x, h) => Math.sqrt(x * e[h])), up: c.up.map((x, h) => Math.sqrt(x * e[h])) }; } },
  { name: "centre shifted by w × own mean error (18 origins, in half-widths), w chosen", params: [0, 0.25, 0.5, 0.75, 1], halves: (r, w) => { const z = ownErrors(r, 18).flat().map((x) => x.e / (Z * x.sd)); const b = mean(z); const c = combHalves(r); return { ...c, centre: c.centre.map((f, h) => f + w * b * (c.lo[h] + c.up[h]) / 2) }; } },
  { name: "the same, w and the origins (6, 12, 18, 24, 30) chosen", params: [6, 12, 18, 24, 30].flatMap((o) => [0, 0.25, 0.5, 0.75].map((w) => o + w)), halves: (r, p) => { const o = Math.floor(p), w = p - o; const b = mean(ownErrors(r, o).flat().map((x) => x.e / (Z * x.sd))); const c = combHalves(r); return { ...c, centre: c.centre.map((f, h) => f + w * b * (c.lo[h] + c.up[h]) / 2) }; } },
  { name: "lower and upper pooled factors (97.5th percentile each side)", halves: combHalves, factor: "sides" },
  { name: "against / with the forecast's slope: two pooled factors (97.5th percentiles)", halves: (r) => ({ ...combHalves(r), flip: !rising(r) }), factor: "sides" },
  { name: "per-step factors", halves: combHalves, factor: "steps", shrink: 1 },
  { name: "per-step factors shrunk halfway (geometric) to pooled", halves: combHalves, factor: "steps", shrink: 0.5 },
  { name: "ETS's half-widths (about the combination's forecast)", halves: (r) => widths(r, (v) => v[0]) },
  { name: "Theta's half-widths", halves: (r) => widths(r, (v) => v[1]) },
  { name: "ARIMA's half-widths", halves: (r) => widths(r, (v) => v[2]) },
  { name: "median of the members' half-widths", halves: (r) => widths(r, (v) => sorted(v)[1]) },
  { name: "smallest of the members' half-widths", halves: (r) => widths(r, (v) => sorted(v)[0]) },
  { name: "root mean square of the members' half-widths", halves: (r) => widths(r, (v) => rms(v)) },
  { name: "mixture: √(mean square half-width + (z · spread of forecasts)²)", halves: (r) => { const c = widths(r, rms); const sp = c.centre.map((f, h) => Z * rms(COMBINATION.map((m) => r.members[m]!.forecast[h] - f))); return { ...c, lo: c.lo.map((x, h) => Math.hypot(x, sp[h])), up: c.up.map((x, h) => Math.hypot(x, sp[h])) }; } },
  { name: "envelope of the members' bounds", halves: (r) => ({ centre: r.comb.forecast, lo: r.comb.forecast.map((f, h) => f - Math.min(...COMBINATION.map((m) => r.members[m]!.lower[h]))), up: r.comb.forecast.map((f, h) => Math.max(...COMBINATION.map((m) => r.members[m]!.upper[h])) - f) }) },
  { name: "ETS's own interval (centred on ETS's forecast)", halves: (r) => own(r.members.ETS!) },
  { name: "members' half-width^(1−a) × random walk's^a, a = 0.5", halves: (r) => { const c = combHalves(r); return { ...c, lo: c.lo.map((x, h) => Math.sqrt(x * randomWalk(r, h))), up: c.up.map((x, h) => Math.sqrt(x * randomWalk(r, h))) }; } },
  { name: "members' half-width^(1−a) × random walk's^a, a chosen", params: [0, 0.25, 0.5, 0.75, 1], halves: (r, a) => { const c = combHalves(r); return { ...c, lo: c.lo.map((x, h) => x ** (1 - a) * randomWalk(r, h) ** a), up: c.up.map((x, h) => x ** (1 - a) * randomWalk(r, h) ** a) }; } },
];

// ---- Class factor(s) chosen on training rows, and the scores.
type Factors = { lower: number[]; upper: number[] };
const clip = (r: Row, v: number[]) => (r.history.every((x) => x >= 0) ? v.map((x) => Math.max(0, x)) : v);
function interval(r: Row, v: Halves, k: Factors) {
  const at = (f: number[], h: number) => f[Math.min(h, f.length - 1)];
  const [kl, ku] = v.flip ? [k.upper, k.lower] : [k.lower, k.upper];
  return { lower: clip(r, v.centre.map((c, h) => c - at(kl, h) * v.lo[h])), upper: clip(r, v.centre.map((c, h) => c + at(ku, h) * v.up[h])) };
}
function chooseFactors(train: Row[], variant: Variant, p: number): Factors {
  const factor = variant.factor ?? "pooled";
  if (factor === "none") return { lower: [1], upper: [1] };
  const byH: number[][] = Array.from({ length: H }, () => []), lower: number[] = [], upper: number[] = [];
  for (const r of train) {
    const v = variant.halves(r, p);
    r.actual.forEach((y, h) => {
      const below = Math.max(0, (v.centre[h] - y) / v.lo[h]), above = Math.max(0, (y - v.centre[h]) / v.up[h]);
      byH[h].push(Math.max(below, above));
      (v.flip ? upper : lower).push(below);
      (v.flip ? lower : upper).push(above);
    });
  }
  if (factor === "sides") return { lower: [quantile(lower, 0.975)], upper: [quantile(upper, 0.975)] };
  const pooled = quantile(byH.flat(), 0.95);
  if (factor === "pooled") return { lower: [pooled], upper: [pooled] };
  const steps = byH.map((v) => pooled ** (1 - variant.shrink!) * quantile(v, 0.95) ** variant.shrink!);
  return { lower: steps, upper: steps };
}
const msisOf = (r: Row, i: { lower: number[]; upper: number[] }) => msis(r.actual, i.lower, i.upper, r.history, 1)!;
function outOfFold(variant: Variant) {
  const result: { msis: number; cover: number; below: number; above: number }[] = new Array(rows.length), chosen: string[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const train = rows.filter((r) => r.fold !== k);
    let best = { p: NaN, factors: { lower: [1], upper: [1] } as Factors }, bestScore = Infinity;
    for (const p of variant.params ?? [NaN]) {
      const factors = chooseFactors(train, variant, p);
      const score = mean(train.map((r) => msisOf(r, interval(r, variant.halves(r, p), factors))));
      if (score < bestScore) { bestScore = score; best = { p, factors }; }
    }
    const f = best.factors, same = f.lower.join() === f.upper.join();
    chosen.push(`${Number.isNaN(best.p) ? "" : `${best.p}; `}${same ? f.lower.map((x) => x.toFixed(2)).join(" ") : `${f.lower[0].toFixed(2)} / ${f.upper[0].toFixed(2)}`}`);
    rows.forEach((r, i) => {
      if (r.fold !== k) return;
      const v = interval(r, variant.halves(r, best.p), f);
      result[i] = { msis: msisOf(r, v), cover: coverage(r.actual, v.lower, v.upper), below: mean(r.actual.map((y, h) => (y < v.lower[h] ? 1 : 0))), above: mean(r.actual.map((y, h) => (y > v.upper[h] ? 1 : 0))) };
    });
  }
  return { result, chosen };
}

const rScores = rows.map((r) => ({ msis: msisOf(r, r.rEts), cover: coverage(r.actual, r.rEts.lower, r.rEts.upper), below: mean(r.actual.map((y, h) => (y < r.rEts.lower[h] ? 1 : 0))), above: mean(r.actual.map((y, h) => (y > r.rEts.upper[h] ? 1 : 0))) }));
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
const inFold = (k: number) => rows.map((_, i) => i).filter((i) => rows[i].fold === k);
console.log(`\n${rows.length} long non-seasonal series (m = 1, n ≥ 50: M3 "other"), h = ${H}; combination refitted at the last ${ORIGINS} origins (${((performance.now() - started) / 1000).toFixed(0)} s).`);
console.log(`R ets: ${pct(mean(rScores.map((s) => s.cover)))} (below ${pct(mean(rScores.map((s) => s.below)))}, above ${pct(mean(rScores.map((s) => s.above)))}) / MSIS ${mean(rScores.map((s) => s.msis)).toFixed(2)}; per fold ${[0, 1, 2].map((k) => mean(inFold(k).map((i) => rScores[i].msis)).toFixed(2)).join(" / ")}`);
console.log("Out of fold (chosen on the other two folds): coverage (below, above) / MSIS; ours − R ets [paired bootstrap 95 %]; per fold MSIS (− R ets); what each fold chose (parameter; factors).");
const body = VARIANTS.map((v) => {
  const { result, chosen } = outOfFold(v);
  const d = pairedBootstrap(result.map((s, i) => s.msis - rScores[i].msis));
  const folds = [0, 1, 2].map((k) => { const idx = inFold(k); return `${mean(idx.map((i) => result[i].msis)).toFixed(2)} (${mean(idx.map((i) => result[i].msis - rScores[i].msis)) >= 0 ? "+" : ""}${mean(idx.map((i) => result[i].msis - rScores[i].msis)).toFixed(2)})`; });
  return [v.name, `${pct(mean(result.map((s) => s.cover)))} (${pct(mean(result.map((s) => s.below)))}, ${pct(mean(result.map((s) => s.above)))}) / ${mean(result.map((s) => s.msis)).toFixed(2)}`, `${d.mean >= 0 ? "+" : ""}${d.mean.toFixed(2)} [${d.low.toFixed(2)}, ${d.high.toFixed(2)}]`, folds.join("  "), chosen.join(" | ")];
});
const header = ["variant", "coverage (below, above) / MSIS", "− R ets [95 %]", "per fold (− R ets)", "chosen per fold"];
const widthsOf = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
console.log(header.map((h, c) => h.padEnd(widthsOf[c])).join("  "));
for (const r of body) console.log(r.map((x, c) => x.padEnd(widthsOf[c])).join("  "));

// ---- Do the series' own errors foretell its out-of-sample errors? Correlation of the logs of RMS(error / model sd).
const realised = rows.map((r) => Math.log(rms(r.actual.map((y, h) => (y - r.comb.forecast[h]) / ((r.comb.upper[h] - r.comb.lower[h]) / (2 * Z))))));
function correlation(a: number[], b: number[]): number {
  const ma = mean(a), mb = mean(b);
  let ab = 0, aa = 0, bb = 0;
  a.forEach((x, i) => { ab += (x - ma) * (b[i] - mb); aa += (x - ma) ** 2; bb += (b[i] - mb) ** 2; });
  return ab / Math.sqrt(aa * bb);
}
const predictors: [string, (r: Row) => number][] = [
  ["the shipped Theta ratio (6 origins)", (r) => r.rolling.ratio],
  ["the combination's ratio, 6 origins", (r) => ratioOf(ownErrors(r, 6)).ratio],
  ["the combination's ratio, 30 origins ≤ 8 steps", (r) => ratioOf(ownErrors(r, 30)).ratio],
];
console.log(`\nCorrelation of log out-of-sample error ratio (the combination's, ${H} steps) with the log of: ${predictors.map(([name, f]) => `${name} ${correlation(realised, rows.map((r) => Math.log(f(r)))).toFixed(2)}`).join("; ")}`);
