// Promise dates, customer windows and tiers, and escalation, as worked examples; the insertion
// promise against a brute-force search over every integer start.
import { applyCustomers, tierFactor } from "../../src/engine/reschedule/customers";
import { escalate, orderEscalations } from "../../src/engine/reschedule/escalation";
import { insertionPromise, promiseDate } from "../../src/engine/reschedule/promise";
import { reschedule } from "../../src/engine/reschedule/reschedule";
import { checkReschedule } from "../../src/engine/reschedule/check";
import type { PublishedOperation } from "../../src/engine/reschedule/published";
import type { Shop } from "../../src/engine/reschedule/shop";
import { publish, randomShop } from "./support";

const rules = [
  { daysLateFrom: 0, level: 1, role: "Planner", contact: "planner@example.com" },
  { daysLateFrom: 3, level: 2, role: "Sales manager", contact: "sales@example.com" },
  { daysLateFrom: 10, level: 3, role: "Director", contact: "director@example.com" },
];

describe("escalation: the rule with the largest Days Late From reached", () => {
  it("given 4 days late, the sales manager acts (level 2)", () => {
    expect(escalate({ order: "Order 7", lateness: 4, customer: "Acme", owner: "Kim" }, rules)).toEqual({
      order: "Order 7", customer: "Acme", owner: "Kim", lateness: 4, status: "late", level: 2, role: "Sales manager", contact: "sales@example.com",
    });
  });
  it("exactly at a threshold takes that level; below every threshold is level 0", () => {
    expect(escalate({ order: "A", lateness: 10 }, rules).level).toBe(3);
    expect(escalate({ order: "A", lateness: -1 }, rules)).toMatchObject({ level: 0, role: null, status: "at risk" });
  });
  it("lists late orders and those within the at-risk slack, most severe first", () => {
    const list = orderEscalations([
      { order: "On time", promised: 20, completion: 10 },
      { order: "Close", promised: 20, completion: 19 },
      { order: "Late 2", promised: 20, completion: 22 },
      { order: "Late 12", promised: 20, completion: 32 },
      { order: "No promise", promised: undefined, completion: 99 },
    ], rules, 2);
    expect(list.map((e) => [e.order, e.level, e.status])).toEqual([["Late 12", 3, "late"], ["Late 2", 1, "late"], ["Close", 0, "at risk"]]);
  });
});

describe("customer windows and tiers", () => {
  const shop = (): Shop => ({
    machines: ["Line"], downtime: [],
    jobs: [
      { id: "Gold order", customer: "Gold", operations: [{ machine: 0, duration: 5 }], due: 30 },
      { id: "Bronze order", customer: "Bronze", operations: [{ machine: 0, duration: 5 }], due: 5, weight: 1 },
    ],
  });
  const customers = [{ id: "Gold", tier: 1, weight: 1, earliest: 8, latest: 10 }, { id: "Bronze", tier: 3, weight: 2 }];

  it("a tier-1 customer weighs 10^(3-1) = 100 × its weight; the window's latest caps the due date", () => {
    expect(tierFactor(1, 3)).toBe(100);
    const applied = applyCustomers(shop(), customers);
    expect(applied.jobs[0]).toMatchObject({ due: 10, weight: 100, earliest: 8 });
    expect(applied.jobs[1]).toMatchObject({ due: 5, weight: 2 });
  });

  it("the scheduler keeps the tier-1 order inside its window [8, 10] and the bronze order on time", () => {
    const applied = applyCustomers(shop(), customers);
    const r = reschedule(applied, [], { at: 0, frozen: 0, maxIterations: 3000, seed: 3 });
    expect(checkReschedule(applied, [], r.operations, { now: 0, frozen: 0 }).valid).toBe(true);
    const gold = r.operations.find((op) => op.job === 0)!;
    expect(gold.end).toBeGreaterThanOrEqual(8);
    expect(gold.end).toBeLessThanOrEqual(10);
    expect(r.totalWeightedEarliness).toBe(0);
    // Bronze goes first (0–5, on time) or after; the best is bronze 0–5, gold 5–10: nothing late, nothing early.
    expect(r.totalWeightedTardiness).toBe(0);
  });

  it("an unknown customer is an input error naming the job", () => {
    expect(() => applyCustomers(shop(), [{ id: "Gold" }])).toThrow(/job "Bronze order": customer "Bronze" is not in the Customers table/);
  });
});

/** Earliest completion of a chain over integer starts by exhaustive search (durations and busy times are integers). */
function bruteForceInsertion(shop: Shop, published: readonly PublishedOperation[], job: number, from: number): number {
  const busy = (m: number, s: number, e: number) =>
    published.some((op) => op.machine === m && op.job !== job && s < op.end && op.start < e) ||
    shop.downtime.some((d) => d.machine === m && s < d.to && d.from < e);
  const horizon = from + 500;
  const best = (k: number, ready: number): number => {
    if (k === shop.jobs[job].operations.length) return ready;
    const { machine, duration } = shop.jobs[job].operations[k];
    let out = Infinity;
    for (let s = ready; s <= horizon && s < out; s++) if (!busy(machine, s, s + duration)) out = Math.min(out, best(k + 1, s + duration));
    return out;
  };
  return best(0, from);
}

describe("capable to promise", () => {
  it("inserting into the gaps gives the earliest completion of any placement that moves nothing", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const base = randomShop(seed, 4, 3);
      const published = publish(base, seed);
      const shop: Shop = { ...base, jobs: [...base.jobs, { id: "Quote", operations: randomShop(seed + 50, 1, 3, 3).jobs[0].operations }], downtime: seed % 2 ? [{ machine: 1, from: 3, to: 8 }] : [] };
      const now = seed % 6;
      expect(insertionPromise(shop, published, shop.jobs.length - 1, now).completion).toBe(bruteForceInsertion(shop, published, shop.jobs.length - 1, now));
    }
  });

  it("a reschedule that puts the order first is never later than the insertion; quantity scales the work", () => {
    const base = randomShop(4, 5, 3);
    const published = publish(base, 4);
    const shop: Shop = { ...base, jobs: [...base.jobs, { id: "Quote", operations: [{ machine: 0, duration: 2 }, { machine: 2, duration: 3 }] }] };
    const one = promiseDate(shop, published, 5, 1, { at: 2, frozen: 1, maxIterations: 2000 });
    const three = promiseDate(shop, published, 5, 3, { at: 2, frozen: 1, maxIterations: 2000 });
    expect(one.resolve!.completion).toBeLessThanOrEqual(one.insertion.completion);
    expect(one.insertion.completion).toBeGreaterThanOrEqual(3 + 5);
    expect(three.insertion.completion).toBeGreaterThanOrEqual(3 + 15);
    expect(three.insertion.operations.map((op) => op.end - op.start)).toEqual([6, 9]);
    expect(() => promiseDate(shop, published, 0, 1, { at: 0 })).toThrow(/already in the published schedule/);
  });
});
