// Benchmark of collaboration (npm run bench:collaborate): share with every partner and merge all
// their responses on a seeded 2,000-stage network with 20 partners (target: under 2 s for all of it).
// Prints a table of the steps; asserts nothing. The book is held in memory (the pane's view).

import ExcelJS from "exceljs";
import { memoryPort } from "../src/workbook/jobs/memoryPort";
import { shareWithPartner, shareWithPartners } from "../src/workbook/collaborate/share";
import { mergeResponses } from "../src/workbook/collaborate/merge";
import { forgetPlans } from "../src/engine/collaborate";
import type { ResultSheet, TableData } from "../src/workbook/port";
import { randomBook } from "../test/collaborate/randomBook";

function withSheets(tables: Record<string, TableData | null>, sheets: ResultSheet[]): Record<string, TableData | null> {
  const next = { ...tables };
  for (const s of sheets) next[s.name] = { name: s.name, sheet: s.name, headers: s.columns.map((c) => c.header), rows: s.rows, headerRow: 1, firstColumn: 1 };
  return next;
}

async function respond(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Commitments")!;
  for (let r = 2; r <= sheet.rowCount; r++) if (r % 3 === 0) sheet.getCell(r, 3).value = 1;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** CPU time of this process so far, ms (the machine may be shared: wall time alone overstates). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function run(stages: number, partnerCount: number): Promise<string[][]> {
  const book = randomBook(stages, partnerCount, 2026);
  let tables = book.tables;
  const rows: string[][] = [];
  const files: { name: string; bytes: Uint8Array }[] = [];
  // One partner alone (what `aps share --partner NAME` does: the plan is made for that share).
  let started = performance.now();
  let cpu = cpuMs();
  const single = await shareWithPartner(memoryPort(tables), { partner: book.partners[0], now: "2026-12-01T10:00:00Z", user: "bench", newWorkbookId: "0123456789abcdef" });
  const singleMs = performance.now() - started;
  if (!single.ok) throw new Error(single.errors.join("\n"));
  rows.push([`${stages}`, "1", "share with one partner", `${single.package.stages.length}`, singleMs.toFixed(0), singleMs.toFixed(0), (cpuMs() - cpu).toFixed(0)]);
  // Every partner at once (`aps share --partner "*"`, the pane's share job with *): one plan, one package each.
  // Plans are remembered by their inputs (engine/collaborate/planCache.ts): forget the one-partner share's,
  // so this share plans afresh, as a new `aps share` process does.
  forgetPlans();
  started = performance.now();
  cpu = cpuMs();
  const all = await shareWithPartners(memoryPort(tables), ["*"], { now: "2026-12-01T10:00:00Z", user: "bench", newWorkbookId: "0123456789abcdef" });
  const shareMs = performance.now() - started;
  const shareCpu = cpuMs() - cpu;
  if (!all.ok) throw new Error(all.errors.join("\n"));
  tables = withSheets(tables, all.sheets);
  let stagesShared = 0;
  for (const p of all.packages) {
    stagesShared += p.package.stages.length;
    files.push({ name: p.fileName, bytes: await respond(p.bytes) });
  }
  rows.push([`${stages}`, `${book.partners.length}`, "share with every partner", `${stagesShared}`, (shareMs / book.partners.length).toFixed(0), shareMs.toFixed(0), shareCpu.toFixed(0)]);
  // The merge as the pane runs it (the same worker as the share: the share's plan is reused), then as a new
  // `aps merge` process runs it (nothing remembered: it plans the book again).
  const timings: { label: string; ms: number; cpu: number }[] = [];
  for (const [label, fresh] of [["merge, after the share (pane)", false], ["merge, planned afresh (CLI)", true]] as const) {
    if (fresh) forgetPlans();
    started = performance.now();
    cpu = cpuMs();
    const merged = await mergeResponses(memoryPort(tables), files, { now: "2026-12-02T10:00:00Z", user: "bench" });
    const mergeMs = performance.now() - started;
    const mergeCpu = cpuMs() - cpu;
    if (!merged.ok) throw new Error(merged.errors.join("\n"));
    timings.push({ label, ms: mergeMs, cpu: mergeCpu });
    rows.push([`${stages}`, `${book.partners.length}`, `${label}: all ${files.length} responses`, `${stagesShared}`, (mergeMs / files.length).toFixed(0), mergeMs.toFixed(0), mergeCpu.toFixed(0)]);
  }
  for (const t of timings) {
    rows.push([`${stages}`, `${book.partners.length}`, `share with every partner + ${t.label}`, `${stagesShared}`, "", (shareMs + t.ms).toFixed(0), (shareCpu + t.cpu).toFixed(0)]);
  }
  return rows;
}

async function mainBench(): Promise<void> {
  const sizes: [number, number][] = process.argv.includes("--quick") ? [[200, 5]] : process.argv.includes("--large") ? [[2000, 20]] : [[200, 5], [2000, 20]];
  const header = ["stages", "partners", "step", "stages shared", "ms per partner", "ms total", "cpu ms"];
  const rows: string[][] = [];
  for (const [n, p] of sizes) rows.push(...(await run(n, p)));
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  console.log(header.map((h, c) => h.padEnd(widths[c])).join("  "));
  for (const r of rows) console.log(r.map((v, c) => v.padEnd(widths[c])).join("  "));
  console.log("Target (issue 9): share and merge for 2,000 stages and 20 partners in under 2 s.");
}

void mainBench();
