// The Collaborate tab's live status panel: one row per partner read from the buyer's own sheets
// (Shares, Collaboration, Reconciliation, Partner Commitments, Audit), with the status recomputed
// for today by the same rule the Collaboration sheet is written with (`collaborationSheet`).

import type { CellValue, TableData, WorkbookPort } from "../port";
import { tableCellAddress } from "../port";
import { verifyBookAudit } from "./auditCheck";
import { readBookContext } from "./bookContext";
import { SUPPLY_INPUT_TABLES } from "./supplyInputs";
import { COLLABORATION_HEADERS, collaborationSheet, readMergeStates } from "./bookSheets";

/** The tables the status reads (the pane reads these and hands them to the worker). */
export const STATUS_TABLES = ["Stages", "Arcs", "Settings", "Shares", "Audit", "Partner Commitments", "Tolerances", "Collaboration", "Reconciliation", ...SUPPLY_INPUT_TABLES];

export type PartnerStatusName = "not issued" | "issued" | "overdue" | "answered" | "accepted" | "with exceptions";

export interface PartnerStatusRow {
  partner: string;
  role: string | null;
  packageId: string | null;
  version: number | null;
  issued: string | null;
  deadline: string | null;
  answered: string | null;
  status: PartnerStatusName | string;
  /** Exceptions (warnings and errors) of the partner's last merged answer; null before an answer. */
  exceptions: number | null;
  /** The buyer-workbook cell of the partner's first exception (its Reconciliation row), else of its status row. */
  firstException: string | null;
  /** The partner's row of the Collaboration sheet, when it has one. */
  where: string | null;
}

export interface CollaborationStatus {
  /** False when the workbook has never shared anything (no Shares rows): the pane shows its empty state. */
  shared: boolean;
  rows: PartnerStatusRow[];
  audit: { ok: boolean; rows: number; message: string; where: string | null };
  /** True when the statuses were recomputed for `now` and the current plan; false: as the last share or merge wrote them. */
  live: boolean;
  /** Why the statuses are not live (the workbook's tables cannot be planned, say), in plain words. */
  problems: string[];
  /** The day the statuses hold for (YYYY-MM-DD). */
  asOf: string;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_\-%]+/g, "");
const text = (v: CellValue | undefined) => (v === null || v === undefined || v === "" ? null : String(v));
const num = (v: CellValue | undefined) => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** A table's rows as records keyed by the given headers (missing columns read as null). */
function records(table: TableData | null, headers: readonly string[]): { record: Record<string, CellValue>; row: number }[] {
  if (!table) return [];
  const keys = table.headers.map(norm);
  const cols = headers.map((h) => keys.indexOf(norm(h)));
  return table.rows.flatMap((r, row) => {
    if (r.every((v) => v === null || v === "")) return [];
    return [{ row, record: Object.fromEntries(headers.map((h, k) => [h, cols[k] >= 0 ? r[cols[k]] ?? null : null])) }];
  });
}

function statusRow(values: Record<string, CellValue>): Omit<PartnerStatusRow, "firstException" | "where"> {
  return {
    partner: String(values.Partner ?? ""), role: text(values.Role), packageId: text(values.Package), version: num(values.Version),
    issued: text(values.Issued), deadline: text(values.Deadline), answered: text(values.Answered),
    status: String(values.Status ?? ""), exceptions: num(values.Exceptions),
  };
}

/** The first warning or error of a partner in Reconciliation, else its first Partner Commitments row. */
function firstExceptionOf(partner: string, reconciliation: TableData | null, commitments: TableData | null): string | null {
  const hit = records(reconciliation, ["Severity", "Partner"]).find((r) => r.record.Partner === partner && r.record.Severity !== "info");
  if (hit && reconciliation) return tableCellAddress(reconciliation, hit.row, 0);
  const row = records(commitments, ["Partner"]).find((r) => r.record.Partner === partner);
  return row && commitments ? tableCellAddress(commitments, row.row, 0) : null;
}

/**
 * Each partner's status as of `now`. Where the workbook's network reads and plans, the status is
 * recomputed with the current plan and date (an issued package past its deadline shows overdue);
 * otherwise the Collaboration sheet's statuses are shown as written, with the reason.
 */
export async function readCollaborationStatus(port: WorkbookPort, now: string): Promise<CollaborationStatus> {
  const audit = await verifyBookAudit(port);
  const auditPart = { ok: audit.ok, rows: audit.rows, message: audit.message, where: audit.where };
  const sharesTable = await port.readTable("Shares");
  const collaborationTable = await port.readTable("Collaboration");
  const base = { audit: auditPart, asOf: now.slice(0, 10) };
  if (!sharesTable || records(sharesTable, ["Package"]).length === 0) return { ...base, shared: false, rows: [], live: false, problems: [] };

  const read = await readBookContext(port);
  let values: Record<string, CellValue>[];
  let live = true;
  let problems: string[] = [];
  if (read.ok) {
    const c = read.context;
    const sheet = collaborationSheet(c.partners, new Map(c.shares.map((s) => [s.partner, s.role])), c.shares, readMergeStates(collaborationTable), now, c.planHash);
    values = sheet.rows.map((r) => Object.fromEntries(COLLABORATION_HEADERS.map((h, k) => [h, r[k] ?? null])));
  } else {
    live = false;
    problems = read.errors.slice(0, 3);
    values = records(collaborationTable, COLLABORATION_HEADERS).map((r) => r.record);
  }
  const reconciliation = await port.readTable("Reconciliation");
  const commitments = await port.readTable("Partner Commitments");
  const written = records(collaborationTable, ["Partner"]);
  const rows = values.filter((v) => text(v.Partner) !== null).map((v): PartnerStatusRow => {
    const row = statusRow(v);
    const own = written.find((w) => w.record.Partner === row.partner);
    const where = own && collaborationTable ? tableCellAddress(collaborationTable, own.row, 0) : null;
    const open = (row.exceptions ?? 0) > 0 || row.status === "with exceptions";
    return { ...row, where, firstException: open ? firstExceptionOf(row.partner, reconciliation, commitments) ?? where : null };
  });
  return { ...base, shared: true, rows, live, problems };
}
