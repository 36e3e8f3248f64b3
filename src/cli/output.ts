// The one writer of every file a command writes (--out, --book-out, a package folder): the target is
// checked before any work (its folder exists and is writable, it is not a folder, it is not an input,
// links resolved), then everything is written to temporary files beside the targets and renamed into
// place together, so a command with two outputs writes both or neither. Failures are CliInputErrors
// (exit 2) naming the path and why.

import { constants, promises as fs } from "node:fs";
import * as path from "node:path";
import { CliInputError } from "./io";

/** A checked place to write: `flag` names it in messages ("--out", "--book-out"). */
export interface OutputTarget {
  path: string;
  flag: string;
  /** The folder that holds it, when this run creates it (a package folder of `aps share`). */
  createFolder?: string;
}

export interface OutputOptions {
  /** How the message names the target (default "--out"). */
  flag?: string;
  /** Files the target must not be (compared by real path, links resolved, and by inode). */
  inputs?: readonly string[];
  /** The target is a folder to write files into (created when missing, its parent checked). */
  folder?: boolean;
}

/** One file of a write: where, and how to fill the temporary file that becomes it. */
export interface OutputFile {
  target: OutputTarget;
  write: (temporary: string) => Promise<void>;
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException)?.code ?? "";

/** A system error in the user's words ("permission denied", "the disk is full"). */
export function systemReason(error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case "EACCES":
    case "EPERM": return "permission denied";
    case "EROFS": return "the disk is read-only";
    case "ENOSPC": return "the disk is full";
    case "EDQUOT": return "the disk quota is used up";
    case "ENAMETOOLONG": return "the name is too long";
    case "ENOENT": return "the folder does not exist";
    case "ENOTDIR": return "a part of the path is a file, not a folder";
    case "EISDIR": return "it is a folder";
    case "EBUSY": return "the file is in use by another program";
    case "EINVAL": return "the name is not valid here";
    default: return code !== "" ? `the system refused (${code})` : "the system refused";
  }
}

async function statOrNull(file: string, follow = true) {
  try {
    return follow ? await fs.stat(file) : await fs.lstat(file);
  } catch {
    return null;
  }
}

/** The real path of a file that may not exist yet: its folder's real path and its name. */
async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    const folder = path.dirname(path.resolve(file));
    try {
      return path.join(await fs.realpath(folder), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** True when `a` and `b` are the same file: by real path (links resolved), or the same inode (hard links). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if ((await realTarget(a)) === (await realTarget(b))) return true;
  const [sa, sb] = [await statOrNull(a), await statOrNull(b)];
  return sa !== null && sb !== null && sa.ino === sb.ino && sa.dev === sb.dev && sa.ino !== 0;
}

/** Creates and removes a probe file in `folder`: the surest test that it takes new files. */
async function probeFolder(folder: string): Promise<void> {
  const probe = path.join(folder, `.aps-probe-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  const handle = await fs.open(probe, "wx");
  await handle.close();
  await fs.rm(probe, { force: true });
}

/** Checks that `folder` exists, is a folder and takes new files; throws naming `target` and why. */
async function checkFolder(target: string, flag: string, folder: string): Promise<void> {
  const shown = folder === "." ? "the current folder" : `the folder ${folder}`;
  const stat = await statOrNull(folder);
  if (stat === null) {
    const parentIsFile = errorCode(await fs.stat(folder).catch((e) => e)) === "ENOTDIR";
    throw new CliInputError(`${target}: cannot write ${flag}: ${parentIsFile ? `a part of ${folder} is a file, not a folder` : `${shown} does not exist`}.`);
  }
  if (!stat.isDirectory()) throw new CliInputError(`${target}: cannot write ${flag}: ${folder} is a file, not a folder.`);
  try {
    await probeFolder(folder);
  } catch (error) {
    const why = errorCode(error) === "ENOENT" ? "" : ` (${systemReason(error)})`; // ENOENT in a folder that exists: a system folder such as /proc
    throw new CliInputError(`${target}: cannot write ${flag}: ${shown} does not take new files${why}.`);
  }
}

/**
 * Checks a target before any work: not empty, not a folder (or, with `folder`, not a file), its folder
 * exists and takes files, it is none of `inputs`, and an existing file there may be replaced.
 * @example await checkOutput("out/plan.xlsx", { inputs: ["book.xlsx"] }) // { path: "out/plan.xlsx", flag: "--out" }
 */
export async function checkOutput(target: string, options: OutputOptions = {}): Promise<OutputTarget> {
  const flag = options.flag ?? "--out";
  if (target.trim() === "") throw new CliInputError(`${flag}: give a file name (got an empty one).`);
  for (const input of options.inputs ?? []) {
    if (await sameFile(target, input)) {
      const link = path.resolve(target) !== path.resolve(input) ? ` (it is ${input}, through a link)` : "";
      throw new CliInputError(`${target}: ${flag} must differ from the input${link}; the input is never modified.`);
    }
  }
  const stat = await statOrNull(target);
  const parent = path.dirname(target);
  if (options.folder) {
    if (stat !== null && !stat.isDirectory()) throw new CliInputError(`${target}: cannot write ${flag}: it is a file, and a folder is needed here.`);
    if (stat !== null) {
      await checkFolder(target, flag, target);
      return { path: target, flag };
    }
    await checkFolder(target, flag, parent);
    return { path: target, flag, createFolder: target };
  }
  if (stat !== null && stat.isDirectory()) throw new CliInputError(`${target}: cannot write ${flag}: it is a folder; give a file name.`);
  await checkFolder(target, flag, parent);
  if (stat !== null) {
    try {
      await fs.access(target, constants.W_OK);
    } catch (error) {
      throw new CliInputError(`${target}: cannot write ${flag}: the file there cannot be replaced (${systemReason(error)}).`);
    }
  }
  return { path: target, flag };
}

/** A file inside a checked folder target (a partner's package in `aps share --out FOLDER`). */
export function fileIn(folder: OutputTarget, name: string): OutputTarget {
  return { path: path.join(folder.path, name), flag: folder.flag, ...(folder.createFolder ? { createFolder: folder.createFolder } : {}) };
}

const temporaryOf = (file: string, k: number) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${k}.tmp`);
const backupOf = (file: string, k: number) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${k}.old`);

/** The message of a failed write: the path, the flag and why. */
function writeFailure(target: OutputTarget, error: unknown): Error {
  if (errorCode(error) === "") return error as Error; // a fault of the program, not of the place
  return new CliInputError(`${target.path}: cannot write ${target.flag}: ${systemReason(error)}; nothing was written.`);
}

/**
 * Writes every file or none: each to a temporary file beside its target, then all renamed into
 * place (a replaced file is kept aside until every rename has succeeded, and put back otherwise).
 */
export async function writeOutputs(files: readonly OutputFile[]): Promise<void> {
  const created: string[] = [];
  const temporaries: string[] = [];
  const undo = async () => {
    for (const t of temporaries) await fs.rm(t, { force: true });
    for (const folder of created.reverse()) await fs.rmdir(folder).catch(() => undefined);
  };
  try {
    for (const folder of new Set(files.map((f) => f.target.createFolder).filter((f): f is string => f !== undefined))) {
      if ((await statOrNull(folder)) !== null) continue;
      await fs.mkdir(folder).catch((error) => { throw writeFailure(files.find((f) => f.target.createFolder === folder)!.target, error); });
      created.push(folder);
    }
    for (const [k, file] of files.entries()) {
      const temporary = temporaryOf(file.target.path, k);
      temporaries.push(temporary);
      try {
        await file.write(temporary);
      } catch (error) {
        throw writeFailure(file.target, error);
      }
    }
  } catch (error) {
    await undo();
    throw error;
  }
  const done: { file: string; backup: string | null }[] = [];
  try {
    for (const [k, file] of files.entries()) {
      const target = file.target.path;
      let backup: string | null = null;
      const existing = await statOrNull(target, false);
      if (existing?.isDirectory()) throw writeFailure(file.target, Object.assign(new Error("a folder"), { code: "EISDIR" }));
      if (existing !== null) {
        backup = backupOf(target, k);
        await fs.rename(target, backup).catch((error) => { throw writeFailure(file.target, error); });
      }
      done.push({ file: target, backup });
      await fs.rename(temporaries[k], target).catch((error) => { throw writeFailure(file.target, error); });
    }
  } catch (error) {
    for (const { file, backup } of done.reverse()) {
      if (backup !== null) await fs.rename(backup, file).catch(() => undefined);
      else await fs.rm(file, { force: true });
    }
    await undo();
    throw error;
  }
  for (const { backup } of done) if (backup !== null) await fs.rm(backup, { force: true });
}

/** Writes one checked target through a temporary file and a rename. */
export function writeOutput(target: OutputTarget, write: (temporary: string) => Promise<void>): Promise<void> {
  return writeOutputs([{ target, write }]);
}

/** A writer of fixed text or bytes, for writeOutput. */
export function contentWriter(content: string | Uint8Array): (temporary: string) => Promise<void> {
  return (temporary) => fs.writeFile(temporary, content);
}
