// The values the workbook already knows for an option (the partners in Stages' Owner column, the jobs
// of Operations): read from the tables the pane has, so a picker can offer them. Pure.

import type { WorkbookJob } from "../workbook/jobs/types";
import type { TableData } from "../workbook/port";

/** "Stages.Owner": the key of a column's values in the pane's state. */
export const choiceKey = (source: { table: string; column: string }): string => `${source.table}.${source.column}`;

const key = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, "");

/** Every table and column the jobs' options take their choices from. */
export function choiceSources(jobs: readonly WorkbookJob[]): { table: string; column: string }[] {
  const seen = new Map<string, { table: string; column: string }>();
  for (const job of jobs) for (const o of job.options) if (o.choicesFrom) seen.set(choiceKey(o.choicesFrom), o.choicesFrom);
  return [...seen.values()];
}

/** The distinct non-blank values of each source column, in the order they first appear (none when the table or column is missing). */
export function columnChoices(tables: Record<string, TableData | null | undefined>, sources: readonly { table: string; column: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const source of sources) {
    const name = Object.keys(tables).find((t) => key(t) === key(source.table));
    const table = name === undefined ? null : tables[name];
    const column = table ? table.headers.findIndex((h) => key(h) === key(source.column)) : -1;
    if (!table || column < 0) {
      out[choiceKey(source)] = [];
      continue;
    }
    const values = new Set<string>();
    for (const row of table.rows) {
      const v = row[column];
      if (v !== null && v !== undefined && String(v).trim() !== "") values.add(String(v).trim());
    }
    out[choiceKey(source)] = [...values];
  }
  return out;
}
