// `aps audit BOOK.xlsx` (docs/formats.md §9): verifies the hash chain of the Audit sheet; exit 0 intact,
// 2 broken (the message names the row).

import { verifyBookAudit } from "../workbook/collaborate/auditCheck";
import { openBook } from "./collaborateFiles";
import { parseOptions } from "./options";
import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_OK } from "./io";

export const AUDIT_USAGE = "usage: aps audit BOOK.xlsx\n  verifies the Audit sheet's hash chain (exit 0 intact, 2 broken)";

/** Runs `aps audit`; returns the exit status. */
export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseOptions("audit", args, { help: { type: "boolean" } });
  if (parsed.values.help) throw new CliInputError(AUDIT_USAGE);
  if (parsed.positionals.length !== 1) throw new CliInputError(`aps audit takes one BOOK.xlsx (got ${parsed.positionals.length}).\n${AUDIT_USAGE}`);
  const file = parsed.positionals[0];
  const verdict = await verifyBookAudit(await openBook(file));
  if (!verdict.ok) {
    io.stderr(`${file}: ${verdict.where ? `${verdict.where}: ` : ""}the audit trail is broken. ${verdict.message}\n`);
    return EXIT_BAD_INPUT;
  }
  io.stdout(`${file}: ${verdict.message}\n`);
  return EXIT_OK;
}
