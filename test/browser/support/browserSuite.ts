// describe() for a suite that needs Chromium: runs it with the browser found, or skips it with one
// line saying how to enable it, or fails when APS_REQUIRE_BROWSER=1 (CI) and there is none.
import { browserRequired, findChromium, HOW_TO_ENABLE, reportSkipped, sparticuzChromium } from "./findBrowser";

/**
 * Declares a browser suite. `body` receives a function that resolves the Chromium path (call it in
 * beforeAll). Without a browser the suite is skipped (one line for the whole run) or, in CI, fails.
 */
export function describeWithBrowser(name: string, body: (chromiumPath: () => Promise<string>) => void): void {
  const source = findChromium();
  if (!source) {
    if (browserRequired()) {
      describe(name, () => {
        test("needs a Chromium (APS_REQUIRE_BROWSER=1)", () => {
          throw new Error(`APS_REQUIRE_BROWSER=1 but ${HOW_TO_ENABLE.replace(/^browser tests skipped: /, "")}`);
        });
      });
    } else {
      reportSkipped();
      describe.skip(name, () => body(async () => "")); // listed as skipped, nothing runs
    }
    return;
  }
  describe(name, () => body(async () => (source.kind === "file" ? source.path : sparticuzChromium())));
}
