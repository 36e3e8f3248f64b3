// `aps audit` and every merge: verifies the buyer's Audit sheet against its own chain and the rows the
// Shares and Collaboration tables say must be there.

import { verifyAuditChain } from "../../engine/collaborate";
import type { AuditVerdict } from "../../engine/collaborate";
import { type InputProblem, problemLine } from "../../engine/inputErrors";
import type { WorkbookPort } from "../port";
import { collaborationAnchors } from "./bookContext";
import { readAudit, readShares, shareAnchors } from "./bookTables";

export interface BookAuditVerdict extends AuditVerdict {
  rows: number;
  /** The table cell of the first bad row ("Audit!A5"), or null. */
  where: string | null;
  /** Problems reading the tables themselves (a missing column). */
  problems: InputProblem[];
}

/** Verifies the workbook's audit trail; a workbook without one has nothing to verify (ok). */
export async function verifyBookAudit(port: WorkbookPort): Promise<BookAuditVerdict> {
  const problems: InputProblem[] = [];
  const auditTable = await port.readTable("Audit");
  const sharesTable = await port.readTable("Shares");
  const rows = readAudit(auditTable, problems);
  const shares = readShares(sharesTable, problems);
  if (problems.length > 0) return { ok: false, brokenAt: null, message: problems.map(problemLine).join(" "), rows: rows.length, where: auditTable?.sheet ?? null, problems };
  const verdict = verifyAuditChain(rows, [...shareAnchors(sharesTable, shares), ...collaborationAnchors(await port.readTable("Collaboration"))]);
  const where = verdict.brokenAt !== null && auditTable ? `${auditTable.sheet}!A${auditTable.headerRow + 1 + verdict.brokenAt}` : null;
  const message = !auditTable && shares.length === 0 ? "The workbook has no audit trail yet (nothing was shared)." : verdict.message;
  return { ...verdict, message, rows: rows.length, where, problems };
}
