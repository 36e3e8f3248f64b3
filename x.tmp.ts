import { planRecord } from "./src/engine/plan";
import { randomNetwork } from "./examples/generator/randomNetwork";
for (const shared of [0, 0.1]) {
  const net = randomNetwork({ stages: 2000, seed: 7, sharedShare: shared });
  for (let k = 0; k < 2; k++) {
    const t = performance.now();
    const p = planRecord(net);
    console.log(shared, performance.now() - t, p.ok && p.plan.placement?.method, p.ok && p.plan.placement?.elapsedMs);
  }
}
