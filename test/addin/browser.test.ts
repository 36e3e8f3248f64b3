// The built task pane in real headless Chromium, outside Office: it renders its first screen, says
// it is not in Excel, registers the custom functions with office.js, throws nothing; screenshot saved.
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { describeWithBrowser } from "../browser/support/browserSuite";
import { OFFICE_CDN, startPaneSession, type PaneSession } from "../browser/support/launchPane";
import { built, OUTPUT } from "./support/paths";

const SCREENSHOT = path.join(OUTPUT, "taskpane.png");

describeWithBrowser("task pane in Chromium, outside Office", (chromiumPath) => {
  let session: PaneSession;
  let page: Page;
  let pageErrors: string[] = [];
  let requests: string[] = [];

  beforeAll(async () => {
    session = await startPaneSession(await chromiumPath(), { width: 360, height: 900 });
    ({ page, errors: pageErrors, requests } = await session.openPane());
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  test("shows its heading, the outside-Excel message and the formulas (Data step)", async () => {
    await page.getByRole("heading", { level: 1, name: "APS for Excel" }).waitFor();
    await page.getByText("Open an .xlsx workbook here to check, plan and schedule it").waitFor();
    for (const who of ["Planners", "Analysts", "Teams"]) await page.getByRole("heading", { level: 2, name: who }).waitFor();
    await page.getByText("=APS.EOQ(1200, 50, 2)").waitFor();
  }, 120_000);

  test("loads office.js and every chunk of the shared runtime page", async () => {
    expect(requests).toContain(`${OFFICE_CDN}office.js`);
    for (const chunk of ["functions.js", "taskpane.js", "commands.js"]) expect(requests).toContain(`${session.server.origin}/${chunk}`);
    const logo = await page.locator("header img").evaluate((img) => (img as HTMLImageElement).naturalWidth);
    expect(logo).toBe(64);
  });

  test("the functions chunk registered every function of functions.json with office.js", async () => {
    const declared = (JSON.parse(fs.readFileSync(built("functions.json"), "utf8")) as { functions: { id: string }[] }).functions;
    const registered = await page.evaluate(() => {
      const cf = (window as unknown as { CustomFunctions?: { _association?: { mappings?: Record<string, unknown> } } }).CustomFunctions;
      return Object.keys(cf?._association?.mappings ?? {}).sort();
    });
    expect(registered).toEqual(declared.map((f) => f.id.toUpperCase()).sort());
  });

  test("Copy puts an example formula on the clipboard and says so", async () => {
    await page.getByRole("button", { name: "Copy =APS.EOQ(1200, 50, 2)" }).click();
    await page.getByRole("button", { name: "Copy =APS.EOQ(1200, 50, 2)" }).filter({ hasText: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("=APS.EOQ(1200, 50, 2)");
  }, 120_000);

  test("no uncaught errors; screenshot in test-output/taskpane.png", async () => {
    await page.getByRole("button", { name: "Copy =APS.EOQ(1200, 50, 2)" }).filter({ hasText: /^Copy$/ }).waitFor();
    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
