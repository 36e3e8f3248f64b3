#!/usr/bin/env node
// The `aps` command: runs the ahead-of-time build lib/cli/aps.js (npm run build:cli). In a checkout
// whose sources are newer than the build, it rebuilds first (esbuild, ~0.1 s); without esbuild or a
// build it falls back to running the TypeScript sources through tsx.
const path = require("node:path");

function loadMain() {
  const root = path.join(__dirname, "..");
  let builder = null;
  try {
    builder = require(path.join(root, "scripts", "build-cli.js"));
  } catch {
    builder = null; // an installed copy without the build script: use lib/cli/aps.js as shipped
  }
  const compiled = path.join(root, "lib", "cli", "aps.js");
  try {
    if (builder && builder.cliIsStale()) builder.buildCli();
    return require(compiled).main;
  } catch (error) {
    if (error && error.code !== "MODULE_NOT_FOUND" && !/esbuild/.test(String(error && error.message))) throw error;
    process.stderr.write("aps: lib/cli/aps.js is not built (run npm run build:cli); running the TypeScript sources, which starts slower.\n");
    require("tsx/cjs");
    return require(path.join(root, "src", "cli", "main.ts")).main;
  }
}

loadMain()(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  progress: (text) => process.stderr.write(text),
}).then((status) => {
  process.exitCode = status;
});
