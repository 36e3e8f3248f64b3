// The Demand History table (Stage, Period, Quantity; docs/formats.md §6): its one header lookup (the
// forecast's reader uses it too) and its rows with the cell of each value for the simulator. No table: no rows.

import type { HistoryRow } from "../../engine/simulate/demandHistory";
import { normaliseName } from "../../engine/network/fields";
import type { InputProblem } from "../../engine/inputErrors";
import { tableCellAddress, type TableData, type WorkbookPort } from "../port";
import { markedCellProblems } from "../tables/cellMarks";

export interface DemandHistoryRead {
  rows: HistoryRow[];
  problems: InputProblem[];
}

/**
 * The one header lookup of the Demand History table, for the forecast's and the simulation's reading:
 * the Stage, Period and Quantity columns, and a problem naming the header row when any is missing.
 */
export function demandHistoryColumns(table: TableData): { columns: { stage: number; period: number; quantity: number }; missing: InputProblem | null } {
  const column = (name: string) => table.headers.findIndex((h) => normaliseName(String(h ?? "")) === normaliseName(name));
  const columns = { stage: column("Stage"), period: column("Period"), quantity: column("Quantity") };
  const missing = Object.entries(columns).filter(([, c]) => c < 0).map(([name]) => `"${name.charAt(0).toUpperCase() + name.slice(1)}"`);
  return {
    columns,
    missing: missing.length === 0 ? null : { where: table.sheet, table: table.name, row: null, field: null, message: `the Demand History table has no ${missing.join(", ")} column (its header row is row ${table.headerRow}).` },
  };
}

/** The Demand History rows of the workbook, or a problem naming the header row when a column is missing. */
export async function readDemandHistory(port: WorkbookPort): Promise<DemandHistoryRead> {
  const table = await port.readTable("Demand History");
  if (!table) return { rows: [], problems: [] };
  const { columns, missing } = demandHistoryColumns(table);
  if (missing) return { rows: [], problems: [missing] };
  // Excel's quirks: a formula without a saved value anywhere, a date in Quantity (Period may be one).
  const marked = markedCellProblems(table, [
    { column: columns.stage, field: "Stage", meaning: "text" }, { column: columns.period, field: "Period", meaning: "date" }, { column: columns.quantity, field: "Quantity", meaning: "number" },
  ]);
  return {
    problems: marked,
    rows: table.rows.map((row, r) => ({
      stage: row[columns.stage] ?? null,
      period: row[columns.period] ?? null,
      quantity: row[columns.quantity] ?? null,
      where: {
        stage: tableCellAddress(table, r, columns.stage),
        period: tableCellAddress(table, r, columns.period),
        quantity: tableCellAddress(table, r, columns.quantity),
      },
    })),
  };
}
