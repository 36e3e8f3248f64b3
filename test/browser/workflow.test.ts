// The pane as a workflow in Chromium at Excel's pane widths (320, 350, 450 px): the steps in one row,
// no sideways scroll on any step, every step reached with the keyboard, axe-core clean; after a plan
// the network picture has one box per stage and a click selects the stage's row; a 240-stage
// network stays inside the width; with office.js blocked the page still works.
import * as path from "path";
import type { Page } from "playwright-core";
import type { PlanResult } from "../../src/engine/plan/types";
import { ROOT } from "../addin/support/paths";
import { runAps } from "../support/runCli";
import { OFFICE_CDN } from "./support/launchPane";
import { seriousViolations } from "./support/paneDriver";
import { describePane } from "./support/paneSuite";

const SUPPLY_CHAIN = path.join(ROOT, "examples", "supply-chain.xlsx");
const LARGE = path.join(ROOT, "examples", "large-network.xlsx");
const STEPS = ["Data", "Plan", "Supply", "Schedule", "Partners"];
const WIDTHS = [320, 350, 450];
const LONG = 240_000;

/** What overflows sideways: the page, or a step tab whose title is cut. */
async function sideways(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`page ${root.scrollWidth} > ${root.clientWidth}`);
    const tabs = [...document.querySelectorAll('[role="tab"]')] as HTMLElement[];
    if (new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top))).size > 1) out.push("the step tabs wrap");
    for (const t of tabs) {
      const title = t.querySelector("span span, span") as HTMLElement | null;
      if (title && title.scrollWidth > title.clientWidth + 1) out.push(`tab "${t.innerText}" is cut`);
    }
    return out;
  });
}

/** Goes to each step with the keyboard alone (arrow keys on the step tabs, then Enter). */
async function stepByKeyboard(page: Page, name: string): Promise<void> {
  await page.getByRole("tab", { selected: true }).focus();
  for (let k = 0; k < 8; k++) {
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? "");
    if (focused === name) break;
    await page.keyboard.press("ArrowRight");
  }
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 2, name, exact: true }).waitFor();
}

describePane("the pane's workflow at Excel's pane widths (Chromium)", (suite) => {
  test("supply-chain.xlsx planned: at 320, 350 and 450 px every step is reached by keyboard, nothing scrolls sideways, axe is clean; one box per stage, a click selects its row", async () => {
    const { page, errors, pane } = await suite.open("workflow", SUPPLY_CHAIN);
    expect(await pane.run("Plan", "Run plan")).toBe("done");
    const run = await runAps("plan", SUPPLY_CHAIN, "--json");
    const plan = JSON.parse(run.stdout) as PlanResult;
    const picture = page.locator('[data-figure="network"]');
    await picture.waitFor();
    expect(await picture.locator("[data-stage]").count()).toBe(plan.stages.length);
    expect((await picture.locator("[data-stage]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-stage")))).sort()).toEqual(plan.stages.map((s) => s.id).sort());
    const held = plan.stages.filter((s) => (s.safetyStock ?? 0) > 1e-9);
    await picture.getByText(`${plan.stages.length} stages, ${held.length} holding stock`).waitFor();

    const first = plan.stages[0].id;
    await picture.locator(`[data-stage="${first}"]`).click();
    await page.getByRole("status").filter({ hasText: /^Stages!/ }).filter({ hasText: `“${first}”` }).waitFor();

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const step of STEPS) {
        await stepByKeyboard(page, step);
        expect(await sideways(page)).toEqual([]);
        if (width === 350 || step === "Plan") expect(await seriousViolations(page)).toEqual([]);
      }
      await stepByKeyboard(page, "Plan");
      await pane.shot(`plan-${width}`);
    }
    expect(errors).toEqual([]);
  }, LONG);

  test("a 240-stage network: one box per stage, inside the pane's width at 320 px", async () => {
    const { page, errors, pane } = await suite.open("large", LARGE);
    await page.setViewportSize({ width: 320, height: 900 });
    expect(["done", "stopped"]).toContain(await pane.run("Plan", "Run plan", LONG));
    const picture = page.locator('[data-figure="network"]');
    await picture.waitFor();
    expect(await picture.locator("[data-stage]").count()).toBe(240);
    expect(await sideways(page)).toEqual([]);
    const right = await picture.locator("svg").evaluate((svg) => svg.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(320);
    await pane.shot("large-network");
    expect(errors).toEqual([]);
  }, LONG);

  test("office.js blocked (a partner's browser offline): the page opens, says it is not in Excel, and plans a workbook", async () => {
    const { page, errors, pane } = await suite.open("no-office", undefined, { beforeLoad: async (p) => { await p.route(`${OFFICE_CDN}**`, (route) => route.abort()); } });
    await page.getByText("Not in Excel.").waitFor();
    await pane.open(SUPPLY_CHAIN);
    expect(await pane.run("Plan", "Run plan")).toBe("done");
    // The generated custom-functions registration is guarded on its own branch; this pane's code must add nothing.
    expect(errors.filter((e) => !/CustomFunctions is not defined/.test(e))).toEqual([]);
  }, LONG);
}, { viewport: { width: 350, height: 900 }, timeout: LONG });
