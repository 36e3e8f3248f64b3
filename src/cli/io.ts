// What a command of the `aps` CLI may touch: its arguments, output streams and exit code.
// Commands take this instead of `process`, so tests run them in-process.

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
