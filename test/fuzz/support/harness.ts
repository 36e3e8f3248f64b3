// The fuzz harness of the `aps` command: generated bad files through `main([...], io)` in-process,
// each answered with exit 0 and a result, or exit 2 and messages naming the file (never exit 1,
// never a stack trace, never an internal name).
//
// HOW A COMMAND JOINS (a few lines in test/fuzz/<command>.fuzz.test.ts):
//
//   import { fuzzCommand } from "./support/harness";
//   import { badJsonFile, garbageFile } from "./support/files";
//   fuzzCommand({
//     command: "share",                                      // the name shown in the test titles
//     args: (file) => ["share", file, "--json"],             // how main() is called on one input
//     inputs: [                                              // arbitraries of FuzzFile, with a budget each
//       { label: "bad JSON", runs: 9_000, file: badJsonFile("share.json", myRecordArbitrary) },
//       { label: "garbage", runs: 1_000, file: garbageFile("share.json") },
//       { label: "workbooks", runs: 200, file: myWorkbooks.map((workbook) => ({ name: "share.xlsx", content: { workbook } })) },
//     ],
//     messagesOf: (run) => JSON.parse(run.stdout).exceptions…, // optional: the messages of a result (exit 0)
//     check: (run, file, path) => { ... },                    // optional: the command's own assertions
//   });
//
// Inputs named *.xlsx must speak in headers ("Holding Cost"), never JSON keys ("holdingCost").
//
// Generators: support/values.ts (odd values and numbers), support/files.ts (JSON serialised with
// NaN/Infinity/-0/duplicate keys, truncated and garbage files, text mutations), support/workbooks.ts
// (.xlsx with merged cells, formulas, error values, hyperlinks, rich text, hidden rows, extra sheets).
// Runs start from one fixed seed (test/support/fastCheckSeed.ts); FUZZ_SEED=random explores new inputs.
// A failure prints fast-check's seed and path; replay with FUZZ_SEED=<seed> (and add the input to
// test/fuzz/regressions.test.ts as a named case). FUZZ_SCALE=0.1 runs a tenth of the cases.

import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../../src/cli/main";
import { buildWorkbook, WorkbookSpec } from "./workbooks";

/** One generated input file: its name (the extension picks the reader) and what it holds. */
export interface FuzzFile {
  name: string;
  content: string | Uint8Array | { workbook: WorkbookSpec };
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface FuzzInput {
  label: string;
  /** Generated cases (scaled by FUZZ_SCALE). */
  runs: number;
  file: fc.Arbitrary<FuzzFile>;
  /** Jest timeout of this property (default 60 s). */
  timeoutMs?: number;
}

export interface FuzzCommandSpec {
  command: string;
  args: (file: string) => string[];
  inputs: FuzzInput[];
  /** The messages a user reads on exit 0 (default: stdout), e.g. a JSON result's exceptions. */
  messagesOf?: (run: CliRun) => string;
  /** Extra assertions of the command (throw to fail); `path` is where the input was written. */
  check?: (run: CliRun, file: FuzzFile, path: string) => void;
}

/** Words a user never wrote: engine arguments, JavaScript's own failures, and formula-internal paths. */
export const INTERNAL_NAMES = /\bstages\[\d+\] \(|\bunitCost\b|\barrivalRate\b|\bserviceRate\b|\binboundSd\b|\bupstream[A-Z]\w*\b|\bproductionSd\b|\bbackorderLevel\b|\bwaitInQueue\b|\bproductionLeadTime\b|\bnetReplenishmentTime\b|\[object Object\]|\bundefined\b|TypeError|RangeError|ReferenceError|Cannot read prop|is not a function|is not iterable|internal error/;

/** JSON keys of the network that a workbook user knows by their Title Case header. */
export const CAMEL_FIELDS = /\b(demandRate|demandSd|serviceLevel|processingTime|holdingCost|orderCost|backorderCost|shortageCost|productionRate|lotSizeModel|serviceCost|penaltyCost|interarrivalSd|leadTime|externalInboundTime|externalInboundSd|maxServiceTime|predictedLeadTime)\b/;

const STACK = /\n\s+at .+[(:]\d+/;

/** Runs `aps` in-process and captures what it prints. */
export async function runMain(args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const status = await main(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { status, stdout, stderr };
}

/** Text outside double quotes (the user's own ids and values are quoted in messages). */
function unquoted(text: string): string {
  return text.replace(/"[^"\n]*"/g, '""');
}

/**
 * The assertions every command meets on every input: exit 0 or 2, no stack trace, no internal
 * name; on 2, every line of stderr names the file; on 0, something was printed.
 */
export function assertAnswered(run: CliRun, fileName: string, options: { workbook: boolean; messagesOf?: (run: CliRun) => string }): void {
  const all = `${run.stdout}\n${run.stderr}`;
  const show = () => `exit ${run.status}\nstderr: ${run.stderr.slice(0, 2000)}\nstdout: ${run.stdout.slice(0, 500)}`;
  if (run.status !== 0 && run.status !== 2) throw new Error(`exit ${run.status} (expected 0 or 2)\n${show()}`);
  if (STACK.test(all)) throw new Error(`a stack trace was printed\n${show()}`);
  const messages = run.status === 2 ? run.stderr : options.messagesOf ? options.messagesOf(run) : run.stdout;
  const internal = INTERNAL_NAMES.exec(unquoted(messages));
  if (internal) throw new Error(`internal name "${internal[0]}" in a message\n${show()}`);
  if (options.workbook) {
    const camel = CAMEL_FIELDS.exec(unquoted(messages));
    if (camel) throw new Error(`JSON field name "${camel[0]}" in a message about a workbook\n${show()}`);
  }
  if (run.status === 2) {
    const lines = run.stderr.split("\n").filter((line) => line.trim() !== "");
    if (lines.length === 0) throw new Error(`exit 2 without a message\n${show()}`);
    const unnamed = lines.find((line) => !line.includes(fileName));
    if (unnamed !== undefined) throw new Error(`a message does not name the file ${fileName}: ${unnamed}\n${show()}`);
  } else if (run.stdout.trim() === "") {
    throw new Error(`exit 0 without a result\n${show()}`);
  }
}

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
/** A case that takes longer than this fails (a hang is a bug too). */
const CASE_TIMEOUT_MS = Number(process.env.FUZZ_CASE_TIMEOUT_MS ?? 15_000);
const SEED = process.env.FUZZ_SEED === undefined || process.env.FUZZ_SEED === "random" ? undefined : Number(process.env.FUZZ_SEED);

/** Writes a generated file into `folder` and returns its path. */
export async function writeFuzzFile(folder: string, file: FuzzFile): Promise<string> {
  const full = path.join(folder, file.name);
  const content = file.content;
  if (typeof content === "string" || content instanceof Uint8Array) await fs.promises.writeFile(full, content);
  else await fs.promises.writeFile(full, await buildWorkbook(content.workbook));
  return full;
}

/** Registers the fuzz suite of one command: one jest test per input kind. */
export function fuzzCommand(spec: FuzzCommandSpec): void {
  describe(`aps ${spec.command} under generated bad input`, () => {
    let folder: string;
    beforeAll(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), `aps-fuzz-${spec.command}-`)); });
    afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

    for (const input of spec.inputs) {
      const runs = Math.max(1, Math.round(input.runs * SCALE));
      it(`${input.label}: exit 0 with a result or 2 naming the file, never 1, no stack, no internal name (${runs} cases)`, async () => {
        const exits = [0, 0];
        // Cases run one after another in one folder, emptied after each (outputs included).
        const case_ = path.join(folder, input.label.replace(/\W+/g, "-").slice(0, 40));
        await fs.promises.mkdir(case_, { recursive: true });
        await fc.assert(
          fc.asyncProperty(input.file, async (file) => {
            try {
              const full = await writeFuzzFile(case_, file);
              const run = await runMain(spec.args(full));
              assertAnswered(run, file.name, { workbook: file.name.toLowerCase().endsWith(".xlsx"), messagesOf: spec.messagesOf });
              spec.check?.(run, file, full);
              exits[run.status === 0 ? 0 : 1]++;
            } finally {
              for (const name of await fs.promises.readdir(case_)) await fs.promises.rm(path.join(case_, name), { recursive: true, force: true });
            }
          }),
          { numRuns: runs, ...(SEED === undefined ? {} : { seed: SEED }), timeout: CASE_TIMEOUT_MS },
        );
        if (process.env.FUZZ_STATS) console.log(`${spec.command} / ${input.label}: ${exits[0]} planned (exit 0), ${exits[1]} refused (exit 2)`);
      }, input.timeoutMs ?? 60_000);
    }
  });
}
