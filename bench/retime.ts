// `npm run bench:retime`: a 10,000-operation schedule (500 jobs × 20 machines, with downtime and due
// dates) with 50 hand moves and 200 locks (100 time, 50 machine, 50 sequence) re-timed around the
// edits and checked by the independent checker (checkRetime). Target: re-time + check under 1 s.
// Then the same edits with an improvement of 0.5 s. Prints one table.
import { seededRandom } from "../src/engine/random";
import { retime, type RetimeResult } from "../src/engine/reschedule/retime";
import { checkRetime } from "../src/engine/reschedule/retimeCheck";
import type { EditedRow, LockKind } from "../src/engine/reschedule/retimeEdits";
import type { Shop } from "../src/engine/reschedule/shop";

const JOBS = 500, MACHINES = 20, MOVES = 50, LOCKS = { time: 100, machine: 50, sequence: 50 };

/** The shop: each job visits every machine in a random order, durations 1–99, due 1.3 × the mean completion. */
function bigShop(seed: number): Shop {
  const r = seededRandom(seed);
  const machines = Array.from({ length: MACHINES }, (_, m) => `M${m}`);
  const jobs = Array.from({ length: JOBS }, (_, j) => {
    const order = machines.map((_, m) => m).sort(() => r() - 0.5);
    return { id: `J${j}`, operations: order.map((machine) => ({ machine, duration: 1 + Math.floor(r() * 99) })), weight: 1 + Math.floor(r() * 3) };
  });
  return { machines, jobs, downtime: machines.map((_, m) => ({ machine: m, from: 2000 + 100 * m, to: 2100 + 100 * m })) };
}

/** The last run: the re-time's own list schedule of the shop with nothing published, then due dates from it. */
function lastRun(shop: Shop): EditedRow[] {
  const first = retime(shop, []);
  const done = new Map<number, number>();
  for (const op of first.operations) done.set(op.job, Math.max(done.get(op.job) ?? 0, op.end));
  shop.jobs.forEach((job, j) => { job.due = Math.round(done.get(j)! * 1.02); });
  return first.operations.map((op, i) => ({
    job: op.job, step: op.step, start: op.start, runStart: op.start, machine: shop.machines[op.machine], runMachine: shop.machines[op.machine], lock: null,
    where: { start: `'Schedule Operations'!D${4 + i}`, machine: `'Schedule Operations'!A${4 + i}`, lock: `'Schedule Operations'!G${4 + i}` },
  }));
}

/** 50 hand moves (later by 1–60, no other held operation or downtime on the machine, nor a held step in the job, in the way) and 200 locks. */
function edit(shop: Shop, rows: EditedRow[], seed: number): void {
  const r = seededRandom(seed);
  const held: { machine: string; s: number; e: number }[] = [];
  const heldJobs = new Set<number>();
  const duration = (row: EditedRow) => shop.jobs[row.job].operations[row.step].duration;
  const down = shop.downtime.map((d) => ({ machine: shop.machines[d.machine], s: d.from, e: d.to }));
  const free = (row: EditedRow, s: number) => !heldJobs.has(row.job) && ![...held, ...down].some((h) => h.machine === row.machine && s < h.e && h.s < s + duration(row));
  const hold = (row: EditedRow, s: number) => { held.push({ machine: row.machine, s, e: s + duration(row) }); heldJobs.add(row.job); };
  let moves = 0, tries = 0;
  while (moves < MOVES && tries++ < 100_000) {
    const row = rows[Math.floor(r() * rows.length)];
    const s = row.start + 1 + Math.floor(r() * 60);
    if (row.lock || row.start !== row.runStart || !free(row, s)) continue;
    row.start = s; hold(row, s); moves++;
  }
  for (const kind of ["time", "machine", "sequence"] as LockKind[]) {
    let placed = 0;
    while (placed < LOCKS[kind] && tries++ < 200_000) {
      const row = rows[Math.floor(r() * rows.length)];
      if (row.lock || row.start !== row.runStart) continue;
      if (kind === "time") { if (!free(row, row.start)) continue; hold(row, row.start); }
      row.lock = kind; placed++;
    }
  }
}

function line(cells: (string | number)[]): string {
  return cells.map((c, i) => String(c).padStart(i === 0 ? 22 : 12)).join(" ");
}

const shop = bigShop(1);
const rows = lastRun(shop);
edit(shop, rows, 2);
const runs: [string, () => RetimeResult][] = [
  ["repair", () => retime(shop, rows)],
  ["repair + 0.5 s improve", () => retime(shop, rows, { timeLimitMs: 500, seed: 1 })],
];
console.log(`Re-time of a ${rows.length}-operation schedule (${JOBS} jobs × ${MACHINES} machines) around the planner's edits`);
console.log(line(["run", "operations", "moves", "locks", "re-time s", "check s", "total s", "moved ops", "makespan 0", "makespan 1", "late 0→1", "valid"]));
for (const [name, run] of runs) {
  const t0 = performance.now();
  const result = run();
  const t1 = performance.now();
  const check = checkRetime(shop, rows, result.operations);
  const t2 = performance.now();
  const moves = rows.filter((row) => row.start !== row.runStart).length;
  const locks = rows.filter((row) => row.lock).length;
  const errors = result.conflicts.filter((c) => c.severity === "error");
  if (errors.length > 0) console.log(`  ${name}: ${errors.length} conflicts, e.g. ${errors[0].where}: ${errors[0].message}`);
  console.log(line([name, rows.length, moves, locks, ((t1 - t0) / 1000).toFixed(3), ((t2 - t1) / 1000).toFixed(3), ((t2 - t0) / 1000).toFixed(3), result.movedOperations,
    result.lastRun?.makespan ?? "-", result.after?.makespan ?? "-", `${result.lastRun?.lateOrders ?? "-"}→${result.after?.lateOrders ?? "-"}`, errors.length > 0 ? "conflicts" : check.valid ? "yes" : `NO: ${check.violations[0]}`]));
}
console.log("Target: re-time + check of the repair under 1 s.");
