// Per-series weights of ETS, Theta and ARIMA from rolling-origin errors on each series' own history
// (npm run bench:forecast-weights): every weight rule scored on M3, its constants chosen on two folds
// and scored on the third, against equal weights and THETA. Prints; asserts nothing.
// Flags: --frequency QUARTERLY|... (quick runs), --limit N, --file F.

import { accuracy } from "../src/engine/forecast/accuracy";
import { fitMembers } from "../src/engine/forecast/members";
import { COMBINATION } from "../src/engine/forecast/combinationRule";
import { rollingErrors } from "../src/engine/forecast/rollingOrigin";
import type { MemberForm } from "../src/engine/forecast/members";
import { combinationWeights, holdoutErrors, meanOriginErrors, OriginErrors, WeightRule } from "./forecastMemberWeights";
import { FOLDS, foldOf, mean, pairedBootstrap } from "./forecastStats";
import { M3Series, m3Set, ORDER } from "./m3Set";

const { all, ids } = m3Set();
const MAX_ORIGINS = 6;
const KS = [1, 2, 3, 6];

/** The variants: a rule, the number of origins k and the error measure; family for the fold choice. */
interface Variant { name: string; family: string; rule: WeightRule; k: number; metric: keyof OriginErrors }
const variants: Variant[] = [{ name: "equal (shipped)", family: "equal", rule: { kind: "equal" }, k: 1, metric: "mase" }];
for (const k of [1, 2, 3, 6]) {
  for (const metric of ["mase", "smape"] as const) {
    const tag = `k=${k} ${metric}`;
    for (const shrink of [0.25, 0.5, 0.75, 1]) variants.push({ name: `inverse λ=${shrink} ${tag}`, family: "inverse", rule: { kind: "inverse", shrink }, k, metric });
    for (const shrink of [0.25, 0.5, 1]) variants.push({ name: `inverse² λ=${shrink} ${tag}`, family: "inverse²", rule: { kind: "inverse", shrink, power: 2 }, k, metric });
    for (const temperature of [0.01, 0.1, 0.25, 0.5, 1]) variants.push({ name: `softmax T=${temperature} ${tag}`, family: "softmax", rule: { kind: "softmax", temperature }, k, metric });
    for (const ratio of [1.25, 1.5, 2, 3]) variants.push({ name: `drop worst r=${ratio} ${tag}`, family: "dropWorst", rule: { kind: "dropWorst", ratio }, k, metric });
  }
}

interface Row { s: M3Series; fold: number; origins: number; best: number; worst: number; holdoutBest: number[]; holdoutWorst: number[]; smape: number[]; mase: number[]; theta: number; thetaMase: number; weights: number[][] }
let fitCpu = 0, holdoutCpu = 0, origins = 0;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
const rows: Row[] = ids.map((id, index) => {
  const s = all[id];
  const m = s.frequency, h = s.horizon;
  const scale = s.history.reduce((a, v) => a + Math.abs(v), 0) / s.history.length || 1;
  const y = s.history.map((v) => v / scale);
  let t = cpu();
  const members = fitMembers(y, m, h, 0.95, COMBINATION);
  rollingErrors(y, m);
  fitCpu += cpu() - t;
  const cores = COMBINATION.map((k) => members[k]).filter((c) => c !== undefined);
  const forms = cores.map((c) => c!.form).filter((f): f is MemberForm => f !== undefined);
  t = cpu();
  const errors = forms.length === cores.length ? holdoutErrors(y, m, h, forms, MAX_ORIGINS) : [];
  holdoutCpu += cpu() - t;
  origins += errors.length;
  const nonNegative = s.history.every((v) => v >= 0);
  const smape: number[] = [], mase: number[] = [], weights: number[][] = [];
  for (const v of variants) {
    const w = errors.length >= v.k ? combinationWeights(meanOriginErrors(errors, v.k, v.metric), v.rule) : cores.map(() => 1 / cores.length);
    const f = cores[0]!.forecast.map((_, i) => cores.reduce((a, c, j) => a + w[j] * c!.forecast[i], 0) * scale).map((x) => (nonNegative ? Math.max(0, x) : x));
    const a = accuracy(s.actual, f, s.history, m);
    smape.push(a.smape); mase.push(a.mase ?? NaN); weights.push(w);
  }
  const th = accuracy(s.actual, s.theta, s.history, m);
  // Does the holdout rank the members as the test horizon does? (argmin / argmax of sMAPE; −1: no errors)
  const memberSmape = cores.map((c) => accuracy(s.actual, c!.forecast.map((x) => (nonNegative ? Math.max(0, x * scale) : x * scale)), s.history, m).smape);
  const arg = (v: number[], pick: (a: number, b: number) => boolean) => (v.length && v.every(Number.isFinite) ? v.reduce((b, x, i) => (pick(x, v[b]) ? i : b), 0) : -1);
  const holdout = KS.map((k) => (errors.length >= k ? meanOriginErrors(errors, k, "smape") : []));
  const agree = { best: arg(memberSmape, (a, b) => a < b), worst: arg(memberSmape, (a, b) => a > b), holdoutBest: holdout.map((v) => arg(v, (a, b) => a < b)), holdoutWorst: holdout.map((v) => arg(v, (a, b) => a > b)) };
  return { s, fold: foldOf(index), origins: errors.length, ...agree, smape, mase, theta: th.smape, thetaMase: th.mase ?? NaN, weights };
});

const groups = ORDER.filter((k) => k === "ALL" || rows.some((r) => r.s.period === k));
const inGroup = (k: string) => rows.filter((r) => k === "ALL" || r.s.period === k);
const avg = (v: number[]) => mean(v.filter(Number.isFinite));
const sign = (v: number) => (v >= 0 ? "+" : "") + v.toFixed(2);
function table(header: string[], body: string[][]) {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  console.log(header.map((h, c) => h.padEnd(widths[c])).join("  "));
  for (const r of body) console.log(r.map((v, c) => v.padEnd(widths[c])).join("  "));
}
const versus = (g: Row[], pick: (r: Row) => number, base: (r: Row) => number) => {
  const b = pairedBootstrap(g.map((r) => pick(r) - base(r)));
  const folds = Array.from({ length: FOLDS }, (_, f) => avg(g.filter((r) => r.fold === f).map((r) => pick(r) - base(r))));
  return `${sign(b.mean)} [${b.low.toFixed(2)}, ${b.high.toFixed(2)}] ${folds.map(sign).join(" / ")}`;
};

console.log(`\n${rows.length} series; every variant on the whole set (not out of fold), sMAPE % per frequency, MASE all:`);
table(["variant", ...groups.map((k) => k.toLowerCase()), "MASE all"], [
  ...variants.map((v, i) => [v.name, ...groups.map((k) => avg(inGroup(k).map((r) => r.smape[i])).toFixed(2)), avg(rows.map((r) => r.mase[i])).toFixed(3)]),
  ["THETA (M3)", ...groups.map((k) => avg(inGroup(k).map((r) => r.theta)).toFixed(2)), avg(rows.map((r) => r.thetaMase)).toFixed(3)],
]);

/** Out of fold: per family, the variant of least sMAPE on `target` in the other two folds, scored on the third. */
function outOfFold(family: string, target: string) {
  const pool = variants.map((v, i) => ({ v, i })).filter(({ v }) => family === "any" || v.family === family || v.family === "equal");
  const chosen = Array.from({ length: FOLDS }, (_, f) => {
    const train = inGroup(target).filter((r) => r.fold !== f);
    return pool.reduce((best, c) => (avg(train.map((r) => r.smape[c.i])) < avg(train.map((r) => r.smape[best.i])) ? c : best), pool[0]).i;
  });
  console.log(`\n${family}, chosen by ${target.toLowerCase()} sMAPE on two folds: ${chosen.map((i, f) => `fold ${f}: ${variants[i].name}`).join("; ")}`);
  table(["frequency", "out of fold", "ours − THETA [95 %] folds", "− equal weights [95 %] folds"], groups.map((k) => {
    const g = inGroup(k);
    return [k.toLowerCase(), avg(g.map((r) => r.smape[chosen[r.fold]])).toFixed(2), versus(g, (r) => r.smape[chosen[r.fold]], (r) => r.theta), versus(g, (r) => r.smape[chosen[r.fold]], (r) => r.smape[0])];
  }));
  console.log(`MASE all out of fold ${avg(rows.map((r) => r.mase[chosen[r.fold]])).toFixed(3)} (equal ${avg(rows.map((r) => r.mase[0])).toFixed(3)}, THETA ${avg(rows.map((r) => r.thetaMase)).toFixed(3)})`);
  const w = rows.map((r) => r.weights[chosen[r.fold]]);
  console.log(`mean weights ETS / Theta / ARIMA out of fold: ${[0, 1, 2].map((j) => avg(w.map((x) => x[j] ?? NaN)).toFixed(3)).join(" / ")}`);
}
for (const target of ["ALL", ...(groups.includes("QUARTERLY") && groups.length > 2 ? ["QUARTERLY"] : [])]) {
  for (const family of ["inverse", "inverse²", "softmax", "dropWorst", "any"]) outOfFold(family, target);
}
const n = rows.length;
console.log(`\nShare of series whose best (worst) member on the held-out M3 horizon is the best (worst) on the series' own last k origins (sMAPE; chance 33 %; among the series with k origins):`);
table(["frequency", ...KS.map((k) => `k=${k} best`), ...KS.map((k) => `k=${k} worst`)], groups.map((g) => {
  const r = inGroup(g);
  const share = (j: number, f: (x: Row) => boolean) => { const has = r.filter((x) => x.holdoutBest[j] >= 0 && x.best >= 0); return `${(100 * has.filter(f).length / Math.max(1, has.length)).toFixed(1)} %`; };
  return [g.toLowerCase(), ...KS.map((_, j) => share(j, (x) => x.holdoutBest[j] === x.best)), ...KS.map((_, j) => share(j, (x) => x.holdoutWorst[j] === x.worst))];
}));
const weighted = (r: Row[], j: number) => (100 * r.filter((x) => x.holdoutBest[j] >= 0).length / Math.max(1, r.length)).toFixed(1);
console.log(`\nSeries with every member's error at k origins (the others keep equal weights), k = ${KS.join(" / ")}: all ${KS.map((_, j) => weighted(rows, j)).join(" / ")} %; quarterly ${KS.map((_, j) => weighted(inGroup("QUARTERLY"), j)).join(" / ")} %`);
console.log(`\nCPU: members + own interval factor ${(1000 * fitCpu / n).toFixed(1)} ms a series (${(n / fitCpu).toFixed(1)} series/s); holdout refits ${(1000 * holdoutCpu / Math.max(1, origins)).toFixed(2)} ms an origin, ${(origins / n).toFixed(2)} origins a series; with k origins ≈ ${[1, 2, 3, 6].map((k) => `k=${k}: ${(n / (fitCpu + holdoutCpu * Math.min(k, origins / n) / (origins / n))).toFixed(1)}`).join(", ")} series/s`);
