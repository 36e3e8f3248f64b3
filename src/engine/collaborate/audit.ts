// The audit trail of a collaboration: append-only rows, each carrying the SHA-256 of the row
// before it and its own, so an edited, inserted or removed row breaks the chain and is found.

import { canonicalHash, CanonicalValue } from "./canonical";

export type AuditAction = "share" | "merge" | "accept" | "re-plan" | "refuse";

/** One row of the Audit sheet, without its hashes. */
export interface AuditEntry {
  sequence: number;
  /** ISO 8601 UTC. */
  time: string;
  user: string;
  action: AuditAction | string;
  packageId: string;
  version: number | null;
  partner: string;
  stage: string;
  figure: string;
  before: string | number | null;
  after: string | number | null;
  reason: string;
}

export interface AuditRow extends AuditEntry {
  previousHash: string;
  rowHash: string;
}

/** The previous hash of the first row. */
export const AUDIT_GENESIS = "0".repeat(64);

/** The columns of the Audit sheet, in order. */
export const AUDIT_HEADERS = [
  "Sequence", "Time", "User", "Action", "Package", "Version", "Partner", "Stage", "Figure", "Before", "After", "Reason", "Previous Hash", "Row Hash",
] as const;

function entryForm(entry: AuditEntry): CanonicalValue {
  return {
    sequence: entry.sequence, time: entry.time, user: entry.user, action: entry.action, package: entry.packageId,
    version: entry.version, partner: entry.partner, stage: entry.stage, figure: entry.figure,
    before: entry.before, after: entry.after, reason: entry.reason,
  };
}

/** SHA-256 of the previous row's hash and this row's canonical JSON. */
export function auditRowHash(previousHash: string, entry: AuditEntry): string {
  return canonicalHash({ previous: previousHash, row: entryForm(entry) });
}

/** Appends entries (numbered on from the chain's last row) and returns the whole chain; the old rows are kept as they are. */
export function appendAudit(chain: readonly AuditRow[], entries: readonly Omit<AuditEntry, "sequence">[]): AuditRow[] {
  const out = [...chain];
  for (const entry of entries) {
    const last = out[out.length - 1];
    const full: AuditEntry = { ...entry, sequence: (last?.sequence ?? 0) + 1 };
    const previousHash = last?.rowHash ?? AUDIT_GENESIS;
    out.push({ ...full, previousHash, rowHash: auditRowHash(previousHash, full) });
  }
  return out;
}

/** A row the Shares or Collaboration table says must be in the chain (catches a removed last row). */
export interface AuditAnchor {
  sequence: number;
  rowHash: string;
  /** Where the anchor is written, for the message. */
  where: string;
}

export interface AuditVerdict {
  ok: boolean;
  /** 0-based index of the first bad row, or null. */
  brokenAt: number | null;
  message: string;
}

/**
 * Verifies the chain: sequences 1, 2, 3, …; each previous hash equal to the row before's hash; each
 * row hash equal to its recomputed value; every anchor present with its hash.
 * @example a chain whose row 2 had its "After" edited: broken at row 2 ("its hash does not match its content").
 */
export function verifyAuditChain(rows: readonly AuditRow[], anchors: readonly AuditAnchor[] = []): AuditVerdict {
  let previous = AUDIT_GENESIS;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    if (row.sequence !== k + 1) {
      return { ok: false, brokenAt: k, message: `Audit row ${k + 1} has sequence ${row.sequence}, expected ${k + 1}: a row was inserted or removed.` };
    }
    if (row.previousHash !== previous) {
      return { ok: false, brokenAt: k, message: `Audit row ${row.sequence}: its previous hash does not match row ${k === 0 ? "(none)" : k}: a row before it was edited, inserted or removed.` };
    }
    if (auditRowHash(previous, row) !== row.rowHash) {
      return { ok: false, brokenAt: k, message: `Audit row ${row.sequence}: its hash does not match its content: the row was edited.` };
    }
    previous = row.rowHash;
  }
  for (const anchor of anchors) {
    const row = rows[anchor.sequence - 1];
    if (!row || row.rowHash !== anchor.rowHash) {
      return { ok: false, brokenAt: Math.min(rows.length, anchor.sequence - 1), message: `Audit row ${anchor.sequence}, recorded in ${anchor.where}, is ${row ? "different" : "missing"}: audit rows were removed or rewritten.` };
    }
  }
  return { ok: true, brokenAt: null, message: `The audit trail's ${rows.length} row(s) are intact.` };
}
