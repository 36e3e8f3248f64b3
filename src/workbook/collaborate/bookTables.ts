// The buyer's collaboration tables, read and written through the workbook port: Shares (what was
// issued to whom), Partner Commitments (answers taken into the plan), Audit (hash-chained), the
// Tolerances input table and the collaboration settings (Buyer, Private Columns, Response Days).

import type { CommitmentFigures } from "../../engine/collaborate/types";
import type { InputProblem } from "../../engine/inputErrors";
import type { AuditAnchor, AuditRow, Tolerance } from "../../engine/collaborate";
import { AUDIT_HEADERS, DEFAULT_TOLERANCE } from "../../engine/collaborate";
import type { CellValue, TableData } from "../port";
import { tableCellAddress } from "../port";
import { cellMarkProblem } from "../tables/cellMarks";
import { settingsEntries } from "../tables/settingsTable";

export interface ShareRecord {
  packageId: string;
  workbookId: string;
  version: number;
  partner: string;
  role: string;
  issued: string;
  deadline: string;
  hash: string;
  planHash: string;
  stages: number;
  auditSequence: number;
  auditHash: string;
}

export const SHARES_HEADERS = ["Package", "Workbook", "Version", "Partner", "Role", "Issued", "Deadline", "Hash", "Plan Hash", "Stages", "Audit Sequence", "Audit Hash"] as const;

export interface CommitmentRecord extends CommitmentFigures {
  partner: string;
  packageId: string;
  answered: string;
  status: string;
}

export const PARTNER_COMMITMENTS_HEADERS = ["Partner", "Package", "Stage", "Committed Rate", "Committed Service Time", "On Hand", "Reason Code", "Comment", "Answered", "Status"] as const;

/** Settings of the collaboration, from the Settings table's Name / Value rows. */
export interface CollaborationSettings {
  buyer: string | null;
  privateColumns: string[];
  /** The Settings cell that lists the Private Columns, for messages (null when none is given). */
  privateColumnsWhere?: string | null;
  responseDays: number;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_\-%]+/g, "");

/** Column index per header (case, spaces, hyphens ignored); -1 where absent. */
function columnsOf(table: TableData, headers: readonly string[]): number[] {
  const keys = table.headers.map(norm);
  return headers.map((h) => keys.indexOf(norm(h)));
}

function text(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

function numberOrNull(value: CellValue | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A problem at a cell of the table, or at its sheet (row null). */
function problemIn(table: TableData, row: number | null, column: number, field: string | null, message: string): InputProblem {
  return { where: row === null ? table.sheet : tableCellAddress(table, row, column), table: table.name, row, field, message };
}

function isBlank(row: CellValue[]): boolean {
  return row.every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

/** Problems reading an add-in table: a missing column names the table and the header wanted. */
function requireColumns(table: TableData, headers: readonly string[], problems: InputProblem[]): number[] | null {
  const cols = columnsOf(table, headers);
  const missing = headers.filter((_, k) => cols[k] < 0);
  if (missing.length > 0) {
    problems.push(problemIn(table, null, -1, null, `the ${table.name} table has no ${missing.map((m) => `"${m}"`).join(", ")} column (it is written by the add-in; do not edit it).`));
    return null;
  }
  return cols;
}

export function readShares(table: TableData | null, problems: InputProblem[]): ShareRecord[] {
  if (!table) return [];
  const c = requireColumns(table, SHARES_HEADERS, problems);
  if (!c) return [];
  return table.rows.filter((r) => !isBlank(r)).map((r) => ({
    packageId: text(r[c[0]]), workbookId: text(r[c[1]]), version: numberOrNull(r[c[2]]) ?? 0, partner: text(r[c[3]]), role: text(r[c[4]]),
    issued: text(r[c[5]]), deadline: text(r[c[6]]), hash: text(r[c[7]]), planHash: text(r[c[8]]), stages: numberOrNull(r[c[9]]) ?? 0,
    auditSequence: numberOrNull(r[c[10]]) ?? 0, auditHash: text(r[c[11]]),
  }));
}

export function sharesRows(shares: readonly ShareRecord[]): CellValue[][] {
  return shares.map((s) => [s.packageId, s.workbookId, s.version, s.partner, s.role, s.issued, s.deadline, s.hash, s.planHash, s.stages, s.auditSequence, s.auditHash]);
}

/** Audit anchors: every share's own audit row (a removed last row is caught). */
export function shareAnchors(table: TableData | null, shares: readonly ShareRecord[]): AuditAnchor[] {
  return shares.map((s, k) => ({ sequence: s.auditSequence, rowHash: s.auditHash, where: table ? tableCellAddress(table, k, 0) : "Shares" }));
}

/** Audit rows as stored; blank cells of Before/After/Version stay null so the hash sees what was written. */
export function readAudit(table: TableData | null, problems: InputProblem[]): AuditRow[] {
  if (!table) return [];
  const c = requireColumns(table, AUDIT_HEADERS, problems);
  if (!c) return [];
  const value = (v: CellValue | undefined): string | number | null => (v === null || v === undefined ? null : typeof v === "boolean" ? String(v) : v);
  return table.rows.filter((r) => !isBlank(r)).map((r) => ({
    sequence: numberOrNull(r[c[0]]) ?? -1, time: text(r[c[1]]), user: text(r[c[2]]), action: text(r[c[3]]), packageId: text(r[c[4]]),
    version: numberOrNull(r[c[5]]), partner: text(r[c[6]]), stage: text(r[c[7]]), figure: text(r[c[8]]),
    before: value(r[c[9]]), after: value(r[c[10]]), reason: text(r[c[11]]), previousHash: text(r[c[12]]), rowHash: text(r[c[13]]),
  }));
}

export function auditRows(rows: readonly AuditRow[]): CellValue[][] {
  return rows.map((r) => [r.sequence, r.time, r.user, r.action, r.packageId, r.version, r.partner, r.stage, r.figure, r.before, r.after, r.reason, r.previousHash, r.rowHash]);
}

export function readPartnerCommitments(table: TableData | null, problems: InputProblem[]): CommitmentRecord[] {
  if (!table) return [];
  const c = requireColumns(table, PARTNER_COMMITMENTS_HEADERS, problems);
  if (!c) return [];
  const optionalText = (v: CellValue | undefined) => (v === null || v === undefined || v === "" ? null : String(v));
  return table.rows.filter((r) => !isBlank(r)).map((r) => ({
    partner: text(r[c[0]]), packageId: text(r[c[1]]), stage: text(r[c[2]]), committedRate: numberOrNull(r[c[3]]),
    committedServiceTime: numberOrNull(r[c[4]]), onHand: numberOrNull(r[c[5]]), reasonCode: optionalText(r[c[6]]),
    comment: optionalText(r[c[7]]), answered: text(r[c[8]]), status: text(r[c[9]]),
  }));
}

export function partnerCommitmentRows(records: readonly CommitmentRecord[]): CellValue[][] {
  return records.map((r) => [r.partner, r.packageId, r.stage, r.committedRate, r.committedServiceTime, r.onHand, r.reasonCode, r.comment, r.answered, r.status]);
}

/** Tolerances by partner from the `Tolerances` table (Partner, Time, Quantity %); a blank partner row is everyone's default. */
export function readTolerances(table: TableData | null, problems: InputProblem[]): (partner: string) => Tolerance {
  const byPartner = new Map<string, Tolerance>();
  let fallback = DEFAULT_TOLERANCE;
  if (table) {
    const c = columnsOf(table, ["Partner", "Time", "Quantity %"]);
    const quantity = c[2] >= 0 ? c[2] : columnsOf(table, ["Quantity"])[0];
    if (c[0] < 0) problems.push(problemIn(table, null, -1, "Partner", 'the Tolerances table needs a "Partner" column (with "Time" and "Quantity %").'));
    else {
      table.rows.forEach((r, k) => {
        if (isBlank(r)) return;
        const time = c[1] >= 0 ? r[c[1]] : null;
        const pct = quantity >= 0 ? r[quantity] : null;
        for (const [v, col, name] of [[time, c[1], "Time"], [pct, quantity, "Quantity %"]] as const) {
          const marked = col >= 0 ? cellMarkProblem(table, k, col, name, "number") : null;
          if (marked !== null) problems.push(problemIn(table, k, col, name, marked));
          else if (v !== null && (typeof v !== "number" || !(v >= 0))) problems.push(problemIn(table, k, col, name, `${name} must be a number of 0 or more (got ${JSON.stringify(v)}).`));
        }
        const tolerance = { time: numberOrNull(time) ?? 0, quantityPercent: numberOrNull(pct) ?? 0 };
        const partner = text(r[c[0]]).trim();
        if (partner === "") fallback = tolerance;
        else byPartner.set(partner, tolerance);
      });
    }
  }
  return (partner) => byPartner.get(partner) ?? fallback;
}

/** Collaboration settings from the Settings table (Name / Value). */
export function readCollaborationSettings(table: TableData | null, problems: InputProblem[]): CollaborationSettings {
  const out: CollaborationSettings = { buyer: null, privateColumns: [], responseDays: 7 };
  if (!table) return out;
  const value = columnsOf(table, ["Value"])[0];
  // Names given twice or misspelt are reported by the network reader, which every collaboration command runs.
  for (const entry of settingsEntries(table).entries) {
    const key = norm(entry.name);
    const v = entry.value;
    const k = entry.row;
    const markProblem = key === "buyer" || key === "privatecolumns" || key === "responsedays" ? cellMarkProblem(table, k, value, entry.name, key === "responsedays" ? "number" : "text") : null;
    if (markProblem !== null) {
      problems.push(problemIn(table, k, value, "Value", markProblem));
      continue;
    }
    if (key === "buyer" && text(v).trim() !== "") out.buyer = text(v).trim().normalize("NFC");
    if (key === "privatecolumns") {
      out.privateColumns = text(v).split(/[,;]/).map((s) => s.trim()).filter((s) => s !== "");
      out.privateColumnsWhere = tableCellAddress(table, k, value);
    }
    if (key === "responsedays") {
      if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 3650) out.responseDays = v;
      else problems.push(problemIn(table, k, value, "Value", `Response Days must be a whole number of days from 0 to 3650 (got ${JSON.stringify(v)}).`));
    }
  }
  return out;
}
