// File helpers of the CLI: read with a clear error, and write atomically (temp file, then rename),
// so a failed run never leaves a half-written output.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { fileSizeProblem } from "../engine/limits";
import { parseJsonText } from "../workbook/tables/jsonText";
import { CliInputError } from "./io";

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

/** Writes through a temporary file in the same folder, then renames it into place. */
export async function writeAtomically(file: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    await write(temporary);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** True when two paths name the same file. */
export function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}
