// The `aps` command line (FORMATS.md §5): dispatches to `plan` and `schedule`, maps failures to
// exit statuses (0 done, 2 bad input, 1 a fault of the program).

import { CliInputError, CliIo, EXIT_BAD_INPUT, EXIT_FAULT } from "./io";
import { isPlanningInputError } from "../engine/errors";
import { planCommand } from "./planCommand";
import { scheduleCommand } from "./scheduleCommand";
import { version } from "../../package.json";

const USAGE = `APS for Excel — advanced planning and scheduling
usage:
  aps --version
  aps plan FILE [--out OUT] [--json]
  aps schedule FILE [--time-limit SECONDS] [--iterations N] [--seed N] [--json]
Exit status: 0 done, 2 bad input, 1 a fault of the program.`;

/** Runs the command line; returns the exit status. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "plan":
        return await planCommand(rest, io);
      case "schedule":
        return await scheduleCommand(rest, io);
      case "--version":
      case "-v":
      case "version":
        io.stdout(`aps ${version}\n`);
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE + "\n");
        return command === undefined ? EXIT_BAD_INPUT : 0;
      default:
        io.stderr(`aps: unknown command "${command}".\n${USAGE}\n`);
        return EXIT_BAD_INPUT;
    }
  } catch (error) {
    if (error instanceof CliInputError || isPlanningInputError(error)) {
      io.stderr(`${(error as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`aps: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_FAULT;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((status) => {
    process.exitCode = status;
  });
}
