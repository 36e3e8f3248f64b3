// The `aps` command line (docs/formats.md §5): dispatches to `plan`, `schedule` and `forecast`, maps failures to
// exit statuses (0 done, 2 bad input, 1 a fault of the program).

import { CliIo, EXIT_BAD_INPUT, failureStatus } from "./io";
import { planCommand } from "./planCommand";
import { scheduleCommand } from "./scheduleCommand";
import { version } from "../../package.json";

// plan and schedule are imported up front; the other commands load when called, so a start (and
// `aps --version`) never pays for the packages they use (ExcelJS, JSZip).
const USAGE = `APS for Excel — advanced planning and scheduling
usage:
  aps --version
  aps plan FILE [--out OUT] [--json] [--placement-method M] [--rate-method R] [--placement-time-limit S] [--default-service-level Z]
  aps plan FILE --scenarios [--out OUT] [--json]      (plans the Scenarios table's variants side by side)
  aps compare A B… [--out OUT] [--json]               (plans network files side by side; A is the base)
  aps schedule FILE [--time-limit SECONDS] [--iterations N] [--seed N] [--json]
  aps reschedule SHOP PUBLISHED --now T [--frozen F] [--time-limit S] [--seed N] [--json] [--out OUT]
  aps reschedule SHOP PUBLISHED --now T --promise JOB [--quantity N]
  aps share BOOK.xlsx --partner NAME --out PKG.xlsx [--book-out BOOK2.xlsx] [--deadline YYYY-MM-DD]
  aps merge BOOK.xlsx RESPONSE.xlsx… --out OUT.xlsx
  aps audit BOOK.xlsx
  aps simulate FILE [--replications N] [--horizon T] [--warmup W] [--seed S] [--mode planned|propagating|capacity] [--json] [--out OUT]
  aps forecast FILE [--horizon H] [--season-length M] [--json] [--out OUT]
  aps supply FILE [--json] [--out OUT] [--time-limit S] [--horizon N] [--frozen-periods N] [--lot-sizing none|mip]
  aps supply FILE --promise STAGE --period T [--quantity Q] [--json]
Exit status: 0 done, 2 bad input, 1 a fault of the program.`;

/** Runs the command line; returns the exit status. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "plan":
        return await planCommand(rest, io);
      case "compare":
        return await (await import("./compareCommand")).compareCommand(rest, io);
      case "schedule":
        return await scheduleCommand(rest, io);
      case "reschedule":
        return await (await import("./rescheduleCommand")).rescheduleCommand(rest, io);
      case "share":
        return await (await import("./shareCommand")).shareCommand(rest, io);
      case "merge":
        return await (await import("./mergeCommand")).mergeCommand(rest, io);
      case "audit":
        return await (await import("./auditCommand")).auditCommand(rest, io);
      case "simulate":
        return await (await import("./simulateCommand")).simulateCommand(rest, io);
      case "forecast":
        return await (await import("./forecastCommand")).forecastCommand(rest, io);
      case "supply":
        return await (await import("./supplyCommand")).supplyCommand(rest, io);
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
    return failureStatus(error, io, "aps");
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    progress: (text) => process.stderr.write(text),
  }).then((status) => {
    process.exitCode = status;
  });
}
