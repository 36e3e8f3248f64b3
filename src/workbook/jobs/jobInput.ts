// What every job reads of its input alike: a table by name (whatever the case of its key), the
// objective option, and its refusals: a message, or a reader's input problems one exception each.

import { isPlanningInputError } from "../../engine/errors";
import type { ShopObjective } from "../../engine/reschedule/shop";
import type { TableData } from "../port";
import { inputErrorExceptions } from "../tables/problems";
import type { JobInput, JobOutput } from "./types";

/** The table of that name in the job's input, whatever the case of its key; null when absent. */
export function tableOf(input: JobInput, name: string): TableData | null {
  const key = Object.keys(input.tables).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : input.tables[key] ?? null;
}

/** The Objective option: "makespan", "tardiness" (or its engine name); anything else (auto) is undefined. */
export function objectiveOption(value: unknown): ShopObjective | undefined {
  if (value === "makespan") return "makespan";
  if (value === "tardiness" || value === "totalWeightedTardiness") return "totalWeightedTardiness";
  return undefined;
}

/** A refusal with one message (a missing table, an option left blank). */
export function refusedJob(message: string, where: string | null = null): JobOutput {
  return { status: "invalid", cards: [], exceptions: [{ severity: "error", where, message }], sheets: [] };
}

/** Runs a job's body; a reader's input error refuses it with every problem as its own exception. */
export function orInputProblems(run: () => JobOutput): JobOutput {
  try {
    return run();
  } catch (error) {
    if (isPlanningInputError(error)) return { status: "invalid", cards: [], exceptions: inputErrorExceptions(error), sheets: [] };
    throw error;
  }
}
