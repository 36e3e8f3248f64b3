// The pane's "Verify the audit trail" job (Collaborate tab): checks the Audit sheet's hash chain.

import { verifyBookAudit } from "./auditCheck";
import { memoryPort } from "../jobs/memoryPort";
import type { JobInput, JobOutput, WorkbookJob } from "../jobs/types";

export const auditJob: WorkbookJob = {
  id: "audit",
  title: "Verify the audit trail",
  step: "partners",
  order: 30,
  description: "Checks that no row of the Audit sheet was edited, inserted or removed (each row carries the SHA-256 of the one before).",
  tables: ["Audit", "Shares", "Collaboration"],
  requiredTables: [],
  options: [],
  async run(input: JobInput): Promise<JobOutput> {
    const verdict = await verifyBookAudit(memoryPort(input.tables));
    return {
      status: verdict.ok ? "done" : "invalid",
      cards: [{ label: "Audit trail", value: verdict.ok ? "intact" : "broken", detail: `${verdict.rows} row(s)` }],
      exceptions: [{ severity: verdict.ok ? "info" : "error", where: verdict.where, message: verdict.message }],
      sheets: [],
      json: { format: "aps-audit/1", ok: verdict.ok, rows: verdict.rows, brokenAt: verdict.brokenAt, message: verdict.message },
    };
  },
};
