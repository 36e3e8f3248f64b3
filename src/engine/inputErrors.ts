// Collects every input error of a reader before stopping, so a user sees them all at once
// (docs/errors.md): the first INPUT_LIMITS.errorsShown in full, then a count of the rest.

import { PlanningInputError } from "./errors";
import { capMessages } from "./limits";

/**
 * One input problem as a record, from the reader to the command's line and the pane's row: the
 * place, the table, the row, the user's field name and why. The command prints `where: message`.
 */
export interface InputProblem {
  /** The place: a cell ("Operations!D7", "'Demand History'!C3"), a sheet, a file line ("ft10.txt line 3"), or null. */
  where: string | null;
  /** The table's name as the user sees it ("Operations"), or null. */
  table: string | null;
  /** The 0-based index of the data row in its table, or null when the problem is the table's or the file's. */
  row: number | null;
  /** The user's header of the field ("Duration"), or null. */
  field: string | null;
  /** Why, without the place ("Duration must be a number (got \"long\")."). */
  message: string;
  /** The cell to select when `where` says more than a cell ("Scenarios!E4 (scenario \"A\" sets Stages!C5)"). */
  cell?: string;
}

/** Where a problem sits in a table, beyond its place. */
export interface ProblemPosition {
  table: string | null;
  row: number | null;
  field: string | null;
}

/** A problem's line as the command prints it: "where: message". */
export function problemLine(problem: InputProblem): string {
  return problem.where ? `${problem.where}: ${problem.message}` : problem.message;
}

/** A run refused for its input: every problem as a record, the command's lines (capped) and their count. */
export interface InputRefusal {
  ok: false;
  /** The command's lines: the first INPUT_LIMITS.errorsShown in full, then a line counting the rest. */
  errors: string[];
  errorCount: number;
  problems: InputProblem[];
}

/** The refusal of these problems (every record kept; the lines derived from them). */
export function inputRefusal(problems: readonly InputProblem[]): InputRefusal {
  return { ok: false, errors: capMessages(problems.map(problemLine)), errorCount: problems.length, problems: [...problems] };
}

/** Input errors found so far; `throwIfAny` stops with all of them in one PlanningInputError. */
export class InputErrorList {
  private readonly records: InputProblem[] = [];
  private readonly messages: string[] = [];
  private firstInput: string | undefined;
  private firstWhere: string | undefined;

  /** Records one error; `where` is its place ("Operations!D7", "ft10.txt line 3"), put before the message. */
  add(where: string, message: string, input?: string, position?: ProblemPosition): void {
    if (this.messages.length === 0) {
      this.firstInput = input;
      this.firstWhere = where;
    }
    this.messages.push(`${where}: ${message}`);
    this.records.push({ where, table: position?.table ?? null, row: position?.row ?? null, field: position?.field ?? input ?? null, message });
  }

  /** Every problem recorded, in order (not capped). */
  get problems(): readonly InputProblem[] {
    return this.records;
  }

  /** Every problem as its line ("where: message"), in order (not capped). */
  get lines(): readonly string[] {
    return this.messages;
  }

  get count(): number {
    return this.messages.length;
  }

  /** Throws one PlanningInputError whose message lists every error, one per line (capped), and whose `problems` holds every record. */
  throwIfAny(): void {
    if (this.messages.length === 0) return;
    const lines = capMessages(this.messages);
    throw new PlanningInputError(lines.join("\n"), this.firstInput, this.firstWhere, this.records);
  }
}
