// `npm run bench:reschedule`: five urgent jobs inserted into a planned 20×20 job shop (Taillard's
// ta21, planned by `aps schedule`'s tabu search) with the first third of the published schedule
// frozen; the least-disruption reschedule against the full re-solve it reports. Targets: answered
// in < 1 s, at most half the moved operations, objective within 5 %. Also a 20×10 shop (la26) and
// a stress case whose urgent jobs visit every machine.
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parseJobShopText } from "../src/engine/schedule/jobShopText";
import { solveJobShop } from "../src/engine/schedule/solveJobShop";
import { seededRandom } from "../src/engine/random";
import { reschedule } from "../src/engine/reschedule/reschedule";
import { checkReschedule } from "../src/engine/reschedule/check";
import { shopFromJobShop, type Shop } from "../src/engine/reschedule/shop";
import type { PublishedOperation } from "../src/engine/reschedule/published";

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

function main() {
  const limitMs = Number(process.env.RESCHEDULE_MS ?? 900);
  const seeds = Number(process.env.RESCHEDULE_SEEDS ?? 3);
  const table: Record<string, unknown>[] = [];
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
    }
  }
  console.table(table);
}

main();
