// The supply job in the built add-in's job worker (dist/aps-jobs.js) in headless Chromium: HiGHS'
// WebAssembly loads from dist/highs.wasm and the plan is aps supply's. Needs `npm run build`.
import * as path from "path";
import { chromium, type Browser } from "playwright-core";
import { serveDirectory, type StaticServer } from "../addin/support/staticServer";
import { built, DIST, ROOT } from "../addin/support/paths";
import type { TableData } from "../../src/workbook/port";
import { supplyJob } from "../../src/workbook/supply/supplyJob";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { runAps } from "../support/runCli";
import { describeWithBrowser } from "./support/browserSuite";
import { CHROMIUM_FLAGS, SLOW } from "./support/launchPane";

const EXAMPLE = path.join(ROOT, "examples", "supply-plan.xlsx");

describeWithBrowser("the supply job in the pane's worker (Chromium)", (chromiumPath) => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    built("aps-jobs.js");
    server = await serveDirectory(DIST);
    browser = await chromium.launch({ executablePath: await chromiumPath(), timeout: SLOW, args: CHROMIUM_FLAGS });
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("loads HiGHS from highs.wasm and plans examples/supply-plan.xlsx as aps supply does", async () => {
    const workbook = await openXlsxWorkbook(EXAMPLE);
    const tables: Record<string, TableData | null> = {};
    for (const name of supplyJob.tables) tables[name] = await workbook.readTable(name);
    const page = await browser.newPage();
    await page.goto(`${server.origin}/help.html`);
    const reply = await page.evaluate(async ({ url, tables }) => {
      const worker = new Worker(url, { name: "aps-jobs" });
      const steps: string[] = [];
      return await new Promise<{ type: string; steps: string[]; head?: unknown; bulk?: string; message?: string }>((resolve) => {
        worker.onmessage = ({ data }) => {
          if (data.type === "progress") steps.push(data.progress.step);
          else resolve({ type: data.type, steps, head: data.output?.head, bulk: data.output?.bulk, message: data.message });
        };
        worker.onerror = (event) => resolve({ type: "onerror", steps, message: event.message });
        worker.postMessage({ type: "run", jobId: "supply", input: { tables, options: {} } });
      });
    }, { url: `${server.origin}/aps-jobs.js`, tables });
    expect(reply.message).toBeUndefined();
    expect(reply.type).toBe("result");
    expect(reply.steps.some((s) => /tier 1 level/.test(s))).toBe(true);
    const result = JSON.parse(reply.bulk!).json;
    const reference = JSON.parse((await runAps("supply", EXAMPLE, "--json")).stdout);
    expect(result.status).toBe("optimal");
    expect(result.objective.lateness.map((l: { value: number }) => l.value)).toEqual(reference.objective.lateness.map((l: { value: number }) => expect.closeTo(l.value, 6)));
    expect(result.objective.cost).toBeCloseTo(reference.objective.cost, 2);
  }, 120_000);
});
