// Test support for the reschedule suite: small shops, a published schedule from the engine's own
// first pass (then checked by the independent checker), and a recount of moves.
import { seededRandom } from "../../src/engine/random";
import type { PublishedOperation } from "../../src/engine/reschedule/published";
import { reschedule } from "../../src/engine/reschedule/reschedule";
import { checkReschedule } from "../../src/engine/reschedule/check";
import type { Shop } from "../../src/engine/reschedule/shop";
import type { ScheduledOperation } from "../../src/engine/schedule/jobShop/jobShop";

/** A random shop: `jobs` jobs visiting `ops` of `machines` machines, durations 1..9, due dates, weights. */
export function randomShop(seed: number, jobs: number, machines: number, ops = machines): Shop {
  const r = seededRandom(seed);
  return {
    machines: Array.from({ length: machines }, (_, m) => `M${m}`),
    downtime: [],
    jobs: Array.from({ length: jobs }, (_, j) => {
      const order = Array.from({ length: machines }, (_, m) => m).sort(() => r() - 0.5).slice(0, ops);
      return { id: `J${j}`, operations: order.map((machine) => ({ machine, duration: 1 + Math.floor(r() * 9) })), due: 10 + Math.floor(r() * 30), weight: 1 + Math.floor(r() * 3) };
    }),
  };
}

/** A published schedule of `shop` from time 0 (nothing published before), checked. */
export function publish(shop: Shop, seed = 1): PublishedOperation[] {
  const r = reschedule(shop, [], { at: 0, frozen: 0, maxIterations: 300, seed, skipFullResolve: true });
  const check = checkReschedule(shop, [], r.operations, { now: 0, frozen: 0 });
  if (!check.valid) throw new Error(`published schedule invalid: ${check.violations.join("; ")}`);
  return r.operations.map((op) => ({ ...op }));
}

/** Moves counted from the two schedules alone. */
export function recountMoves(before: readonly PublishedOperation[], after: readonly ScheduledOperation[]): number {
  const start = new Map(after.map((op) => [`${op.job}/${op.step}`, op.start]));
  return before.filter((op) => start.has(`${op.job}/${op.step}`) && start.get(`${op.job}/${op.step}`) !== op.start).length;
}
