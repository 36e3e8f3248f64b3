import { setup } from "./setup";
import { reschedule } from "../src/engine/reschedule/reschedule";
import { checkReschedule } from "../src/engine/reschedule/check";
const name = process.argv[2] ?? "ta21";
const { shop, published, frozen, plan } = setup(name, 5, true);
console.log("planned", plan.makespan, "frozen", frozen, "urgent", shop.jobs.slice(-5).map(j => [j.due, j.operations.map(o=>o.machine+":"+o.duration).join(" ")]));
const ms = Number(process.argv[3] ?? 900);
for (const w of (process.argv[4] ?? "1").split(",").map(Number)) for (const seed of [1, 2]) {
  const r = reschedule(shop, published, { at: 0, frozen, objective: "totalWeightedTardiness", timeLimitMs: ms, seed, moveWeight: w });
  const c = checkReschedule(shop, published, r.operations, { now: 0, frozen });
  console.log(`w=${w} seed=${seed} twt=${r.totalWeightedTardiness} moved=${r.disruption.movedOperations} frozen=${r.disruption.frozenOperations} | full twt=${r.fullResolve!.totalWeightedTardiness} moved=${r.fullResolve!.movedOperations} | it=${r.statistics.iterations}/${r.statistics.fullResolveIterations} valid=${c.valid}`);
}
