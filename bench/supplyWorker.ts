// Times the supply job in the built add-in's job worker (dist/aps-jobs.js, HiGHS from dist/highs.wasm)
// in headless Chromium, for bench:supply-process. Needs `npm run build` and a Chromium; says so otherwise.

import * as fs from "node:fs";
import * as path from "node:path";
import { chromium } from "playwright-core";
import { serveDirectory } from "../test/addin/support/staticServer";
import { findChromium } from "../test/browser/support/findBrowser";
import { CHROMIUM_FLAGS } from "../test/browser/support/launchPane";
import type { TableData } from "../src/workbook/port";

const DIST = path.join(__dirname, "..", "dist");

/** Seconds of one supply run in the worker (from the run message to the result), or why it was not measured. */
export async function workerSeconds(tables: Record<string, TableData | null>): Promise<string> {
  const source = findChromium();
  if (!fs.existsSync(path.join(DIST, "aps-jobs.js"))) return "not measured: run npm run build first";
  if (!source || source.kind !== "file") return "not measured: no Chromium";
  const server = await serveDirectory(DIST);
  const browser = await chromium.launch({ executablePath: source.path, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/help.html`);
    const reply = await page.evaluate(async ({ url, tables }) => {
      const worker = new Worker(url, { name: "aps-jobs" });
      const started = performance.now();
      return await new Promise<{ seconds: number; type: string; status?: string }>((resolve) => {
        worker.onmessage = ({ data }) => {
          if (data.type !== "progress") resolve({ seconds: (performance.now() - started) / 1000, type: data.type, status: data.output?.head?.status });
        };
        worker.postMessage({ type: "run", jobId: "supply", input: { tables, options: { supplyTimeLimit: 600 } } });
      });
    }, { url: `${server.origin}/aps-jobs.js`, tables });
    return reply.type === "result" ? `${reply.seconds.toFixed(2)} (${reply.status})` : `failed: ${reply.type}`;
  } finally {
    await browser.close();
    await server.close();
  }
}
