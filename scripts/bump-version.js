// Raises the add-in's <Version> in manifest.xml for a release: Office caches an add-in's files
// (functions.json up to a day) by manifest version, so each release needs a higher one.
// Usage: npm run version:bump [-- major|minor|patch|build] [-- --manifest path]  (default: patch)
"use strict";
const fs = require("fs");
const path = require("path");

const PARTS = ["major", "minor", "patch", "build"];
const VERSION = /<Version>(\d+)\.(\d+)\.(\d+)\.(\d+)<\/Version>/;

/** The manifest with its version raised at `part` (the parts after it reset to 0); throws without a n.n.n.n version. */
function bumpVersion(xml, part = "patch") {
  const index = PARTS.indexOf(part);
  if (index < 0) throw new Error(`Unknown version part "${part}": use ${PARTS.join(", ")}.`);
  const found = VERSION.exec(xml);
  if (!found) throw new Error("manifest.xml has no <Version>n.n.n.n</Version>.");
  const numbers = found.slice(1, 5).map(Number).map((n, i) => (i < index ? n : i === index ? n + 1 : 0));
  const version = numbers.join(".");
  return { xml: xml.replace(VERSION, `<Version>${version}</Version>`), from: found.slice(1, 5).join("."), to: version };
}

function main(argv) {
  const at = argv.indexOf("--manifest");
  const file = at >= 0 ? argv[at + 1] : path.join(__dirname, "..", "manifest.xml");
  const part = argv.filter((a, i) => !a.startsWith("--") && argv[i - 1] !== "--manifest")[0] ?? "patch";
  const result = bumpVersion(fs.readFileSync(file, "utf8"), part);
  fs.writeFileSync(file, result.xml);
  process.stdout.write(`${path.basename(file)}: version ${result.from} -> ${result.to}\n`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}

module.exports = { bumpVersion };
