// Reader of the standard job-shop text format (docs/formats.md §3): first line `n m`, then one line per
// job of m pairs `machine duration`, machines from 0; lines starting with `#` are comments.
import { PlanningInputError } from "../../errors";
import { InputErrorList } from "../../inputErrors";
import { describeCount, INPUT_LIMITS, quoteText } from "../../limits";
import type { JobShopInstance } from "./jobShop";

/** Largest duration (or due date) a schedule reads: sums of them stay exact in floating point. */
export const MAX_DURATION = 1e9;

/**
 * Parses a job-shop text. `fileName` goes into error messages ("ft10.txt line 3: ...").
 * @example parseJobShopText("1 2\n0 3 1 4\n").jobs[0].operations // [{machine:0,duration:3},{machine:1,duration:4}]
 */
export function parseJobShopText(text: string, fileName = "input"): JobShopInstance {
  const lines = text.split(/\r?\n/);
  const content: { line: number; words: string[] }[] = [];
  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (t === "" || t.startsWith("#")) return;
    content.push({ line: i + 1, words: t.split(/\s+/) });
  });
  const fail = (line: number, message: string, input?: string): never => {
    throw new PlanningInputError(`${fileName} line ${line}: ${message}`, input, `${fileName} line ${line}`);
  };
  if (content.length === 0) fail(lines.length, "the file is empty; expected a first line `jobs machines`.");
  const head = content[0];
  const number = (word: string, line: number, what: string): number => {
    const v = Number(word);
    if (word === "" || !Number.isFinite(v)) fail(line, `${what} ${quoteText(word)} is not a number.`, what);
    return v;
  };
  if (head.words.length < 2) fail(head.line, "expected `jobs machines` on the first line.");
  const n = number(head.words[0], head.line, "jobs");
  const m = number(head.words[1], head.line, "machines");
  if (!Number.isInteger(n) || n < 1) fail(head.line, `the number of jobs must be a positive integer (got ${head.words[0]}).`, "jobs");
  if (!Number.isInteger(m) || m < 1) fail(head.line, `the number of machines must be a positive integer (got ${head.words[1]}).`, "machines");
  if (n * m > INPUT_LIMITS.jobShopOperations) {
    fail(head.line, `${n} jobs × ${m} machines is ${describeCount(n * m)} operations; aps schedules at most ${describeCount(INPUT_LIMITS.jobShopOperations)}.`, "jobs");
  }
  // From here on every error is collected, so a file with several bad lines is reported at once.
  const errors = new InputErrorList();
  const at = (line: number) => `${fileName} line ${line}`;
  if (content.length - 1 < n) errors.add(at(lines.length), `expected ${n} job lines, found ${content.length - 1}.`, "jobs");
  if (content.length - 1 > n) errors.add(at(content[n + 1].line), `expected ${n} job lines; this line is one too many.`, "jobs");
  const jobs = content.slice(1, n + 1).map(({ line, words }, j) => {
    const operations: { machine: number; duration: number }[] = [];
    if (words.length !== 2 * m) {
      errors.add(at(line), `job ${j} has ${words.length} numbers; expected ${2 * m} (${m} pairs \`machine duration\`).`, "operations");
      return { operations };
    }
    for (let k = 0; k < m; k++) {
      const machine = Number(words[2 * k]);
      const duration = Number(words[2 * k + 1]);
      if (!Number.isFinite(machine)) errors.add(at(line), `machine ${quoteText(words[2 * k])} is not a number.`, "machine");
      else if (!Number.isInteger(machine) || machine < 0 || machine >= m) errors.add(at(line), `machine ${words[2 * k]} is out of range 0..${m - 1}.`, "machine");
      if (!Number.isFinite(duration)) errors.add(at(line), `duration ${quoteText(words[2 * k + 1])} is not a number.`, "duration");
      else if (duration < 0) errors.add(at(line), `duration ${words[2 * k + 1]} is negative.`, "duration");
      else if (duration > MAX_DURATION) errors.add(at(line), `duration ${words[2 * k + 1]} is above the limit of ${describeCount(MAX_DURATION)}.`, "duration");
      else if (duration !== 0 && duration < INPUT_LIMITS.smallestNonzero) errors.add(at(line), `duration ${words[2 * k + 1]} must be 0 or at least ${INPUT_LIMITS.smallestNonzero}.`, "duration");
      operations.push({ machine, duration: duration === 0 ? 0 : duration });
    }
    return { operations };
  });
  errors.throwIfAny();
  return { machineCount: m, jobs, name: fileName.replace(/\.[^.]*$/, "") };
}
