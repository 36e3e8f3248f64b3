// Collects every input error of a reader before stopping, so a user sees them all at once
// (docs/errors.md): the first INPUT_LIMITS.errorsShown in full, then a count of the rest.

import { PlanningInputError } from "./errors";
import { capMessages } from "./limits";

/** Input errors found so far; `throwIfAny` stops with all of them in one PlanningInputError. */
export class InputErrorList {
  private readonly messages: string[] = [];
  private firstInput: string | undefined;
  private firstWhere: string | undefined;

  /** Records one error; `where` is its place ("Operations!D7", "ft10.txt line 3"), put before the message. */
  add(where: string, message: string, input?: string): void {
    if (this.messages.length === 0) {
      this.firstInput = input;
      this.firstWhere = where;
    }
    this.messages.push(`${where}: ${message}`);
  }

  get count(): number {
    return this.messages.length;
  }

  /** Throws one PlanningInputError whose message lists every error, one per line (capped). */
  throwIfAny(): void {
    if (this.messages.length === 0) return;
    const lines = capMessages(this.messages);
    throw new PlanningInputError(lines.join("\n"), this.firstInput, this.firstWhere);
  }
}
