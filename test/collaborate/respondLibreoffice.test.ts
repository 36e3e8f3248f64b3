// A response saved by the pane's writer, opened and saved again in LibreOffice (a partner that
// checks the file before sending it): the commitments show as typed and the buyer's merge accepts it.
// Skipped where LibreOffice is not installed.
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { readResponseForm } from "../../src/workbook/collaborate/responseForm";
import { writeCommitments } from "../../src/workbook/collaborate/responseWriter";
import { describeWithSoffice, SOFFICE } from "../support/findSoffice";
import { runAps } from "../support/runCli";
import { tempDir } from "./support";

const EXAMPLES = path.join(__dirname, "../../examples/collaboration");

describeWithSoffice("a response written by the pane, in LibreOffice", () => {
  it("shows the commitments, and merges after LibreOffice saved it again", async () => {
    const dir = await tempDir();
    const bytes = new Uint8Array(await fs.readFile(path.join(EXAMPLES, "FrameWorks-package.xlsx")));
    const read = await readResponseForm({ name: "FrameWorks-package.xlsx", bytes });
    if (read.kind !== "form") throw new Error("the example package did not open");
    const response = path.join(dir, "response.xlsx");
    await fs.writeFile(response, await writeCommitments(bytes, read.form, [
      { stage: "Frame Welding", committedRate: "60", committedServiceTime: "1", onHand: "30", reasonCode: "Lead time", comment: "=not a formula" },
      { stage: "Tube Cutting", committedRate: "", committedServiceTime: "0", onHand: "", reasonCode: "", comment: "" },
    ]));
    const soffice = (args: string[]) => execFileSync(SOFFICE!, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", ...args], { cwd: dir, timeout: 120_000, stdio: "ignore" });
    soffice(["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1", "--outdir", path.join(dir, "csv"), response]);
    const csv = await fs.readFile(path.join(dir, "csv", "response-Commitments.csv"), "utf8");
    expect(csv.split("\n").slice(1, 3)).toEqual(["Frame Welding,60,1,30,Lead time,=not a formula", "Tube Cutting,,0,,,"]);
    soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "saved"), response]);
    const book = path.join(dir, "bikeco.xlsx");
    await fs.copyFile(path.join(EXAMPLES, "bikeco.xlsx"), book);
    const run = await runAps("merge", book, path.join(dir, "saved", "response.xlsx"), "--out", path.join(dir, "out.xlsx"), "--now", "2026-12-02T10:00:00Z");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Frame Welding": commits a service time of 1/);
  }, 180_000);
});
