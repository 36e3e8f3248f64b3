// Two pane features in real Chromium (browser mode): the Collaborate tab's partner status changing as
// the buyer shares and merges (and its link to the first exception), and Compare files… writing the
// Scenario Comparison sheet that `aps compare --json` gives for the same two files.
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import type { ScenarioComparison } from "../../src/engine/scenarios";
import { COMPARED_KPIS, COMPARED_STAGE_FIGURES } from "../../src/engine/scenarios";
import { KPI_LABELS, STAGE_FIGURE_LABELS } from "../../src/workbook/scenarios/scenarioSheets";
import { OUTPUT, ROOT } from "../addin/support/paths";
import { runAps } from "../support/runCli";
import { readBack, sheetRecords } from "./support/excelRead";
import { seriousViolations, SHOTS } from "./support/paneDriver";
import { describePane } from "./support/paneSuite";

const SUPPLY_CHAIN = path.join(ROOT, "examples", "supply-chain.xlsx");
const INPUTS = path.join(OUTPUT, "pane-inputs");
const LONG = 120_000;

const row = (page: Page, partner: string, status: string) => page.locator(`[data-partner="${partner}"][data-status="${status}"]`);
const phaseIn = (page: Page, section: string) => page.locator(`section[aria-labelledby="${section}"] [data-phase]`);

/** FrameWorks answers its package in plain Excel: welding slower and later than planned, tube cutting as planned. */
async function answerPackage(packageFile: string, responseFile: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(packageFile);
  const sheet = workbook.getWorksheet("Commitments")!;
  const answers: Record<string, (string | number)[]> = { "Frame Welding": [55, 2, 20, "Capacity"], "Tube Cutting": [180, 0, 160, "As planned"] };
  for (let r = 2; r <= sheet.rowCount; r++) answers[String(sheet.getCell(r, 1).value)]?.forEach((v, c) => { sheet.getCell(r, c + 2).value = v; });
  await workbook.xlsx.writeFile(responseFile);
}

describePane("partner status and Compare files in Chromium (browser mode)", (suite) => {
  test("share with FrameWorks, then merge its answer: the status panel goes from empty to issued to with exceptions", async () => {
    const { page, errors, pane } = await suite.open("status", SUPPLY_CHAIN);
    await pane.tab("Partners");
    await page.getByText("Nothing has been shared from this workbook yet.").waitFor();
    await pane.shot("empty");

    await page.getByRole("combobox", { name: "Partner" }).fill("FrameWorks");
    await page.getByRole("textbox", { name: "Response deadline" }).fill("2999-12-31");
    await page.getByRole("button", { name: "Run share with a partner" }).click();
    expect(await phaseIn(page, "job-share").getAttribute("data-phase", { timeout: LONG })).toBe("done");
    await row(page, "FrameWorks", "issued").waitFor();
    await row(page, "GearTech", "not issued").waitFor();
    await page.locator('[data-audit="intact"]').getByText("1 row(s) verified.").waitFor();
    await pane.shot("issued");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /^Download .*FrameWorks.*\.xlsx$/ }).click()]);
    const packageFile = path.join(INPUTS, "status-FrameWorks-package.xlsx");
    await download.saveAs(packageFile);
    const responseFile = path.join(INPUTS, "status-FrameWorks-response.xlsx");
    await answerPackage(packageFile, responseFile);

    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Pick responses…" }).click()]);
    await chooser.setFiles(responseFile);
    await page.getByText("Picked: status-FrameWorks-response.xlsx").waitFor();
    await page.getByRole("button", { name: "Run merge responses" }).click();
    await phaseIn(page, "job-merge").waitFor({ timeout: LONG });
    expect(await phaseIn(page, "job-merge").getAttribute("data-phase")).toBe("done");
    const reconciled = row(page, "FrameWorks", "with exceptions");
    await reconciled.waitFor();
    expect(await reconciled.locator("[data-exceptions]").innerText()).toBe("3");
    await row(page, "GearTech", "not issued").waitFor();
    await pane.shot("with-exceptions");
    await page.locator('section[aria-labelledby="collaborate-status"]').screenshot({ path: path.join(SHOTS, "status-panel.png") });
    expect(await seriousViolations(page)).toEqual([]);

    // The partner is a button (keyboard too): it goes to the first exception, its Reconciliation row.
    const link = page.getByRole("button", { name: /^FrameWorks: with exceptions, 3 open exception\(s\)\. Go to the first \(Reconciliation!A2\)$/ });
    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByText("Reconciliation!A2").first().waitFor();
    await page.getByText("holds “warning”").waitFor();
    await pane.shot("went-to-exception");

    // Refresh reads the same again; the status holds for today.
    await page.getByRole("button", { name: "Refresh status" }).click();
    await reconciled.waitFor();
    expect(errors).toEqual([]);
  }, LONG);

  test("Compare files…: supply-chain.xlsx against a late-supplier JSON writes aps compare's Scenario Comparison", async () => {
    const late = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "supply-chain.json"), "utf8")) as { stages: Record<string, unknown>[] };
    late.stages.find((s) => s.id === "Tube Cutting")!.externalInboundTime = 8;
    const lateFile = path.join(INPUTS, "late-supplier.json");
    fs.writeFileSync(lateFile, JSON.stringify(late));
    const cli = await runAps("compare", SUPPLY_CHAIN, lateFile, "--json");
    expect(cli.status).toBe(0);
    const comparison = JSON.parse(cli.stdout) as ScenarioComparison;

    const { page, errors, pane } = await suite.open("compare");
    await pane.tab("Plan");
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Compare files…" }).click()]);
    await chooser.setFiles([SUPPLY_CHAIN, lateFile]);
    await page.getByText("Picked 2 files.").waitFor();
    expect(await page.getByRole("radio", { name: "supply-chain.xlsx" }).isChecked()).toBe(true);
    await pane.shot("picked");
    await page.getByRole("button", { name: "Compare the files" }).click();
    await phaseIn(page, "compare-files").waitFor({ timeout: LONG });
    expect(await phaseIn(page, "compare-files").getAttribute("data-phase")).toBe("done");
    await page.getByText("Sheets written: Scenario Comparison, Scenario KPIs, Plan, Matching, KPIs, Exceptions.").waitFor();
    expect(await pane.card("late-supplier")).toMatch(/safety-stock cost per t$/);
    await pane.shot("compared");
    await page.locator('section[aria-labelledby="compare-files"]').screenshot({ path: path.join(SHOTS, "compare-panel.png") });
    expect(await seriousViolations(page)).toEqual([]);

    const saved = path.join(OUTPUT, "pane-saved", "compare (planned).xlsx");
    fs.mkdirSync(path.dirname(saved), { recursive: true });
    await pane.save(saved);
    const rows = sheetRecords(await readBack(saved), "Scenario Comparison");
    const [base, other] = comparison.scenarios;
    expect([base.name, other.name]).toEqual(["supply-chain", "late-supplier"]);
    const expected = [
      ...COMPARED_KPIS.map((k) => ({ measure: KPI_LABELS[k].label, stage: null as string | null, b: base.kpis[k], o: other.kpis[k] })),
      ...base.stages.flatMap((s, i) => COMPARED_STAGE_FIGURES.map((f) => ({ measure: STAGE_FIGURE_LABELS[f].label, stage: s.id, b: s[f], o: other.stages[i][f] }))),
    ];
    expect(rows.map((r) => [r["Measure"], r["Stage"], r["supply-chain"], r["late-supplier"], r["late-supplier Δ"], r["late-supplier Δ %"]]))
      .toEqual(expected.map((e) => [e.measure, e.stage, e.b.value, e.o.value, e.o.difference, e.o.percent === null ? null : e.o.percent / 100]));
    expect(rows.find((r) => r["Measure"] === "Inbound service time SI" && r["Stage"] === "Tube Cutting")!["late-supplier Δ"]).toBe(3);
    expect(errors).toEqual([]);
  }, LONG);
}, { setup: () => fs.mkdirSync(INPUTS, { recursive: true }), timeout: LONG });
