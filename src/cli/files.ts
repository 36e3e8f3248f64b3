// File helpers of the CLI: read with a clear error, and write atomically (temp file, then rename),
// so a failed run never leaves a half-written output.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { fileSizeProblem, plainText } from "../engine/limits";
import { CliInputError } from "./io";

/** Reads a text file, or throws a CliInputError naming it. */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (error) {
    throw new CliInputError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
}

/** Why a text is not JSON, in one line: what was found and where (line and column when known). */
export function jsonProblem(text: string, error: Error): string {
  const message = error.message.replace(/\s+/g, " ");
  const position = /position (\d+)/.exec(message);
  const at = position ? Number(position[1]) : null;
  if (/Unexpected end of JSON input/.test(message) || (at !== null && at >= text.trimEnd().length)) return "the JSON ends too early (is the file cut short?)";
  let where = "";
  if (at !== null) {
    const before = text.slice(0, at);
    where = ` at line ${before.split("\n").length}, column ${before.length - before.lastIndexOf("\n")}`;
  }
  const reason = message.replace(/ in JSON at position \d+.*$/, "").replace(/,? ".*" is not valid JSON$/, "").trim() || "this is not JSON";
  return `${plainText(reason, 100)}${where}`;
}

/** Reads a JSON file (a leading byte-order mark is allowed), or throws a CliInputError naming it and where the JSON breaks. */
export async function readJsonFile(file: string): Promise<unknown> {
  const text = (await readTextFile(file)).replace(/^\ufeff/, "");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliInputError(`${file}: not valid JSON (${jsonProblem(text, error as Error)}).`);
  }
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
