// A partner without the add-in answers a package of a supply plan over 26 weeks in real Chromium at
// 320 px: Deliveries by period, one stage at a time, without sideways scrolling; a negative quantity is
// listed and its cell focused; two periods filled and saved; the buyer's `aps merge` takes them.
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { OUTPUT, ROOT } from "../addin/support/paths";
import { runAps } from "../support/runCli";
import { describeWithBrowser } from "./support/browserSuite";
import { sheetRecords } from "../collaborate/support";
import { readBack } from "./support/excelRead";
import { startPaneSession, type PaneSession } from "./support/launchPane";
import { PaneDriver, seriousViolations, SHOTS } from "./support/paneDriver";

const LONG = 180_000;
const NOW = ["--now", "2027-01-01T10:00:00Z", "--user", "ann"];
const LATER = ["--now", "2027-01-02T09:00:00Z", "--user", "ann"];

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
/** How far the page scrolls sideways (0: it does not). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const quantity = (page: Page, stage: string, period: number, date: string) => page.getByLabel(`Committed quantity for ${stage}, period ${period} (${date})`, { exact: true });

describeWithBrowser("a partner answers deliveries by period in the pane (browser mode)", (chromiumPath) => {
  let session: PaneSession;
  let dir: string;
  let book: string;
  let pkg: string;

  beforeAll(async () => {
    fs.mkdirSync(OUTPUT, { recursive: true });
    dir = fs.mkdtempSync(path.join(OUTPUT, "respond-periods-"));
    book = path.join(dir, "bikeco.xlsx");
    pkg = path.join(dir, "FrameWorks-package.xlsx");
    fs.copyFileSync(path.join(ROOT, "examples", "supply-plan.xlsx"), book);
    const share = await runAps("share", book, "--partner", "FrameWorks", "--out", pkg, ...NOW);
    expect(share.status).toBe(0);
    session = await startPaneSession(await chromiumPath(), { width: 320, height: 800 });
  }, LONG);

  afterAll(async () => {
    await session?.close();
  });

  test("FrameWorks' period package at 320 px: fill two periods, check, fix, save; aps merge reports the shortfalls by stage and period", async () => {
    const { page, errors } = await session.openPane();
    const pane = new PaneDriver(page, "respond-periods");
    await pane.ready();
    await pane.open(pkg);
    await page.getByRole("heading", { level: 3, name: "Deliveries by period" }).waitFor();
    // The requests are in the grid, not repeated as a wide read-only table.
    expect(await page.getByRole("table", { name: /^Period Requests/ }).count()).toBe(0);
    expect(await quantity(page, "Frame Welding", 3, "2027-01-18").inputValue()).toBe("285");
    expect(await page.getByRole("row", { name: /^14 2027-04-05 358/ }).count()).toBe(1);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await pane.shot("opened");

    // Frame Welding, week 14: 300 of the 358 requested.
    await quantity(page, "Frame Welding", 14, "2027-04-05").focus();
    await page.keyboard.type("300");
    // Tube Cutting through the stage picker; a negative quantity, then Tab goes on to the next period.
    await page.getByLabel("Stage", { exact: true }).selectOption("Tube Cutting");
    await page.getByText("Tube Cutting: 0 of 20 periods filled.").waitFor();
    await quantity(page, "Tube Cutting", 5, "2027-02-01").focus();
    await page.keyboard.type("-5");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Committed quantity for Tube Cutting, period 6 (2027-02-08)");

    await page.getByRole("button", { name: "Check commitments" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Checked: 1 error to fix before saving and 4 warnings.").waitFor();
    await page.getByText("Quantity -5 is negative: it must be 0 or more.").waitFor();
    await page.getByText("FrameWorks, stage \"Frame Welding\", period 14 (2027-04-05): commits 300, 58 (16.2011 %) short of the 358 requested.").waitFor();
    const negative = quantity(page, "Tube Cutting", 5, "2027-02-01");
    expect(await negative.getAttribute("aria-invalid")).toBe("true");
    expect(await activeId(page)).toBe(await negative.getAttribute("id"));
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    // The grid fits the card (no inner sideways scroll either), and the check's notice wraps.
    const region = page.getByRole("region", { name: "Deliveries by period for Tube Cutting" });
    expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const notice = page.getByText("Checked: 1 error to fix before saving and 4 warnings.");
    expect(await notice.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await page.locator("section[aria-labelledby=respond-periods-heading]").screenshot({ path: path.join(SHOTS, "respond-periods-grid.png") });
    await pane.shot("checked");
    expect(await seriousViolations(page)).toEqual([]);

    // A problem's button shows its stage and focuses its cell.
    await page.getByRole("button", { name: /^Go to period 14 for Frame Welding/ }).click();
    expect(await page.getByLabel("Stage", { exact: true }).inputValue()).toBe("Frame Welding");
    expect(await activeId(page)).toBe(await quantity(page, "Frame Welding", 14, "2027-04-05").getAttribute("id"));
    await page.getByRole("button", { name: /^Go to period 5 for Tube Cutting/ }).click();
    expect(await activeId(page)).toBe(await negative.getAttribute("id"));
    await page.keyboard.press("Control+A");
    await page.keyboard.type("800");
    await page.getByText("Quantity -5 is negative").waitFor({ state: "detached" });

    const saved = path.join(dir, "FrameWorks-package (response).xlsx");
    await page.getByRole("button", { name: "Save response…" }).focus();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    await download.saveAs(saved);
    await page.getByText(/^Saved FrameWorks-package \(response\)\.xlsx \(4 warnings\)\. Send it to the buyer before 2027-01-08\.$/).waitFor();
    await pane.shot("saved");
    expect(errors).toEqual([]);

    const periods = (await readBack(saved)).getWorksheet("Period Commitments")!;
    const typed: unknown[][] = [];
    periods.eachRow((row, r) => {
      if (r > 1 && row.getCell(3).value !== null && row.getCell(3).value !== 285) typed.push([1, 2, 3].map((c) => row.getCell(c).value));
    });
    expect(typed).toEqual([["Frame Welding", 14, 300], ["Tube Cutting", 5, 800]]);

    const merged = path.join(dir, "merged.xlsx");
    const run = await runAps("merge", book, saved, "--out", merged, ...LATER);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Tube Cutting", period 5 \(2027-02-01\): commits 800, 55 \(6\.43275 %\) short of the 855 requested/);
    const shortfalls = (await sheetRecords(merged, "Reconciliation")).filter((r) => r.Figure === "Period Commitment" && r.Period !== null);
    expect(shortfalls.map((r) => [r.Partner, r.Stage, r.Period, r.Planned, r.Committed])).toEqual([
      ["FrameWorks", "Frame Welding", 14, 358, 300], ["FrameWorks", "Tube Cutting", 5, 855, 800],
    ]);
    const taken = (await sheetRecords(merged, "Period Commitments")).map((r) => [r.Stage, r.Period, r.Quantity]);
    expect(taken).toEqual(expect.arrayContaining([["Frame Welding", 14, 300], ["Tube Cutting", 5, 800]]));
  }, LONG);
});
