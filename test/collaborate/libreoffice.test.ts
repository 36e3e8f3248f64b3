// A partner without the add-in, on LibreOffice: the package opens (every sheet converts to CSV) and a
// response saved by LibreOffice merges with its hash intact. Skipped where LibreOffice is not installed.

import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { describeWithSoffice, SOFFICE } from "../support/findSoffice";
import { runAps } from "../support/runCli";
import { fillPackage, tempDir } from "./support";


function soffice(dir: string, args: string[]): void {
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", ...args], { cwd: dir, timeout: 120_000, stdio: "ignore" });
}

describeWithSoffice("a package in LibreOffice (no add-in)", () => {
  it("opens as plain values, and a response saved by LibreOffice merges", async () => {
    const dir = await tempDir();
    const book = path.join(dir, "book.xlsx");
    await fs.copyFile(path.join(__dirname, "../../examples/supply-chain.xlsx"), book);
    const pkg = path.join(dir, "fw.xlsx");
    expect((await runAps("share", book, "--partner", "FrameWorks", "--out", pkg, "--now", "2026-12-01T10:00:00Z")).status).toBe(0);
    soffice(dir, ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1", "--outdir", path.join(dir, "csv"), pkg]);
    const commitments = await fs.readFile(path.join(dir, "csv", "fw-Commitments.csv"), "utf8");
    expect(commitments.split("\n")[0]).toBe("Stage,Committed Rate,Committed Service Time,On Hand,Reason Code,Comment");
    expect(await fs.readFile(path.join(dir, "csv", "fw-Requests.csv"), "utf8")).toMatch(/^Frame Welding,40,12,/m);

    const filled = path.join(dir, "filled.xlsx");
    await fillPackage(pkg, filled, { "Frame Welding": { serviceTime: 1, reason: "Capacity" } });
    soffice(dir, ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", path.join(dir, "saved"), filled]);
    const run = await runAps("merge", book, path.join(dir, "saved", "filled.xlsx"), "--out", path.join(dir, "out.xlsx"), "--now", "2026-12-02T10:00:00Z");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Frame Welding": commits a service time of 1/);
  }, 180_000);
});
