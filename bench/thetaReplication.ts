// Replication diagnostic of the M3 THETA method (npm run bench:theta-replication): how closely our
// Theta, the two-line form first published and a damped θ = 2 line reproduce THETA's own published
// forecasts series by series (M3 development set). Prints tables; asserts nothing.
// Flags: --file F, --frequency YEARLY|QUARTERLY|MONTHLY|OTHER, --limit N, --worst K, --combination
// (also score ETS + Theta + ARIMA with each variant in Theta's place: ~1 min for the whole set).

import { accuracy } from "../src/engine/forecast/accuracy";
import { fitTheta, linearSlope, thetaForecast } from "../src/engine/forecast/theta";
import { seasonalAdjustment, reseasonalise } from "../src/engine/forecast/seasonalAdjustment";
import { forecastSeriesWithMembers } from "../src/engine/forecast/forecastSeries";
import { nelderMead } from "../src/engine/forecast/nelderMead";
import { FOLDS, foldOf, mean, pairedBootstrap } from "./forecastStats";
import { flag as flagIn, M3Series, m3Set, ORDER } from "./m3Set";

const argv = process.argv.slice(2);
const { file, all, ids } = m3Set(argv);
const worst = Number(flagIn(argv, "--worst") ?? 10);

/** SES one-step SSE and final level of z for smoothing α and initial level ℓ0. */
function ses(z: number[], alpha: number, l0: number): { sse: number; level: number } {
  let level = l0, sse = 0;
  for (const v of z) { const e = v - level; sse += e * e; level += alpha * e; }
  return { sse, level };
}
/** α of least SSE for a given initial level: grid of 0.01 then golden-section refinement. */
function bestAlpha(z: number[], l0: number): number {
  let best = 0.01, bestSse = Infinity;
  for (let a = 0.01; a <= 1.0000001; a += 0.01) { const s = ses(z, a, l0).sse; if (s < bestSse) { bestSse = s; best = a; } }
  let lo = Math.max(1e-4, best - 0.01), hi = Math.min(1, best + 0.01);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const a = hi - g * (hi - lo), b = lo + g * (hi - lo);
    if (ses(z, a, l0).sse < ses(z, b, l0).sse) hi = b; else lo = a;
  }
  return (lo + hi) / 2;
}

/**
 * The Theta method in its two-line form (Assimakopoulos & Nikolopoulos 2000): θ = 0 line (least
 * squares on the adjusted series) extrapolated, θ = 2 line (2x − L) extrapolated by SES with the
 * given initial level rule, averaged with equal weights, reseasonalised.
 */
function twoLines(y: number[], m: number, h: number, init: "first" | "optimal"): number[] {
  const adj = seasonalAdjustment(y, m);
  const x = adj.adjusted, n = x.length;
  const b = linearSlope(x);
  const a = mean(x) - b * (n + 1) / 2;
  const z = x.map((v, t) => 2 * v - (a + b * (t + 1)));
  let level: number;
  if (init === "first") level = ses(z, bestAlpha(z, z[0]), z[0]).level;
  else {
    // Initial level optimised jointly with α: for fixed α the SSE is quadratic in ℓ0.
    let best = { sse: Infinity, level: z[0] };
    for (let alpha = 0.01; alpha <= 1.0000001; alpha += 0.01) {
      const s0 = ses(z, alpha, 0), s1 = ses(z, alpha, 1), s2 = ses(z, alpha, 2);
      const c2 = (s2.sse - 2 * s1.sse + s0.sse) / 2, c1 = s1.sse - s0.sse - c2;
      const l0 = c2 > 0 ? -c1 / (2 * c2) : z[0];
      const r = ses(z, alpha, l0);
      if (r.sse < best.sse) best = r;
    }
    level = best.level;
  }
  const f = Array.from({ length: h }, (_, i) => 0.5 * (a + b * (n + i + 1)) + 0.5 * level);
  return reseasonalise(adj, f, n);
}

/** Damped-trend (Gardner) one-step SSE of z, and its forecasts; α, β, φ in (0, 1), ℓ0 and b0 free. */
function dampedSse(z: number[], [alpha, beta, phi, l0, b0]: number[]): { sse: number; level: number; trend: number } {
  if (!(alpha > 0 && alpha < 1 && beta > 0 && beta < 1 && phi > 0 && phi < 1)) return { sse: Infinity, level: 0, trend: 0 };
  let level = l0, trend = b0, sse = 0;
  for (const v of z) { const f = level + phi * trend, e = v - f; sse += e * e; level = f + alpha * e; trend = phi * trend + alpha * beta * e; }
  return { sse, level, trend };
}
/** The two-line form with the θ = 2 line extrapolated by a damped trend (φ free in (0, 1)) instead of SES. */
function twoLinesDamped(y: number[], m: number, h: number): number[] {
  const adj = seasonalAdjustment(y, m);
  const x = adj.adjusted, n = x.length, b = linearSlope(x), a = mean(x) - b * (n + 1) / 2;
  const z = x.map((v, t) => 2 * v - (a + b * (t + 1)));
  const scale = Math.max(1e-9, mean(z.map(Math.abs)));
  const b0 = linearSlope(z.slice(0, Math.min(n, 10)));
  let best = { x: [0.5, 0.1, 0.9, z[0] - b0, b0], value: Infinity };
  for (const start of [[0.2, 0.1, 0.5], [0.5, 0.1, 0.9], [0.8, 0.1, 0.5]]) {
    const r = nelderMead((p) => dampedSse(z, p).sse, [...start, z[0] - b0, b0], { steps: [0.1, 0.05, 0.1, 0.1 * scale, 0.01 * scale], maxEvaluations: 2000 });
    if (r.value < best.value) best = r;
  }
  const { level, trend } = dampedSse(z, best.x), phi = best.x[2];
  let damp = 0;
  const f = Array.from({ length: h }, (_, i) => { damp += phi ** (i + 1); return 0.5 * (a + b * (n + i + 1)) + 0.5 * (level + damp * trend); });
  return reseasonalise(adj, f, n);
}

type Variant = (s: M3Series) => number[];
const VARIANTS: Record<string, Variant> = {
  "ours (SES with drift b/2, ML)": (s) => { const f = fitTheta(s.history, s.frequency); return f ? thetaForecast(f, s.horizon) : s.history.slice(-1).concat(new Array(s.horizon - 1).fill(s.history[s.history.length - 1])); },
  "two lines, l0 = first θ=2 value": (s) => twoLines(s.history, s.frequency, s.horizon, "first"),
  "two lines, l0 least squares": (s) => twoLines(s.history, s.frequency, s.horizon, "optimal"),
  "two lines, θ=2 line by a damped trend": (s) => twoLinesDamped(s.history, s.frequency, s.horizon),
};

/** Largest relative difference over the horizon |f − THETA| / |THETA|. */
const maxRel = (f: number[], t: number[]) => Math.max(...t.map((v, i) => Math.abs(f[i] - v) / Math.max(Math.abs(v), 1e-9)));
const withCombination = argv.includes("--combination");
const rows = ids.map((id, index) => {
  const s = all[id];
  const out: Record<string, { rel: number; smape: number; combined: number }> = {};
  // The shipped combination's other members (as forecastSeries fits them), for --combination.
  const members = withCombination ? forecastSeriesWithMembers(s.history, { horizon: s.horizon, seasonLength: s.frequency }, false).members : {};
  const nonNegative = s.history.every((v) => v >= 0);
  for (const [name, run] of Object.entries(VARIANTS)) {
    const f = run(s);
    let combined = NaN;
    if (members.ETS && members.ARIMA) {
      const theta = name === Object.keys(VARIANTS)[0] && members.Theta ? members.Theta.forecast : f;
      const c = f.map((_, h) => (members.ETS!.forecast[h] + theta[h] + members.ARIMA!.forecast[h]) / 3);
      combined = accuracy(s.actual, nonNegative ? c.map((v) => Math.max(0, v)) : c).smape;
    }
    out[name] = { rel: maxRel(f, s.theta), smape: accuracy(s.actual, f).smape, combined };
  }
  return { s, fold: foldOf(index), out, theta: accuracy(s.actual, s.theta).smape, seasonal: seasonalAdjustment(s.history, s.frequency).indices !== null };
});

function table(header: string[], body: string[][]) {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  console.log(header.map((h, c) => h.padEnd(widths[c])).join("  "));
  for (const r of body) console.log(r.map((v, c) => v.padEnd(widths[c])).join("  "));
}
const groups = ORDER.filter((k) => k === "ALL" || rows.some((r) => r.s.period === k));
const inGroup = (k: string) => rows.filter((r) => k === "ALL" || r.s.period === k);
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
const median = (v: number[]) => { const s = v.slice().sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };

console.log(`\n${file.split("/").pop()}: ${rows.length} series. Agreement with THETA's published forecasts: share of series whose every step is within 0.5 % (1 %, 5 %) of THETA's; median of the largest relative difference; sMAPE beside THETA's.`);
for (const name of Object.keys(VARIANTS)) {
  console.log(`\n${name}`);
  table(["frequency", "series", "≤ 0.5 %", "≤ 1 %", "≤ 5 %", "median max diff", "sMAPE", "THETA sMAPE"], groups.map((k) => {
    const g = inGroup(k), rel = g.map((r) => r.out[name].rel);
    return [k.toLowerCase(), String(g.length), pct(mean(rel.map((v) => +(v <= 0.005)))), pct(mean(rel.map((v) => +(v <= 0.01)))), pct(mean(rel.map((v) => +(v <= 0.05)))),
      pct(median(rel)), mean(g.map((r) => r.out[name].smape)).toFixed(2), mean(g.map((r) => r.theta)).toFixed(2)];
  }));
}
const first = Object.keys(VARIANTS)[0];
console.log(`\nSeasonally adjusted by our test / not: share within 0.5 % (${first})`);
table(["frequency", "adjusted", "within 0.5 %", "not adjusted", "within 0.5 %"], groups.filter((k) => k !== "YEARLY" && k !== "OTHER").map((k) => {
  const g = inGroup(k), a = g.filter((r) => r.seasonal), na = g.filter((r) => !r.seasonal);
  return [k.toLowerCase(), String(a.length), pct(mean(a.map((r) => +(r.out[first].rel <= 0.005)))), String(na.length), pct(mean(na.map((r) => +(r.out[first].rel <= 0.005))))];
}));
console.log(`\nLargest disagreements (${first}): series, frequency, n, largest relative difference`);
for (const r of rows.slice().sort((a, b) => b.out[first].rel - a.out[first].rel).slice(0, worst)) console.log(`  ${r.s.id}  ${r.s.period.toLowerCase()}  n=${r.s.history.length}  ${pct(r.out[first].rel)}`);

// Any form of the method as published (a line plus a flat SES forecast, times the indices) forecasts
// a series that is not seasonally adjusted by a straight line in h. How many of THETA's are?
const straight = (t: number[]) => {
  const b = linearSlope(t), mt = mean(t), c = (t.length + 1) / 2;
  return Math.max(...t.map((v, i) => Math.abs(v - (mt + b * (i + 1 - c))))) / Math.max(Math.abs(mt), 1e-9);
};
console.log("\nSeries our test does not adjust: share whose THETA forecasts are a straight line in h (every step within 0.1 % / 0.5 % of their least-squares line), as every SES-plus-line form gives");
table(["frequency", "not adjusted", "straight ≤ 0.1 %", "≤ 0.5 %"], groups.map((k) => {
  const g = inGroup(k).filter((r) => !r.seasonal), d = g.map((r) => straight(r.s.theta));
  return [k.toLowerCase(), String(g.length), pct(mean(d.map((v) => +(v <= 0.001)))), pct(mean(d.map((v) => +(v <= 0.005))))];
}));

// Where do the adjusted series differ: in the seasonal pattern or in the level and trend? log(THETA / ours)
// split into its least-squares line over h (level + trend) and the mean residual by season position.
function split(r: (typeof rows)[number]): { periodic: number; trend: number } {
  const fit = fitTheta(r.s.history, r.s.frequency), m = r.s.frequency;
  if (!fit) return { periodic: NaN, trend: NaN };
  const f = thetaForecast(fit, r.s.horizon), d = r.s.theta.map((v, i) => Math.log(v / f[i]));
  const b = linearSlope(d), md = mean(d), c = (d.length + 1) / 2;
  const sums = new Array<number>(m).fill(0), counts = new Array<number>(m).fill(0);
  d.forEach((v, i) => { sums[i % m] += v - md - b * (i + 1 - c); counts[i % m]++; });
  return { periodic: Math.max(...sums.map((v, k) => Math.abs(v / counts[k]))), trend: Math.max(...d.map((_, i) => Math.abs(md + b * (i + 1 - c)))) };
}
const quartiles = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return [0.25, 0.5, 0.75].map((p) => pct(s[Math.floor(p * s.length)])).join(" / "); };
console.log(`\nSeasonally adjusted series (${first}, positive THETA forecasts): largest part of log(THETA / ours) that is seasonal (by position) and that is level + trend (a line in h), quartiles over series`);
table(["frequency", "adjusted", "seasonal part q25 / q50 / q75", "level + trend part"], groups.filter((k) => k !== "YEARLY" && k !== "OTHER").map((k) => {
  const parts = inGroup(k).filter((r) => r.seasonal && r.s.theta.every((v) => v > 0)).map(split);
  return [k.toLowerCase(), String(parts.length), quartiles(parts.map((p) => p.periodic)), quartiles(parts.map((p) => p.trend))];
}));

if (withCombination) {
  const names = Object.keys(VARIANTS), base = names[0];
  console.log(`\nETS + Theta + ARIMA (equal weights, clipped at 0 like forecastSeries) with each Theta variant: sMAPE, and variant − ${base}: mean [paired bootstrap 95 %] and per fold`);
  for (const name of names.slice(1)) {
    console.log(`\n${name}`);
    table(["frequency", "combination (ours)", "with variant", "variant − ours [95 %]", ...Array.from({ length: FOLDS }, (_, k) => `fold ${k}`)], groups.map((k) => {
      const g = inGroup(k).filter((r) => Number.isFinite(r.out[base].combined));
      const d = pairedBootstrap(g.map((r) => r.out[name].combined - r.out[base].combined));
      return [k.toLowerCase(), mean(g.map((r) => r.out[base].combined)).toFixed(2), mean(g.map((r) => r.out[name].combined)).toFixed(2), `${d.mean.toFixed(3)} [${d.low.toFixed(3)}, ${d.high.toFixed(3)}]`,
        ...Array.from({ length: FOLDS }, (_, f) => mean(g.filter((r) => r.fold === f).map((r) => r.out[name].combined - r.out[base].combined)).toFixed(3))];
    }));
  }
}
