// The pane's "Share with a partner" job (Collaborate tab): builds the partner's package from the
// workbook's plan, offers it as a download, and returns the Shares, Audit and Collaboration sheets.

import { COLLABORATION_TABLES } from "./bookContext";
import { shareWithPartners } from "./share";
import { memoryPort } from "../jobs/memoryPort";
import { loadHighsModule } from "../supply/highsProvider";
import type { JobInput, JobOutput, WorkbookJob } from "../jobs/types";
import { problemException } from "../tables/problems";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const shareJob: WorkbookJob = {
  id: "share",
  title: "Share with a partner",
  step: "partners",
  order: 10,
  description: "Writes a package holding only the partner's stages and what the plan asks of them (no costs, nothing of other partners), and records the share in the Shares and Audit sheets.",
  tables: COLLABORATION_TABLES,
  requiredTables: ["Stages"],
  options: [
    { name: "partner", label: "Partner", kind: "text", default: "", hint: "An Owner of the Stages table other than the buyer; * for every partner.", choicesFrom: { table: "Stages", column: "Owner" } },
    { name: "deadline", label: "Response deadline", kind: "text", default: "", hint: "YYYY-MM-DD; blank: the Response Days setting (7 days)." },
    { name: "user", label: "Your name (audit trail)", kind: "text", default: "", hint: "Recorded in the Audit sheet." },
  ],
  async run(input: JobInput, onProgress): Promise<JobOutput> {
    onProgress({ step: "planning and writing the package", fraction: 0.1 });
    const partner = String(input.options.partner ?? "").trim();
    if (partner === "") return { status: "invalid", cards: [], sheets: [], exceptions: [{ severity: "error", where: null, message: "Choose the partner to share with (an Owner of the Stages table)." }] };
    const deadline = String(input.options.deadline ?? "").trim();
    const outcome = await shareWithPartners(memoryPort(input.tables), [partner], {
      now: input.now ?? new Date().toISOString(), user: String(input.options.user ?? "").trim() || "pane user", deadline: deadline === "" ? null : deadline,
      lpSolver: loadHighsModule,
    });
    if (!outcome.ok) return { status: "invalid", cards: [], sheets: [], exceptions: outcome.problems.map(problemException) };
    onProgress({ step: "done", fraction: 1 });
    const first = outcome.packages[0].package;
    return {
      status: "done",
      cards: outcome.packages.length === 1
        ? [
          { label: "Package", value: first.header.id, detail: `${first.role}, plan version ${first.header.version}` },
          { label: "Stages shared", value: first.stages.length },
          ...(first.periods ? [{ label: "Period requests", value: first.tables.find((t) => t.name === "Period Requests")?.rows.length ?? 0, detail: `over ${first.periods.horizon} periods` }] : []),
          { label: "Deadline", value: first.header.deadline },
          { label: "SHA-256", value: first.hash.slice(0, 16), detail: "of the issued values; the Shares sheet keeps it whole" },
        ]
        : [
          { label: "Packages", value: outcome.packages.length, detail: `plan version ${first.header.version}` },
          { label: "Stages shared", value: outcome.packages.reduce((n, p) => n + p.package.stages.length, 0) },
          { label: "Deadline", value: first.header.deadline },
        ],
      exceptions: outcome.packages.map((p) => ({ severity: "info" as const, where: "Shares!A1", message: `Send ${p.fileName} to ${p.package.header.partner}; merge the answer in the Merge responses tab.` })),
      sheets: outcome.sheets,
      files: outcome.packages.map((p) => ({ name: p.fileName, bytes: p.bytes, mime: XLSX_MIME })),
      json: { format: "aps-share/1", packages: outcome.packages.map((p) => ({ package: p.package.header, role: p.package.role, stages: p.package.stages, hash: p.package.hash })) },
    };
  },
};
