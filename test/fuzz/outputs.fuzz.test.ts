// Generated output targets and argument vectors over every command (issue 20): a bad --out is refused
// with exit 2 naming it, before any work, with nothing written and the input unchanged; a good one is
// written with no temporary file left; flags are answered in the user's words, never the parser's.

import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runMain } from "./support/harness";
import { argumentVector, COMMANDS, makeTarget, targetSpec } from "./support/outputs";

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const EXAMPLES = path.join(__dirname, "../../examples");
const FT06 = path.join(__dirname, "../fixtures/jobshop/ft06.txt");
const HISTORY = JSON.stringify({ format: "aps-history/1", series: [{ id: "A", values: [5, 7, 6, 8, 7, 9, 8, 10] }] });

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-outputs-fuzz-")); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every file under `folder` with its bytes (links as links), to compare before and after a run. */
function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    files.set(full, entry.isSymbolicLink() ? `link ${fs.readlinkSync(full)}` : entry.isFile() ? fs.readFileSync(full).toString("base64") : "folder");
  }
  return files;
}

/** A command whose --out is fuzzed: its main input (copied into the case folder), other inputs, and arguments. */
interface OutCase { command: string; input: string | (() => string); extension: string; args: (input: string, out: string, folder: string) => string[] }

const OUT_CASES: OutCase[] = [
  { command: "plan", input: path.join(EXAMPLES, "supply-chain.json"), extension: ".json", args: (f, out) => ["plan", f, "--out", out] },
  { command: "compare", input: path.join(EXAMPLES, "supply-chain.json"), extension: ".json", args: (f, out) => ["compare", f, path.join(EXAMPLES, "large-network.json"), "--out", out] },
  { command: "simulate", input: path.join(EXAMPLES, "supply-chain.json"), extension: ".json", args: (f, out) => ["simulate", f, "--replications", "1", "--horizon", "10", "--out", out] },
  { command: "forecast", input: () => HISTORY, extension: ".json", args: (f, out) => ["forecast", f, "--out", out] },
  { command: "schedule", input: path.join(EXAMPLES, "machine-shop.xlsx"), extension: ".xlsx", args: (f, out) => ["schedule", f, "--iterations", "5", "--out", out] },
  { command: "share", input: path.join(EXAMPLES, "supply-chain.xlsx"), extension: ".xlsx", args: (f, out, folder) => ["share", f, "--partner", "FrameWorks", "--out", out, "--book-out", path.join(folder, "recorded.xlsx"), "--now", "2026-12-01T10:00:00Z"] },
  { command: "supply", input: path.join(__dirname, "../fixtures/supply/sp-01.json"), extension: ".json", args: (f, out) => ["supply", f, "--out", out] },
  { command: "merge", input: path.join(EXAMPLES, "collaboration/bikeco.xlsx"), extension: ".xlsx", args: (f, out) => ["merge", f, path.join(EXAMPLES, "collaboration/FrameWorks-response.xlsx"), "--out", out, "--now", "2026-12-02T10:00:00Z"] },
];

describe("aps --out under generated targets", () => {
  it(`every command: a bad target is refused before any work, a good one written whole (${runs(140)} cases)`, async () => {
    let k = 0;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...OUT_CASES), targetSpec, async (spec, target) => {
      const folder = path.join(dir, `case-${k++}`);
      fs.mkdirSync(folder);
      const input = path.join(folder, spec.command === "forecast" ? "history.json" : `input${path.extname(spec.input as string)}`);
      if (typeof spec.input === "function") fs.writeFileSync(input, spec.input());
      else fs.copyFileSync(spec.input, input);
      const made = makeTarget(folder, input, target, spec.extension);
      const inputBytes = fs.readFileSync(input);
      const before = snapshot(folder);
      const run = await runMain(spec.args(made.input, made.out, folder));
      const show = `${target.kind} ${JSON.stringify(made.out)}: exit ${run.status}\n${run.stderr.slice(0, 600)}`;
      expect([show, fs.readFileSync(input).equals(inputBytes)]).toEqual([show, true]);
      expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
      const leftovers = fs.readdirSync(folder, { recursive: true }).map(String).filter((n) => /\.tmp$|\.old$|\.aps-probe/.test(n));
      expect(leftovers).toEqual([]);
      if (target.kind === "fine") {
        expect([show, run.status]).toEqual([show, 0]);
        expect(fs.statSync(made.out).isFile()).toBe(true);
      } else {
        expect([show, run.status]).toEqual([show, 2]);
        expect(run.stderr.split("\n")[0].startsWith(`${made.out}: `)).toBe(true);
        expect(snapshot(folder)).toEqual(before);
      }
      fs.rmSync(folder, { recursive: true, force: true });
    }), { numRuns: runs(140) });
  }, 240_000);
});

/** The inputs each command is given in the argument fuzz (none written into the repository). */
function inputsFor(command: string, folder: string): string[] {
  const copy = (from: string, name: string) => { const to = path.join(folder, name); fs.copyFileSync(from, to); return to; };
  switch (command) {
    case "plan": case "simulate": return [path.join(EXAMPLES, "supply-chain.json")];
    case "supply": return [path.join(__dirname, "../fixtures/supply/sp-01.json")];
    case "compare": return [path.join(EXAMPLES, "supply-chain.json"), path.join(EXAMPLES, "supply-chain.json")];
    case "schedule": return [FT06, "--iterations", "20"];
    case "reschedule": { const p = path.join(folder, "published.json"); fs.writeFileSync(p, "{}"); return [FT06, p]; }
    case "forecast": { const h = path.join(folder, "history.json"); fs.writeFileSync(h, HISTORY); return [h]; }
    case "share": return [copy(path.join(EXAMPLES, "supply-chain.xlsx"), "book.xlsx")];
    case "merge": return [path.join(EXAMPLES, "collaboration/bikeco.xlsx"), path.join(EXAMPLES, "collaboration/FrameWorks-response.xlsx")];
    default: return [path.join(EXAMPLES, "collaboration/bikeco.xlsx")];
  }
}

describe("aps flags under generated argument vectors", () => {
  it(`negative numbers, unknown options and impossible dates get the flag's own rule or "unknown option", never the parser's words (${runs(300)} cases)`, async () => {
    const cwd = process.cwd();
    let k = 0;
    await fc.assert(fc.asyncProperty(fc.constantFrom(...COMMANDS).chain((command) => fc.tuple(fc.constant(command), argumentVector(command))), async ([command, vector]) => {
      const folder = path.join(dir, `args-${k++}`);
      fs.mkdirSync(folder);
      process.chdir(folder); // a relative --out such as "-5" lands here, not in the repository
      try {
        const cheap = command === "simulate" ? ["--replications", "1", "--horizon", "10"] : [];
        const run = await runMain([command, ...inputsFor(command, folder), ...cheap, ...vector]);
        const show = `aps ${command} ${vector.join(" ")}: exit ${run.status}\n${run.stderr.slice(0, 600)}`;
        expect([show, run.status === 0 || run.status === 2]).toEqual([show, true]);
        expect(run.stderr).not.toMatch(/\n\s+at |internal error|ambiguous|To specify a positional|ERR_PARSE_ARGS|Unknown option '/);
        const unknown = /^unknown option (\S+); see aps (\w+) --help$/m.exec(run.stderr);
        if (unknown) expect(unknown[2]).toBe(command);
        if (run.status === 2) expect(run.stderr.trim()).not.toBe("");
      } finally {
        process.chdir(cwd);
        fs.rmSync(folder, { recursive: true, force: true });
      }
    }), { numRuns: runs(300) });
  }, 240_000);
});
