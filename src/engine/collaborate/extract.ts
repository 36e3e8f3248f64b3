// A partner's part of a plan (docs/model.md §8): the stages it owns (by the `Owner` column) with what the
// buyer's plan asks of them, and, where it buys from the buyer, the lead times promised to it.
// Only these rows leave the buyer's workbook; costs never do.

import { standardNormalCdf } from "../normal";
import type { PlanResult } from "../plan/types";
import type { SupplyResult } from "../supply/types";
import { canonicalHash, CanonicalValue } from "./canonical";
import { issuedTable } from "./issuedTable";
import { PERIOD_REQUESTS, PERIOD_REQUESTS_COLUMNS, periodRequestsTable, periodRequestsOf, type PeriodLabels } from "./periodRequests";
import type { IssuedColumn, IssuedTable, PackageHeader, PartnerPackage } from "./types";

/** The facts of a stage a package may need beside its plan: owner, external demand, required date. */
export interface ShareStage {
  id: string;
  owner: string | null;
  /** λ^ext > 0 marks a stage that serves end customers. */
  externalDemand: boolean;
  /** The buyer's required date for the stage's deliveries (YYYY-MM-DD), if any. */
  requiredDate: string | null;
}

export interface ShareSource {
  plan: PlanResult;
  stages: ShareStage[];
  arcs: { from: string; to: string; quantity: number }[];
  /** The workbook owner's name: its stages, and stages without an owner, are never a partner's. */
  buyer: string;
  /** The supply plan over time (MODEL.md §11) when the workbook has one: the package then holds Period Requests. */
  supply?: { result: SupplyResult; labels: PeriodLabels; committed?: readonly { stage: string; period: number; quantity: number }[] } | null;
}

export const REQUESTS_COLUMNS: IssuedColumn[] = [
  { header: "Stage", kind: "text" },
  { header: "Demand Rate", kind: "number", decimals: 4, numberFormat: "0.0000" },
  { header: "Demand Deviation", kind: "number", decimals: 4, numberFormat: "0.0000" },
  { header: "Planned Rate", kind: "number", decimals: 4, numberFormat: "0.0000" },
  { header: "Lot Size", kind: "number", decimals: 2, numberFormat: "0.00" },
  { header: "Service Time Assumed", kind: "number", decimals: 4, numberFormat: "0.0000" },
  { header: "Safety Stock", kind: "number", decimals: 2, numberFormat: "0.00" },
  { header: "Required Date", kind: "text" },
];

export const PROMISES_COLUMNS: IssuedColumn[] = [
  { header: "Your Stage", kind: "text" },
  { header: "Supplying Stage", kind: "text" },
  { header: "Quantity Per Unit", kind: "number", decimals: 4, numberFormat: "0.0000" },
  { header: "Promised Lead Time", kind: "number", decimals: 4, numberFormat: "0.0000" },
  { header: "Service Level", kind: "number", decimals: 4, numberFormat: "0.00%" },
];

export const DELIVERY_COLUMNS: IssuedColumn[] = [
  { header: "Figure", kind: "text" },
  { header: "Value", kind: "number", decimals: 4, numberFormat: "0.0000" },
];

/** The names of the issued tables, in the order a package holds them. */
export const ISSUED_TABLE_COLUMNS: Record<string, IssuedColumn[]> = {
  Requests: REQUESTS_COLUMNS,
  Promises: PROMISES_COLUMNS,
  Delivery: DELIVERY_COLUMNS,
  [PERIOD_REQUESTS]: PERIOD_REQUESTS_COLUMNS,
};

export { issuedTable };

/** Partners of a plan: every owner other than the buyer, in first-seen order. */
export function partnersOf(stages: readonly ShareStage[], buyer: string): string[] {
  const seen: string[] = [];
  for (const s of stages) {
    const owner = s.owner?.trim();
    if (owner && owner !== buyer && !seen.includes(owner)) seen.push(owner);
  }
  return seen;
}

/** The buyer when no setting names it: the owner of the first stage with external demand, else of the first stage. */
export function defaultBuyer(stages: readonly ShareStage[]): string {
  const demand = stages.find((s) => s.externalDemand && s.owner?.trim());
  return (demand ?? stages.find((s) => s.owner?.trim()))?.owner?.trim() ?? "";
}

/** The canonical form a package's hash covers: its header and every issued row, keyed by header. */
export function packageCanonicalForm(header: PackageHeader, tables: readonly IssuedTable[]): CanonicalValue {
  const body: Record<string, CanonicalValue> = {};
  for (const table of tables) {
    body[table.name] = table.rows.map((row) => Object.fromEntries(table.columns.map((column, c) => [column.header, row[c]])));
  }
  return {
    format: "aps-package/1",
    package: { id: header.id, workbook: header.workbookId, version: header.version, partner: header.partner, issued: header.issued, deadline: header.deadline },
    tables: body,
  };
}

/** SHA-256 of the package's canonical form. */
export function packageHash(header: PackageHeader, tables: readonly IssuedTable[]): string {
  return canonicalHash(packageCanonicalForm(header, tables));
}

/**
 * A partner's package: its stages with λ, σ_D, μ, q, the S the plan assumes of each (docs/model.md §5),
 * its safety stock and required date; where it buys from the buyer, the promised lead times S_i of the
 * buyer's stages serving it and the plan's delivery KPIs. Never a cost, never another partner's stage.
 * @example BikeCo's plan shared with FrameWorks issues Frame Welding and Tube Cutting only.
 */
export function partnerPackage(source: ShareSource, header: PackageHeader): PartnerPackage {
  const partner = header.partner;
  const ownerOf = new Map(source.stages.map((s) => [s.id, s.owner?.trim() || source.buyer]));
  const info = new Map(source.stages.map((s) => [s.id, s]));
  const planOf = new Map(source.plan.stages.map((s) => [s.id, s]));
  const own = source.plan.stages.filter((s) => ownerOf.get(s.id) === partner);
  const requests = own.map((s) => [
    s.id, s.demandRate, s.demandSd, s.rate, s.lotSize, s.committedServiceTime, s.safetyStock, info.get(s.id)?.requiredDate ?? null,
  ]);
  const supplies = source.arcs.some((a) => ownerOf.get(a.from) === partner && ownerOf.get(a.to) !== partner);
  // Served by the buyer's own stages only: a stage of a third partner is never named.
  const serving = source.arcs.filter((a) => ownerOf.get(a.to) === partner && ownerOf.get(a.from) === source.buyer);
  const tables: IssuedTable[] = [issuedTable("Requests", "What our plan asks of your stages (per time unit)", REQUESTS_COLUMNS, requests)];
  if (serving.length > 0) {
    const promises = serving.map((a) => {
      const supplier = planOf.get(a.from);
      return [a.to, a.from, a.quantity, supplier?.committedServiceTime ?? null, supplier ? standardNormalCdf(supplier.z) : null];
    });
    tables.push(issuedTable("Promises", "Lead times our plan promises you", PROMISES_COLUMNS, promises));
    const longest = Math.max(...promises.map((p) => (typeof p[3] === "number" ? p[3] : -Infinity)));
    tables.push(issuedTable("Delivery", "Delivery figures of our plan", DELIVERY_COLUMNS, [
      ["Longest promised lead time to you", Number.isFinite(longest) ? longest : null],
      ["Lead time to customer", source.plan.kpis.leadTimeToCustomer],
      ["Cycle time", source.plan.kpis.cycleTime],
    ]));
  }
  if (source.supply) {
    tables.push(periodRequestsTable(periodRequestsOf(source.supply.result, own.map((s) => s.id), source.supply.labels)));
  }
  const role = serving.length === 0 ? "supplier" : supplies ? "supplier and customer" : "customer";
  const periods = source.supply ? { ...source.supply.labels } : null;
  // What the buyer has on record from this partner (its earlier answers): pre-filled, not issued (the partner may change them).
  const ownIds = new Set(own.map((s) => s.id));
  const committed = source.supply?.committed?.filter((c) => ownIds.has(c.stage)).map((c) => ({ ...c })) ?? [];
  return { header, stages: own.map((s) => s.id), role, tables, hash: packageHash(header, tables), periods, ...(committed.length > 0 ? { committed } : {}) };
}
