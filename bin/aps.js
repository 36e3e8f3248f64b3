#!/usr/bin/env node
// The `aps` command: runs the TypeScript sources through tsx (FORMATS.md §5).
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((status) => {
  process.exitCode = status;
});
