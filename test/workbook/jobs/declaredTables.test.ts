// Every job declares the tables its run reads. The pane reads a job's declared tables before the run
// and the run sees only those (a memory port over them), while `aps` reads the file itself: a table a
// run asks for but its job does not declare is missing in the pane alone, and the same workbook gives
// two answers (the pane's merge once ignored the buyer's firm Planned Orders this way).
import * as fs from "fs";
import * as path from "path";
import { checkJob } from "../../../src/taskpane/worker/checkJob";
import { collaborationStatusJob } from "../../../src/taskpane/worker/collaborationStatusJob";
import { JOBS } from "../../../src/workbook/jobs/registry";
import type { JobInput, WorkbookJob } from "../../../src/workbook/jobs/types";
import type { TableData } from "../../../src/workbook/port";
import { openXlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";

/** Tables a run asked the memory port for that were not among those it was given, by job. */
const mockUndeclared: { job: string; asked: Set<string> } = { job: "", asked: new Set() };

jest.mock("../../../src/workbook/jobs/memoryPort", () => {
  const actual = jest.requireActual("../../../src/workbook/jobs/memoryPort");
  return {
    memoryPort(tables: Record<string, unknown>) {
      const declared = new Set(Object.keys(tables).map((n) => n.toLowerCase()));
      const port = actual.memoryPort(tables);
      return {
        ...port,
        async readTable(name: string) {
          if (!declared.has(name.toLowerCase())) mockUndeclared.asked.add(`${mockUndeclared.job}: ${name}`);
          return port.readTable(name);
        },
      };
    },
  };
});

const EXAMPLES = path.join(__dirname, "..", "..", "..", "examples");
// The 240-stage network only makes the runs slow: its tables are those of the smaller examples.
const WORKBOOKS = [
  ...fs.readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx") && f !== "large-network.xlsx"),
  ...fs.readdirSync(path.join(EXAMPLES, "collaboration")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join("collaboration", f)),
].sort();

/** Quick, deterministic settings where a job's defaults would search for seconds; the rest are the pane's defaults. */
const QUICK: Record<string, JobInput["options"]> = {
  schedule: { iterations: 200, seed: 1 },
  reschedule: { iterations: 200, seed: 1 },
  retime: { timeLimit: 0 },
  simulate: { replications: 2, horizon: 40, warmup: 5, seed: 1 },
  share: { partner: "FrameWorks", user: "test" },
  merge: { user: "test" },
  "supply-promise": { stage: "Final Assembly", period: 3, quantity: 10 },
};

/**
 * Demand History kept to each stage's last 48 rows: the runs take the same paths (the same tables
 * read) and forecast in a fraction of the time; what they forecast is not what this test checks.
 */
function shortHistory(table: TableData | null): TableData | null {
  if (!table || table.name.replace(/ /g, "").toLowerCase() !== "demandhistory") return table;
  const stage = table.headers.findIndex((h) => String(h).trim().toLowerCase() === "stage");
  const seen = new Map<unknown, number>();
  const kept = [...table.rows].reverse().filter((row) => {
    const n = (seen.get(row[stage]) ?? 0) + 1;
    seen.set(row[stage], n);
    return n <= 48;
  });
  return { ...table, rows: kept.reverse() };
}

/** The partner's answer a merge reads (for the other workbooks, a file that answers nothing of theirs). */
const RESPONSES = [{ name: "FrameWorks-response.xlsx", bytes: new Uint8Array(fs.readFileSync(path.join(EXAMPLES, "collaboration", "FrameWorks-response.xlsx"))) }];

function optionsOf(job: WorkbookJob): JobInput["options"] {
  return { ...Object.fromEntries(job.options.map((o) => [o.name, o.default])), ...(QUICK[job.id] ?? {}) };
}

describe("every job's run reads only the tables its job declares", () => {
  it.each(WORKBOOKS)("%s: every job the workbook has the tables for", async (name) => {
    const book = await openXlsxWorkbook(path.join(EXAMPLES, name));
    mockUndeclared.asked.clear();
    let ran = 0;
    // The registry's jobs, and the two the pane's worker runs beside them (Check, the partners' status).
    for (const job of [...JOBS, checkJob, collaborationStatusJob]) {
      if (job.takesFiles?.networks) continue; // compare reads the files the user picks, not this workbook
      const tables: Record<string, TableData | null> = {};
      for (const table of job.tables) tables[table] = shortHistory(await book.readTable(table));
      if (job.requiredTables.some((t) => !tables[t])) continue;
      mockUndeclared.job = job.id;
      const started = Date.now();
      await job.run({ tables, options: optionsOf(job), files: job.takesFiles ? RESPONSES : [], now: "2027-01-04T09:00:00Z" }, () => undefined);
      if (process.env.APS_TIMING) console.log(`${name} ${job.id}: ${Date.now() - started} ms`);
      ran++;
    }
    expect(ran).toBeGreaterThan(0);
    expect([...mockUndeclared.asked]).toEqual([]);
  }, 240_000);
});
