// `npm run bench:reschedule`: five urgent jobs inserted into a planned 20×20 job shop (Taillard's
// ta21) with the first third of the published schedule frozen; least-disruption reschedule against
// a full re-solve. Targets: < 1 s, at most half the moved operations, objective within 5 %.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parseJobShopText } from "../src/engine/schedule/jobShopText";
import { solveJobShop } from "../src/engine/schedule/solveJobShop";
import { seededRandom } from "../src/engine/random";
import { reschedule } from "../src/engine/reschedule/reschedule";
import { checkReschedule } from "../src/engine/reschedule/check";
import { shopFromJobShop, type Shop } from "../src/engine/reschedule/shop";
import type { PublishedOperation } from "../src/engine/reschedule/published";

const dir = path.join(__dirname, "..", "..", "..", "shared", "benchmarks", "jobshop");
const benchDir = process.env.APS_BENCHMARKS ?? (require("node:fs").existsSync(dir) ? dir : "/work/shared/benchmarks/jobshop");

interface Row { case: string; objective: string; ms: number; value: number; full: number; moved: number; fullMoved: number; ok: boolean }

function urgentShop(base: Shop, seed: number, makespan: number, withDue: boolean, now: number): Shop {
  const r = seededRandom(seed);
  const shop: Shop = { machines: base.machines, downtime: [], jobs: base.jobs.map((j) => ({ ...j })) };
  if (withDue) shop.jobs.forEach((j) => { j.due = makespan; j.weight = 1; });
  for (let u = 0; u < 5; u++) {
    const machines = base.machines.map((_, m) => m).sort(() => r() - 0.5);
    const operations = machines.map((machine) => ({ machine, duration: 1 + Math.floor(r() * 99) }));
    const work = operations.reduce((s, o) => s + o.duration, 0);
    shop.jobs.push({ id: `urgent ${u + 1}`, operations, due: Math.round(now + 1.5 * work), weight: 5 });
  }
  return shop;
}

function main() {
  const limitMs = Number(process.env.RESCHEDULE_MS ?? 1000);
  const rows: Row[] = [];
  for (const name of ["ta21", "la26"].filter((n) => require("node:fs").existsSync(path.join(benchDir, `${n}.txt`)))) {
    const instance = parseJobShopText(readFileSync(path.join(benchDir, `${name}.txt`), "utf8"), `${name}.txt`);
    const plan = solveJobShop(instance, { objective: "makespan", timeLimitMs: 3000, seed: 1 });
    const base = shopFromJobShop(instance);
    const published: PublishedOperation[] = plan.operations.map((o) => ({ ...o }));
    const frozen = Math.round(plan.makespan / 3), now = 0;
    for (const withDue of [false, true]) {
      const shop = urgentShop(base, 7, plan.makespan, withDue, frozen);
      const objective = withDue ? "totalWeightedTardiness" : "makespan";
      const t0 = Date.now();
      const result = reschedule(shop, published, { at: now, frozen, objective, timeLimitMs: limitMs, seed: 1 });
      const ms = Date.now() - t0;
      const check = checkReschedule(shop, published, result.operations, { now, frozen });
      const full = result.fullResolve!;
      const value = withDue ? result.totalWeightedTardiness : result.makespan;
      const fullValue = withDue ? full.totalWeightedTardiness : full.makespan;
      rows.push({
        case: `${name} (${plan.makespan}) + 5 urgent, frozen ${frozen}`, objective, ms, value, full: fullValue,
        moved: result.disruption.movedOperations, fullMoved: full.movedOperations,
        ok: check.valid && ms < 1000 && result.disruption.movedOperations <= full.movedOperations / 2 && value <= fullValue * 1.05 + 1e-9,
      });
    }
  }
  const table = rows.map((r) => ({
    case: r.case, objective: r.objective, "time ms": r.ms, value: r.value, "full re-solve": r.full,
    "gap %": r.full > 0 ? +(((r.value - r.full) / r.full) * 100).toFixed(2) : 0, moved: r.moved, "full moved": r.fullMoved, "targets met": r.ok,
  }));
  console.table(table);
}

main();
