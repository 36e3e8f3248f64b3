// File helpers of the CLI: read with a clear error; writing goes through output.ts (checked before
// any work, temporary file then rename), so a failed run never leaves a half-written output.

import { promises as fs, realpathSync } from "node:fs";
import * as path from "node:path";
import { fileSizeProblem } from "../engine/limits";
import { parseJsonText } from "../workbook/tables/jsonText";
import { CliInputError } from "./io";
import { checkOutput, writeOutput } from "./output";

export { jsonProblem } from "../workbook/tables/jsonText";

/** Reads a text file, or throws a CliInputError naming it. */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    throw new CliInputError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}

/** Reads a JSON file (a leading byte-order mark is allowed), or throws a CliInputError naming it and where the JSON breaks. */
export async function readJsonFile(file: string): Promise<unknown> {
  const parsed = parseJsonText(file, await readTextFile(file));
  if (!parsed.ok) throw new CliInputError(parsed.message);
  return parsed.value;
}

/**
 * Throws a CliInputError unless the file exists and is within its size limit (INPUT_LIMITS.fileBytes
 * by extension: .json, .xlsx, else text). Checked with a stat, before anything is read.
 */
export async function requireFile(file: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new CliInputError(`${file}: no such file.`);
  }
  if (!stat.isFile()) throw new CliInputError(`${file}: not a file.`);
  const tooBig = fileSizeProblem(file, stat.size);
  if (tooBig !== null) throw new CliInputError(tooBig);
}

/**
 * Checks `file` as an --out target (see output.ts) and writes it through a temporary file and a
 * rename. Commands check their targets first with checkOutput and write with writeOutput(s); this is
 * the short form for a single output with nothing to compare against.
 */
export async function writeAtomically(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  await writeOutput(await checkOutput(file), write);
}

/** True when two paths name the same file, links resolved (a path that does not exist yet by its folder). */
export function samePath(a: string, b: string): boolean {
  const real = (file: string) => {
    try {
      return realpathSync(file);
    } catch {
      try {
        return path.join(realpathSync(path.dirname(path.resolve(file))), path.basename(file));
      } catch {
        return path.resolve(file);
      }
    }
  };
  return real(a) === real(b);
}
