// Serves the built dist/ and opens the task pane in headless Chromium, offline: office.js comes from
// the @microsoft/office-js package, every other request outside the test server is refused.
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { serveDirectory, type StaticServer } from "../../addin/support/staticServer";
import { built, DIST, ROOT } from "../../addin/support/paths";

export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
export const CHROMIUM_FLAGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];
export const SLOW = 60_000;

export interface PaneSession {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
  /** A new page on the pane, with errors and requests recorded. */
  openPane(options?: { beforeLoad?: (page: Page) => Promise<void> }): Promise<{ page: Page; errors: string[]; requests: string[] }>;
}

export async function startPaneSession(executablePath: string, viewport = { width: 380, height: 900 }): Promise<PaneSession> {
  built("taskpane.html");
  const server = await serveDirectory(DIST);
  const browser = await chromium.launch({ executablePath, timeout: SLOW, args: CHROMIUM_FLAGS });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.origin });
  return {
    server, browser, context,
    async close() {
      await browser.close();
      await server.close();
    },
    async openPane(options = {}) {
      // One pane at a time: keyboard focus and file choosers belong to the page in front.
      for (const open of context.pages()) await open.close();
      const page = await context.newPage();
      await page.bringToFront();
      page.setDefaultTimeout(SLOW);
      const errors: string[] = [];
      const requests: string[] = [];
      page.on("pageerror", (error) => errors.push(String(error.stack ?? error)));
      page.on("request", (request) => requests.push(request.url()));
      // The route registered last wins: block everything, let the test server through, serve office.js.
      await page.route("**/*", (route) => route.abort());
      await page.route(`${server.origin}/**`, (route) => route.continue());
      await page.route(`${OFFICE_CDN}**`, async (route) => {
        const file = path.join(OFFICE_DIST, new URL(route.request().url()).pathname.slice(new URL(OFFICE_CDN).pathname.length));
        if (file.startsWith(OFFICE_DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) await route.fulfill({ path: file, contentType: "text/javascript" });
        else await route.abort();
      });
      if (options.beforeLoad) await options.beforeLoad(page);
      await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
      return { page, errors, requests };
    },
  };
}
