// The pane's "Merge responses" job (Collaborate tab): checks partners' filled-in packages, reconciles
// their commitments, re-plans with them, and returns the collaboration sheets with the audit appended.

import { COLLABORATION_TABLES } from "./bookContext";
import { mergeResponses } from "./merge";
import { problemException } from "../tables/problems";
import { memoryPort } from "../jobs/memoryPort";
import { loadHighsModule } from "../supply/highsProvider";
import type { JobException, JobInput, JobOutput, WorkbookJob } from "../jobs/types";
import type { CollaborationException } from "../../engine/collaborate";

/**
 * A collaboration exception as the pane shows it: at its cell of the buyer's workbook (`cell`, selected
 * on a click) when it has one. A place in a partner's response file is no cell of this workbook: it goes
 * before the message, unless the message names it already.
 */
export function mergeException(e: CollaborationException): JobException {
  const place = e.where !== null && e.where !== e.cell && !e.message.includes(e.where) ? `${e.where}: ` : "";
  return { severity: e.severity, where: e.cell ?? null, message: `${place}${e.message}` };
}

export const mergeJob: WorkbookJob = {
  id: "merge",
  title: "Merge responses",
  step: "partners",
  order: 20,
  description: "Reads partners' answered packages (refusing changed, stale or foreign ones), reconciles their commitments with the plan and re-plans with them as constraints.",
  tables: COLLABORATION_TABLES,
  requiredTables: ["Stages", "Shares"],
  options: [{ name: "user", label: "Your name (audit trail)", kind: "text", default: "", hint: "Recorded in the Audit sheet." }],
  takesFiles: { label: "Partner responses (.xlsx)", accept: ".xlsx", multiple: true, pickLabel: "Pick responses…" },
  async run(input: JobInput, onProgress): Promise<JobOutput> {
    onProgress({ step: "checking the responses", fraction: 0.1 });
    const files = input.files ?? [];
    if (files.length === 0) return { status: "invalid", cards: [], sheets: [], exceptions: [{ severity: "error", where: null, message: "Pick one or more response files (.xlsx) sent back by partners." }] };
    const outcome = await mergeResponses(memoryPort(input.tables), files, { now: input.now ?? new Date().toISOString(), user: String(input.options.user ?? "").trim() || "pane user", lpSolver: loadHighsModule });
    if (!outcome.ok) return { status: "invalid", cards: [], sheets: [], exceptions: outcome.problems.map(problemException) };
    onProgress({ step: "done", fraction: 1 });
    const kpi = (figure: string) => outcome.replan.kpis.find((k) => k.figure === figure)!;
    const cost = kpi("Safety-stock cost");
    const lead = kpi("Lead time to customer");
    const fmt = (v: number | null) => (v === null ? "—" : Number(v.toPrecision(6)).toString());
    return {
      status: "done",
      cards: [
        ...outcome.partners.map((p) => ({ label: p.partner, value: p.status, detail: `${p.exceptions} exception(s), package ${p.packageId}` })),
        { label: "Safety-stock cost", value: cost.after, detail: `before: ${fmt(cost.before)}` },
        { label: "Lead time to customer", value: lead.after, detail: `before: ${fmt(lead.before)}` },
        // With period commitments merged and the supply plan made again: its figures before and after.
        ...(outcome.supply?.kpis ?? []).map((k) => ({ label: k.figure, value: k.after, detail: `before: ${fmt(k.before)}` })),
      ],
      exceptions: outcome.exceptions.map(mergeException),
      sheets: outcome.sheets,
      json: { format: "aps-merge/1", partners: outcome.partners, exceptions: outcome.exceptions, kpis: outcome.replan.kpis, ...(outcome.supply ? { supplyKpis: outcome.supply.kpis } : {}) },
    };
  },
};
