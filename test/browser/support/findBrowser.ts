// Finds a Chromium for the browser tests: CHROMIUM_PATH, a system Chromium or Chrome, or the one the
// @sparticuz/chromium npm package ships. Without one the suites are skipped with one line saying how
// to enable them, unless APS_REQUIRE_BROWSER=1 (CI), where a missing browser fails the run.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium"];
const ON_PATH = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

export const HOW_TO_ENABLE = "browser tests skipped: no Chromium found (set CHROMIUM_PATH, or apt-get install chromium, or npm i -D @sparticuz/chromium); APS_REQUIRE_BROWSER=1 makes this a failure.";

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  try {
    const found = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return found && executable(found) ? found : null;
  } catch {
    return null;
  }
}

const SPARTICUZ = "@sparticuz/chromium";

/** Unpacks the Chromium that @sparticuz/chromium ships (linux-x64) and returns its path. */
export async function sparticuzChromium(): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(SPARTICUZ) as { default?: { executablePath(): Promise<string> }; executablePath?: () => Promise<string> };
  const chromium = mod.default ?? (mod as { executablePath(): Promise<string> });
  const file = await chromium.executablePath();
  if (!file || !executable(file)) throw new Error(`${SPARTICUZ} gave no executable Chromium (${file}).`);
  return file;
}

/** Where a Chromium is: a file, the npm package (unpacked on first use), or nowhere. */
export type BrowserSource = { kind: "file"; path: string } | { kind: "sparticuz" } | null;

/** The first Chromium found, without starting anything. CHROMIUM_PATH, when set, must point at one ("none": look nowhere). */
export function findChromium(): BrowserSource {
  const given = process.env.CHROMIUM_PATH;
  if (given === "none") return null; // "run without a browser", e.g. to see the skip line
  if (given) {
    if (!executable(given)) throw new Error(`CHROMIUM_PATH=${given} is not an executable file.`);
    return { kind: "file", path: given };
  }
  for (const file of SYSTEM_PATHS) if (executable(file)) return { kind: "file", path: file };
  for (const name of ON_PATH) {
    const found = onPath(name);
    if (found) return { kind: "file", path: found };
  }
  try {
    require.resolve(SPARTICUZ);
    return { kind: "sparticuz" };
  } catch {
    return null;
  }
}

/** True when a missing browser must fail (CI sets APS_REQUIRE_BROWSER=1). */
export function browserRequired(): boolean {
  return process.env.APS_REQUIRE_BROWSER === "1" || process.env.APS_REQUIRE_BROWSER === "true";
}

/** Prints the skip line once per jest run (every browser suite calls this). */
export function reportSkipped(): void {
  const marker = path.join(os.tmpdir(), `aps-browser-skip-${process.ppid}`);
  try {
    fs.writeFileSync(marker, "", { flag: "wx" });
    process.stderr.write(`${HOW_TO_ENABLE}\n`);
  } catch {
    // Another suite of this run has said it.
  }
}
