// `npm run bench:reschedule`: five urgent jobs inserted into a planned 20×20 job shop (Taillard's
// ta21, planned by `aps schedule`'s tabu search) with the first third of the published schedule
// frozen; the least-disruption reschedule against the full re-solve it reports. Targets: answered
// in < 1 s, at most half the moved operations, objective within 5 %. Also a 20×10 shop (la26) and
// a stress case whose urgent jobs visit every machine; then, for weighted tardiness, the urgent work
// per machine against its idle time, what one urgent operation inserted alone moves, and the
// reschedule at higher disruption weights.
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parseJobShopText } from "../src/engine/schedule/jobShop/jobShopText";
import { solveJobShop } from "../src/engine/schedule/jobShop/solveJobShop";
import { seededRandom } from "../src/engine/random";
import { reschedule } from "../src/engine/reschedule/reschedule";
import { checkReschedule } from "../src/engine/reschedule/check";
import { shopFromJobShop, type Shop } from "../src/engine/reschedule/shop";
import type { PublishedOperation } from "../src/engine/reschedule/published";
import { buildProblem } from "../src/engine/reschedule/problem";
import { freeJobShop } from "../src/engine/reschedule/graph";
import { computeHeads, graphScratch, linksFromSequences } from "../src/engine/schedule/jobShop/disjunctiveGraph";

const candidates = [path.join(__dirname, "..", "test", "fixtures", "jobshop"), "/work/shared/benchmarks/jobshop"];
const fileOf = (name: string) => candidates.map((d) => path.join(d, `${name}.txt`)).find((f) => existsSync(f));

/** The shop plus five urgent jobs of `length` operations on random machines, durations 1–99 (Taillard's range), weight 5, due 1.5 × their work after the frozen window. */
function withUrgentJobs(base: Shop, published: readonly PublishedOperation[], length: number, tardiness: boolean, frozen: number): Shop {
  const r = seededRandom(7);
  const shop: Shop = { machines: base.machines, downtime: [], jobs: base.jobs.map((j) => ({ ...j })) };
  if (tardiness) {
    // Each planned job is promised for its published completion.
    for (const op of published) shop.jobs[op.job].due = Math.max(shop.jobs[op.job].due ?? 0, op.end);
  }
  for (let u = 0; u < 5; u++) {
    const machines = base.machines.map((_, m) => m).sort(() => r() - 0.5).slice(0, length);
    const operations = machines.map((machine) => ({ machine, duration: 1 + Math.floor(r() * 99) }));
    const work = operations.reduce((s, o) => s + o.duration, 0);
    shop.jobs.push({ id: `urgent ${u + 1}`, operations, due: Math.round(frozen + 1.5 * work), weight: 5 });
  }
  return shop;
}

/** Per machine: the urgent jobs' work, and the machine's idle time in the published schedule from now + frozen to the latest urgent due date. */
function loadAgainstIdle(shop: Shop, published: readonly PublishedOperation[], frozen: number): Record<string, unknown>[] {
  const urgent = shop.jobs.filter((j) => j.id.startsWith("urgent"));
  const latestDue = Math.max(...urgent.map((j) => j.due ?? 0));
  return shop.machines.map((name, m) => {
    const work = urgent.reduce((sum, j) => sum + j.operations.filter((o) => o.machine === m).reduce((a, o) => a + o.duration, 0), 0);
    let t = frozen, idle = 0;
    for (const op of published.filter((o) => o.machine === m).sort((a, b) => a.start - b.start)) {
      if (op.end <= t) continue;
      if (op.start >= latestDue) break;
      if (op.start > t) idle += op.start - t;
      t = Math.max(t, op.end);
    }
    if (t < latestDue) idle += latestDue - t;
    return { machine: name, "urgent work": work, [`idle ${frozen}–${latestDue}`]: idle, "work − idle": work - idle };
  }).filter((row) => (row["urgent work"] as number) > 0).sort((a, b) => (b["work − idle"] as number) - (a["work − idle"] as number));
}

/**
 * One urgent operation inserted alone into the published machine order (every published operation
 * held at its published start unless pushed), at every place where it would start before its job's
 * due date: how many places are idle time (nothing moves), and how many operations the others move.
 */
function singleInsertions(shop: Shop, published: readonly PublishedOperation[], frozen: number): Record<string, unknown> {
  const p = buildProblem(shop, published, { now: 0, frozen, objective: "totalWeightedTardiness" });
  const { flat, global } = freeJobShop(p, true);
  const n = flat.operationCount;
  const isNew = (i: number) => Number.isNaN(p.publishedStart[global[i]]);
  const alone = { ...flat, jobPred: flat.jobPred.slice(), jobSucc: flat.jobSucc.slice(), release: flat.release!.slice() };
  const sequences = flat.machineOperations.map((ops) => ops.filter((i) => !isNew(i)).sort((a, b) => p.publishedStart[global[a]] - p.publishedStart[global[b]]));
  const head = new Float64Array(n), scratch = graphScratch(flat), moves: number[] = [];
  for (let u = 0; u < n; u++) if (isNew(u)) { alone.jobPred[u] = alone.jobSucc[u] = -1; alone.release[u] = p.freeFrom; }
  let idle = 0;
  for (let u = 0; u < n; u++) {
    if (!isNew(u)) continue;
    const own = sequences[flat.machine[u]];
    for (let k = 0; k <= own.length; k++) {
      const trial = sequences.map((seq) => seq.slice());
      trial[flat.machine[u]].splice(k, 0, u);
      if (computeHeads(alone, linksFromSequences(alone, trial), head, scratch) < 0) throw new Error("cycle");
      if (head[u] >= p.due[p.job[global[u]]]) continue;
      let moved = 0;
      for (let i = 0; i < n; i++) if (!isNew(i) && head[i] !== p.publishedStart[global[i]]) moved++;
      if (moved === 0) idle++; else moves.push(moved);
    }
  }
  moves.sort((a, b) => a - b);
  const q = (f: number) => moves[Math.floor(f * (moves.length - 1))];
  return { "places in idle time (0 moved)": idle, "other places": moves.length, "moved: quartile 1": q(0.25), median: q(0.5), "quartile 3": q(0.75), "published free operations": sequences.reduce((a, seq) => a + seq.length, 0) };
}

function main() {
  const limitMs = Number(process.env.RESCHEDULE_MS ?? 900);
  const seeds = Number(process.env.RESCHEDULE_SEEDS ?? 3);
  const table: Record<string, unknown>[] = [];
  const sweep: Record<string, unknown>[] = [];
  let load: Record<string, unknown>[] = [];
  let single: Record<string, unknown> = {};
  for (const [name, length] of [["ta21", 5], ["ta21", 20], ["la26", 5]] as const) {
    const file = fileOf(name);
    if (!file) { console.log(`${name}: not found`); continue; }
    const instance = parseJobShopText(readFileSync(file, "utf8"), `${name}.txt`);
    const plan = solveJobShop(instance, { objective: "makespan", maxIterations: 30_000, seed: 1 });
    const published: PublishedOperation[] = plan.operations.map((o) => ({ ...o }));
    const frozen = Math.round(plan.makespan / 3);
    for (const tardiness of [false, true]) {
      const shop = withUrgentJobs(shopFromJobShop(instance), published, length, tardiness, frozen);
      const objective = tardiness ? "totalWeightedTardiness" : "makespan";
      for (let seed = 1; seed <= seeds; seed++) {
        const t0 = Date.now();
        const result = reschedule(shop, published, { at: 0, frozen, objective, timeLimitMs: limitMs, seed, moveWeight: process.env.RESCHEDULE_WEIGHT ? Number(process.env.RESCHEDULE_WEIGHT) : undefined });
        const ms = Date.now() - t0;
        const check = checkReschedule(shop, published, result.operations, { now: 0, frozen });
        const full = result.fullResolve!;
        const value = tardiness ? result.totalWeightedTardiness : result.makespan;
        const fullValue = tardiness ? full.totalWeightedTardiness : full.makespan;
        const gap = fullValue > 0 ? (value - fullValue) / fullValue : value > 0 ? Infinity : 0;
        table.push({
          case: `${name} ${instance.jobs.length}×${instance.machineCount} (planned ${plan.makespan}) + 5 urgent × ${length} ops`, objective, seed,
          "time ms": ms, value, "full re-solve": fullValue, "gap %": +(gap * 100).toFixed(2),
          moved: result.disruption.movedOperations, "full moved": full.movedOperations,
          checker: check.valid ? "valid" : check.violations[0],
          "targets met": check.valid && ms < 1000 && result.disruption.movedOperations <= full.movedOperations / 2 && gap <= 0.05,
        });
      }
      if (tardiness && name === "ta21" && length === 5) {
        // Why the moves are not halved: the urgent work against the idle time before it is due, and
        // what a higher price per moved operation buys.
        load = loadAgainstIdle(shop, published, frozen);
        single = singleInsertions(shop, published, frozen);
        for (const moveWeight of [1, 10, 30, 100]) {
          for (let seed = 1; seed <= seeds; seed++) {
            const result = reschedule(shop, published, { at: 0, frozen, objective, timeLimitMs: limitMs, seed, moveWeight });
            const check = checkReschedule(shop, published, result.operations, { now: 0, frozen });
            sweep.push({ "disruption weight": moveWeight, seed, moved: result.disruption.movedOperations, "weighted tardiness": result.totalWeightedTardiness, "full re-solve": result.fullResolve!.totalWeightedTardiness, checker: check.valid ? "valid" : check.violations[0] });
          }
        }
      }
    }
  }
  console.table(table);
  console.log("ta21 + 5 urgent × 5, weighted tardiness: urgent work per machine against its idle time before the latest urgent due date");
  console.table(load);
  console.log("ta21 + 5 urgent × 5, weighted tardiness: one urgent operation inserted alone, published operations held unless pushed");
  console.table([single]);
  console.log("ta21 + 5 urgent × 5, weighted tardiness: the reschedule at higher disruption weights (objective units per moved operation)");
  console.table(sweep);
}

main();
