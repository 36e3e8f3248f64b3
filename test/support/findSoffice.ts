// Where LibreOffice's soffice is, for the suites that open our files in a real, independent client.
// Missing soffice skips those suites, unless APS_REQUIRE_SOFFICE=1 (CI installs it), where it fails.
import { existsSync } from "node:fs";

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
