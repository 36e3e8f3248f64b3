// Test support for the schedule suite: fixture loading and brute-force reference solvers, written
// without the engine's graph code so they check it independently.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { JobShopInstance } from "../../src/engine/schedule/jobShop/jobShop";
import type { AtspInstance } from "../../src/engine/schedule/sequencing/atsp";
import { seededRandom } from "../../src/engine/schedule/random";

export const fixture = (dir: string, file: string) => readFileSync(path.join(__dirname, "..", "fixtures", dir, file), "utf8");

/** All permutations of 0..n-1. */
export function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]);
  return out;
}

/** A random job shop: each job visits every machine once in random order, durations 1..9. */
export function randomJobShop(seed: number, jobs: number, machines: number, dueDates = false): JobShopInstance {
  const r = seededRandom(seed);
  return {
    machineCount: machines,
    jobs: Array.from({ length: jobs }, () => {
      const order = Array.from({ length: machines }, (_, m) => m).sort(() => r() - 0.5);
      const operations = order.map((machine) => ({ machine, duration: 1 + Math.floor(r() * 9) }));
      return dueDates ? { operations, dueDate: 5 + Math.floor(r() * 20), weight: 1 + Math.floor(r() * 3) } : { operations };
    }),
  };
}

/** Optimal makespan and tardiness by enumerating every machine order (semi-active schedules). */
export function bruteForceJobShop(instance: JobShopInstance): { makespan: number; tardiness: number } {
  const m = instance.machineCount;
  const onMachine: [number, number][][] = Array.from({ length: m }, () => []);
  instance.jobs.forEach((job, j) => job.operations.forEach((op, k) => onMachine[op.machine].push([j, k])));
  const orders = onMachine.map((ops) => permutations(ops.length).map((p) => p.map((i) => ops[i])));
  let bestMakespan = Infinity, bestTardiness = Infinity;
  const choice = new Array(m).fill(0);
  for (;;) {
    const value = simulate(instance, orders.map((o, i) => o[choice[i]]));
    if (value) { bestMakespan = Math.min(bestMakespan, value.makespan); bestTardiness = Math.min(bestTardiness, value.tardiness); }
    let i = 0;
    while (i < m && ++choice[i] === orders[i].length) choice[i++] = 0;
    if (i === m) break;
  }
  return { makespan: bestMakespan, tardiness: bestTardiness };
}

function simulate(instance: JobShopInstance, orders: [number, number][][]): { makespan: number; tardiness: number } | null {
  const nextStep = instance.jobs.map(() => 0), jobFree = instance.jobs.map(() => 0);
  const pointer = orders.map(() => 0), machineFree = orders.map(() => 0);
  let left = instance.jobs.reduce((s, j) => s + j.operations.length, 0);
  while (left > 0) {
    let progressed = false;
    orders.forEach((order, m) => {
      const o = order[pointer[m]];
      if (!o || nextStep[o[0]] !== o[1]) return;
      const start = Math.max(jobFree[o[0]], machineFree[m]);
      jobFree[o[0]] = machineFree[m] = start + instance.jobs[o[0]].operations[o[1]].duration;
      nextStep[o[0]]++;
      pointer[m]++;
      left--;
      progressed = true;
    });
    if (!progressed) return null; // deadlock: cyclic orders
  }
  const makespan = Math.max(...jobFree);
  const tardiness = instance.jobs.reduce((s, job, j) => s + (job.dueDate !== undefined ? (job.weight ?? 1) * Math.max(0, jobFree[j] - job.dueDate) : 0), 0);
  return { makespan, tardiness };
}

/** A random ATSP with integer costs 1..99. */
export function randomAtsp(seed: number, n: number): AtspInstance {
  const r = seededRandom(seed);
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost[i * n + j] = i === j ? 0 : 1 + Math.floor(r() * 99);
  return { dimension: n, cost };
}

/** Optimal closed tour (from node 0) or open path (from `start`) length by enumeration. */
export function bruteForceAtsp(instance: AtspInstance, start?: number): number {
  const n = instance.dimension;
  const first = start ?? 0;
  const others = Array.from({ length: n }, (_, i) => i).filter((i) => i !== first);
  let best = Infinity;
  for (const p of permutations(others.length)) {
    const seq = [first, ...p.map((i) => others[i])];
    let len = 0;
    for (let k = 0; k + 1 < n; k++) len += instance.cost[seq[k] * n + seq[k + 1]];
    if (start === undefined) len += instance.cost[seq[n - 1] * n + seq[0]];
    best = Math.min(best, len);
  }
  return best;
}
