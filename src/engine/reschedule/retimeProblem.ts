// The re-time problem in flat form (docs/editing.md): every operation of the shop, its hold (held
// start, first try, last run's start, sequence chain), each machine's busy time (downtime and held
// operations), and the conflicts the edits cause on their own: a machine that cannot run the
// operation, a held start before the job's release, inside downtime, on top of another held
// operation (a hand move then goes to another machine that can run it, where it fits), or too
// close to a held step of the same job.
import { canRun, type Shop, type ShopObjective } from "./shop";
import { flatOperations, mergedDowntime, type FlatOperations } from "./problem";
import { operationHolds, machineEdited, type EditedRow, type OperationHold } from "./retimeEdits";
import { Timeline, overlaps } from "./timeline";

export type ConflictKind = "machine" | "overlap" | "downtime" | "precedence" | "release" | "sequence" | "due" | "target";

/** A conflict an edit causes; `where` is the edited cell. Errors: the edit cannot be kept. */
export interface RetimeConflict {
  severity: "error" | "warning" | "info";
  kind: ConflictKind;
  job: number;
  step: number;
  where: string | null;
  message: string;
}

export interface RetimeProblem extends FlatOperations {
  shop: Shop;
  objective: ShopObjective;
  /** 1: the job is cancelled, its operations are dropped. */
  dropped: Uint8Array;
  release: Float64Array;
  due: Float64Array;
  weight: Float64Array;
  hold: OperationHold;
  /** Operations the re-time places (not held, not dropped), in job and step order. */
  free: number[];
  /** Downtime and held operations of each machine. */
  lines: Timeline[];
  freeOnMachine: Int32Array;
}

const TOL = 1e-9;

/**
 * The machine of each row put into `flat.machine` where the operation can run there (its own
 * machine or an alternative, edited now or in an earlier re-time); a changed Machine that is neither
 * is `refused` (a conflict). An unchanged one that no longer fits (the Operations table changed
 * since the run) gives way to the operation's own machine. `chosen`: the planner changed the Machine.
 */
function rowMachines(shop: Shop, rows: readonly EditedRow[], flat: FlatOperations): { refused: { row: EditedRow; o: number }[]; chosen: Uint8Array } {
  const index = new Map(shop.machines.map((name, m) => [name.toLowerCase(), m]));
  const refused: { row: EditedRow; o: number }[] = [];
  const chosen = new Uint8Array(flat.operationCount);
  for (const row of rows) {
    const o = flat.jobFirst[row.job] + row.step;
    if (machineEdited(row)) chosen[o] = 1;
    const m = index.get(row.machine.trim().toLowerCase());
    if (m !== undefined && canRun(shop.jobs[row.job].operations[row.step], m)) flat.machine[o] = m;
    else if (machineEdited(row)) refused.push({ row, o });
  }
  return { refused, chosen };
}

/** "job "A" step 2" for messages. */
export function operationName(p: { shop: Shop; job: Int32Array; step: Int32Array }, o: number): string {
  return `job ${JSON.stringify(p.shop.jobs[p.job[o]].id)} step ${p.step[o]}`;
}

/**
 * Builds the flat problem and lists the conflicts of the held operations among themselves and with
 * the shop (machine, release, downtime, overlap, precedence), each linked to the edited cell.
 * @example buildRetimeProblem(shop, rows, "makespan").conflicts.length // 0 when the edits fit
 */
export function buildRetimeProblem(shop: Shop, rows: readonly EditedRow[], objective: ShopObjective): { problem: RetimeProblem; conflicts: RetimeConflict[] } {
  const jobCount = shop.jobs.length;
  const jobFirst = new Int32Array(jobCount + 1);
  for (let j = 0; j < jobCount; j++) jobFirst[j + 1] = jobFirst[j] + shop.jobs[j].operations.length;
  const n = jobFirst[jobCount];
  const flat = flatOperations(shop, jobFirst);
  const { refused, chosen: machineChosen } = rowMachines(shop, rows, flat);
  const p: RetimeProblem = {
    shop, objective, ...flat, dropped: new Uint8Array(n),
    release: new Float64Array(jobCount), due: new Float64Array(jobCount).fill(Infinity), weight: new Float64Array(jobCount).fill(1),
    hold: operationHolds(shop, jobFirst, rows, flat.machine), free: [], lines: [], freeOnMachine: new Int32Array(shop.machines.length),
  };
  shop.jobs.forEach((job, j) => {
    p.release[j] = job.release ?? 0;
    if (job.due !== undefined) p.due[j] = job.due;
    if (job.weight !== undefined) p.weight[j] = job.weight;
    if (job.cancelled) for (let o = jobFirst[j]; o < jobFirst[j + 1]; o++) { p.dropped[o] = 1; p.hold.held[o] = 0; }
  });
  const conflicts: RetimeConflict[] = [];
  const add = (o: number, kind: ConflictKind, message: string, where = p.hold.editCell[o]) =>
    conflicts.push({ severity: "error", kind, job: p.job[o], step: p.step[o], where, message });
  for (const { row, o } of refused) {
    if (p.dropped[o]) continue;
    const spec = shop.jobs[row.job].operations[row.step];
    const eligible = [spec.machine, ...(spec.alternatives ?? [])].map((m) => JSON.stringify(shop.machines[m]));
    const known = shop.machines.some((m) => m.toLowerCase() === row.machine.trim().toLowerCase());
    add(o, "machine", `${operationName(p, o)}: ${known ? `machine ${JSON.stringify(row.machine)} cannot run it` : `there is no machine ${JSON.stringify(row.machine)}`}; only ${eligible.join(" or ")} can (the Operations table)`, row.where.machine ?? p.hold.editCell[o]);
  }
  const held = (o: number) => p.hold.held[o] === 1 && !p.dropped[o];
  const handMoved = (o: number) => Math.abs(p.hold.target[o] - p.hold.base[o]) > TOL;
  for (let o = 0; o < n; o++) {
    if (!held(o)) continue;
    const s = p.hold.target[o], j = p.job[o];
    if (s < p.release[j] - TOL) add(o, "release", `${operationName(p, o)} is held at ${s}, before its job's release ${p.release[j]}`);
  }
  // Held steps of one job: the later must leave room for the steps between them.
  for (let j = 0; j < jobCount; j++) {
    let last = -1;
    for (let o = jobFirst[j]; o < jobFirst[j + 1]; o++) {
      if (!held(o)) continue;
      if (last >= 0) {
        let need = p.hold.target[last] + p.duration[last];
        for (let q = last + 1; q < o; q++) need += p.duration[q];
        if (p.hold.target[o] < need - TOL) {
          const blame = handMoved(o) || !handMoved(last) ? o : last;
          const other = blame === o ? last : o;
          add(blame, "precedence", `${operationName(p, o)} is held at ${p.hold.target[o]}, but ${operationName(p, last)} (held at ${p.hold.target[last]}${p.hold.editCell[other] ? `, ${p.hold.editCell[other]}` : ""}) and the steps between cannot end before ${need}`);
        }
      }
      last = o;
    }
  }
  for (let o = 0; o < n; o++) if (!p.dropped[o] && !p.hold.held[o]) { p.free.push(o); p.freeOnMachine[p.machine[o]]++; }
  const placed = shop.machines.map((_, m) => mergedDowntime(shop, m).map(([s, e]) => ({ s, e, o: -1 })));
  const clashes: { o: number; clash: { s: number; e: number; o: number } }[] = [];
  shop.machines.forEach((_, m) => {
    const heldHere: number[] = [];
    for (let o = 0; o < n; o++) if (held(o) && p.machine[o] === m) heldHere.push(o);
    heldHere.sort((a, b) => p.hold.target[a] - p.hold.target[b] || a - b);
    // Unedited time locks first, so a conflict is blamed on the hand move rather than on a lock kept from before.
    heldHere.sort((a, b) => Number(p.hold.edited[a] && p.hold.lock[a] !== "time") - Number(p.hold.edited[b] && p.hold.lock[b] !== "time"));
    for (const o of heldHere) {
      const s = p.hold.target[o], e = s + p.duration[o];
      const clash = placed[m].find((q) => overlaps(s, e, q.s, q.e));
      if (clash) clashes.push({ o, clash });
      else placed[m].push({ s, e, o });
    }
  });
  for (const { o, clash } of clashes) {
    const s = p.hold.target[o], e = s + p.duration[o], machineName = shop.machines[p.machine[o]];
    // A hand move (no lock, machine not chosen by the planner) goes to another machine that can run it and is free then.
    const spec = shop.jobs[p.job[o]].operations[p.step[o]];
    const other = p.hold.lock[o] === null && !machineChosen[o] ? (spec.alternatives ?? []).concat(spec.machine).find((m) => m !== p.machine[o] && !placed[m].some((q) => overlaps(s, e, q.s, q.e))) : undefined;
    if (other !== undefined) {
      conflicts.push({ severity: "info", kind: "machine", job: p.job[o], step: p.step[o], where: p.hold.editCell[o], message: `${operationName(p, o)} is held at ${s}–${e}; ${JSON.stringify(machineName)} is taken then, so it runs on ${JSON.stringify(shop.machines[other])}, which can run it` });
      p.machine[o] = other;
      placed[other].push({ s, e, o });
    } else if (clash.o < 0) add(o, "downtime", `${operationName(p, o)} is held at ${s}–${e}, inside the downtime of ${JSON.stringify(machineName)} ${clash.s}–${clash.e}`);
    else add(o, "overlap", `${operationName(p, o)} is held at ${s}–${e} on ${JSON.stringify(machineName)}, on top of ${operationName(p, clash.o)} held at ${clash.s}–${clash.e}${p.hold.editCell[clash.o] ? ` (${p.hold.editCell[clash.o]})` : ""}`);
  }
  for (const list of placed) {
    list.sort((a, b) => a.s - b.s || a.e - b.e);
    const line = new Timeline(list.length + p.freeOnMachine[p.lines.length]);
    for (const iv of list) line.insert(iv.s, iv.e);
    p.lines.push(line);
  }
  return { problem: p, conflicts };
}
