// Benchmark of the pane in browser mode (npm run bench:pane; needs `npm run build` and a Chromium):
// one workbook with a 2,000-stage network and a 10,000-operation shop; open → plan → schedule (1 s
// limit) → written and ready to download, timed in real Chromium, with the longest main-thread long
// task (PerformanceObserver "longtask") during the run. Prints a table; asserts nothing.
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { STAGE_FIELDS } from "../src/engine/network/fields";
import { randomNetwork } from "../examples/generator/randomNetwork";
import { findChromium, sparticuzChromium } from "../test/browser/support/findBrowser";
import { startPaneSession } from "../test/browser/support/launchPane";

const OUT = path.join(__dirname, "..", "test-output", "bench-pane");
const STAGES = 2000;
const JOBS = 500;
const MACHINES = 20;

/** The benchmark workbook: Stages/Arcs/Settings of a seeded 2,000-stage tree and a 500 × 20 job shop. */
async function benchWorkbook(file: string): Promise<void> {
  const network = randomNetwork({ stages: STAGES, seed: 7, sharedShare: 0 });
  const workbook = new ExcelJS.Workbook();
  const stages = workbook.addWorksheet("Stages");
  const fields = STAGE_FIELDS.filter((f) => network.stages.some((s) => s[f.name] !== undefined));
  stages.addRow(fields.map((f) => f.header));
  for (const s of network.stages) stages.addRow(fields.map((f) => (s[f.name] ?? null) as ExcelJS.CellValue));
  const arcs = workbook.addWorksheet("Arcs");
  arcs.addRow(["From", "To", "Quantity"]);
  for (const a of network.arcs) arcs.addRow([a.from, a.to, a.quantity ?? 1] as ExcelJS.CellValue[]);
  const settings = workbook.addWorksheet("Settings");
  settings.addRow(["Name", "Value"]);
  for (const [k, v] of Object.entries(network.settings)) settings.addRow([k, v as ExcelJS.CellValue]);
  const ops = workbook.addWorksheet("Operations");
  ops.addRow(["Job", "Step", "Machine", "Duration", "Due Date", "Weight"]);
  let x = 3;
  const next = () => (x = (x * 48271) % 2147483647);
  for (let j = 0; j < JOBS; j++) {
    const route = Array.from({ length: MACHINES }, (_, m) => m).sort(() => (next() % 2) - 0.5);
    route.forEach((m, s) => ops.addRow([`Order ${j + 1}`, s, `Machine ${m + 1}`, 1 + (next() % 99), null, null]));
  }
  await workbook.xlsx.writeFile(file);
}

async function main(): Promise<void> {
  const source = findChromium();
  if (!source) {
    console.log("bench:pane needs a Chromium: set CHROMIUM_PATH or apt-get install chromium.");
    return;
  }
  fs.mkdirSync(OUT, { recursive: true });
  const input = path.join(OUT, "network-2000-shop-10000.xlsx");
  await benchWorkbook(input);
  const session = await startPaneSession(source.kind === "file" ? source.path : await sparticuzChromium());
  try {
    const { page, errors } = await session.openPane({
      beforeLoad: async (p) => { await p.addInitScript(() => {
        const tasks: { start: number; duration: number }[] = [];
        (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
        new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration }); })
          .observe({ type: "longtask", buffered: true });
      }); },
    });
    await page.getByRole("button", { name: "Open workbook…" }).waitFor();
    await page.waitForTimeout(500);
    const now = () => page.evaluate(() => performance.now());
    const phase = async () => {
      await page.locator("[data-phase]").waitFor({ timeout: 120_000 });
      return page.locator("[data-phase]").getAttribute("data-phase");
    };
    const steps: { step: string; ms: number; note: string }[] = [];
    const t0 = await now();
    let last = t0;
    const lap = async (step: string, note: string) => { const t = await now(); steps.push({ step, ms: t - last, note }); last = t; };

    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Open workbook…" }).click()]);
    await chooser.setFiles(input);
    await page.getByText("Opened network-2000-shop-10000.xlsx").waitFor({ timeout: 120_000 });
    await lap("open", `${(fs.statSync(input).size / 1024).toFixed(0)} KiB .xlsx`);
    await page.getByRole("tab", { name: "Plan" }).click();
    await page.getByRole("button", { name: "Run plan" }).click();
    const planPhase = await phase();
    await lap("plan + write sheets", `${planPhase}; ${await page.locator('[data-card="Placement"] [data-value]').innerText()}`);
    await page.getByRole("tab", { name: "Schedule" }).click();
    await page.getByRole("group", { name: "Schedule: options", exact: true }).getByRole("spinbutton", { name: "Time limit (s)" }).fill("1");
    await page.getByRole("button", { name: "Run schedule" }).click();
    const schedulePhase = await phase();
    await lap("schedule (1 s) + write sheets", `${schedulePhase}; makespan ${await page.locator('[data-card="Makespan"] [data-value]').innerText()}`);
    await page.getByRole("tab", { name: "Data" }).click();
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("button", { name: "Save workbook…" }).click()]);
    await lap("save (ready to download)", download.suggestedFilename());
    const total = last - t0;
    await download.saveAs(path.join(OUT, download.suggestedFilename()));
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
    const during = tasks.filter((t) => t.start >= t0 && t.start <= last);
    const longest = during.reduce((m, t) => Math.max(m, t.duration), 0);
    const loading = tasks.filter((t) => t.start < t0).reduce((m, t) => Math.max(m, t.duration), 0);

    console.log(`Pane in browser mode: ${STAGES} stages + ${JOBS * MACHINES} operations in one workbook (targets: total < 5 s, longest long task ≤ 100 ms)`);
    const rows = [...steps.map((s) => [s.step, s.ms.toFixed(0), s.note]), ["total", total.toFixed(0), total < 5000 ? "under 5 s" : "OVER 5 s"]];
    const widths = [0, 1, 2].map((c) => Math.max(["step", "ms", "note"][c].length, ...rows.map((r) => r[c].length)));
    const line = (r: string[]) => r.map((cell, c) => (c === 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ");
    console.log(line(["step", "ms", "note"]));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const r of rows) console.log(line(r));
    console.log("");
    console.log(`main-thread long tasks during the run: ${during.length}, longest ${longest.toFixed(0)} ms ${longest <= 100 ? "(≤ 100 ms)" : "(OVER 100 ms)"}; longest while the page loaded: ${loading.toFixed(0)} ms`);
    if (errors.length > 0) console.log(`page errors: ${errors.join("\n")}`);
  } finally {
    await session.close();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
