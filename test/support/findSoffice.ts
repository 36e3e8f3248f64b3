// Where LibreOffice's soffice is, for the suites that open our files in a real, independent client.
// Missing soffice skips those suites, unless APS_REQUIRE_SOFFICE=1 (CI installs it), where it fails.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

/** The soffice binary, or undefined where LibreOffice is not installed. */
export const SOFFICE: string | undefined = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));

/** True when a missing soffice must fail the run (CI sets APS_REQUIRE_SOFFICE=1). */
export function sofficeRequired(): boolean {
  return process.env.APS_REQUIRE_SOFFICE === "1" || process.env.APS_REQUIRE_SOFFICE === "true";
}

/**
 * `describe` where soffice exists; where it does not, `describe.skip`, or a suite with one failing
 * test when APS_REQUIRE_SOFFICE is set, so CI can never pass a LibreOffice suite that did not run.
 */
export function describeWithSoffice(title: string, body: () => void): void {
  if (SOFFICE) describe(title, body);
  else if (sofficeRequired()) describe(title, () => it("needs LibreOffice (apt-get install libreoffice-calc-nogui)", () => { throw new Error("APS_REQUIRE_SOFFICE is set but no soffice was found"); }));
  else describe.skip(title, body);
}

/**
 * `test` where soffice exists or CI requires it (then sheetsAsCsv fails the test when soffice is
 * missing), else `test.skip`: one LibreOffice check inside a suite that does not need it otherwise.
 */
export const testWithSoffice: jest.It = SOFFICE || sofficeRequired() ? test : test.skip;

/** LibreOffice's CSV filter: comma, double quotes, UTF-8, every sheet to its own file (FILE-Sheet.csv). */
const CSV_EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1";

/**
 * Opens `file` in LibreOffice (headless, its own profile under `dir`) and converts every sheet to CSV
 * in `dir/csv`; returns a reader of one sheet's lines. Throws when soffice is missing or fails.
 */
export function sheetsAsCsv(file: string, dir: string, timeout = 120_000): (sheet: string) => string[] {
  if (!SOFFICE) throw new Error("APS_REQUIRE_SOFFICE is set but no soffice was found (apt-get install libreoffice-calc-nogui)");
  const out = path.join(dir, "csv");
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", CSV_EVERY_SHEET, "--outdir", out, file], { cwd: dir, timeout, stdio: "ignore" });
  const base = path.basename(file, path.extname(file));
  return (sheet) => readFileSync(path.join(out, `${base}-${sheet}.csv`), "utf8").split("\n");
}
