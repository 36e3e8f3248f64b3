// Every command's --out (and --book-out) through the one writer: a target in a folder that does not
// exist, under a file, that is itself a folder, or that is the input reached through a link is
// refused before any work (exit 2 naming the path and why, nothing written, the input unchanged);
// and a command with two outputs writes both or neither.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runAps } from "../support/runCli";
import { checkOutput, writeOutputs } from "../../src/cli/output";

const EXAMPLES = path.join(__dirname, "../../examples");
const FT06 = path.join(__dirname, "../fixtures/jobshop/ft06.txt");

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-outputs-")); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A command: its input files (copied into the case's folder, the first reached through a link), the out extension, and its arguments. */
interface CommandCase {
  label: string;
  inputs: string[];
  extension: string;
  args: (inputs: string[], out: string) => string[];
}

const COMMANDS: CommandCase[] = [
  { label: "plan", inputs: [path.join(EXAMPLES, "supply-chain.json")], extension: ".json", args: ([f], out) => ["plan", f, "--out", out] },
  { label: "plan --scenarios", inputs: [path.join(EXAMPLES, "supply-chain-scenarios.xlsx")], extension: ".xlsx", args: ([f], out) => ["plan", f, "--scenarios", "--out", out] },
  { label: "compare", inputs: [path.join(EXAMPLES, "supply-chain.json"), path.join(EXAMPLES, "large-network.json")], extension: ".json", args: (f, out) => ["compare", ...f, "--out", out] },
  { label: "schedule", inputs: [path.join(EXAMPLES, "machine-shop.xlsx")], extension: ".xlsx", args: ([f], out) => ["schedule", f, "--iterations", "10", "--out", out] },
  { label: "reschedule", inputs: [FT06], extension: ".json", args: ([shop], out) => ["reschedule", shop, path.join(dir, "published.json"), "--now", "1", "--iterations", "10", "--out", out] },
  { label: "simulate", inputs: [path.join(EXAMPLES, "supply-chain.json")], extension: ".json", args: ([f], out) => ["simulate", f, "--replications", "1", "--horizon", "10", "--out", out] },
  { label: "forecast", inputs: [path.join(EXAMPLES, "demand-history.xlsx")], extension: ".xlsx", args: ([f], out) => ["forecast", f, "--out", out] },
  { label: "share", inputs: [path.join(EXAMPLES, "supply-chain.xlsx")], extension: ".xlsx", args: ([f], out) => ["share", f, "--partner", "FrameWorks", "--out", out, "--now", "2026-12-01T10:00:00Z"] },
  { label: "supply", inputs: [path.join(__dirname, "../fixtures/supply/sp-01.json")], extension: ".json", args: ([f], out) => ["supply", f, "--out", out] },
  { label: "merge", inputs: [path.join(EXAMPLES, "collaboration/bikeco.xlsx"), path.join(EXAMPLES, "collaboration/FrameWorks-response.xlsx")], extension: ".xlsx", args: (f, out) => ["merge", ...f, "--out", out, "--now", "2026-12-02T10:00:00Z"] },
];

/** Every file under `folder`, with its bytes, to compare before and after. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    files.set(full, entry.isFile() ? fs.readFileSync(full).toString("base64") : entry.isSymbolicLink() ? "link" : "folder");
  }
  return files;
}

/** Bad targets, made in the case's folder: how to make it, and what the message says. */
const TARGETS: { label: string; make: (folder: string, extension: string, realInput: string) => string; says: RegExp }[] = [
  { label: "in a folder that does not exist", make: (folder, ext) => path.join(folder, "missing", `out${ext}`), says: /cannot write --out: the folder .*missing does not exist\.$/ },
  { label: "under a file", make: (folder, ext) => { fs.writeFileSync(path.join(folder, "note.txt"), "x"); return path.join(folder, "note.txt", `out${ext}`); }, says: /cannot write --out: .*note\.txt is a file, not a folder\.$/ },
  { label: "an existing folder", make: (folder, ext) => { fs.mkdirSync(path.join(folder, `taken${ext}`)); return path.join(folder, `taken${ext}`); }, says: /cannot write --out: it is a folder; give a file name\.$/ },
  { label: "the input reached through a link", make: (_folder, _ext, realInput) => realInput, says: /--out must differ from the input \(it is .*link.*, through a link\); the input is never modified\.$/ },
];

describe.each(COMMANDS)("aps $label: a bad --out is refused before any work", (command) => {
  it.each(TARGETS)("$label", async (target) => {
    const folder = fs.mkdtempSync(path.join(dir, "case-"));
    fs.writeFileSync(path.join(dir, "published.json"), "{}");
    const copies = command.inputs.map((input) => {
      const copy = path.join(folder, path.basename(input));
      fs.copyFileSync(input, copy);
      return copy;
    });
    // The first input is given through a symbolic link; the target of the last case is the real file.
    const link = path.join(folder, `link-${path.basename(copies[0])}`);
    fs.symlinkSync(copies[0], link);
    const out = target.make(folder, command.extension, copies[0]);
    const before = snapshot(folder);
    const run = await runAps(...command.args([link, ...copies.slice(1)], out));
    expect(run.status).toBe(2);
    expect(run.stderr.startsWith(`${out}: `)).toBe(true);
    expect(run.stderr.trim()).toMatch(target.says);
    expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(snapshot(folder)).toEqual(before);
  });
});

describe("aps share writes the package and the buyer's record together, or neither", () => {
  it("an unwritable --book-out (its folder missing) leaves no package on disk and the book unchanged", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "share-"));
    const book = path.join(folder, "book.xlsx");
    fs.copyFileSync(path.join(EXAMPLES, "supply-chain.xlsx"), book);
    const before = snapshot(folder);
    const run = await runAps("share", book, "--partner", "FrameWorks", "--out", path.join(folder, "pkg.xlsx"), "--book-out", path.join(folder, "gone", "book2.xlsx"), "--now", "2026-12-01T10:00:00Z");
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${path.join(folder, "gone", "book2.xlsx")}: cannot write --book-out: the folder ${path.join(folder, "gone")} does not exist.\n`);
    expect(snapshot(folder)).toEqual(before);
  });

  it("a package folder for several partners is checked too: under a file it is refused, nothing written", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "share-many-"));
    const book = path.join(folder, "book.xlsx");
    fs.copyFileSync(path.join(EXAMPLES, "supply-chain.xlsx"), book);
    fs.writeFileSync(path.join(folder, "file"), "x");
    const before = snapshot(folder);
    const run = await runAps("share", book, "--partner", "*", "--out", path.join(folder, "file", "packages"), "--book-out", path.join(folder, "copy.xlsx"), "--now", "2026-12-01T10:00:00Z");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/file\/packages: cannot write --out: .*file is a file, not a folder\.\n$/);
    expect(snapshot(folder)).toEqual(before);
  });
});

describe("writeOutputs", () => {
  it("a failure while writing the second file leaves neither, and an existing first target as it was", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "both-"));
    const first = await checkOutput(path.join(folder, "a.xlsx"));
    fs.writeFileSync(first.path, "old");
    const second = await checkOutput(path.join(folder, "b.xlsx"), { flag: "--book-out" });
    const full = Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    await expect(writeOutputs([
      { target: first, write: async (tmp) => fs.promises.writeFile(tmp, "new") },
      { target: second, write: async () => { throw full; } },
    ])).rejects.toThrow(`${second.path}: cannot write --book-out: the disk is full; nothing was written.`);
    expect(fs.readdirSync(folder)).toEqual(["a.xlsx"]);
    expect(fs.readFileSync(first.path, "utf8")).toBe("old");
  });

  it("a rename that fails after the first succeeded puts the first back", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "rename-"));
    const first = await checkOutput(path.join(folder, "a.json"));
    fs.writeFileSync(first.path, "old");
    const second = await checkOutput(path.join(folder, "b.json"));
    // The second target becomes a non-empty folder after the check: its rename fails.
    await expect(writeOutputs([
      { target: first, write: async (tmp) => fs.promises.writeFile(tmp, "new") },
      { target: second, write: async (tmp) => { fs.mkdirSync(second.path); fs.writeFileSync(path.join(second.path, "x"), "x"); await fs.promises.writeFile(tmp, "new"); } },
    ])).rejects.toThrow(/b\.json: cannot write --out: /);
    expect(fs.readFileSync(first.path, "utf8")).toBe("old");
    expect(fs.readdirSync(folder).sort()).toEqual(["a.json", "b.json"]);
  });

  it("a fault of the program in a writer is not dressed as bad input, and leaves nothing", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "fault-"));
    const target = await checkOutput(path.join(folder, "a.json"));
    await expect(writeOutputs([{ target, write: async () => { throw new TypeError("bug"); } }])).rejects.toThrow(TypeError);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it("a hard link to the input is the input", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "hard-"));
    fs.writeFileSync(path.join(folder, "in.json"), "{}");
    fs.linkSync(path.join(folder, "in.json"), path.join(folder, "other.json"));
    await expect(checkOutput(path.join(folder, "other.json"), { inputs: [path.join(folder, "in.json")] })).rejects.toThrow(/--out must differ from the input/);
  });
});
