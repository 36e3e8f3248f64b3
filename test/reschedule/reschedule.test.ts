// Rescheduling as worked examples: no change keeps the published schedule, an urgent order goes in
// without touching the frozen part, downtime is respected, cancelled jobs go, and every answer
// passes the independent checker.
import { checkReschedule } from "../../src/engine/reschedule/check";
import { matchPublished, publishedFromJson } from "../../src/engine/reschedule/published";
import { reschedule } from "../../src/engine/reschedule/reschedule";
import type { Shop } from "../../src/engine/reschedule/shop";
import { isPlanningInputError } from "../../src/engine/errors";
import fc from "fast-check";
import { publish, randomShop, recountMoves } from "./support";

/** Two machines, two jobs: A = Saw 3 then Mill 2; B = Mill 4 then Saw 1. */
const small = (): Shop => ({
  machines: ["Saw", "Mill"],
  downtime: [],
  jobs: [
    { id: "A", operations: [{ machine: 0, duration: 3 }, { machine: 1, duration: 2 }], due: 6, weight: 1 },
    { id: "B", operations: [{ machine: 1, duration: 4 }, { machine: 0, duration: 1 }], due: 6, weight: 1 },
  ],
});
/** A: Saw 0–3, Mill 4–6; B: Mill 0–4, Saw 4–5. */
const smallPublished = [
  { job: 0, step: 0, machine: 0, start: 0, end: 3 }, { job: 0, step: 1, machine: 1, start: 4, end: 6 },
  { job: 1, step: 0, machine: 1, start: 0, end: 4 }, { job: 1, step: 1, machine: 0, start: 4, end: 5 },
];

describe("reschedule: worked examples", () => {
  it("with nothing changed returns the published schedule, zero moves", () => {
    const r = reschedule(small(), smallPublished, { at: 2, frozen: 1, maxIterations: 500 });
    expect(r.status).toBe("unchanged");
    expect(r.operations).toEqual(smallPublished);
    expect(r.disruption).toMatchObject({ movedOperations: 0, totalStartShift: 0, keptOperations: 4, frozenOperations: 2, newOperations: 0 });
    expect(checkReschedule(small(), smallPublished, r.operations, { now: 2, frozen: 1 }).valid).toBe(true);
  });

  it("inserts an urgent order: frozen operations stay, the new ones start at now + frozen or later", () => {
    const shop = small();
    shop.jobs.push({ id: "Rush", operations: [{ machine: 0, duration: 2 }], due: 7, weight: 10 });
    const r = reschedule(shop, smallPublished, { at: 2, frozen: 1, maxIterations: 2000 });
    const check = checkReschedule(shop, smallPublished, r.operations, { now: 2, frozen: 1 });
    expect(check.violations).toEqual([]);
    const rush = r.operations.find((op) => op.job === 2)!;
    expect(rush.start).toBeGreaterThanOrEqual(3);
    // Saw is busy 0–3 (A, kept) and 4–5 (B); Rush (weight 10, due 7) goes 5–7 without moving B: on time.
    expect(rush).toMatchObject({ start: 5, end: 7 });
    expect(r.totalWeightedTardiness).toBe(0);
    expect(r.disruption.movedOperations).toBe(0);
    expect(r.disruption.newOperations).toBe(1);
  });

  it("keeps every operation out of a downtime and reports the shift", () => {
    const shop = small();
    shop.downtime.push({ machine: 1, from: 4, to: 7 }); // the Mill is down 4–7: A's Mill step must wait
    const r = reschedule(shop, smallPublished, { at: 3, frozen: 0, maxIterations: 2000 });
    const check = checkReschedule(shop, smallPublished, r.operations, { now: 3, frozen: 0 });
    expect(check.violations).toEqual([]);
    expect(r.operations.find((op) => op.job === 0 && op.step === 1)).toMatchObject({ start: 7, end: 9 });
    expect(r.disruption).toMatchObject({ movedOperations: 1, totalStartShift: 3 });
    expect(r.totalWeightedTardiness).toBe(3);
  });

  it("refuses a downtime over a kept operation, naming both", () => {
    const shop = small();
    shop.downtime.push({ machine: 1, from: 1, to: 2 });
    let message = "";
    try { reschedule(shop, smallPublished, { at: 2, frozen: 0, maxIterations: 10 }); } catch (e) { expect(isPlanningInputError(e)).toBe(true); message = (e as Error).message; }
    expect(message).toMatch(/job "B" step 0 .*overlaps the downtime of "Mill" 1–2/);
  });

  it("drops a cancelled job and lets the rest move up only if it pays", () => {
    const shop = small();
    shop.jobs[1].cancelled = true;
    const r = reschedule(shop, smallPublished, { at: 0, frozen: 0, maxIterations: 2000, moveWeight: 0.1 });
    expect(checkReschedule(shop, smallPublished, r.operations, { now: 0, frozen: 0 }).valid).toBe(true);
    expect(r.operations.every((op) => op.job === 0)).toBe(true);
    expect(r.disruption.cancelledOperations).toBe(2);
    // A's Mill step can move from 4 to 3: the makespan... no, tardiness is 0 either way: moving costs, so nothing moves.
    expect(r.disruption.movedOperations).toBe(0);
  });

  it("honours a later release and a longer duration", () => {
    const shop = small();
    shop.jobs[1].release = 6;
    shop.jobs[0].operations[1].duration = 3;
    const r = reschedule(shop, smallPublished, { at: 0, frozen: 0, maxIterations: 3000 });
    const check = checkReschedule(shop, smallPublished, r.operations, { now: 0, frozen: 0 });
    expect(check.violations).toEqual([]);
    expect(Math.min(...r.operations.filter((op) => op.job === 1).map((op) => op.start))).toBeGreaterThanOrEqual(6);
    expect(r.fullResolve).not.toBeNull();
    expect(checkReschedule(shop, smallPublished, r.fullResolve!.operations, { now: 0, frozen: 0 }).valid).toBe(true);
  });
});

describe("reschedule: an operation published on its alternative machine (a re-time's hand move)", () => {
  /** A's Saw step can also run on "Saw 2"; it was published there. */
  const shop = (): Shop => {
    const s = small();
    s.machines.push("Saw 2");
    s.jobs[0].operations[0].alternatives = [2];
    return s;
  };
  const published = smallPublished.map((op, i) => (i === 0 ? { ...op, machine: 2 } : op));

  it("kept (before now + frozen): stays on the alternative; free: the solver puts it back on its own machine", () => {
    for (const [at, frozen, machine] of [[2, 1, 2], [0, 0, 0]]) {
      const matched = matchPublished(shop(), publishedFromJson({ format: "aps-schedule/1", jobNames: ["A", "B"], machineNames: ["Saw", "Mill", "Saw 2"], operations: published }, "plan.json"), "plan.json");
      const r = reschedule(shop(), matched, { at, frozen, maxIterations: 500 });
      expect(checkReschedule(shop(), matched, r.operations, { now: at, frozen }).violations).toEqual([]);
      expect(r.operations.find((op) => op.job === 0 && op.step === 0)!.machine).toBe(machine);
    }
  });

  it("the checker refuses a machine that is neither its own nor an alternative", () => {
    const onMill = smallPublished.map((op, i) => (i === 0 ? { ...op, machine: 1, start: 6, end: 9 } : op));
    expect(checkReschedule(shop(), [], onMill, { now: 0, frozen: 0 }).violations).toEqual(expect.arrayContaining([expect.stringMatching(/job "A" step 0 is on machine 1, which cannot run it/)]));
  });
});

describe("a published schedule that does not fit the shop is an input error that names it", () => {
  const entries = (ops: object[]) => publishedFromJson({ format: "aps-schedule/1", jobNames: ["A", "B", "Z"], machineNames: ["Saw", "Mill"], operations: ops }, "plan.json");
  const fails = (ops: object[]) => { try { matchPublished(small(), entries(ops), "plan.json"); return ""; } catch (e) { return (e as Error).message; } };
  it("unknown job", () => expect(fails([{ job: 2, step: 0, machine: 0, start: 0, end: 1 }])).toMatch(/plan\.json.*job "Z" is not in the shop/));
  it("wrong machine", () => expect(fails([...smallPublished.slice(1), { job: 0, step: 0, machine: 1, start: 0, end: 3 }])).toMatch(/job "A" step 0 is on machine "Mill", but the shop routes it to "Saw"/));
  it("missing operation", () => expect(fails(smallPublished.slice(1))).toMatch(/job "A" step 0 is missing/));
  it("not aps-schedule/1", () => expect(() => publishedFromJson({ format: "x" }, "plan.json")).toThrow(/plan\.json: "format" must be "aps-schedule\/1"/));
});

describe("property: random shops, frozen windows, insertions, downtime, cancellations", () => {
  it("is always feasible by the checker, and movedOperations equals a recount", () => {
    const scenario = fc.record({
      seed: fc.integer({ min: 1, max: 1_000_000 }), jobs: fc.integer({ min: 2, max: 6 }), machines: fc.integer({ min: 2, max: 5 }),
      nowShare: fc.double({ min: 0, max: 1, noNaN: true }), frozen: fc.integer({ min: 0, max: 8 }), inserted: fc.integer({ min: 0, max: 3 }),
      cancel: fc.boolean(), downtime: fc.boolean(), longer: fc.boolean(), release: fc.boolean(), moveWeight: fc.constantFrom(0, 1, 100),
    });
    fc.assert(fc.property(scenario, (c) => {
      const base = randomShop(c.seed, c.jobs, c.machines);
      const published = publish(base, c.seed);
      const now = Math.floor(c.nowShare * Math.max(...published.map((op) => op.end)));
      const limit = now + c.frozen;
      const shop: Shop = { ...base, jobs: base.jobs.map((j) => ({ ...j, operations: j.operations.map((o) => ({ ...o })) })), downtime: [] };
      randomShop(c.seed + 1, c.inserted, c.machines, 2).jobs.forEach((j, i) => shop.jobs.push({ ...j, id: `New${i}`, due: now + 10, weight: 5 }));
      if (c.cancel) shop.jobs[0].cancelled = true;
      // A downtime after every kept operation ends (one over a kept operation is an input error, tested above).
      const keptEnd = Math.max(limit, ...published.filter((op) => op.start < limit).map((op) => op.end));
      if (c.downtime) shop.downtime.push({ machine: c.seed % c.machines, from: keptEnd + 1, to: keptEnd + 5 });
      if (c.longer) for (const op of published) if (op.start >= limit) shop.jobs[op.job].operations[op.step].duration += 1;
      if (c.release) { const j = shop.jobs.length - 1; if (!published.some((op) => op.job === j)) shop.jobs[j].release = limit + 3; }
      const r = reschedule(shop, published, { at: now, frozen: c.frozen, maxIterations: 300, seed: c.seed, moveWeight: c.moveWeight });
      for (const ops of [r.operations, r.fullResolve!.operations]) {
        const check = checkReschedule(shop, published, ops, { now, frozen: c.frozen });
        expect(check.violations).toEqual([]);
      }
      const check = checkReschedule(shop, published, r.operations, { now, frozen: c.frozen });
      expect(r.disruption.movedOperations).toBe(recountMoves(published, r.operations));
      expect(r.disruption.movedOperations).toBe(check.movedOperations);
      expect(r.fullResolve!.movedOperations).toBe(recountMoves(published, r.fullResolve!.operations));
      expect(r.totalWeightedTardiness).toBeCloseTo(check.totalWeightedTardiness, 9);
      expect(r.makespan).toBeCloseTo(check.makespan, 9);
    }), { numRuns: 120 });
  });

  it("with nothing changed always returns the published schedule", () => {
    for (let seed = 1; seed <= 15; seed++) {
      const shop = randomShop(seed, 4, 3);
      const published = publish(shop, seed);
      const r = reschedule(shop, published, { at: seed, frozen: seed % 4, maxIterations: 200 });
      expect(r.disruption.movedOperations).toBe(0);
      expect(r.operations).toEqual(published.slice().sort((a, b) => a.job - b.job || a.step - b.step));
    }
  });
});

describe("the checker catches every broken rule", () => {
  const shop = small();
  shop.downtime.push({ machine: 0, from: 20, to: 25 });
  shop.jobs.push({ id: "New", operations: [{ machine: 0, duration: 1 }], release: 9 });
  const good = [...smallPublished.map((op) => ({ ...op })), { job: 2, step: 0, machine: 0, start: 9, end: 10 }];
  const verdict = (ops: typeof good) => checkReschedule(shop, smallPublished, ops, { now: 2, frozen: 2 }).violations.join("; ");
  const edit = (i: number, change: Partial<(typeof good)[0]>) => good.map((op, k) => (k === i ? { ...op, ...change } : op));
  it("accepts the good schedule", () => expect(verdict(good)).toBe(""));
  it("a kept operation that moved", () => expect(verdict(edit(0, { start: 1, end: 4 }))).toMatch(/job "A" step 0 was published at 0 .* but starts at 1/));
  it("an operation inside a downtime", () => expect(verdict(edit(4, { start: 21, end: 22 }))).toMatch(/runs while the machine is down \(20–25\)/));
  it("a new operation inside the frozen window", () => expect(verdict(edit(4, { start: 3, end: 4 }))).toMatch(/job "New" step 0 starts at 3, inside the frozen window/));
  it("before its release", () => expect(verdict(edit(4, { start: 8, end: 9 }))).toMatch(/before the job's release 9/));
  it("two at once on a machine", () => expect(verdict(edit(4, { start: 4, end: 5 }))).toMatch(/overlaps/));
  it("before the previous step ends", () => expect(verdict(edit(3, { start: 3, end: 4 }))).toMatch(/job "B" step 1 starts at 3, before step 0 ends at 4/));
  it("a missing operation and a wrong duration", () => {
    expect(verdict(good.slice(0, 4))).toMatch(/job "New" step 0 is missing/);
    expect(verdict(edit(4, { end: 12 }))).toMatch(/lasts 3, not 1/);
  });
});
