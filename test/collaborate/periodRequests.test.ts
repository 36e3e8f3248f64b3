// The pure parts of partners over time: Period Requests taken from an aps-supply/1 result (the engine
// solved here with HiGHS), their canonical hash, and the shortfall exceptions of Period Commitments.

import {
  packageHash, partnerPackage, periodDate, periodRequestsFromTable, periodRequestsOf, reconcilePeriodCommitments, usablePeriodCommitments,
} from "../../src/engine/collaborate";
import type { PeriodCommitment, PeriodRequest } from "../../src/engine/collaborate";
import { planRecord } from "../../src/engine/plan";
import { supplyRecord } from "../../src/engine/supply";
import type { SupplyResult } from "../../src/engine/supply";
import { loadHighs } from "../supply/loadHighs";

/** Bike (buyer) from two frames (FrameCo) and a wheel set (WheelCo): one period of lead time each. */
const RECORD = {
  format: "aps-network/1",
  stages: [
    { id: "Bike", owner: "Buyer", processingTime: 1, holdingCost: 1, leadTimePeriods: 1, safetyStockTarget: 0 },
    { id: "Frame", owner: "FrameCo", processingTime: 1, holdingCost: 0.5, leadTimePeriods: 1, safetyStockTarget: 0 },
    { id: "Wheels", owner: "WheelCo", processingTime: 1, holdingCost: 0.25, leadTimePeriods: 2, safetyStockTarget: 0, onHand: 5 },
  ],
  arcs: [{ from: "Frame", to: "Bike", quantity: 2 }, { from: "Wheels", to: "Bike", quantity: 1 }],
  settings: { horizon: 6, periodLength: 7, planStart: "2027-01-04" },
  demands: [{ stage: "Bike", period: 4, quantity: 10 }, { stage: "Bike", period: 5, quantity: 12.5 }],
};

const labels = { horizon: 6, periodLength: 7, planStart: "2027-01-04" };

let result: SupplyResult;
beforeAll(async () => {
  const outcome = supplyRecord(RECORD, await loadHighs());
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  result = outcome.result;
  expect(result.status).toBe("optimal");
});

describe("periodRequestsOf", () => {
  it("asks for each stage's receipts x_j,t−L_j by period of delivery, just in time for the consumer's release", () => {
    // Bike releases 10 in period 3 and 12.5 in 4: Frames (2 each) are received in 3 and 4; Wheels in 3 (5 on hand cover part) and 4.
    expect(periodRequestsOf(result, ["Frame"], labels)).toEqual([
      { stage: "Frame", period: 3, date: "2027-01-18", quantity: 20 },
      { stage: "Frame", period: 4, date: "2027-01-25", quantity: 25 },
    ]);
    expect(periodRequestsOf(result, ["Wheels"], labels)).toEqual([
      { stage: "Wheels", period: 3, date: "2027-01-18", quantity: 5 },
      { stage: "Wheels", period: 4, date: "2027-01-25", quantity: 12.5 },
    ]);
  });

  it("labels periods only where planStart is set", () => {
    expect(periodRequestsOf(result, ["Frame"], { ...labels, planStart: null }).map((r) => r.date)).toEqual([null, null]);
    expect(periodDate(labels, 1)).toBe("2027-01-04");
    expect(periodDate({ ...labels, periodLength: 1 }, 32)).toBe("2027-02-04");
  });
});

describe("a package with Period Requests", () => {
  const header = { id: "P-1", workbookId: "w", version: 1, partner: "FrameCo", issued: "2027-01-01T00:00:00Z", deadline: "2027-01-08" };
  const source = () => {
    // The steady-state plan needs a demand rate: Bike's 3 a day.
    const planned = planRecord({ ...RECORD, stages: RECORD.stages.map((s) => (s.id === "Bike" ? { ...s, demandRate: 3 } : s)) });
    if (!planned.ok) throw new Error(planned.errors.join("\n"));
    const plan = planned.plan;
    return {
      plan, buyer: "Buyer", arcs: RECORD.arcs,
      stages: RECORD.stages.map((s) => ({ id: s.id, owner: s.owner, externalDemand: false, requiredDate: null })),
      supply: { result, labels },
    };
  };

  it("issues the partner's own rows only, and its hash covers them", () => {
    const pkg = partnerPackage(source(), header);
    const table = pkg.tables.find((t) => t.name === "Period Requests")!;
    expect(table.rows).toEqual([["Frame", 3, "2027-01-18", 20], ["Frame", 4, "2027-01-25", 25]]);
    expect(pkg.periods).toEqual(labels);
    expect(periodRequestsFromTable(table)).toEqual(periodRequestsOf(result, ["Frame"], labels));
    const changed = pkg.tables.map((t) => (t === table ? { ...t, rows: [t.rows[0], ["Frame", 4, "2027-01-25", 24]] } : t));
    expect(packageHash(header, changed)).not.toBe(pkg.hash);
  });

  it("is the package of before where the workbook has no supply plan", () => {
    const pkg = partnerPackage({ ...source(), supply: null }, header);
    expect(pkg.tables.map((t) => t.name)).toEqual(["Requests"]);
    expect(pkg.periods).toBeNull();
  });
});

describe("reconcilePeriodCommitments", () => {
  const requests: PeriodRequest[] = [
    { stage: "Frame", period: 3, date: "2027-01-18", quantity: 20 },
    { stage: "Frame", period: 4, date: "2027-01-25", quantity: 25 },
    { stage: "Fork", period: 4, date: null, quantity: 8 },
  ];
  const at = (k: number) => `r.xlsx 'Period Commitments'!C${k + 2}`;
  const rows = (list: [string, number, number][]): PeriodCommitment[] => list.map(([stage, period, quantity], k) => ({ stage, period, quantity, where: at(k) }));
  const run = (commitments: PeriodCommitment[], quantityPercent = 0) => reconcilePeriodCommitments({
    partner: "FrameCo", stages: ["Frame", "Fork"], requests, commitments, horizon: 6, tolerance: { time: 0, quantityPercent }, tableWhere: "r.xlsx 'Period Commitments'!A1",
  });

  it("makes every shortfall an exception by partner, stage and period, and a full or larger commitment none", () => {
    const out = run(rows([["Frame", 3, 20], ["Frame", 4, 15], ["Fork", 4, 9], ["Frame", 5, 7]]));
    expect(out).toEqual([expect.objectContaining({
      severity: "warning", partner: "FrameCo", stage: "Frame", period: 4, figure: "Period Commitment", planned: 25, committed: 15, difference: -10,
      differencePercent: -40, where: at(1), message: 'FrameCo, stage "Frame", period 4 (2027-01-25): commits 15, 10 (40 %) short of the 25 requested.',
    })]);
  });

  it("accepts a shortfall within the Quantity % tolerance as an info", () => {
    const out = run(rows([["Frame", 4, 20], ["Fork", 4, 8]]), 20);
    expect(out.map((e) => [e.severity, e.stage, e.period])).toEqual([["info", "Frame", 4]]);
    expect(out[0].message).toMatch(/within the tolerance of 20 %: accepted/);
  });

  it("ignores rows of other stages, outside the horizon or repeated, and names a stage left unanswered", () => {
    const commitments = rows([["Frame", 3, 20], ["Wheels", 3, 5], ["Frame", 7, 5], ["Frame", 0, 5], ["Frame", 3, 1]]);
    const out = run(commitments);
    expect(out.map((e) => [e.stage, e.period, e.where])).toEqual([
      ["Wheels", 3, at(1)], ["Frame", 7, at(2)], ["Frame", 0, at(3)], ["Frame", 3, at(4)], ["Fork", null, "r.xlsx 'Period Commitments'!A1"],
    ]);
    expect(out[0].message).toMatch(/"Wheels", which is not in the package/);
    expect(out[1].message).toMatch(/period 7 is outside the plan's horizon 1\.\.6/);
    expect(out[3].message).toMatch(/twice .* the first row \(r\.xlsx 'Period Commitments'!C2\) is used/);
    expect(out[4].message).toMatch(/no period commitment for stage "Fork" \(1 requested period\(s\)\)/);
    expect(usablePeriodCommitments({ stages: ["Frame", "Fork"], commitments, horizon: 6 })).toEqual([commitments[0]]);
  });
});
