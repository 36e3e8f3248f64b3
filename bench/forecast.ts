// Benchmark of the automatic forecast (npm run bench:forecast) on the M3 development sets: sMAPE,
// MASE, 95 % coverage and MSIS per frequency beside THETA, ForecastPro, R ets and NAIVE2, the paired
// bootstrap interval of ours − THETA, and every choice made on data reported on folds that did not
// make it (series index mod 3). Prints tables; asserts nothing.
// Flags: --dev (the 650-series set instead of the 2,353), --file F, --limit N, --frequency YEARLY|...

import { existsSync, readFileSync } from "node:fs";
import { accuracy } from "../src/engine/forecast/accuracy";
import { forecastSeriesWithMembers } from "../src/engine/forecast/forecastSeries";
import { ALL_MEMBERS, CombinationMember, Core, fitMembers } from "../src/engine/forecast/members";
import { COMBINATION, OWN_ERROR_PRIOR, POOLED_CLASSES, SEASON_CLASSES, seasonClass, SeasonClass } from "../src/engine/forecast/combinationRule";
import { ownErrorScale, RollingErrors } from "../src/engine/forecast/rollingOrigin";
import { coverage, FOLDS, foldOf, mean, msis, pairedBootstrap, quantile } from "./forecastStats";
import { M3Series, m3Set, ORDER } from "./m3Set";

interface Interval { lower: number[]; upper: number[] }

const argv = process.argv.slice(2);
const { file, all, ids } = m3Set(argv);

interface Row {
  s: M3Series; fold: number; cls: SeasonClass; nonNegative: boolean;
  ours: { forecast: number[]; lower: number[]; upper: number[]; method: string };
  members: Partial<Record<CombinationMember, Core>>;
  rolling: RollingErrors;
}

// ---- Fit every series: the shipped forecast (timed) and the two extra members (not timed).
let seconds = 0, cpuSeconds = 0;
const rows: Row[] = ids.map((id, index) => {
  const s = all[id];
  const started = performance.now(), cpuStarted = process.cpuUsage();
  const { result, members, rolling } = forecastSeriesWithMembers(s.history, { horizon: s.horizon, seasonLength: s.frequency }, false);
  seconds += (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  cpuSeconds += (cpu.user + cpu.system) / 1e6;
  Object.assign(members, fitMembers(s.history, s.frequency, s.horizon, 0.95, ["Damped", "Drift"]));
  return { s, fold: foldOf(index), cls: seasonClass(s.frequency, s.history.length), nonNegative: s.history.every((v) => v >= 0), ours: result, members, rolling };
});

// R ets intervals (read after the fits, so that a file still being written by the R script is caught).
const rEtsFile = "bench/data/m3-large-ets95.json";
const rEts: Record<string, Interval> = existsSync(rEtsFile) ? JSON.parse(readFileSync(rEtsFile, "utf8")).series : {};

// ---- Combinations of members: equal-weight averages, clipped at 0 like forecastSeries.
const clip = (r: Row, v: number[]) => (r.nonNegative ? v.map((x) => Math.max(0, x)) : v);
function combination(r: Row, names: readonly CombinationMember[]): Core | null {
  const parts = names.map((n) => r.members[n]).filter((c): c is Core => c !== undefined);
  if (parts.length === 0) return null;
  const avg = (pick: (c: Core) => number[]) => pick(parts[0]).map((_, h) => mean(parts.map((c) => pick(c)[h])));
  return { method: names.join("+"), forecast: avg((c) => c.forecast), lower: avg((c) => c.lower), upper: avg((c) => c.upper), fitted: [] };
}
const smapeOf = (r: Row, f: number[]) => accuracy(r.s.actual, clip(r, f), r.s.history, r.s.frequency).smape;

// ---- Interval calibration: k_h = 95th percentile of |y − f| / half-width, per class of history (one
// factor over all steps for the pooled classes), chosen on rows.
// Each series' half-widths are first multiplied by its own rolling-origin factor (ownErrorScale with
// the credibility prior; Infinity: none). The prior is chosen among PRIORS by the mean MSIS on the
// training folds (factors chosen on the same folds), then scored on the third.
const PRIORS = [Infinity, 50, 100, 200, 400, 800];
function ratios(r: Row, c: Core, own: number): number[] {
  return r.s.actual.map((y, h) => {
    const f = c.forecast[h], half = own * (y >= f ? c.upper[h] - f : f - c.lower[h]);
    return half > 0 ? Math.abs(y - f) / half : Infinity;
  });
}
function chooseScales(train: Row[], prior: number): Record<SeasonClass, number[]> {
  const out = {} as Record<SeasonClass, number[]>;
  for (const cls of SEASON_CLASSES) {
    const byH: number[][] = [];
    for (const r of train) {
      if (r.cls !== cls) continue;
      const c = combination(r, COMBINATION);
      if (c) ratios(r, c, ownErrorScale(r.rolling, prior)).forEach((k, h) => (byH[h] ??= []).push(k));
    }
    out[cls] = POOLED_CLASSES.includes(cls) ? (byH.length ? [quantile(byH.flat(), 0.95)] : []) : byH.map((v) => quantile(v, 0.95));
  }
  return out;
}
function scaled(r: Row, c: Core, factors: number[], own: number): Interval {
  const k = (h: number) => own * (factors[Math.min(h, factors.length - 1)] ?? 1);
  return {
    lower: clip(r, c.forecast.map((f, h) => f - k(h) * (f - c.lower[h]))),
    upper: clip(r, c.forecast.map((f, h) => f + k(h) * (c.upper[h] - f))),
  };
}
function intervalOf(r: Row, scales: Record<SeasonClass, number[]>, prior: number): Interval {
  const c = combination(r, COMBINATION);
  return c ? scaled(r, c, scales[r.cls], ownErrorScale(r.rolling, prior)) : { lower: r.ours.lower, upper: r.ours.upper };
}
/** The prior (and its factors) of least mean MSIS on rows. */
function choosePrior(train: Row[]): { prior: number; scales: Record<SeasonClass, number[]> } {
  let best = { prior: Infinity, scales: chooseScales(train, Infinity) }, bestScore = Infinity;
  for (const prior of PRIORS) {
    const scales = chooseScales(train, prior);
    const score = mean(train.map((r) => { const v = intervalOf(r, scales, prior); return msis(r.s.actual, v.lower, v.upper, r.s.history, r.s.frequency) ?? NaN; }).filter(Number.isFinite));
    if (score < bestScore) { bestScore = score; best = { prior, scales }; }
  }
  return best;
}
const outOfFold: Interval[] = new Array(rows.length);
const withoutOwn: Interval[] = new Array(rows.length);
const foldScales: Record<SeasonClass, number[]>[] = [];
const foldPriors: number[] = [];
for (let k = 0; k < FOLDS; k++) {
  const train = rows.filter((r) => r.fold !== k);
  const { prior, scales } = choosePrior(train);
  const plain = chooseScales(train, Infinity);
  foldScales.push(scales);
  foldPriors.push(prior);
  rows.forEach((r, i) => {
    if (r.fold !== k) return;
    outOfFold[i] = intervalOf(r, scales, prior);
    withoutOwn[i] = intervalOf(r, plain, Infinity);
  });
}

// ---- Scores per series.
type Method = "ours" | "theta" | "forecastPro" | "ets" | "naive2";
const METHODS: Method[] = ["ours", "theta", "forecastPro", "ets", "naive2"];
const LABEL: Record<Method, string> = { ours: "ours", theta: "THETA", forecastPro: "ForecastPro", ets: "R ets", naive2: "NAIVE2" };
const scores = rows.map((r, i) => {
  const f: Record<Method, number[]> = { ours: r.ours.forecast, theta: r.s.theta, forecastPro: r.s.forecastPro, ets: r.s.ets, naive2: r.s.naive2 };
  const acc = Object.fromEntries(METHODS.map((m) => [m, accuracy(r.s.actual, f[m], r.s.history, r.s.frequency)]));
  const rEtsInterval = rEts[r.s.id];
  return {
    period: r.s.period, fold: r.fold,
    smape: Object.fromEntries(METHODS.map((m) => [m, acc[m].smape])) as Record<Method, number>,
    mase: Object.fromEntries(METHODS.map((m) => [m, acc[m].mase ?? NaN])) as Record<Method, number>,
    cover: coverage(r.s.actual, outOfFold[i].lower, outOfFold[i].upper),
    msis: msis(r.s.actual, outOfFold[i].lower, outOfFold[i].upper, r.s.history, r.s.frequency) ?? NaN,
    plainCover: coverage(r.s.actual, withoutOwn[i].lower, withoutOwn[i].upper),
    plainMsis: msis(r.s.actual, withoutOwn[i].lower, withoutOwn[i].upper, r.s.history, r.s.frequency) ?? NaN,
    shippedCover: coverage(r.s.actual, r.ours.lower, r.ours.upper),
    rEtsCover: rEtsInterval ? coverage(r.s.actual, rEtsInterval.lower, rEtsInterval.upper) : NaN,
    rEtsMsis: rEtsInterval ? msis(r.s.actual, rEtsInterval.lower, rEtsInterval.upper, r.s.history, r.s.frequency) ?? NaN : NaN,
  };
});
type Score = (typeof scores)[number];
const inGroup = (k: string) => (s: Score) => k === "ALL" || s.period === k;
const avg = (v: number[]) => mean(v.filter(Number.isFinite));

function table(header: string[], body: string[][]) {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  console.log(header.map((h, c) => h.padEnd(widths[c])).join("  "));
  for (const r of body) console.log(r.map((v, c) => v.padEnd(widths[c])).join("  "));
}
const groups = ORDER.filter((k) => k === "ALL" || scores.some((s) => s.period === k));

console.log(`\n${file.split("/").pop()}: ${rows.length} series. Combination: ${COMBINATION.join(" + ")} (fixed, equal weights).`);
console.log("\nsMAPE % / MASE (mean over series)");
table(["frequency", "series", ...METHODS.map((m) => LABEL[m])], groups.map((k) => {
  const g = scores.filter(inGroup(k));
  return [k.toLowerCase(), String(g.length), ...METHODS.map((m) => `${avg(g.map((s) => s.smape[m])).toFixed(2)} / ${avg(g.map((s) => s.mase[m])).toFixed(3)}`)];
}));

const haveREts = scores.some((s) => Number.isFinite(s.rEtsCover));
console.log(`\n95 % intervals: coverage / MSIS. Ours: scale factors and the own-error prior chosen on the other two folds (out of fold); "shipped": those of combinationRule.ts.`);
console.log(haveREts ? "R ets: forecast::ets 95 % intervals (bench/r/m3EtsIntervals.R, on the series it covers); THETA, ForecastPro, NAIVE2: no intervals published." : "R ets: no intervals file (run bench/r/m3EtsIntervals.R); THETA, ForecastPro, NAIVE2: no intervals published.");
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
table(["frequency", "ours (out of fold)", "ours shipped", "series with R ets", "ours there", "R ets there", "MSIS ours − R ets [95 %]"], groups.map((k) => {
  const g = scores.filter(inGroup(k));
  const h = g.filter((s) => Number.isFinite(s.rEtsCover));
  const d = pairedBootstrap(h.map((s) => s.msis - s.rEtsMsis).filter(Number.isFinite));
  return [k.toLowerCase(), `${pct(avg(g.map((s) => s.cover)))} / ${avg(g.map((s) => s.msis)).toFixed(2)}`, pct(avg(g.map((s) => s.shippedCover))), String(h.length),
    h.length ? `${pct(avg(h.map((s) => s.cover)))} / ${avg(h.map((s) => s.msis)).toFixed(2)}` : "n/a",
    h.length ? `${pct(avg(h.map((s) => s.rEtsCover)))} / ${avg(h.map((s) => s.rEtsMsis)).toFixed(2)}` : "n/a",
    h.length ? `${d.mean.toFixed(2)} [${d.low.toFixed(2)}, ${d.high.toFixed(2)}]` : "n/a"];
}));
console.log("\nThe series' own rolling-origin factor: out of fold with it (as above) and without it (class factors alone, chosen on the same folds).");
table(["frequency", "with: coverage / MSIS", "without", "MSIS with − without [95 %]"], groups.map((k) => {
  const g = scores.filter(inGroup(k));
  const d = pairedBootstrap(g.map((s) => s.msis - s.plainMsis).filter(Number.isFinite));
  return [k.toLowerCase(), `${pct(avg(g.map((s) => s.cover)))} / ${avg(g.map((s) => s.msis)).toFixed(2)}`, `${pct(avg(g.map((s) => s.plainCover)))} / ${avg(g.map((s) => s.plainMsis)).toFixed(2)}`, `${d.mean.toFixed(2)} [${d.low.toFixed(2)}, ${d.high.toFixed(2)}]`];
}));

console.log("\nours − THETA, sMAPE points: mean [paired bootstrap 95 % interval over series] (negative: ours better), and per fold");
table(["frequency", "all folds", ...Array.from({ length: FOLDS }, (_, k) => `fold ${k}`), "ours − R ets"], groups.map((k) => {
  const g = scores.filter(inGroup(k));
  const b = pairedBootstrap(g.map((s) => s.smape.ours - s.smape.theta));
  const folds = Array.from({ length: FOLDS }, (_, f) => { const gf = g.filter((s) => s.fold === f); return avg(gf.map((s) => s.smape.ours - s.smape.theta)).toFixed(2); });
  return [k.toLowerCase(), `${b.mean.toFixed(2)} [${b.low.toFixed(2)}, ${b.high.toFixed(2)}]`, ...folds, avg(g.map((s) => s.smape.ours - s.smape.ets)).toFixed(2)];
}));

// ---- Would choosing the members per frequency on data have done better? Chosen on two folds, scored on the third.
const subsets: CombinationMember[][] = [];
for (let mask = 1; mask < 1 << ALL_MEMBERS.length; mask++) subsets.push(ALL_MEMBERS.filter((_, i) => mask & (1 << i)));
const subsetSmape = rows.map((r) => subsets.map((names) => { const c = combination(r, names); return c ? smapeOf(r, c.forecast) : NaN; }));
const fixedIndex = subsets.findIndex((s) => s.join("+") === COMBINATION.join("+"));
const chosenOutOfFold: number[] = new Array(rows.length);
const picks: string[] = [];
for (let k = 0; k < FOLDS; k++) {
  for (const period of ORDER.slice(0, 4)) {
    const train = rows.map((r, i) => i).filter((i) => rows[i].fold !== k && rows[i].s.period === period);
    if (train.length === 0) continue;
    let best = 0, bestScore = Infinity;
    subsets.forEach((_, j) => { const v = avg(train.map((i) => subsetSmape[i][j])); if (v < bestScore) { best = j; bestScore = v; } });
    picks.push(`fold ${k} ${period.toLowerCase()}: ${subsets[best].join("+")}`);
    rows.forEach((r, i) => { if (r.fold === k && r.s.period === period) chosenOutOfFold[i] = subsetSmape[i][best]; });
  }
}
console.log("\nMembers chosen per frequency on two folds (least sMAPE among all 31 equal-weight subsets of ETS, Theta, ARIMA, Damped, Drift), scored on the third:");
console.log(`  ${picks.join("; ")}`);
table(["frequency", "chosen (out of fold)", "fixed " + COMBINATION.join("+"), "chosen − fixed [95 %]"], groups.map((k) => {
  const idx = rows.map((_, i) => i).filter((i) => k === "ALL" || rows[i].s.period === k);
  const b = pairedBootstrap(idx.map((i) => chosenOutOfFold[i] - subsetSmape[i][fixedIndex]));
  return [k.toLowerCase(), avg(idx.map((i) => chosenOutOfFold[i])).toFixed(2), avg(idx.map((i) => subsetSmape[i][fixedIndex])).toFixed(2), `${b.mean.toFixed(2)} [${b.low.toFixed(2)}, ${b.high.toFixed(2)}]`];
}));
const shown = ["ETS", "Theta", "ARIMA", "ETS+Theta", "ETS+ARIMA", "Theta+ARIMA", "ETS+Theta+ARIMA", "ETS+Theta+Damped", "ETS+Theta+ARIMA+Damped", "ETS+Theta+ARIMA+Damped+Drift"];
console.log("\nFixed combinations (none chosen on data), sMAPE:");
table(["combination", ...groups.map((k) => k.toLowerCase())], shown.map((name) => {
  const j = subsets.findIndex((s) => s.join("+") === name);
  return [name, ...groups.map((k) => avg(rows.map((r, i) => (k === "ALL" || r.s.period === k ? subsetSmape[i][j] : NaN))).toFixed(2))];
}));

const chosenAll = choosePrior(rows);
const all3 = chooseScales(rows, OWN_ERROR_PRIOR);
console.log(`\nCredibility prior of the series' own rolling-origin errors: chosen on all series ${chosenAll.prior} (shipped: ${OWN_ERROR_PRIOR}); per fold (chosen on the other two): ${foldPriors.join(" / ")}`);
console.log("Interval scale factors k_h chosen on all series with the shipped prior (for combinationRule.ts), and per fold (chosen on the other two with that fold's prior):");
for (const cls of SEASON_CLASSES) {
  console.log(`  ${cls}: [${all3[cls].map((v) => v.toFixed(2)).join(", ")}]`);
  foldScales.forEach((f, k) => console.log(`    fold ${k}: [${f[cls].map((v) => v.toFixed(2)).join(", ")}]`));
}
const methods: Record<string, number> = {};
for (const r of rows) { const family = r.ours.method.replace(/ETS\([^)]*\)/, "ETS").replace(/ARIMA\([^)]*\)(\([^)]*\)\[\d+\])?( with (drift|mean))?/, "ARIMA"); methods[family] = (methods[family] ?? 0) + 1; }
console.log(`\nSpeed (CPU time of this process, which a shared machine's load does not inflate): ${(rows.length / cpuSeconds).toFixed(1)} series/s (${((cpuSeconds / rows.length) * 1000).toFixed(1)} ms per series)`);
console.log(`Speed (wall clock): ${(rows.length / seconds).toFixed(1)} series/s (${((seconds / rows.length) * 1000).toFixed(1)} ms per series, forecastSeries as shipped, ARIMA included; R ets: 4.4 series/s on this machine when idle, 0.58 series/s while shared)`);
console.log(`Methods: ${Object.entries(methods).map(([k, v]) => `${k} ${v}`).join(", ")}`);
