// docs/architecture.md's folder layout matches the tree: every folder it names exists, and every
// folder of src/engine and src/workbook is named there (a new feature folder must be documented).
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

/** The folders the "Folder layout" section's block names (first word of each line, ending in "/"). */
function documentedFolders(): string[] {
  const text = fs.readFileSync(path.join(ROOT, "docs", "architecture.md"), "utf8");
  const section = text.split(/^## Folder layout$/m)[1] ?? "";
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block.split("\n").map((l) => l.trim().split(/\s+/)[0]).filter((w) => w.endsWith("/")).map((w) => w.replace(/\/$/, ""));
}

function foldersUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).filter((e) => e.isDirectory())
    .flatMap((e) => [`${dir}/${e.name}`, ...foldersUnder(`${dir}/${e.name}`)]);
}

describe("docs/architecture.md's folder layout", () => {
  const named = documentedFolders();

  test("names folders, and each exists", () => {
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((f) => !fs.existsSync(path.join(ROOT, f)) || !fs.statSync(path.join(ROOT, f)).isDirectory())).toEqual([]);
  });

  test("names every folder of src/engine and src/workbook", () => {
    const actual = ["src/engine", "src/workbook", ...foldersUnder("src/engine"), ...foldersUnder("src/workbook")];
    expect(actual.filter((f) => !named.includes(f))).toEqual([]);
  });
});
