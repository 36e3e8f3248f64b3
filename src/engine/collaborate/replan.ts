// Re-planning with partners' commitments as constraints (docs/model.md §8): a committed service time
// becomes the stage's fixed S, a committed rate its capacity μ (Production Rate); the placement is
// re-optimised around them, and the plan before and after are compared stage by stage.

import type { CellOf, planRecord } from "../plan";
import { planRemembered } from "./planCache";
import type { PlanResult } from "../plan/types";
import type { FieldNaming } from "../network/readNetwork";
import type { InputLocation } from "../network/types";
import type { CollaborationException } from "./types";

/** A commitment the buyer takes into its plan. */
export interface AcceptedCommitment {
  partner: string;
  stage: string;
  committedRate: number | null;
  committedServiceTime: number | null;
  /** The partner's cell of the committed rate ("response.xlsx Commitments!B2"), for messages. */
  rateWhere?: string | null;
}

export interface ReplanInput {
  /** The aps-network/1 record (workbook naming or JSON), as read from the buyer's tables. */
  network: Record<string, unknown>;
  /** Every commitment the re-plan takes (the earlier ones and the new). */
  commitments: AcceptedCommitment[];
  /** Commitments already in the plan before this merge (the "before" plan uses them); none by default. */
  previous?: AcceptedCommitment[];
  /** The network's plan without commitments, when the caller has it already (saves planning it again). */
  base?: PlanResult;
  naming?: FieldNaming;
  where?: (location: InputLocation | null) => string;
  /** The buyer's workbook cell of a location (WorkbookNetwork.cell), when the network was read from one: a broken customer promise is then at its Max Service Time cell. */
  cell?: CellOf;
}

/** One row of the before/after table. */
export interface ReplanRow {
  stage: string;
  owner: string | null;
  rateBefore: number | null;
  rateAfter: number | null;
  serviceTimeBefore: number | null;
  serviceTimeAfter: number | null;
  safetyStockBefore: number | null;
  safetyStockAfter: number | null;
  safetyStockCostBefore: number | null;
  safetyStockCostAfter: number | null;
}

export interface ReplanResult {
  before: PlanResult;
  /** Null when the network with the commitments cannot be planned (the errors are in `exceptions`). */
  after: PlanResult | null;
  rows: ReplanRow[];
  kpis: { figure: string; before: number | null; after: number | null }[];
  exceptions: CollaborationException[];
}

type Raw = Record<string, unknown>;

function stageRecords(network: Raw): Raw[] {
  return Array.isArray(network.stages) ? (network.stages as Raw[]) : [];
}

function demandRateOf(plan: PlanResult, id: string): number | null {
  return plan.stages.find((s) => s.id === id)?.demandRate ?? null;
}

function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * The plan with commitments applied: S fixed where a service time is committed, μ = the committed
 * rate where it covers the stage's demand (else an error exception and the planned rate is kept).
 */
function planWith(
  network: Raw, base: PlanResult, commitments: readonly AcceptedCommitment[], naming: FieldNaming,
  where: ReplanInput["where"], exceptions: CollaborationException[],
): ReturnType<typeof planRecord> {
  const fixed = new Map<string, number>();
  const rates = new Map<string, number>();
  for (const c of commitments) {
    if (c.committedServiceTime !== null) fixed.set(c.stage, c.committedServiceTime);
    if (c.committedRate === null) continue;
    const demand = demandRateOf(base, c.stage);
    if (demand !== null && c.committedRate <= demand) {
      exceptions.push({
        severity: "error", partner: c.partner, stage: c.stage, figure: "Committed Rate", planned: demand, committed: c.committedRate,
        difference: c.committedRate - demand, differencePercent: demand === 0 ? null : (100 * (c.committedRate - demand)) / demand,
        message: `The customer promise cannot be kept: ${c.partner}'s committed rate ${c.committedRate} at "${c.stage}" does not cover its demand rate ${demand.toPrecision(6)}; the re-plan keeps the planned rate there.`,
        where: c.rateWhere ?? null,
      });
    } else rates.set(c.stage, c.committedRate);
  }
  const changed: Raw = {
    ...network,
    stages: stageRecords(network).map((s) => {
      const id = typeof s.id === "string" ? s.id : String(s.id ?? "");
      return rates.has(id) ? { ...s, productionRate: rates.get(id) } : s;
    }),
  };
  return planRemembered(changed, { naming, where, fixedServiceTimes: fixed });
}

/**
 * Plans the network as it is, then with each commitment applied (S fixed, μ = committed rate), and
 * compares them. A committed rate at or below the stage's demand rate cannot be planned with (no
 * finite wait, docs/model.md §1): it is left out with an error. Every stage with external demand whose
 * committed S after the re-plan exceeds its maximum service time is a promise that cannot be kept.
 * @example FrameWorks commits S = 3 for Frame Welding: Paint Shop's inbound time becomes 3 and the
 * placement moves stock downstream.
 */
export function replanWithCommitments(input: ReplanInput): ReplanResult {
  const naming = input.naming ?? "workbook";
  let base = input.base;
  if (!base) {
    const planned = planRemembered(input.network, { naming, where: input.where });
    if (!planned.ok) throw new Error(`The buyer's network cannot be planned: ${planned.errors.slice(0, 3).join(" ")}`);
    base = planned.plan;
  }
  const exceptions: CollaborationException[] = [];
  const previous = input.previous ?? [];
  const first = previous.length > 0 ? planWith(input.network, base, previous, naming, input.where, []) : null;
  const before = first?.ok ? first.plan : base;
  const second = planWith(input.network, base, input.commitments, naming, input.where, exceptions);
  const after = second.ok ? second.plan : null;
  if (!second.ok) {
    exceptions.push({ severity: "error", partner: "", stage: null, figure: "Re-plan", planned: null, committed: null, difference: null, differencePercent: null,
      message: `The plan cannot be made with the commitments: ${second.errors.slice(0, 3).join(" ")}`, where: null });
  }
  const afterById = new Map((after?.stages ?? []).map((s) => [s.id, s]));
  const rows: ReplanRow[] = before.stages.map((b) => {
    const a = afterById.get(b.id);
    return {
      stage: b.id, owner: b.owner, rateBefore: b.rate, rateAfter: a?.rate ?? null,
      serviceTimeBefore: b.committedServiceTime, serviceTimeAfter: a?.committedServiceTime ?? null,
      safetyStockBefore: b.safetyStock, safetyStockAfter: a?.safetyStock ?? null,
      safetyStockCostBefore: b.safetyStockCost, safetyStockCostAfter: a?.safetyStockCost ?? null,
    };
  });
  if (after) {
    const records = stageRecords(input.network);
    for (const [row, record] of records.entries()) {
      const id = String(record.id ?? "");
      const external = (num(record.demandRate) ?? 0) > 0 || (num(record.demandSd) ?? 0) > 0;
      if (!external) continue;
      const promise = num(record.maxServiceTime) ?? 0;
      const s = afterById.get(id)?.committedServiceTime ?? null;
      const owner = afterById.get(id)?.owner ?? "";
      // The promise's own cell in the buyer's Stages table, when the network came from a workbook.
      const location: InputLocation = { table: "Stages", row, field: "maxServiceTime" };
      const cell = input.cell?.(location) ?? null;
      const at = cell === null ? { where: null } : { where: input.where?.(location) ?? cell, cell };
      if (s === null) {
        exceptions.push({ severity: "error", partner: owner ?? "", stage: id, figure: "Customer Promise", planned: promise, committed: null, difference: null, differencePercent: null,
          message: `The customer promise of "${id}" (${promise}) cannot be checked: the re-plan has no placement.`, ...at });
      } else if (s > promise + 1e-9) {
        exceptions.push({ severity: "error", partner: owner ?? "", stage: id, figure: "Customer Promise", planned: promise, committed: s, difference: s - promise,
          differencePercent: promise === 0 ? null : (100 * (s - promise)) / promise,
          message: `The customer promise of "${id}" can no longer be kept: with the commitments it serves in ${s.toPrecision(6)}, the customers are promised ${promise}.`, ...at });
      }
    }
  }
  const kpis = [
    { figure: "Lead time to customer", before: before.kpis.leadTimeToCustomer, after: after?.kpis.leadTimeToCustomer ?? null },
    { figure: "Safety-stock cost", before: before.kpis.safetyStockHoldingCost, after: after?.kpis.safetyStockHoldingCost ?? null },
    { figure: "Inventory holding cost", before: before.kpis.inventoryHoldingCost, after: after?.kpis.inventoryHoldingCost ?? null },
    { figure: "Cycle time", before: before.kpis.cycleTime, after: after?.kpis.cycleTime ?? null },
  ];
  return { before, after, rows, kpis, exceptions };
}
