// `aps share BOOK.xlsx --partner NAME --out PKG.xlsx` (docs/formats.md §9): writes the partner's package
// and records the share (Shares, Audit, Collaboration) in the buyer's workbook: in BOOK itself,
// rewritten atomically with only those add-in sheets changed, or in --book-out when given.

import { xlsxWorkbookFrom } from "../workbook/xlsx/xlsxWorkbook";
import { shareWithPartners } from "../workbook/collaborate/share";
import { auditUser, openBook, partsLostOnRewrite, runTime } from "./collaborateFiles";
import { calendarDateProblem } from "../engine/calendarDate";
import { requireFile, samePath } from "./files";
import { parseOptions } from "./options";
import { checkOutput, contentWriter, fileIn, writeOutputs } from "./output";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";
import { loadHighsModule } from "../workbook/supply/highsProvider";

export const SHARE_USAGE = `usage: aps share BOOK.xlsx --partner NAME --out PKG.xlsx [--book-out BOOK2.xlsx] [--deadline YYYY-MM-DD] [--user NAME]
  --partner NAME   the Owner whose stages the package holds; repeat it, or give "*" for every partner,
                   to share with several at once (then --out is a folder)
  --out PKG.xlsx   the package to send (a new workbook: values only, nothing of other partners, no costs)
  --book-out FILE  record the share in FILE instead of updating BOOK.xlsx in place
  --deadline DATE  response deadline (default: the Response Days setting, 7 days)`;

/** Runs `aps share`; returns the exit status. */
export async function shareCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions("share", args, {
    partner: { type: "string", multiple: true }, out: { type: "string" }, "book-out": { type: "string" }, deadline: { type: "string" },
    user: { type: "string" }, now: { type: "string" }, help: { type: "boolean" },
  });
  const v = parsed.values;
  if (v.help) throw new CliInputError(SHARE_USAGE);
  if (parsed.positionals.length !== 1) throw new CliInputError(`aps share takes one BOOK.xlsx (got ${parsed.positionals.length}).\n${SHARE_USAGE}`);
  const file = parsed.positionals[0];
  if (!file.toLowerCase().endsWith(".xlsx")) throw new CliInputError(`${file}: the buyer's workbook must be an .xlsx file.`);
  const partners = (v.partner ?? []).map((p) => p.trim()).filter((p) => p !== "");
  if (partners.length === 0) throw new CliInputError(`aps share needs --partner NAME.\n${SHARE_USAGE}`);
  const many = partners.length > 1 || partners[0] === "*";
  if (!v.out) throw new CliInputError(`aps share needs --out ${many ? "FOLDER" : "PKG.xlsx"}.\n${SHARE_USAGE}`);
  if (!many && !v.out.toLowerCase().endsWith(".xlsx")) throw new CliInputError(`${v.out}: --out writes an .xlsx package.`);
  if (many && v.out.toLowerCase().endsWith(".xlsx")) throw new CliInputError(`${v.out}: with several partners --out names a folder for their packages.`);
  const givenBookOut = v["book-out"];
  if (givenBookOut !== undefined && !givenBookOut.toLowerCase().endsWith(".xlsx")) throw new CliInputError(`${givenBookOut}: --book-out writes an .xlsx workbook.`);
  if (givenBookOut !== undefined && samePath(givenBookOut, v.out)) throw new CliInputError(`${givenBookOut}: --book-out must differ from --out.`);
  if (v.deadline !== undefined) {
    const problem = calendarDateProblem(v.deadline.trim());
    if (problem !== null) throw new CliInputError(`--deadline: "${v.deadline}" is not a calendar date (${problem}); give a date such as 2027-02-28.`);
  }
  const now = runTime(v.now);
  await requireFile(file);
  // Both targets are checked before any work; the book is rewritten in place when --book-out is not given.
  const packages = await checkOutput(v.out, { inputs: givenBookOut === undefined ? [file] : [file, givenBookOut], folder: many });
  const bookTarget = givenBookOut === undefined
    ? await checkOutput(file, { flag: "the buyer's workbook (in place; or give --book-out FILE)" })
    : await checkOutput(givenBookOut, { flag: "--book-out", inputs: [file] });
  const book = await openBook(file);
  if (givenBookOut === undefined) {
    const lost = await partsLostOnRewrite(file);
    if (lost.length > 0) {
      throw new CliInputError(`${file}: holds ${lost.slice(0, 3).join(", ")}${lost.length > 3 ? ` and ${lost.length - 3} more` : ""}, which rewriting it would lose; record the share in a copy with --book-out FILE.`);
    }
  }
  const outcome = await shareWithPartners(book, partners, { now, user: auditUser(v.user), deadline: v.deadline?.trim() ?? null, lpSolver: loadHighsModule });
  if (!outcome.ok) {
    io.stderr(outcome.errors.map((e) => `${file}: ${e}`).join("\n") + `\n${file}: nothing was written.\n`);
    return EXIT_BAD_INPUT;
  }
  const recorded = xlsxWorkbookFrom(book.workbook);
  await recorded.writeResultSheets(outcome.sheets);
  const written = outcome.packages.map((shared) => (many ? fileIn(packages, shared.fileName) : packages));
  // The packages and the buyer's record are written together: all of them, or none.
  await writeOutputs([
    ...outcome.packages.map((shared, k) => ({ target: written[k], write: contentWriter(shared.bytes) })),
    { target: bookTarget, write: (tmp: string) => recorded.saveAs(tmp) },
  ]);
  outcome.packages.forEach((shared, k) => {
    const h = shared.package.header;
    const periods = shared.package.tables.find((t) => t.name === "Period Requests");
    io.stdout(`Shared with ${h.partner} (${shared.package.role}): package ${h.id}, plan version ${h.version}, ${shared.package.stages.length} stage(s)${periods ? `, ${periods.rows.length} period request(s)` : ""}, deadline ${h.deadline}.\n`);
    io.stdout(`  SHA-256 of the issued values: ${shared.package.hash}\n  Wrote ${written[k].path}\n`);
  });
  io.stdout(`Recorded the share${outcome.packages.length > 1 ? "s" : ""} (Shares, Audit, Collaboration) in ${bookTarget.path}.\n`);
  return EXIT_OK;
}
