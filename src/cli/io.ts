// What a command of the `aps` CLI may touch: its arguments, output streams and exit code.
// Commands take this instead of `process`, so tests run them in-process.

import { isPlanningInputError } from "../engine/errors";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Progress of a long run (a line each, to standard error in a terminal or a pipe). Optional: the
   * in-process tests leave it out, so what they read of standard error is only its messages.
   */
  progress?(text: string): void;
}

/** Bad input (exit 2): the message names the file, sheet, row and column. */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliInputError";
  }
}

/** Exit statuses of docs/formats.md §5. */
export const EXIT_OK = 0;
export const EXIT_FAULT = 1;
export const EXIT_BAD_INPUT = 2;

/** The exit status of an error a command threw: bad input is its message and 2; anything else a fault of the program, its stack and 1. */
export function failureStatus(error: unknown, io: CliIo, name: string): number {
  if (error instanceof CliInputError || isPlanningInputError(error)) {
    io.stderr(`${(error as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
  io.stderr(`${name}: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT_FAULT;
}

/** A command whose thrown errors become its exit status (failureStatus). */
export function guardedCommand(name: string, run: (args: string[], io: CliIo) => Promise<number>): (args: string[], io: CliIo) => Promise<number> {
  return async (args, io) => {
    try {
      return await run(args, io);
    } catch (error) {
      return failureStatus(error, io, name);
    }
  };
}
