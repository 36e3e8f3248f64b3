// Drives the pane the way a person does: workflow steps, buttons, the file chooser, downloads; waits for runs;
// screenshots each step under test-output/pane/; reads the cards back.
import * as fs from "fs";
import * as path from "path";
import type { Locator, Page } from "playwright-core";
import { OUTPUT } from "../../addin/support/paths";

export const SHOTS = path.join(OUTPUT, "pane");

export class PaneDriver {
  private step = 0;

  constructor(readonly page: Page, private readonly prefix: string) {
    fs.mkdirSync(SHOTS, { recursive: true });
  }

  /** Saves test-output/pane/<prefix>-NN-<name>.png. */
  async shot(name: string): Promise<string> {
    this.step += 1;
    const file = path.join(SHOTS, `${this.prefix}-${String(this.step).padStart(2, "0")}-${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async ready(): Promise<void> {
    await this.page.getByRole("heading", { level: 1, name: "APS for Excel" }).waitFor();
    await this.page.getByRole("tab", { name: "Data" }).waitFor();
  }

  /** Goes to a step and opens each of its jobs shown closed (a step with several jobs opens one), by its heading as a person would. */
  async tab(name: string): Promise<void> {
    await this.page.getByRole("tab", { name, exact: true }).click();
    await this.page.getByRole("heading", { level: 2, name, exact: true }).waitFor();
    const closed = '#step-panel h3 > button[aria-expanded="false"]';
    for (let left = await this.page.locator(closed).count(); left > 0; left -= 1) {
      await this.page.locator(closed).first().click();
      await this.page.waitForFunction(([selector, count]) => document.querySelectorAll(selector).length < count, [closed, left] as const);
    }
  }

  /** Opens a file through the "Open workbook…" button's file chooser. */
  async open(file: string): Promise<void> {
    await this.tab("Data");
    const [chooser] = await Promise.all([this.page.waitForEvent("filechooser"), this.page.getByRole("button", { name: "Open workbook…" }).click()]);
    await chooser.setFiles(file);
    await this.page.getByText(`Opened ${path.basename(file)}`).waitFor();
  }

  /** Clicks a run button and waits for the run's end; returns its phase. */
  async run(tab: string, button: string, timeout = 120_000): Promise<string> {
    await this.tab(tab);
    await this.page.getByRole("button", { name: button }).click();
    return this.finished(timeout);
  }

  async finished(timeout = 120_000): Promise<string> {
    const phase = this.page.locator("[data-phase]");
    await phase.waitFor({ timeout });
    return (await phase.getAttribute("data-phase")) ?? "";
  }

  /** A job's section on the step shown (its heading's id is job-<id>). */
  section(jobId: string): Locator {
    return this.page.locator(`section[aria-labelledby="job-${jobId}"]`);
  }

  /** Types values into a job's number fields, by label ("Seed": "3"), as a person would. */
  async options(tab: string, title: string, values: Record<string, string>): Promise<void> {
    await this.tab(tab);
    const group = this.page.getByRole("group", { name: `${title}: options`, exact: true });
    for (const [label, value] of Object.entries(values)) await group.getByRole("spinbutton", { name: label, exact: true }).fill(value);
  }

  /** Clicks a job's own Run button (a step may hold several jobs); `jobFinished` waits for the run's end. */
  async startJob(tab: string, jobId: string, button: string): Promise<void> {
    await this.tab(tab);
    await this.section(jobId).getByRole("button", { name: button, exact: true }).click();
  }

  /** Waits for a job's run to end (its section's phase) and returns the phase. */
  async jobFinished(jobId: string, timeout = 120_000): Promise<string> {
    const phase = this.section(jobId).locator("[data-phase]");
    await phase.waitFor({ timeout });
    return (await phase.getAttribute("data-phase")) ?? "";
  }

  /** A finished run's result through its "Download result (JSON)" button, parsed. */
  async resultJson(jobId: string, title: string): Promise<unknown> {
    const button = this.section(jobId).getByRole("button", { name: `${title}: download result (JSON)`, exact: true });
    const [download] = await Promise.all([this.page.waitForEvent("download"), button.click()]);
    return JSON.parse(fs.readFileSync(await download.path(), "utf8"));
  }

  /** A job's listed problems and exceptions, each a "Go to <cell>: <message>" button: the cell and the message. */
  async listed(jobId: string): Promise<{ where: string; message: string }[]> {
    const labels = await this.section(jobId).getByRole("button", { name: /^Go to / }).evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-label") ?? ""));
    return labels.map((l) => { const m = /^Go to (.+?![A-Z]+\d+): (.*)$/s.exec(l); return { where: m?.[1] ?? l, message: m?.[2] ?? "" }; });
  }

  /** A job's card as one line of text (label, value, detail). */
  async cardText(jobId: string, label: string): Promise<string> {
    return (await this.section(jobId).locator(`[data-card="${label}"]`).innerText()).replace(/\s+/g, " ").trim();
  }

  /** A job's card value as a number ("1,234 unit-periods" → 1234). */
  async cardNumber(jobId: string, label: string): Promise<number> {
    return parseFloat((await this.section(jobId).locator(`[data-card="${label}"] [data-value]`).innerText()).replace(/,/g, ""));
  }

  /** The text of a card's value ("1.5 t"). */
  async card(label: string): Promise<string> {
    return (await this.page.locator(`[data-card="${label}"] [data-value]`).innerText()).trim();
  }

  /** Saves through "Save workbook…" and returns where the download went. */
  async save(to: string): Promise<string> {
    await this.tab("Data");
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("button", { name: "Save workbook…" }).click()]);
    await download.saveAs(to);
    return download.suggestedFilename();
  }
}

/** axe-core's serious and critical violations on the page as it stands (rule id: nodes). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const axe = path.join(__dirname, "..", "..", "..", "node_modules", "axe-core", "axe.min.js");
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axe });
  const violations = await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[]; html: string }[] }[] }> } }).axe;
    const result = await run.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), html: n.html })) }));
  });
  // Fluent UI's focus manager (tabster) puts aria-hidden focus sentinels (<i data-tabster-dummy>) around
  // tab lists; they pass focus on at once and are a known false positive of aria-hidden-focus, by
  // design (microsoft/fluentui#27517, microsoft/tabster#288). The keyboard test checks that focus
  // never rests on one.
  const real = violations.map((v) => ({ ...v, nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) : v.nodes }));
  return real
    .filter((v) => (v.impact === "serious" || v.impact === "critical") && v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target).join(", ")}`);
}
