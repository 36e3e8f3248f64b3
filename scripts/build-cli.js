// Compiles the `aps` command ahead of time (esbuild): src/cli/main.ts and everything it imports
// become one CommonJS file, lib/cli/aps.js, so a start does not transpile TypeScript.
// Packages (exceljs, …) stay outside the bundle and load only when a command needs them.
// Used by `npm run build:cli` (and so by `prepare` and `npm run build`) and by bin/aps.js when the
// bundle is older than the sources.

const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const entry = path.join(root, "src", "cli", "main.ts");
const outfile = path.join(root, "lib", "cli", "aps.js");

/** Builds lib/cli/aps.js through a temporary file, so a reader never sees half a bundle. */
function buildCli() {
  const esbuild = require("esbuild");
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [entry],
    outfile: temporary,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    sourcemap: false,
    logLevel: "warning",
    legalComments: "none",
  });
  fs.renameSync(temporary, outfile);
  return outfile;
}

/** Newest modification time (ms) of any file under a folder. */
function newestMtime(folder) {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when lib/cli/aps.js is missing or older than a source file (a checkout being edited). */
function cliIsStale() {
  let built;
  try {
    built = fs.statSync(outfile).mtimeMs;
  } catch {
    return true;
  }
  const sources = path.join(root, "src");
  if (!fs.existsSync(sources)) return false;
  return newestMtime(sources) > built || fs.statSync(path.join(root, "package.json")).mtimeMs > built;
}

module.exports = { buildCli, cliIsStale, outfile };

if (require.main === module) {
  const started = Date.now();
  buildCli();
  console.log(`built ${path.relative(root, outfile)} in ${Date.now() - started} ms`);
}
