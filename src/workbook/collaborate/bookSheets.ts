// The add-in-owned sheets of the buyer's workbook, described once for both adapters: Shares,
// Partner Commitments, Audit and Collaboration (each partner's status). Written as tables, no title
// row, so they read back as input on the next share or merge.

import type { AuditRow } from "../../engine/collaborate";
import { AUDIT_HEADERS } from "../../engine/collaborate";
import type { CellValue, ResultSheet, TableData } from "../port";
import { auditRows, type CommitmentRecord, PARTNER_COMMITMENTS_HEADERS, partnerCommitmentRows, ShareRecord, SHARES_HEADERS, sharesRows } from "./bookTables";
import { TEXT_FORMAT } from "./safeText";

const HASH_WIDTH = 66;

export function sharesSheet(shares: readonly ShareRecord[]): ResultSheet {
  return {
    name: "Shares", tableName: "Shares",
    columns: SHARES_HEADERS.map((header) => ({ header, numberFormat: header === "Version" || header === "Stages" || header === "Audit Sequence" ? "0" : TEXT_FORMAT, width: /Hash/.test(header) ? HASH_WIDTH : undefined })),
    rows: sharesRows(shares),
  };
}

export function auditSheet(rows: readonly AuditRow[]): ResultSheet {
  return {
    name: "Audit", tableName: "Audit",
    columns: AUDIT_HEADERS.map((header) => ({ header, numberFormat: header === "Sequence" || header === "Version" ? "0" : header === "Before" || header === "After" ? "General" : TEXT_FORMAT, width: /Hash/.test(header) ? HASH_WIDTH : header === "Time" ? 22 : undefined })),
    rows: auditRows(rows),
  };
}

export function partnerCommitmentsSheet(records: readonly CommitmentRecord[]): ResultSheet {
  return {
    name: "Partner Commitments", tableName: "PartnerCommitments",
    columns: PARTNER_COMMITMENTS_HEADERS.map((header) => ({ header, numberFormat: /Rate|Service Time|On Hand/.test(header) ? "0.0000" : TEXT_FORMAT })),
    rows: partnerCommitmentRows(records),
  };
}

export const COLLABORATION_HEADERS = ["Partner", "Role", "Package", "Version", "Issued", "Deadline", "Answered", "Status", "Exceptions", "Audit Sequence", "Audit Hash"] as const;

/** What the last merge left for a partner (kept in the Collaboration table between runs). */
export interface PartnerMergeState {
  /** The package last answered, and the status its answer got. */
  packageId: string;
  status: string;
  answered: string;
  exceptions: number;
  auditSequence: number | null;
  auditHash: string;
}

/** Reads the previous Collaboration table's per-partner merge state. */
export function readMergeStates(table: TableData | null): Map<string, PartnerMergeState> {
  const out = new Map<string, PartnerMergeState>();
  if (!table) return out;
  const keys = table.headers.map((h) => h.toLowerCase().replace(/\s+/g, ""));
  const at = (name: string) => keys.indexOf(name);
  const [p, a, e, s, h, k, st] = ["partner", "answered", "exceptions", "auditsequence", "audithash", "package", "status"].map(at);
  if (p < 0) return out;
  for (const row of table.rows) {
    const partner = row[p] === null ? "" : String(row[p]);
    if (partner === "") continue;
    out.set(partner, {
      packageId: k >= 0 && row[k] !== null ? String(row[k]) : "",
      status: st >= 0 && row[st] !== null ? String(row[st]) : "",
      answered: a >= 0 && row[a] !== null ? String(row[a]) : "",
      exceptions: e >= 0 && typeof row[e] === "number" ? (row[e] as number) : 0,
      auditSequence: s >= 0 && typeof row[s] === "number" ? (row[s] as number) : null,
      auditHash: h >= 0 && row[h] !== null ? String(row[h]) : "",
    });
  }
  return out;
}

/**
 * Each partner's status from its latest package: not issued; issued (no answer yet); overdue (no
 * answer past the deadline); answered (its answer was merged, but the plan's inputs have changed
 * since that package was issued, so the answer is no longer reconciled with the current plan and its
 * commitments are out of it until the partner answers a new package); accepted (every commitment
 * within tolerance) or with exceptions (reconciled with the current plan).
 */
export function partnerStatus(latest: ShareRecord, answer: PartnerMergeState | null, planHash: string, now: string): string {
  if (answer) return latest.planHash === planHash ? answer.status : "answered";
  return now.slice(0, 10) > latest.deadline ? "overdue" : "issued";
}

/** The Collaboration sheet: one row per partner (see `partnerStatus`); `planHash` is the current plan's. */
export function collaborationSheet(
  partners: readonly string[], roles: Map<string, string>, shares: readonly ShareRecord[],
  states: Map<string, PartnerMergeState>, now: string, planHash: string,
): ResultSheet {
  const names = [...partners, ...shares.map((s) => s.partner).filter((p) => !partners.includes(p))];
  const unique = [...new Set(names)];
  const rows: CellValue[][] = unique.map((partner) => {
    const latest = [...shares].reverse().find((s) => s.partner === partner);
    const state = states.get(partner);
    if (!latest) return [partner, roles.get(partner) ?? null, null, null, null, null, null, "not issued", null, state?.auditSequence ?? null, state?.auditHash || null];
    const answer = state && state.packageId === latest.packageId && state.answered !== "" ? state : null;
    const status = partnerStatus(latest, answer, planHash, now);
    return [
      partner, latest.role, latest.packageId, latest.version, latest.issued, latest.deadline, answer ? answer.answered : null, status,
      answer ? answer.exceptions : null, state?.auditSequence ?? null, state?.auditHash || null,
    ];
  });
  return {
    name: "Collaboration", tableName: "Collaboration",
    columns: COLLABORATION_HEADERS.map((header) => ({ header, numberFormat: header === "Version" || header === "Exceptions" || header === "Audit Sequence" ? "0" : TEXT_FORMAT, width: header === "Audit Hash" ? HASH_WIDTH : undefined })),
    rows,
  };
}
