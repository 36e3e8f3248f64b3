// Plans remembered by their inputs: the same network gives the same plan as planning it afresh, a
// copy each time; other inputs, or other names for the exceptions' places, are planned again.

import { forgetPlans, hashRemembered, planRemembered } from "../../src/engine/collaborate";
import { planRecord } from "../../src/engine/plan";
import { memoryPort } from "../../src/workbook/jobs/memoryPort";
import { readWorkbookNetwork } from "../../src/workbook/plan/networkTables";
import { randomBook } from "./randomBook";

/** A plan outcome without its timing (placement.elapsedMs differs from run to run). */
function untimed(outcome: unknown): unknown {
  return JSON.parse(JSON.stringify(outcome, (k, v) => (k === "elapsedMs" ? 0 : v)));
}

describe("a remembered plan", () => {
  beforeEach(() => forgetPlans());

  it("is the plan of the same inputs, equal to planning afresh, and a copy the caller may change", async () => {
    const tables = await readWorkbookNetwork(memoryPort(randomBook(30, 3, 11).tables));
    const raw = tables.raw!;
    const fresh = planRecord(raw, { naming: "workbook", where: tables.where });
    const first = planRemembered(raw, { naming: "workbook", where: tables.where });
    const second = planRemembered(raw, { naming: "workbook", where: tables.where });
    if (!fresh.ok || !first.ok || !second.ok) throw new Error("not planned");
    expect(untimed(first.plan)).toEqual(untimed(fresh.plan));
    expect(second.plan).toEqual(first.plan);
    expect(second.plan).not.toBe(first.plan);
    first.plan.stages[0].safetyStock = -1;
    const third = planRemembered(raw, { naming: "workbook", where: tables.where });
    expect(third.ok && third.plan.stages[0].safetyStock).toBe(fresh.plan.stages[0].safetyStock);
  });

  it("is planned again for a fixed service time, a changed figure, or other names of the places", async () => {
    const tables = await readWorkbookNetwork(memoryPort(randomBook(30, 3, 12).tables));
    const raw = tables.raw!;
    const id = String((raw.stages as { id: string }[])[0].id);
    const fixed = new Map([[id, 0]]);
    planRemembered(raw, { naming: "workbook", where: tables.where });
    const withFixed = planRemembered(raw, { naming: "workbook", where: tables.where, fixedServiceTimes: fixed });
    expect(untimed(withFixed)).toEqual(untimed(planRecord(raw, { naming: "workbook", where: tables.where, fixedServiceTimes: fixed })));
    const stages = raw.stages as Record<string, unknown>[];
    const changed = { ...raw, stages: stages.map((s, k) => (k === 0 ? { ...s, holdingCost: 123.5 } : s)) };
    expect(untimed(planRemembered(changed, { naming: "workbook", where: tables.where }))).toEqual(untimed(planRecord(changed, { naming: "workbook", where: tables.where })));
    const elsewhere = (location: Parameters<typeof tables.where>[0]) => `Other!${tables.where(location)}`;
    const renamed = planRemembered(raw, { naming: "workbook", where: elsewhere });
    expect(untimed(renamed)).toEqual(untimed(planRecord(raw, { naming: "workbook", where: elsewhere })));
  });
});

describe("a remembered hash", () => {
  beforeEach(() => forgetPlans());

  it("is the hash of the same value, and made afresh for another", () => {
    let made = 0;
    const hash = (value: unknown) => `${++made}:${JSON.stringify(value)}`;
    expect(hashRemembered({ a: 1, b: [NaN] }, hash)).toBe('1:{"a":1,"b":[null]}');
    expect(hashRemembered({ a: 1, b: [NaN] }, hash)).toBe('1:{"a":1,"b":[null]}');
    // NaN and null are told apart, though JSON writes both as null.
    expect(hashRemembered({ a: 1, b: [null] }, hash)).toBe('2:{"a":1,"b":[null]}');
    expect(hashRemembered({ a: 2, b: [NaN] }, hash)).toBe('3:{"a":2,"b":[null]}');
    expect(made).toBe(3);
  });
});
