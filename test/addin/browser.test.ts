// The built task pane in real headless Chromium, outside Office: it renders its first screen, says
// it is not in Excel, registers the custom functions with office.js, throws nothing; screenshot saved.
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { serveDirectory, type StaticServer } from "./support/staticServer";
import { built, DIST, OUTPUT, ROOT } from "./support/paths";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const SCREENSHOT = path.join(OUTPUT, "taskpane.png");
const SLOW = 60_000;

let server: StaticServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  built("taskpane.html");
  server = await serveDirectory(DIST);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    timeout: SLOW,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, deviceScaleFactor: 2 });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  page = await context.newPage();
  page.setDefaultTimeout(SLOW);
  page.on("pageerror", (error) => pageErrors.push(String(error.stack ?? error)));
  page.on("request", (request) => requests.push(request.url()));
  // The route registered last wins: first block everything (offline, deterministic) ...
  await page.route("**/*", (route) => route.abort());
  // ... then let the test server through ...
  await page.route(`${server.origin}/**`, (route) => route.continue());
  // ... then serve office.js (and the files it loads next to it) from @microsoft/office-js.
  await page.route(`${OFFICE_CDN}**`, async (route) => {
    const file = path.join(OFFICE_DIST, new URL(route.request().url()).pathname.slice(new URL(OFFICE_CDN).pathname.length));
    if (file.startsWith(OFFICE_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      await route.fulfill({ path: file, contentType: "text/javascript" });
    } else {
      await route.abort();
    }
  });
  await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("task pane in Chromium, outside Office", () => {
  test("shows its heading and the outside-Excel message", async () => {
    await page.getByRole("heading", { level: 1, name: "APS for Excel" }).waitFor();
    await page.getByText("Open this add-in in Excel to use the workbook; the formulas need Excel.").waitFor();
    for (const who of ["Planners", "Analysts", "Teams"]) await page.getByRole("heading", { level: 2, name: who }).waitFor();
    await page.getByText("=APS.EOQ(1200, 50, 2)").waitFor();
  }, 120_000);

  test("loads office.js and every chunk of the shared runtime page", async () => {
    expect(requests).toContain(`${OFFICE_CDN}office.js`);
    for (const chunk of ["functions.js", "taskpane.js", "commands.js"]) expect(requests).toContain(`${server.origin}/${chunk}`);
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
