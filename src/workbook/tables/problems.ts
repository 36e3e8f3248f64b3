// Input problems from a reader's PlanningInputError to the pane: one JobException per problem record,
// each with its own cell, so Check lists every problem and its count is the number of problems.

import type { PlanningInputError } from "../../engine/errors";
import { type InputProblem, problemLine } from "../../engine/inputErrors";
import type { JobException } from "../jobs/types";

/**
 * The problem records of an error: the reader's own (every one), or one record made of the error's
 * place and message when the reader kept none (its message then starts with the place, dropped here).
 */
export function problemsOf(error: PlanningInputError): InputProblem[] {
  if (error.problems && error.problems.length > 0) return [...error.problems];
  const where = error.where ?? null;
  const message = where !== null && error.message.startsWith(`${where}: `) ? error.message.slice(where.length + 2) : error.message;
  return [{ where, table: null, row: null, field: error.input ?? null, message }];
}

/** True when a place is a workbook cell or range the pane can select ("Operations!D7"). */
const isCell = (where: string | null): where is string => where !== null && where.includes("!");

/** A problem as the pane shows it: a cell stays clickable; another place (a sheet, a file line) goes before the message. */
export function problemException(problem: InputProblem): JobException {
  if (problem.cell !== undefined) {
    // A place that says more than its cell: the cell is selected, the place stays in the message.
    const message = problem.where === problem.cell ? problem.message : problemLine(problem);
    return { severity: "error", where: problem.cell, message, ...(problem.field ? { field: problem.field } : {}) };
  }
  const exception: JobException = {
    severity: "error",
    where: isCell(problem.where) ? problem.where : null,
    message: isCell(problem.where) || problem.where === null ? problem.message : `${problem.where}: ${problem.message}`,
  };
  if (problem.field) exception.field = problem.field;
  return exception;
}

/** Every problem of an input error as the pane's exceptions, one each. */
export function inputErrorExceptions(error: PlanningInputError): JobException[] {
  return problemsOf(error).map(problemException);
}
