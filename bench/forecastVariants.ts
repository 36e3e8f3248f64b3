// Variants of the combination scored against M3's THETA (npm run bench:forecast-variants): each
// variant's sMAPE per frequency, ours − THETA with its paired bootstrap interval and per fold, and
// the variant chosen on two folds (by quarterly sMAPE) scored on the third. Prints; asserts nothing.
// Flags: --frequency QUARTERLY|... (quick runs), --limit N, --file F.

import { accuracy } from "../src/engine/forecast/accuracy";
import { forecastSeriesWithMembers } from "../src/engine/forecast/forecastSeries";
import { Core, fitMembers } from "../src/engine/forecast/members";
import { autoEts, candidateSpecs, dampedTrendSpecs } from "../src/engine/forecast/etsAuto";
import { etsInterval, etsPointForecast } from "../src/engine/forecast/etsForecast";
import { autoArima } from "../src/engine/forecast/arimaAuto";
import { arimaForecast } from "../src/engine/forecast/arimaForecast";
import { reseasonalise, seasonalAdjustment, SeasonalAdjustment } from "../src/engine/forecast/seasonalAdjustment";
import type { EtsSpec } from "../src/engine/forecast/etsTypes";
import { FOLDS, foldOf, mean, pairedBootstrap } from "./forecastStats";
import { M3Series, m3Set, ORDER } from "./m3Set";

const { all, ids } = m3Set();
const ETS_OPTIONS = { restarts: 0, maxEvaluations: 400 };

/** Extra members, each a candidate replacement or addition (points only; bounds kept for completeness). */
type Extra = "ETS-all" | "ETS-SA" | "ARIMA-SA" | "ETS-SA-damped" | "Damped" | "Drift";
const cpu: Record<string, number> = {};
function timed<T>(name: string, f: () => T): T {
  const t = process.cpuUsage();
  const out = f();
  const d = process.cpuUsage(t);
  cpu[name] = (cpu[name] ?? 0) + (d.user + d.system) / 1e6;
  return out;
}
function reseasonalCore(adj: SeasonalAdjustment, n: number, c: { forecast: number[]; lower: number[]; upper: number[] }, method: string): Core {
  return { method, forecast: reseasonalise(adj, c.forecast, n), lower: reseasonalise(adj, c.lower, n), upper: reseasonalise(adj, c.upper, n), fitted: [] };
}
function etsCore(y: number[], m: number, horizon: number, specs?: EtsSpec[]): Core | null {
  const fit = autoEts(y, m, { ...ETS_OPTIONS, specs });
  if (!fit) return null;
  const forecast = etsPointForecast(fit.best.spec, fit.best.parameters, fit.best.final, horizon);
  const { lower, upper } = etsInterval(fit.best, forecast, 0.95);
  return { method: "ETS", forecast, lower, upper, fitted: [] };
}

/**
 * The extra members of y (already scaled), in y's units. ETS-all: R ets's candidates (undamped trends
 * too; the member before the damped-only change). ETS-SA / ARIMA-SA: the non-seasonal model on the
 * adjusted series, reseasonalised, where Theta adjusts; else ETS-all / the ARIMA member.
 */
function extras(y: number[], m: number, horizon: number, shipped: Partial<Record<string, Core>>): Partial<Record<Extra, Core>> {
  const adj = seasonalAdjustment(y, m);
  const n = y.length;
  const out: Partial<Record<Extra, Core>> = {};
  const adjusted = adj.indices !== null;
  const full = timed("ETS-all", () => etsCore(y, m, horizon, candidateSpecs(y, m)));
  if (full) out["ETS-all"] = full;
  const e = adjusted ? timed("ETS-SA", () => etsCore(adj.adjusted, 1, horizon, candidateSpecs(adj.adjusted, 1))) : full;
  if (e) out["ETS-SA"] = adjusted ? reseasonalCore(adj, n, e, "ETS-SA") : e;
  const ed = adjusted ? timed("ETS-SA-damped", () => etsCore(adj.adjusted, 1, horizon, dampedTrendSpecs(adj.adjusted, 1))) : shipped.ETS;
  if (ed) out["ETS-SA-damped"] = adjusted ? reseasonalCore(adj, n, ed, "ETS-SA-damped") : ed;
  if (adjusted) {
    const a = timed("ARIMA-SA", () => autoArima(adj.adjusted, 1, { approximation: true, maxOrder: 5 }));
    if (a) out["ARIMA-SA"] = reseasonalCore(adj, n, arimaForecast(a, horizon, 0.95), "ARIMA-SA");
  } else if (shipped.ARIMA) out["ARIMA-SA"] = shipped.ARIMA;
  Object.assign(out, timed("Damped+Drift", () => fitMembers(y, m, horizon, 0.95, ["Damped", "Drift"])));
  return out;
}

/**
 * The variants: lists of members averaged with equal weights. The first is the rule before the
 * damped-only ETS (ETS-all), against which the others were conceived; "ETS" is the shipped member.
 */
const VARIANTS: Record<string, string[]> = {
  "before: ETS (all trends) + Theta + ARIMA": ["ETS-all", "Theta", "ARIMA"],
  "ETS on the adjusted series": ["ETS-SA", "Theta", "ARIMA"],
  "ARIMA on the adjusted series": ["ETS-all", "Theta", "ARIMA-SA"],
  "ETS and ARIMA on the adjusted series": ["ETS-SA", "Theta", "ARIMA-SA"],
  "shipped: ETS with damped trends only": ["ETS", "Theta", "ARIMA"],
  "ETS damped only, on the adjusted series": ["ETS-SA-damped", "Theta", "ARIMA"],
  "+ damped trend on the adjusted series": ["ETS-all", "Theta", "ARIMA", "Damped"],
  "+ ETS on the adjusted series": ["ETS-all", "Theta", "ARIMA", "ETS-SA"],
  "+ ARIMA on the adjusted series": ["ETS-all", "Theta", "ARIMA", "ARIMA-SA"],
  "ETS, ARIMA each seasonal and adjusted": ["ETS-all", "Theta", "ARIMA", "ETS-SA", "ARIMA-SA"],
};

interface Row { s: M3Series; fold: number; smape: Record<string, number>; mase: Record<string, number>; theta: number; thetaMase: number }
let shippedCpu = 0;
const rows: Row[] = ids.map((id, index) => {
  const s = all[id];
  const t = process.cpuUsage();
  const { members } = forecastSeriesWithMembers(s.history, { horizon: s.horizon, seasonLength: s.frequency }, false);
  const d = process.cpuUsage(t);
  shippedCpu += (d.user + d.system) / 1e6;
  const scale = s.history.reduce((a, v) => a + Math.abs(v), 0) / s.history.length || 1;
  const y = s.history.map((v) => v / scale);
  const more = extras(y, s.frequency, s.horizon, Object.fromEntries(Object.entries(members).map(([k, c]) => [k, { ...c!, forecast: c!.forecast.map((v) => v / scale) }])));
  const pool: Record<string, number[]> = Object.fromEntries(Object.entries(members).map(([k, c]) => [k, c!.forecast]));
  for (const [k, c] of Object.entries(more)) pool[k] = c!.forecast.map((v) => v * scale);
  const nonNegative = s.history.every((v) => v >= 0);
  const smape: Record<string, number> = {}, mase: Record<string, number> = {};
  for (const [name, parts] of Object.entries(VARIANTS)) {
    const got = parts.map((p) => pool[p]).filter((f) => f !== undefined);
    const f = got[0].map((_, h) => mean(got.map((g) => g[h]))).map((v) => (nonNegative ? Math.max(0, v) : v));
    const a = accuracy(s.actual, f, s.history, s.frequency);
    smape[name] = a.smape; mase[name] = a.mase ?? NaN;
  }
  const th = accuracy(s.actual, s.theta, s.history, s.frequency);
  return { s, fold: foldOf(index), smape, mase, theta: th.smape, thetaMase: th.mase ?? NaN };
});

const names = Object.keys(VARIANTS);
const groups = ORDER.filter((k) => k === "ALL" || rows.some((r) => r.s.period === k));
const inGroup = (k: string) => rows.filter((r) => k === "ALL" || r.s.period === k);
const avg = (v: number[]) => mean(v.filter(Number.isFinite));
function table(header: string[], body: string[][]) {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  console.log(header.map((h, c) => h.padEnd(widths[c])).join("  "));
  for (const r of body) console.log(r.map((v, c) => v.padEnd(widths[c])).join("  "));
}
const diff = (g: Row[], pick: (r: Row) => number) => {
  const b = pairedBootstrap(g.map((r) => pick(r) - r.theta));
  const folds = Array.from({ length: FOLDS }, (_, f) => avg(g.filter((r) => r.fold === f).map((r) => pick(r) - r.theta)));
  return `${b.mean >= 0 ? "+" : ""}${b.mean.toFixed(2)} [${b.low.toFixed(2)}, ${b.high.toFixed(2)}] ${folds.map((v) => (v >= 0 ? "+" : "") + v.toFixed(2)).join(" / ")}`;
};

console.log(`\n${rows.length} series. sMAPE % per frequency (MASE all), THETA last:`);
table(["variant", ...groups.map((k) => k.toLowerCase()), "MASE all"], [
  ...names.map((v) => [v, ...groups.map((k) => avg(inGroup(k).map((r) => r.smape[v])).toFixed(2)), avg(rows.map((r) => r.mase[v])).toFixed(3)]),
  ["THETA (M3)", ...groups.map((k) => avg(inGroup(k).map((r) => r.theta)).toFixed(2)), avg(rows.map((r) => r.thetaMase)).toFixed(3)],
]);
for (const k of groups) {
  console.log(`\n${k.toLowerCase()}: ours − THETA, mean [paired bootstrap 95 %] fold 0 / 1 / 2; variant − before [95 %]`);
  const vs = (v: string) => { const b = pairedBootstrap(inGroup(k).map((r) => r.smape[v] - r.smape[names[0]])); return `${b.mean.toFixed(2)} [${b.low.toFixed(2)}, ${b.high.toFixed(2)}]`; };
  table(["variant", "ours − THETA", "variant − before"], names.map((v) => [v, diff(inGroup(k), (r) => r.smape[v]), vs(v)]));
}

// Chosen on two folds by quarterly sMAPE (all series when no quarterly), scored on the third.
const target = rows.some((r) => r.s.period === "QUARTERLY") ? "QUARTERLY" : "ALL";
const chosen: Record<number, string> = {};
for (let k = 0; k < FOLDS; k++) {
  const train = inGroup(target).filter((r) => r.fold !== k);
  chosen[k] = names.reduce((best, v) => (avg(train.map((r) => r.smape[v])) < avg(train.map((r) => r.smape[best])) ? v : best), names[0]);
}
console.log(`\nChosen by ${target.toLowerCase()} sMAPE on the other two folds: ${Object.values(chosen).map((v, k) => `fold ${k}: ${v}`).join("; ")}`);
table(["frequency", "chosen, out of fold", "ours − THETA"], groups.map((k) => [k.toLowerCase(), avg(inGroup(k).map((r) => r.smape[chosen[r.fold]])).toFixed(2), diff(inGroup(k), (r) => r.smape[chosen[r.fold]])]));
console.log(`\nCPU time: shipped forecastSeries ${(1000 * shippedCpu / rows.length).toFixed(1)} ms a series (${(rows.length / shippedCpu).toFixed(1)} series/s); extra members, ms a series: ${Object.entries(cpu).map(([k, v]) => `${k} ${(1000 * v / rows.length).toFixed(1)}`).join(", ")}`);
