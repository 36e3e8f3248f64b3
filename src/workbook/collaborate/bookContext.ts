// Everything share and merge need from the buyer's workbook, read once through the port: the network
// and its plan, owners, the collaboration tables, the plan's hash and the workbook's id. The audit
// chain is verified here, so no command extends a broken trail.

import { canonicalHash, CanonicalValue, defaultBuyer, hashRemembered, partnersOf, planRemembered, verifyAuditChain } from "../../engine/collaborate";
import type { AuditAnchor, AuditRow, ShareStage, Tolerance } from "../../engine/collaborate";
import type { PlanResult } from "../../engine/plan/types";
import { type InputProblem, inputRefusal, type InputRefusal } from "../../engine/inputErrors";
import type { InputLocation } from "../../engine/network/types";
import { readWorkbookNetwork } from "../plan/networkTables";
import { hashedSupplyInputs, readSupplyInputs, SUPPLY_INPUT_TABLES, SupplyInputs } from "./supplyInputs";
import { PLANNED_ORDERS_TABLE } from "../supply/plannedOrderEdits";
import type { CellValue, TableData, WorkbookPort } from "../port";
import { tableCellAddress } from "../port";
import {
  CollaborationSettings, CommitmentRecord, readAudit, readCollaborationSettings, readPartnerCommitments, readShares,
  readTolerances, shareAnchors, ShareRecord,
} from "./bookTables";

export interface BookContext {
  network: Record<string, unknown>;
  where: (location: InputLocation | null) => string;
  /** The cell of a network location in this workbook, or null where it is a whole sheet (WorkbookNetwork.cell). */
  cell: (location: InputLocation | null) => string | null;
  plan: PlanResult;
  stagesTable: TableData;
  shareStages: ShareStage[];
  arcs: { from: string; to: string; quantity: number }[];
  buyer: string;
  partners: string[];
  settings: CollaborationSettings;
  shares: ShareRecord[];
  audit: AuditRow[];
  commitments: CommitmentRecord[];
  tolerance: (partner: string) => Tolerance;
  /** SHA-256 of the network's canonical form: the plan's version changes with it. */
  planHash: string;
  /** The workbook's collaboration id (from its Shares table), or null before the first share. */
  workbookId: string | null;
  /** The supply plan's inputs when the workbook has one (a Demands table or a supply setting), else null. */
  supply: SupplyInputs | null;
}

/**
 * The tables a collaboration reads (the pane's jobs ask for these): Planned Orders too, whose firm
 * orders the supply runs of share and merge keep, as `aps share` and `aps merge` do.
 */
export const COLLABORATION_TABLES = ["Stages", "Arcs", "Settings", "Shares", "Audit", "Partner Commitments", "Tolerances", "Collaboration", ...SUPPLY_INPUT_TABLES, PLANNED_ORDERS_TABLE];

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDate(value: CellValue): string | null {
  if (typeof value === "number" && Number.isFinite(value) && value > 0 && value < 2_958_466) {
    return new Date(EXCEL_EPOCH_MS + Math.round(value) * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  return null;
}

function toCanonical(value: unknown): CanonicalValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map(toCanonical);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toCanonical(v)]));
  return String(value);
}

/** Anchors written in the Collaboration table (each partner's last merge row). */
export function collaborationAnchors(table: TableData | null): AuditAnchor[] {
  if (!table) return [];
  const keys = table.headers.map((h) => h.toLowerCase().replace(/\s+/g, ""));
  const seq = keys.indexOf("auditsequence");
  const hash = keys.indexOf("audithash");
  if (seq < 0 || hash < 0) return [];
  return table.rows.flatMap((r, k) => (typeof r[seq] === "number" && typeof r[hash] === "string" && r[hash] !== ""
    ? [{ sequence: r[seq] as number, rowHash: r[hash] as string, where: tableCellAddress(table, k, seq) }] : []));
}

/**
 * Reads and plans the buyer's workbook and its collaboration tables; every problem at once. The audit
 * trail is verified against the Shares and Collaboration anchors: a broken chain is an error here.
 */
export async function readBookContext(port: WorkbookPort): Promise<{ ok: true; context: BookContext } | InputRefusal> {
  const networkTables = await readWorkbookNetwork(port);
  const errors: InputProblem[] = [...networkTables.records];
  if (!networkTables.raw) return inputRefusal(errors);
  const planned = planRemembered(networkTables.raw, { naming: "workbook", where: networkTables.where });
  if (!planned.ok) return inputRefusal([...errors, ...planned.problems]);
  const stagesTable = (await port.readTable("Stages")) as TableData;
  const settingsTable = await port.readTable("Settings");
  const sharesTable = await port.readTable("Shares");
  const auditTable = await port.readTable("Audit");
  const settings = readCollaborationSettings(settingsTable, errors);
  const shares = readShares(sharesTable, errors);
  const audit = readAudit(auditTable, errors);
  const commitments = readPartnerCommitments(await port.readTable("Partner Commitments"), errors);
  const tolerance = readTolerances(await port.readTable("Tolerances"), errors);
  const verdict = verifyAuditChain(audit, [...shareAnchors(sharesTable, shares), ...collaborationAnchors(await port.readTable("Collaboration"))]);
  const tableProblem = (where: string, table: string, message: string): InputProblem => ({ where, table, row: null, field: null, message });
  if (!verdict.ok) errors.push(tableProblem(auditTable?.sheet ?? "Audit", "Audit", `the audit trail is broken. ${verdict.message} Restore the workbook from a copy whose audit verifies (aps audit).`));
  const ids = new Set(shares.map((s) => s.workbookId).filter((id) => id !== ""));
  if (ids.size > 1) errors.push(tableProblem(sharesTable?.sheet ?? "Shares", "Shares", `the Shares table mixes packages of ${ids.size} workbooks; keep the rows of this workbook only.`));
  if (errors.length > 0) return inputRefusal(errors);

  const headerKeys = stagesTable.headers.map((h) => h.toLowerCase().replace(/\s+/g, ""));
  const idCol = headerKeys.indexOf("id");
  const dateCol = headerKeys.indexOf("requireddate");
  const records = (networkTables.raw.stages as Record<string, CellValue>[]);
  const requiredDates = new Map<string, string | null>();
  if (dateCol >= 0) for (const row of stagesTable.rows) if (row[idCol] !== null) requiredDates.set(String(row[idCol]), isoDate(row[dateCol]));
  const shareStages: ShareStage[] = planned.plan.stages.map((s, j) => ({
    id: s.id, owner: s.owner, requiredDate: requiredDates.get(s.id) ?? null,
    externalDemand: (typeof records[j]?.demandRate === "number" && (records[j].demandRate as number) > 0) || (typeof records[j]?.demandSd === "number" && (records[j].demandSd as number) > 0),
  }));
  const buyer = settings.buyer ?? defaultBuyer(shareStages);
  const supply = await readSupplyInputs(port, networkTables.raw);
  // The supply inputs are part of the plan a package answers, except the partners' own Period Commitments
  // (a merge writes them; answers merged one after another must not make each other stale).
  const supplyHashed = supply ? hashedSupplyInputs(supply) : null;
  return {
    ok: true,
    context: {
      network: networkTables.raw, where: networkTables.where, cell: networkTables.cell, plan: planned.plan, stagesTable, shareStages,
      arcs: planned.plan.arcs.map((a) => ({ from: a.from, to: a.to, quantity: a.quantity })),
      buyer, partners: partnersOf(shareStages, buyer), settings, shares, audit, commitments, tolerance,
      planHash: hashRemembered({ network: networkTables.raw, requiredDates: Object.fromEntries(requiredDates), buyer, ...(supplyHashed ? { supply: supplyHashed } : {}) }, (value) => canonicalHash(toCanonical(value))),
      workbookId: [...ids][0] ?? null, supply,
    },
  };
}
