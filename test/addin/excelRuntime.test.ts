// The built page as Excel's shared runtime loads it, in Chromium: with office.js blocked (a partner
// behind a proxy) and with the real office.js routed where the CDN serves it. No page error either
// way, every function registered; a recalculation of 1,000 forecast cells and a 500-stage APS.PLAN
// resolves through the functions worker with the values the engine computes. The long tasks it
// caused are written to test-output/ (bench/functionsThread.ts measures them; tests assert no times).
import * as fs from "fs";
import * as path from "path";
import { describeWithBrowser } from "../browser/support/browserSuite";
import { loadInputs, runLoad, type LoadResult } from "../browser/support/functionsLoad";
import { OFFICE_CDN, startPaneSession, type PaneSession } from "../browser/support/launchPane";
import { ForecastCache, forecastCells } from "../../src/functions/forecastCells";
import { webDarkTheme } from "@fluentui/react-components";
import { built, OUTPUT } from "./support/paths";

/**
 * office.js as Excel would serve it, reduced to what the pane touches at start-up: host Excel on
 * Windows, the Black Office theme, the visibility event (its handler kept in window.__visibility) and
 * an Excel.run over an empty workbook (no tables, no sheets, no saved settings).
 */
const EXCEL_STAND_IN = `
  function fake() {
    return new Proxy(function () {}, {
      get(_t, p) {
        if (p === "items") return [];
        if (p === "isNullObject") return true;
        if (p === "then") return undefined;
        if (p === "sync") return () => Promise.resolve();
        return fake();
      },
      apply() { return fake(); },
    });
  }
  window.Office = {
    onReady(callback) { const info = { host: "Excel", platform: "PC" }; if (callback) callback(info); return Promise.resolve(info); },
    context: { officeTheme: { isDarkTheme: true, bodyBackgroundColor: "#262626" }, requirements: { isSetSupported: () => true } },
    addin: { onVisibilityModeChanged(handler) { window.__visibility = handler; return Promise.resolve(() => Promise.resolve()); } },
    actions: { associate() {} },
  };
  window.Excel = { run: (batch) => Promise.resolve().then(() => batch(fake())) };
`;

const hexToRgb = (hex: string) => {
  const n = parseInt(hex.replace("#", ""), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

const ids = () => (JSON.parse(fs.readFileSync(built("functions.json"), "utf8")) as { functions: { id: string }[] }).functions.map((f) => f.id.toUpperCase()).sort();

describeWithBrowser("the add-in page as Excel's shared runtime loads it", (chromiumPath) => {
  let session: PaneSession;

  beforeAll(async () => {
    session = await startPaneSession(await chromiumPath(), { width: 350, height: 378 });
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const registered = (page: import("playwright-core").Page) => page.evaluate(() => {
    const cf = (window as unknown as { CustomFunctions?: { _association?: { mappings?: Record<string, unknown> } } }).CustomFunctions;
    return Object.keys(cf?._association?.mappings ?? {}).sort();
  });

  test("office.js blocked: no page error, every function still registered, the pane shows", async () => {
    const { page, errors } = await session.openPane({ beforeLoad: async (p) => { await p.route(`${OFFICE_CDN}**`, (route) => route.abort()); } });
    await page.getByRole("heading", { level: 1, name: "APS for Excel" }).waitFor();
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe("undefined");
    expect(await registered(page)).toEqual(ids());
    expect(errors).toEqual([]);
  }, 120_000);

  test("real office.js: every function registered; the next action is on the first screen (350 × 378)", async () => {
    const { page, errors } = await session.openPane();
    await page.getByRole("heading", { level: 1, name: "APS for Excel" }).waitFor();
    expect(await registered(page)).toEqual(ids());
    const open = page.getByRole("button", { name: "Open workbook…" });
    await open.waitFor();
    const box = await open.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(378);
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-350x378.png") });
    expect(errors).toEqual([]);
  }, 120_000);

  test("inside Excel (a stand-in office.js: host Excel, dark Office theme, an empty workbook): dark pane, the next action on the first screen", async () => {
    const { page, errors } = await session.openPane({ beforeLoad: async (p) => { await p.route(`${OFFICE_CDN}**`, (route) => route.fulfill({ contentType: "text/javascript", body: EXCEL_STAND_IN })); } });
    await page.getByText("Connected to Excel on Windows.").waitFor();
    const next = page.getByRole("button", { name: "Insert example network tables" });
    await next.waitFor();
    const box = await next.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(378);
    // Fluent's dark theme: the page background follows colorNeutralBackground2 of webDarkTheme.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(hexToRgb(webDarkTheme.colorNeutralBackground2));
    expect(await page.evaluate(() => typeof (window as unknown as { __visibility?: unknown }).__visibility)).toBe("function");
    await page.screenshot({ path: path.join(OUTPUT, "taskpane-excel-dark-350x378.png") });
    expect(errors).toEqual([]);
  }, 120_000);

  test("1,000 forecast cells and a 500-stage APS.PLAN resolve through the functions worker with the engine's values", async () => {
    const { page, errors } = await session.openPane();
    await page.getByRole("heading", { level: 1, name: "APS for Excel" }).waitFor();
    const inputs = loadInputs();
    const result: LoadResult = await runLoad(page, inputs);
    fs.mkdirSync(OUTPUT, { recursive: true });
    fs.writeFileSync(path.join(OUTPUT, "functions-load.json"), JSON.stringify({ elapsedMs: result.elapsedMs, longTasks: result.longTasks }, null, 2));
    expect(result.scripts.some((s) => s.endsWith("/aps-functions.js"))).toBe(true);
    const cache = new ForecastCache();
    for (const k of [0, 1, 137, 249]) {
      const h = inputs.histories[k];
      const [forecast, rate, sd, model] = result.items[k];
      expect(forecast).toEqual(forecastCells("forecast", [h, [[12]], null], cache));
      expect(rate).toEqual(forecastCells("forecastRate", [h, null, null], cache));
      expect(sd).toEqual(forecastCells("forecastErrorSd", [h, null], cache));
      expect(model).toEqual(forecastCells("forecastModel", [h, null], cache));
    }
    expect(result.plan).toHaveLength(501);
    expect(result.plan[0][0]).toBe("Stage");
    expect(new Set(result.plan.slice(1).map((row) => row[0]))).toEqual(new Set(inputs.stages.slice(1).map((row) => row[0])));
    expect(errors).toEqual([]);
  }, 300_000);
});
