// A read-only workbook port over tables already read (the worker's view of the workbook), so a
// job can reuse the same table readers as the adapters.

import type { ResultSheet, TableData, WorkbookPort } from "../port";

/** A port whose readTable answers from `tables` (case-insensitive) and that refuses writes. */
export function memoryPort(tables: Record<string, TableData | null>): WorkbookPort {
  const byName = new Map<string, TableData>();
  for (const [name, table] of Object.entries(tables)) if (table) byName.set(name.toLowerCase(), table);
  return {
    async readTable(name: string): Promise<TableData | null> {
      return byName.get(name.toLowerCase()) ?? null;
    },
    async writeResultSheets(_sheets: ResultSheet[]): Promise<void> {
      throw new Error("A job returns its sheets; the main thread writes them.");
    },
  };
}
