// A recalculation as Excel would run it, in the built page with the real office.js: 250 items × the
// four forecast functions (1,000 cells) and one APS.PLAN of a 500-stage general network, called through the
// registrations office.js holds, with a PerformanceObserver noting every main-thread task over 50 ms.
// Used by test/addin/excelRuntime.test.ts (results) and bench/functionsThread.ts (long tasks).
import type { Page } from "playwright-core";
import { randomNetwork } from "../../../examples/generator/randomNetwork";

export interface LoadInputs {
  histories: number[][][];
  stages: unknown[][];
  arcs: unknown[][];
  settings: unknown[][];
}

export interface LoadResult {
  /** Per item: [FORECAST (12 values), FORECAST_RATE, FORECAST_ERROR_SD, FORECAST_MODEL] cells. */
  items: unknown[][][][];
  plan: unknown[][];
  /** Durations (ms) of the main-thread tasks over 50 ms while the calls ran. */
  longTasks: number[];
  elapsedMs: number;
  /** Script URLs the page loaded (the functions worker's among them). */
  scripts: string[];
}

/** 250 monthly histories of 24 periods (seeded) and a 500-stage network as ranges, header row first. */
export function loadInputs(items = 250, stages = 500): LoadInputs {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const histories = Array.from({ length: items }, (_, k) => {
    const level = 20 + (k % 50);
    return Array.from({ length: 24 }, (_, t) => [Math.round(level * (1 + 0.2 * Math.sin((2 * Math.PI * t) / 12)) + 6 * random())]);
  });
  const network = randomNetwork({ stages, seed: 11, sharedShare: 0.1 }); // a general network (shared components): the placement search runs
  const stageFields = [...new Set(network.stages.flatMap((s) => Object.keys(s)))];
  const arcFields = [...new Set(network.arcs.flatMap((a) => Object.keys(a)))];
  return {
    histories,
    stages: [stageFields, ...network.stages.map((s) => stageFields.map((f) => s[f] ?? null))],
    arcs: [arcFields, ...network.arcs.map((a) => arcFields.map((f) => a[f] ?? null))],
    settings: [["Name", "Value"], ...Object.entries(network.settings).map(([k, v]) => [k, v])],
  };
}

/** Runs the load in the page (its functions registered with office.js) and collects the answers. */
export async function runLoad(page: Page, inputs: LoadInputs): Promise<LoadResult> {
  // tsx (the benches) compiles with esbuild's keepNames: functions sent to the page call __name.
  await page.evaluate("window.__name = window.__name || ((f) => f)");
  return page.evaluate(async ({ histories, stages, arcs, settings }) => {
    type Fn = (...args: unknown[]) => unknown;
    const cf = (window as unknown as { CustomFunctions: { _association: { mappings: Record<string, Fn> } } }).CustomFunctions;
    const m = cf._association.mappings;
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: "longtask", buffered: false });
    const started = performance.now();
    // Excel calls every dirty cell in one burst, then waits for the promises.
    const items = histories.map((h) => [m.FORECAST(h, [[12]], null), m.FORECAST_RATE(h, null, null), m.FORECAST_ERROR_SD(h, null), m.FORECAST_MODEL(h, null)]);
    const plan = m.PLAN(stages, arcs, settings, { parameterAddresses: null });
    const answers = await Promise.all(items.map((cells) => Promise.all(cells)));
    const planned = await plan;
    const elapsedMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 300)); // the last task's entry arrives a little later
    observer.disconnect();
    const plain = (cells: unknown) => JSON.parse(JSON.stringify(cells, (_k, v) => (v instanceof Error ? { code: (v as { code?: string }).code, message: v.message } : v)));
    const scripts = performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".js"));
    return { items: plain(answers), plan: plain(planned), longTasks, elapsedMs, scripts };
  }, inputs);
}
