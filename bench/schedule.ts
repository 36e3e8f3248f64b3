// `npm run bench:schedule [-- --limits 1,10 --instances ft06,ft10 --atsp-limit 2]`: job-shop makespan
// and ATSP length against the best known values, per instance and time limit (one core).
// `npm run bench:schedule -- --tardiness 1.3,1.5,1.6 [--twt-instances ft10,la16]`: only the total
// weighted tardiness table on the Singer–Pinedo instances (twt-best-known.json for the gaps).
// `--iterations N` runs every job-shop instance with a budget of N iterations instead of a time limit
// (reproducible: the same makespans on any machine). `--big 100x100,500x20,1000x10,200x100` times the
// start-up on generated big shops: first schedule, all dispatch rules, and a solve limited to 100 ms.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { parseJobShopText } from "../src/engine/schedule/jobShop/jobShopText";
import { solveJobShop } from "../src/engine/schedule/jobShop/solveJobShop";
import { parseTsplib } from "../src/engine/schedule/sequencing/tsplib";
import { solveSequence } from "../src/engine/schedule/sequencing/solveSequence";
import { checkSchedule, checkSequence } from "../src/engine/schedule/check";
import { singerPinedoInstance } from "../src/engine/schedule/jobShop/singerPinedo";
import { bigJobShop, bigJobShopRows } from "../test/schedule/bigJobShop";

const DEFAULT_JOBSHOP = "ft06,ft10,ft20,la01,la02,la03,la04,la05,la06,la07,la08,la09,la10,la11,la12,la13,la14,la15,la16,la17,la18,la19,la20,la21,la22,la23,la24,la25,la26,la27,la28,la29,la30,la31,la32,la33,la34,la35,la36,la37,la38,la39,la40,abz5,abz6,orb01,orb02,orb03,orb04,orb05,ta01,ta02,ta11,ta21";
const DEFAULT_TWT = "ft10,la16,la17,la18,la19,la20,la21,la22,la23,la24,abz5,abz6,orb01,orb02,orb03,orb04,orb05";
const { values } = parseArgs({
  options: {
    instances: { type: "string", default: DEFAULT_JOBSHOP },
    limits: { type: "string", default: "1,10" },
    atsp: { type: "string", default: "br17,ftv33,ftv38,p43,ftv47,ft53,ftv64,ft70,kro124p,rbg323" },
    "atsp-limit": { type: "string", default: "2" },
    seed: { type: "string", default: "1" },
    tardiness: { type: "string" },
    "twt-instances": { type: "string", default: DEFAULT_TWT },
    iterations: { type: "string" },
    big: { type: "string" },
    "big-limit": { type: "string", default: "100" },
  },
});
const fixtures = path.join(__dirname, "..", "test", "fixtures");
const bounds = JSON.parse(readFileSync(path.join(fixtures, "jobshop", "bounds.json"), "utf8"));
const optima = JSON.parse(readFileSync(path.join(fixtures, "atsp", "optima.json"), "utf8"));
const limits = values.limits!.split(",").filter(Boolean).map(Number);
const seed = Number(values.seed);
const pad = (s: string | number, w: number) => String(s).padStart(w);

const twtOnly = values.tardiness !== undefined;
const bigOnly = values.big !== undefined;
const iterations = values.iterations === undefined ? undefined : Number(values.iterations);
const budget = (limit: number) => (iterations === undefined ? { timeLimitMs: limit * 1000 } : { maxIterations: iterations });
if (iterations !== undefined) limits.splice(0, limits.length, 0);
const heading = (l: number) => (iterations === undefined ? `${l}s found` : `${iterations} it`);

if (bigOnly) {
  const limitMs = Number(values["big-limit"]);
  console.log(`big job shops (durations 1..99; "due" with due dates: weighted tardiness), seed ${seed}; times in ms, wall clock`);
  console.log(["shop", "ops", "objective", "first", "all rules", `${limitMs} ms run`, "status", "iterations", "start", "found", "bound", "valid"].map((h, i) => pad(h, i === 0 ? 12 : 10)).join(" "));
  for (const row of bigJobShopRows(values.big!)) {
    const instance = bigJobShop(seed, row.jobs, row.machines, row.dueDates);
    const tardy = row.dueDates;
    const timed = <T>(f: () => T): [T, number] => { const t = performance.now(); const x = f(); return [x, performance.now() - t]; };
    const [, first] = timed(() => solveJobShop(instance, { timeLimitMs: 1, seed }));
    const [, all] = timed(() => solveJobShop(instance, { maxIterations: 0, seed }));
    const [r, wall] = timed(() => solveJobShop(instance, { timeLimitMs: limitMs, seed }));
    const check = checkSchedule(instance, r.operations);
    const found = tardy ? r.totalWeightedTardiness : r.makespan;
    console.log([row.label, row.jobs * row.machines, tardy ? "tardiness" : "makespan", first.toFixed(0), all.toFixed(0), wall.toFixed(0), r.status, r.statistics.iterations,
      r.statistics.initialValue, found, r.bound, check.valid ? "yes" : "NO"].map((c, i) => pad(c, i === 0 ? 12 : 10)).join(" "));
  }
}

if (values.instances && !twtOnly && !bigOnly) {
  const names = values.instances.split(",").filter(Boolean);
  const gaps = limits.map(() => [] as number[]);
  console.log(`job shop (makespan), seed ${seed}`);
  console.log(["instance", "size", "best", ...limits.flatMap((l) => [heading(l), "gap %", "time s", "status"])].map((h, i) => pad(h, i === 0 ? 8 : 9)).join(" "));
  for (const name of names) {
    const instance = parseJobShopText(readFileSync(path.join(fixtures, "jobshop", `${name}.txt`), "utf8"), name);
    const best = bounds[name]?.optimum;
    const cells: (string | number)[] = [name, `${instance.jobs.length}x${instance.machineCount}`, best];
    limits.forEach((limit, k) => {
      const r = solveJobShop(instance, { ...budget(limit), seed });
      const check = checkSchedule(instance, r.operations);
      if (!check.valid || check.makespan !== r.makespan) throw new Error(`${name}: invalid schedule: ${check.violations[0]}`);
      const gap = ((r.makespan - best) / best) * 100;
      gaps[k].push(gap);
      cells.push(r.makespan, gap.toFixed(2), (r.statistics.elapsedMs / 1000).toFixed(2), r.status);
    });
    console.log(cells.map((c, i) => pad(c, i === 0 ? 8 : 9)).join(" "));
  }
  limits.forEach((limit, k) => {
    const g = gaps[k];
    console.log(`${iterations === undefined ? `${limit} s` : `${iterations} iterations`}: mean gap ${(g.reduce((a, b) => a + b, 0) / g.length).toFixed(2)} %, max ${Math.max(...g).toFixed(2)} %, optimum reached on ${g.filter((x) => x <= 0).length}/${g.length}`);
  });
}

if (values.atsp && !twtOnly && !bigOnly && iterations === undefined) {
  const limit = Number(values["atsp-limit"]);
  console.log(`\nATSP (closed tour), ${limit} s, seed ${seed}`);
  console.log(["instance", "nodes", "optimum", "found", "gap %", "bound", "time s", "status"].map((h, i) => pad(h, i === 0 ? 8 : 9)).join(" "));
  for (const name of values.atsp.split(",").filter(Boolean)) {
    const instance = parseTsplib(readFileSync(path.join(fixtures, "atsp", `${name}.atsp`), "utf8"), name);
    const r = solveSequence(instance, { timeLimitMs: limit * 1000, seed });
    const check = checkSequence(instance, r.sequence, { closed: true });
    if (!check.valid || check.length !== r.length) throw new Error(`${name}: invalid tour`);
    const best = optima[name].optimum;
    console.log([name, instance.dimension, best, r.length, (((r.length - best) / best) * 100).toFixed(2), r.bound, (r.statistics.elapsedMs / 1000).toFixed(2), r.status].map((c, i) => pad(c, i === 0 ? 8 : 9)).join(" "));
  }
}

if (twtOnly) {
  const factors = values.tardiness!.split(",").filter(Boolean).map(Number);
  const known = JSON.parse(readFileSync(path.join(fixtures, "jobshop", "twt-best-known.json"), "utf8"));
  const gaps = limits.map(() => [] as number[]);
  const hits = limits.map(() => [0, 0]);
  console.log(`job shop (total weighted tardiness, Singer–Pinedo due dates), seed ${seed}`);
  console.log(["instance", "size", "f", "known", ...limits.flatMap((l) => [heading(l), "gap %", "found at s", "status"])].map((h, i) => pad(h, i === 0 ? 8 : 10)).join(" "));
  for (const name of values["twt-instances"]!.split(",").filter(Boolean)) {
    const base = parseJobShopText(readFileSync(path.join(fixtures, "jobshop", `${name}.txt`), "utf8"), name);
    for (const f of factors) {
      const instance = singerPinedoInstance(base, f);
      const best: number | undefined = known[name]?.[String(f)]?.best;
      const cells: (string | number)[] = [name, `${base.jobs.length}x${base.machineCount}`, f, best ?? "-"];
      limits.forEach((limit, k) => {
        let lastImprovement = 0, lastBest = Infinity;
        const onProgress = (p: { best: number; elapsedMs: number }) => { if (p.best < lastBest) { lastBest = p.best; lastImprovement = p.elapsedMs; } };
        const r = solveJobShop(instance, { ...budget(limit), seed, onProgress });
        const check = checkSchedule(instance, r.operations);
        if (!check.valid || check.totalWeightedTardiness !== r.totalWeightedTardiness) throw new Error(`${name} f=${f}: invalid schedule: ${check.violations[0]}`);
        let gap = "-";
        if (best !== undefined) {
          if (best > 0) { const g = ((r.totalWeightedTardiness - best) / best) * 100; gaps[k].push(g); gap = g.toFixed(2); }
          hits[k][1]++;
          if (r.totalWeightedTardiness <= best) hits[k][0]++;
        }
        cells.push(r.totalWeightedTardiness, gap, (lastImprovement / 1000).toFixed(2), r.status);
      });
      console.log(cells.map((c, i) => pad(c, i === 0 ? 8 : 10)).join(" "));
    }
  }
  limits.forEach((limit, k) => {
    const g = gaps[k];
    const mean = g.length ? (g.reduce((a, b) => a + b, 0) / g.length).toFixed(2) : "-";
    console.log(`${iterations === undefined ? `${limit} s` : `${iterations} iterations`}: mean gap ${mean} % over ${g.length} with best known > 0, best known reached on ${hits[k][0]}/${hits[k][1]}`);
  });
}
