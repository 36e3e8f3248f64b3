// A partner without the add-in on LibreOffice, over time: a package with Period Requests opens (every
// sheet converts to CSV) and a response saved by LibreOffice merges, its shortfall found by period.
// Skipped where LibreOffice is not installed.

import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { describeWithSoffice, SOFFICE } from "../support/findSoffice";
import { runAps } from "../support/runCli";
import { fillPeriods, writeSupplyBook } from "./periodSupport";
import { tempDir } from "./support";

function soffice(dir: string, args: string[]): void {
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", ...args], { cwd: dir, timeout: 120_000, stdio: "ignore" });
}

describeWithSoffice("a package with Period Requests in LibreOffice (no add-in)", () => {
  it("opens as plain values, and a response saved by LibreOffice merges with its shortfall by period", async () => {
    const dir = await tempDir();
    const book = path.join(dir, "book.xlsx");
    await writeSupplyBook(book);
    const pkg = path.join(dir, "fw.xlsx");
    expect((await runAps("share", book, "--partner", "FrameWorks", "--out", pkg, "--now", "2027-01-01T10:00:00Z")).status).toBe(0);
    soffice(dir, ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1", "--outdir", path.join(dir, "csv"), pkg]);
    const requests = await fs.readFile(path.join(dir, "csv", "fw-Period Requests.csv"), "utf8");
    expect(requests.split("\n")[0]).toBe("Stage,Period,Date,Quantity");
    expect(requests).toMatch(/^Frame Welding,4,2027-01-25,40$/m);
    const commitments = await fs.readFile(path.join(dir, "csv", "fw-Period Commitments.csv"), "utf8");
    expect(commitments.split("\n").slice(0, 2)).toEqual(["Stage,Period,Quantity", "Frame Welding,3,"]);

    const filled = path.join(dir, "filled.xlsx");
    await fillPeriods(pkg, filled, [{ stage: "Frame Welding", period: 4, quantity: 30 }]);
    soffice(dir, ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "saved"), filled]);
    const run = await runAps("merge", book, path.join(dir, "saved", "filled.xlsx"), "--out", path.join(dir, "out.xlsx"), "--now", "2027-01-02T10:00:00Z");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/"Frame Welding", period 4 \(2027-01-25\): commits 30, 10 \(25 %\) short of the 40 requested/);
  }, 240_000);
});
