// A step with several jobs in real Chromium at 350 px (browser mode): the Schedule step shows the
// schedule's form and Re-time / Reschedule as closed headings; the keyboard opens one (Tab, Enter),
// a closed job says how its run went, the page is far shorter than with every form open, axe is clean.
import * as path from "path";
import type { Page } from "playwright-core";
import { ROOT } from "../addin/support/paths";
import { seriousViolations } from "./support/paneDriver";
import { describePane } from "./support/paneSuite";

const MACHINE_SHOP = path.join(ROOT, "examples", "machine-shop.xlsx");
const LONG = 120_000;

/** Each job heading of the step shown: its title and whether its form is open (aria-expanded). */
async function folds(page: Page): Promise<[string, string | null][]> {
  return page.locator("#step-panel section h3").evaluateAll((hs) => hs.map((h) => [(h as HTMLElement).innerText.trim(), h.querySelector("button")?.getAttribute("aria-expanded") ?? null] as [string, string | null]));
}

describePane("a step with several jobs opens one form at a time (Chromium, 350 px)", (suite) => {
  test("Schedule: the schedule's form open, Re-time and Reschedule closed; Tab + Enter opens Re-time; the page stays short", async () => {
    const { page, errors, pane } = await suite.open("folds", MACHINE_SHOP);
    // The step by its tab, as a planner clicks it (the driver's tab() would open every job).
    await page.getByRole("tab", { name: "Schedule", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "Schedule", exact: true }).waitFor();
    expect(await folds(page)).toEqual([["Schedule", "true"], ["Re-time schedule", "false"], ["Reschedule", "false"]]);
    expect(await page.getByRole("button", { name: "Run schedule", exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Run re-time schedule", exact: true }).count()).toBe(0);
    const folded = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(await seriousViolations(page)).toEqual([]);
    await pane.shot("schedule-folded");

    // The schedule runs with its form open; then closed, its heading says it is done.
    await page.getByRole("group", { name: "Schedule: options", exact: true }).getByRole("spinbutton", { name: "Time limit (s)" }).fill("2");
    await page.getByRole("button", { name: "Run schedule", exact: true }).click();
    expect(await pane.jobFinished("schedule")).toBe("done");
    await page.getByRole("button", { name: "Schedule", exact: true }).click();
    expect(await folds(page)).toEqual([["Schedule", "false"], ["Re-time schedule", "false"], ["Reschedule", "false"]]);
    await pane.section("schedule").getByText("done", { exact: true }).waitFor();

    // The keyboard alone opens Re-time: Tab to its heading, Enter.
    await page.getByRole("button", { name: "Schedule", exact: true }).focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? "")).toBe("Re-time schedule");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Run re-time schedule", exact: true }).waitFor();
    expect(await folds(page)).toEqual([["Schedule", "false"], ["Re-time schedule", "true"], ["Reschedule", "false"]]);
    expect(await seriousViolations(page)).toEqual([]);
    await pane.shot("retime-open");

    // Every form open (as the driver does) makes a much longer page.
    await pane.tab("Schedule");
    expect(await folds(page)).toEqual([["Schedule", "true"], ["Re-time schedule", "true"], ["Reschedule", "true"]]);
    const open = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(open).toBeGreaterThan(1.5 * folded);
    expect(errors).toEqual([]);
  }, LONG);
}, { viewport: { width: 350, height: 900 }, timeout: LONG });
