// Re-time around the planner's edits (docs/editing.md): conflicts linked to the edited cells, locks
// kept, least change to the rest; every schedule goes through the suite's own lock checker and the
// engine's checker; and a property: random edits give a schedule that keeps every lock or an
// exception naming an edit that cannot be kept.
import fc from "fast-check";
import { retime, type RetimeResult } from "../../src/engine/reschedule/retime";
import { checkRetime } from "../../src/engine/reschedule/retimeCheck";
import { matchEditedRows, type EditedRow, type EditedRowEntry, type LockKind } from "../../src/engine/reschedule/retimeEdits";
import type { Shop } from "../../src/engine/reschedule/shop";
import type { PublishedOperation } from "../../src/engine/reschedule/published";
import { lockRuleViolations } from "./lockRules";
import { publish, randomShop } from "./support";

/** The sheet rows of a published schedule, row i on sheet row 4 + i (Start in D, Machine in A, Lock in G). */
function rowsOf(shop: Shop, published: readonly PublishedOperation[]): EditedRow[] {
  return published.map((op, i) => ({
    job: op.job, step: op.step, start: op.start, runStart: op.start, machine: shop.machines[op.machine], runMachine: shop.machines[op.machine], lock: null,
    where: { start: `'Schedule Operations'!D${4 + i}`, machine: `'Schedule Operations'!A${4 + i}`, lock: `'Schedule Operations'!G${4 + i}` },
  }));
}

/** Both checkers agree the re-time keeps every rule and lock. */
function expectFeasible(shop: Shop, rows: readonly EditedRow[], r: RetimeResult): void {
  expect(r.status).toBe("retimed");
  expect(lockRuleViolations(shop, rows, r.operations)).toEqual([]);
  expect(checkRetime(shop, rows, r.operations).violations).toEqual([]);
}

const errors = (r: RetimeResult) => r.conflicts.filter((c) => c.severity === "error");

/** Two jobs on two machines: A = Saw 3, Lathe 4; B = Saw 2, Lathe 5; published A first. */
const small: Shop = {
  machines: ["Saw", "Lathe"], downtime: [{ machine: 1, from: 20, to: 24 }],
  jobs: [
    { id: "A", operations: [{ machine: 0, duration: 3 }, { machine: 1, duration: 4 }], due: 10, weight: 2 },
    { id: "B", operations: [{ machine: 0, duration: 2 }, { machine: 1, duration: 5 }], due: 14 },
  ],
};
const smallPublished: PublishedOperation[] = [
  { job: 0, step: 0, machine: 0, start: 0, end: 3 }, { job: 0, step: 1, machine: 1, start: 3, end: 7 },
  { job: 1, step: 0, machine: 0, start: 3, end: 5 }, { job: 1, step: 1, machine: 1, start: 7, end: 12 },
];

describe("retime", () => {
  test("no edits: the last run stands, nothing moves", () => {
    const rows = rowsOf(small, smallPublished);
    const r = retime(small, rows);
    expectFeasible(small, rows, r);
    expect(r.movedOperations).toBe(0);
    expect(r.after).toEqual(r.lastRun);
    expect(r.conflicts).toEqual([]);
  });

  test("a hand move is kept and the rest is right-shifted; the missed due date names the edited cell", () => {
    const shop: Shop = { ...small, jobs: [{ ...small.jobs[0], due: 8 }, small.jobs[1]] };
    const rows = rowsOf(shop, smallPublished);
    rows[2].start = 0; // B first on the Saw
    const r = retime(shop, rows);
    expectFeasible(shop, rows, r);
    const a0 = r.operations.find((op) => op.job === 0 && op.step === 0)!;
    expect(a0.start).toBe(2);
    expect(r.after!.makespan).toBeGreaterThanOrEqual(r.lastRun!.makespan);
    const late = r.conflicts.find((c) => c.kind === "due");
    expect(late?.where).toBe("'Schedule Operations'!D6");
    expect(late?.message).toMatch(/job "A"/);
    expect(r.movedOperations).toBe(checkRetime(shop, rows, r.operations).movedOperations);
  });

  test("an overlap with a time lock, a start inside downtime and a machine that cannot run it are errors at the edited cells", () => {
    const rows = rowsOf(small, smallPublished);
    rows[0].lock = "time";
    rows[2].start = 1; // B on the Saw on top of the locked A
    rows[3].start = 21; // B's Lathe step inside the downtime 20-24
    rows[1].machine = "Saw"; // A's Lathe step moved to the Saw
    const r = retime(small, rows);
    expect(r.status).toBe("conflicts");
    expect(r.operations).toEqual([]);
    const by = new Map(errors(r).map((c) => [c.kind, c]));
    expect(by.get("overlap")?.where).toBe("'Schedule Operations'!D6");
    expect(by.get("overlap")?.message).toMatch(/job "A" step 0/);
    expect(by.get("downtime")?.where).toBe("'Schedule Operations'!D7");
    expect(by.get("machine")?.where).toBe("'Schedule Operations'!A5");
    expect(by.get("machine")?.message).toMatch(/only "Lathe"/);
  });

  test("a held step its job's previous step cannot reach in time is a precedence error", () => {
    const rows = rowsOf(small, smallPublished);
    rows[1].start = 1; // A's Lathe step at 1, but its Saw step takes 3
    const r = retime(small, rows);
    expect(errors(r).map((c) => [c.kind, c.where])).toEqual([["precedence", "'Schedule Operations'!D5"]]);
    // Two held steps of one job too close together.
    rows[0].lock = "time";
    expect(errors(retime(small, rows)).map((c) => c.kind)).toEqual(["precedence"]);
  });

  test("a held step later in a job pulls its previous steps in front of it", () => {
    const rows = rowsOf(small, smallPublished);
    rows[3].start = 5; // B's Lathe step: B's Saw step (published 3-5) must stay ahead of it
    rows[1].lock = "time"; // A's Lathe step 3-7 stays: B's Lathe step at 5 overlaps it
    expect(errors(retime(small, rows)).map((c) => c.kind)).toEqual(["overlap"]);
    rows[1].lock = "machine";
    const r = retime(small, rows);
    expectFeasible(small, rows, r);
    expect(r.operations.find((op) => op.job === 0 && op.step === 1)!.start).toBe(10);
  });

  test("sequence locks keep their order on the machine; machine locks keep the machine, not the start", () => {
    const rows = rowsOf(small, smallPublished);
    rows[0].lock = "sequence"; rows[2].lock = "sequence";
    rows[2].start = -1; // B ahead of A on the Saw, by the sheet's order
    const r = retime(small, rows);
    expectFeasible(small, rows, r);
    const [a, b] = [0, 1].map((j) => r.operations.find((op) => op.job === j && op.step === 0)!);
    expect(b.end).toBeLessThanOrEqual(a.start);
    expect(r.locks).toEqual({ time: 0, machine: 0, sequence: 2 });
  });

  test("sequence locks that contradict the job steps are a cycle, named at the lock cells", () => {
    const shop: Shop = {
      machines: ["M0", "M1"], downtime: [],
      jobs: [{ id: "J1", operations: [{ machine: 0, duration: 2 }, { machine: 1, duration: 2 }] }, { id: "J2", operations: [{ machine: 1, duration: 2 }, { machine: 0, duration: 2 }] }],
    };
    const published: PublishedOperation[] = [
      { job: 0, step: 0, machine: 0, start: 0, end: 2 }, { job: 0, step: 1, machine: 1, start: 2, end: 4 },
      { job: 1, step: 0, machine: 1, start: 0, end: 2 }, { job: 1, step: 1, machine: 0, start: 2, end: 4 },
    ];
    const rows = rowsOf(shop, published);
    for (const row of rows) row.lock = "sequence";
    rows[3].start = -1; rows[1].start = -1; // J2 step 1 first on M0, J1 step 1 first on M1
    const r = retime(shop, rows);
    expect(r.status).toBe("conflicts");
    expect(errors(r).every((c) => c.kind === "sequence" && c.where !== null)).toBe(true);
  });

  test("a job added since the run is placed in the gaps; a cancelled job's rows are dropped", () => {
    const shop: Shop = { ...small, jobs: [...small.jobs.map((j, k) => (k === 1 ? { ...j, cancelled: true } : j)), { id: "C", operations: [{ machine: 1, duration: 2 }, { machine: 0, duration: 1 }] }] };
    const rows = rowsOf(shop, smallPublished);
    rows[1].lock = "sequence"; rows[3].lock = "sequence"; rows[3].start = 1; // a chain from the cancelled job's row
    const r = retime(shop, rows);
    expectFeasible(shop, rows, r);
    expect(r.operations.map((op) => op.job).sort()).toEqual([0, 0, 2, 2]);
    expect(r.operations.find((op) => op.job === 2 && op.step === 0)!.start).toBe(0);
  });

  test("matchEditedRows names unknown jobs and steps", () => {
    const entry = (job: string, step: number): EditedRowEntry => ({ job, step, start: 0, runStart: 0, machine: "Saw", runMachine: "Saw", lock: null, where: { start: "S!D4", machine: null, lock: null } });
    expect(() => matchEditedRows(small, [entry("Z", 0)], "Schedule Operations")).toThrow(/S!D4: job "Z" is not in the Operations table/);
    expect(() => matchEditedRows(small, [entry("A", 5)], "Schedule Operations")).toThrow(/has no step 5/);
  });

  test("the improvement keeps every hold and never costs more than the repair", () => {
    const shop = randomShop(11, 8, 4);
    const rows = rowsOf(shop, publish(shop));
    rows[0].lock = "time"; rows[5].lock = "sequence"; rows[9].lock = "sequence"; rows[12].start += 3;
    const repair = retime(shop, rows);
    const better = retime(shop, rows, { maxIterations: 2000, seed: 3 });
    expectFeasible(shop, rows, repair);
    expectFeasible(shop, rows, better);
    const cost = (r: RetimeResult) => r.after!.totalWeightedTardiness + r.movedOperations;
    expect(cost(better)).toBeLessThanOrEqual(cost(repair));
  });
});

describe("retime with alternative machines", () => {
  /** A's Saw step can also run on "Saw 2"; nothing else has an alternative. */
  const shop: Shop = {
    ...small, machines: ["Saw", "Lathe", "Saw 2"],
    jobs: [{ ...small.jobs[0], operations: [{ machine: 0, duration: 3, alternatives: [2] }, small.jobs[0].operations[1]] }, small.jobs[1]],
  };
  const at = (r: RetimeResult, job: number, step: number) => r.operations.find((op) => op.job === job && op.step === step)!;

  test("moved by hand to its alternative with a machine lock: kept there, in this re-time and the next", () => {
    const rows = rowsOf(shop, smallPublished);
    rows[0].machine = "Saw 2"; rows[0].lock = "machine";
    const r = retime(shop, rows);
    expectFeasible(shop, rows, r);
    expect(at(r, 0, 0).machine).toBe(2);
    expect(r.conflicts.filter((c) => c.severity === "error")).toEqual([]);
    // The sheet the run writes: Start and Machine as re-timed, the Run columns equal to them, the lock kept.
    const again: EditedRow[] = r.operations.map((op, i) => ({
      ...rows[i], start: op.start, runStart: op.start, machine: shop.machines[op.machine], runMachine: shop.machines[op.machine],
    }));
    const next = retime(shop, again);
    expectFeasible(shop, again, next);
    expect(at(next, 0, 0).machine).toBe(2);
    expect(next.movedOperations).toBe(0);
  });

  test("a hand move (no lock) onto a taken time goes to the alternative that is free then, with an info at its Start cell", () => {
    const rows = rowsOf(shop, smallPublished);
    rows[2].lock = "time"; // B's Saw step stays at 3–5
    rows[0].start = 3; // A's Saw step moved by hand onto it
    const r = retime(shop, rows);
    expectFeasible(shop, rows, r);
    expect(at(r, 0, 0)).toMatchObject({ machine: 2, start: 3 });
    expect(r.conflicts).toContainEqual(expect.objectContaining({ severity: "info", kind: "machine", where: "'Schedule Operations'!D4", message: expect.stringMatching(/"Saw" is taken then, so it runs on "Saw 2"/) }));
    // With the machine locked (or chosen on the sheet), the move stays an overlap there: the Saw is taken.
    rows[0].lock = "time";
    expect(errors(retime(shop, rows)).map((c) => c.kind)).toEqual(["overlap"]);
  });

  test("a machine that cannot run it is an error at the Machine cell, naming the machines that can", () => {
    const rows = rowsOf(shop, smallPublished);
    rows[0].machine = "Lathe"; rows[0].lock = "machine";
    const r = retime(shop, rows);
    expect(r.status).toBe("conflicts");
    expect(errors(r)).toEqual([expect.objectContaining({ kind: "machine", where: "'Schedule Operations'!A4", message: expect.stringMatching(/job "A" step 0: machine "Lathe" cannot run it; only "Saw" or "Saw 2" can/) })]);
    // The suite's checker refuses the step on the Lathe, and accepts it on Saw 2.
    const onto = (m: number) => smallPublished.map((op, i) => (i === 0 ? { ...op, machine: m, start: 12, end: 15 } : op));
    expect(lockRuleViolations(shop, [], onto(1))).toEqual(expect.arrayContaining([expect.stringMatching(/cannot run it/)]));
    expect(lockRuleViolations(shop, [], onto(2)).filter((v) => /cannot run it/.test(v))).toEqual([]);
  });
});

/** A random edit of row `i`: a moved start, a lock, a machine change, or several. */
const editArb = fc.record({
  row: fc.nat(), shift: fc.integer({ min: -12, max: 12 }), moveStart: fc.boolean(),
  lock: fc.constantFrom<LockKind | null>(null, null, "time", "machine", "sequence"), otherMachine: fc.nat({ max: 19 }),
});

describe("retime property", () => {
  test("1,000 random edits: a schedule keeping every lock, or errors naming edited cells", () => {
    const shops = [1, 2, 3].map((seed) => { const shop = randomShop(seed, 5, 4); return { shop, published: publish(shop, seed) }; });
    shops[2].shop.downtime.push({ machine: 1, from: 8, to: 12 }, { machine: 3, from: 20, to: 23 });
    shops[2].published = publish(shops[2].shop, 3);
    shops[1].shop.jobs[2].cancelled = true; // cancelled since the run: its rows stay on the sheet
    // The first shop's operations can also run on the next machine: there a machine edit is kept.
    for (const job of shops[0].shop.jobs) for (const op of job.operations) op.alternatives = [(op.machine + 1) % shops[0].shop.machines.length];
    const outcomes = { retimed: 0, conflicts: 0 };
    let reassigned = 0;
    fc.assert(fc.property(fc.nat({ max: 2 }), fc.array(editArb, { minLength: 1, maxLength: 6 }), fc.nat(), (s, edits, seed) => {
      const { shop, published } = shops[s];
      const rows = rowsOf(shop, published);
      for (const e of edits) {
        const row = rows[e.row % rows.length];
        if (e.moveStart) row.start = Math.max(0, row.start + e.shift);
        row.lock = e.lock;
        if (e.otherMachine === 0) row.machine = shop.machines[(shop.machines.indexOf(row.machine) + 1) % shop.machines.length];
      }
      const r = retime(shop, rows, { maxIterations: seed % 3 === 0 ? 30 : 0, seed });
      outcomes[r.status]++;
      if (r.conflicts.some((c) => c.severity === "info" && c.kind === "machine")) reassigned++;
      const edited = new Set(rows.filter((row) => row.lock || row.start !== row.runStart || row.machine !== row.runMachine).flatMap((row) => [row.where.start, row.where.machine, row.where.lock]));
      if (r.status === "retimed") {
        expect(lockRuleViolations(shop, rows, r.operations)).toEqual([]);
        expect(checkRetime(shop, rows, r.operations).valid).toBe(true);
        for (const row of rows) {
          const spec = shop.jobs[row.job].operations[row.step], m = shop.machines.indexOf(row.machine);
          const op = r.operations.find((o) => o.job === row.job && o.step === row.step);
          // An eligible machine is kept, but a hand move's (no lock, Machine unchanged) may go to another that can run it.
          const handMove = row.lock === null && row.machine === row.runMachine && row.start !== row.runStart;
          if (op && !handMove && (m === spec.machine || spec.alternatives?.includes(m))) expect(op.machine).toBe(m);
        }
      } else {
        expect(errors(r).length).toBeGreaterThan(0);
        for (const c of errors(r)) expect(edited.has(c.where)).toBe(true);
      }
      for (const c of r.conflicts) expect(c.where === null || edited.has(c.where)).toBe(true);
    }), { numRuns: 1000 });
    // Both outcomes are exercised (the seed is fixed: test/support/fastCheckSeed.ts).
    expect(Math.min(outcomes.retimed, outcomes.conflicts)).toBeGreaterThan(100);
    expect(reassigned).toBeGreaterThan(0); // hand moves sent to an alternative machine (4 with the fixed seed)
  });
});
