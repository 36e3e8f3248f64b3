// Generated big job shops for the start-up benchmark (bench/schedule.ts --big) and the big-shop
// tests: every job visits every machine once in a random order, durations 1..99 (Taillard's range).
import type { JobShopInstance } from "../../src/engine/schedule/jobShop/jobShop";
import { seededRandom } from "../../src/engine/random";

/**
 * A `jobs` × `machines` shop from `seed`; with `dueDates`, each job is due at its own length times
 * 1 + U(0, 0.5 · jobs / machines) (a loose to tight spread) with weight 1, 2 or 3.
 * @example bigJobShop(1, 100, 100, false).jobs.length // 100, each with 100 operations
 */
export function bigJobShop(seed: number, jobs: number, machines: number, dueDates: boolean): JobShopInstance {
  const r = seededRandom(seed);
  return {
    machineCount: machines,
    name: `${jobs}x${machines}${dueDates ? " due" : ""}`,
    jobs: Array.from({ length: jobs }, () => {
      const order = Array.from({ length: machines }, (_, m) => m);
      for (let i = order.length - 1; i > 0; i--) {
        const k = Math.floor(r() * (i + 1));
        [order[i], order[k]] = [order[k], order[i]];
      }
      const operations = order.map((machine) => ({ machine, duration: 1 + Math.floor(r() * 99) }));
      if (!dueDates) return { operations };
      const length = operations.reduce((a, o) => a + o.duration, 0);
      return { operations, dueDate: Math.round(length * (1 + r() * 0.5 * (jobs / machines))), weight: 1 + Math.floor(r() * 3) };
    }),
  };
}

/** Rows of `--big`: "100x100,500x20,1000x10due" → jobs, machines, with due dates. */
export function bigJobShopRows(spec: string): { label: string; jobs: number; machines: number; dueDates: boolean }[] {
  return spec.split(",").filter(Boolean).map((label) => {
    const match = /^(\d+)x(\d+)(due)?$/.exec(label.trim());
    if (!match) throw new Error(`--big: "${label}" is not JOBSxMACHINES or JOBSxMACHINESdue`);
    return { label, jobs: Number(match[1]), machines: Number(match[2]), dueDates: match[3] !== undefined };
  });
}
