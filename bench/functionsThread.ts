// npm run bench:functions — the custom functions' cost to Excel's one JavaScript thread, measured in
// Chromium with the real office.js: 250 items × the four forecast functions (1,000 cells) and one
// APS.PLAN of a 500-stage network, called as Excel calls them, with a long-task observer (tasks over
// 50 ms). Beside it, the peer: the same work on the calling thread, as the functions ran before the
// functions worker (its time is how long Excel's thread would have been blocked).
import { performance } from "node:perf_hooks";
import { findChromium, sparticuzChromium } from "../test/browser/support/findBrowser";
import { loadInputs, runLoad } from "../test/browser/support/functionsLoad";
import { startPaneSession } from "../test/browser/support/launchPane";
import { ForecastCache, forecastCells } from "../src/functions/forecastCells";
import { CELL_PLACEMENT_TIME_LIMIT, planSpill } from "../src/functions/planFunction";

async function main(): Promise<void> {
  const source = findChromium();
  if (!source) throw new Error("No Chromium found (apt-get install chromium, or set CHROMIUM_PATH).");
  const items = Number(process.env.ITEMS ?? 250);
  const stages = Number(process.env.STAGES ?? 500);
  const inputs = loadInputs(items, stages);

  const session = await startPaneSession(source.kind === "file" ? source.path : await sparticuzChromium(), { width: 350, height: 378 });
  let worker;
  try {
    const { page } = await session.openPane();
    await page.getByRole("heading", { level: 1, name: "APS for Excel" }).waitFor();
    worker = await runLoad(page, inputs);
  } finally {
    await session.close();
  }

  // The peer: one thread does it all (a fresh cache: the four functions of an item share fits, as in the worker).
  const cache = new ForecastCache();
  const t0 = performance.now();
  let longestCall = 0;
  for (const h of inputs.histories) {
    for (const [kind, args] of [["forecast", [h, [[12]], null]], ["forecastRate", [h, null, null]], ["forecastErrorSd", [h, null]], ["forecastModel", [h, null]]] as const) {
      const c0 = performance.now();
      forecastCells(kind, [...args], cache);
      longestCall = Math.max(longestCall, performance.now() - c0);
    }
  }
  const p0 = performance.now();
  await planSpill(inputs.stages, inputs.arcs, inputs.settings, { placementTimeLimit: CELL_PLACEMENT_TIME_LIMIT });
  const planMs = performance.now() - p0;
  const inlineMs = performance.now() - t0;

  const rows = [
    ["functions worker (Chromium, office.js)", (worker.elapsedMs / 1000).toFixed(2), String(worker.longTasks.length), worker.longTasks.length ? Math.max(...worker.longTasks).toFixed(0) : "0", "0 tasks > 50 ms"],
    ["same work on the calling thread (Node)", (inlineMs / 1000).toFixed(2), "—", Math.max(longestCall, planMs).toFixed(0), "(the old behaviour)"],
  ];
  const headers = [`${items * 4} forecast cells + PLAN of ${stages} stages`, "wall s", "tasks > 50 ms", "longest task ms", "target"];
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  console.log(headers.map((h, c) => h.padEnd(widths[c])).join("  "));
  for (const row of rows) console.log(row.map((v, c) => v.padEnd(widths[c])).join("  "));
  console.log(`forecast fits: ${cache.fits} for ${items} histories (${cache.hits} cache hits); APS.PLAN alone on one thread: ${(planMs / 1000).toFixed(2)} s`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
