// A partner without the add-in, in real Chromium (browser mode): open FrameWorks' package through the
// file chooser, fill the Commitments grid with the keyboard, check (a bad figure is listed and its cell
// focused), fix it, save the response, and the buyer's `aps merge` accepts the file with its hash intact.
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { OUTPUT, ROOT } from "../addin/support/paths";
import { runAps } from "../support/runCli";
import { readBack } from "./support/excelRead";
import { seriousViolations } from "./support/paneDriver";
import { describePane } from "./support/paneSuite";

const EXAMPLES = path.join(ROOT, "examples", "collaboration");
const PACKAGE = path.join(EXAMPLES, "FrameWorks-package.xlsx");
const LONG = 180_000;

/** Types each value and presses Tab after it, as a person filling a row would. */
async function typeRow(page: Page, values: string[]): Promise<void> {
  for (const value of values) {
    if (value !== "") await page.keyboard.type(value);
    await page.keyboard.press("Tab");
  }
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

describePane("a partner answers a package in the pane (browser mode)", (suite) => {
  test("FrameWorks-package.xlsx: fill with the keyboard, check, fix, save; aps merge reconciles the saved response", async () => {
    const { page, errors, pane } = await suite.open("respond", PACKAGE);
    await page.getByRole("heading", { level: 2, name: "Respond to the package for FrameWorks" }).waitFor();
    await page.getByRole("table", { name: "Requests: what the buyer asks (read only)" }).getByText("58.776").waitFor();
    await pane.shot("opened");

    // Frame Welding: 55, 2, 20, Capacity, a comment that looks like a formula; Tube Cutting: a negative rate.
    await page.getByLabel("Committed Rate for Frame Welding", { exact: true }).focus();
    await typeRow(page, ["55", "2", "20", "Capacity", "=HYPERLINK(1)"]);
    expect(await activeId(page)).toBe("respond-1-committedRate");
    await typeRow(page, ["-5", "0", "160", "As planned"]);
    expect(await page.getByLabel("Reason Code for Frame Welding", { exact: true }).inputValue()).toBe("Capacity");
    expect(await page.getByLabel("Reason Code for Tube Cutting", { exact: true }).inputValue()).toBe("As planned");

    await page.getByRole("button", { name: "Check commitments" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("Checked: 1 error to fix before saving and 1 warning.").waitFor();
    await page.getByText("Committed Rate must be 0 or more (got \"-5\").").waitFor();
    await page.getByText(/Comment starts like a formula/).waitFor();
    expect(await activeId(page)).toBe("respond-1-committedRate");
    expect(await page.getByLabel("Committed Rate for Tube Cutting", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await pane.shot("checked");
    expect(await seriousViolations(page)).toEqual([]);

    // Save is refused while the error stands; the problem's button puts focus back on the cell.
    await page.getByRole("button", { name: /^Go to Comment for Frame Welding/ }).click();
    expect(await activeId(page)).toBe("respond-0-comment");
    await page.getByRole("button", { name: /^Go to Committed Rate for Tube Cutting/ }).click();
    expect(await activeId(page)).toBe("respond-1-committedRate");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("200");
    await page.getByText("Committed Rate must be 0 or more").waitFor({ state: "detached" });

    const saved = path.join(OUTPUT, "pane-saved", "FrameWorks-package (response).xlsx");
    fs.mkdirSync(path.dirname(saved), { recursive: true });
    await page.getByRole("button", { name: "Save response…" }).focus();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    await download.saveAs(saved);
    expect(download.suggestedFilename()).toBe("FrameWorks-package (response).xlsx");
    await page.getByText(/^Saved FrameWorks-package \(response\)\.xlsx \(1 warning\)\. Send it to the buyer before 2026-12-08\.$/).waitFor();
    await pane.shot("saved");
    expect(errors).toEqual([]);

    const commitments = (await readBack(saved)).getWorksheet("Commitments")!;
    expect([2, 3].map((r) => [1, 2, 3, 4, 5, 6].map((c) => commitments.getCell(r, c).value ?? null))).toEqual([
      ["Frame Welding", 55, 2, 20, "Capacity", "=HYPERLINK(1)"],
      ["Tube Cutting", 200, 0, 160, "As planned", null],
    ]);
    const dir = fs.mkdtempSync(path.join(OUTPUT, "respond-"));
    const book = path.join(dir, "bikeco.xlsx");
    fs.copyFileSync(path.join(EXAMPLES, "bikeco.xlsx"), book);
    const merged = path.join(dir, "merged.xlsx");
    const run = await runAps("merge", book, saved, "--out", merged, "--now", "2026-12-03T09:00:00Z", "--user", "ann");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/FrameWorks: with exceptions \(3 exception\(s\)\), package P-ade3f114-0001/);
    const partner = (await readBack(merged)).getWorksheet("Partner Commitments")!;
    const values: unknown[] = [];
    partner.eachRow((row) => values.push(...(row.values as unknown[])));
    expect(values).toContain("'=HYPERLINK(1)");
  }, LONG);

  test("an ordinary workbook shows no Respond view", async () => {
    const { page, errors } = await suite.open("respond-plain", path.join(ROOT, "examples", "supply-chain.xlsx"));
    await page.getByText("tables Stages, Arcs, Settings").waitFor();
    expect(await page.locator("[data-respond]").count()).toBe(0);
    expect(errors).toEqual([]);
  }, LONG);
}, { timeout: LONG });
