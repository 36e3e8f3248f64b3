// The Settings table (Name / Value rows; one table serves every feature, docs/formats.md) as every
// reader sees it: its entries with their cells, a name given twice refused naming both rows, and a
// name one or two letters off a known one reported with the name meant, as misspelt headers are.

import type { InputProblem } from "../../engine/inputErrors";
import { closestName } from "../../engine/nearMiss";
import { normaliseName, SETTING_FIELDS } from "../../engine/network/fields";
import { type CellValue, type TableData, tableCellAddress } from "../port";

/**
 * Every setting name a feature reads (docs/formats.md §1, §6, §8, §9). A feature that reads a new
 * setting adds its name here, so that misspellings of it are reported and not taken for another.
 */
export const KNOWN_SETTING_NAMES: string[] = [
  ...SETTING_FIELDS.map((f) => f.name),
  "forecastHorizon", "seasonLength", "forecastErrorThreshold", "abcCutoffA", "abcCutoffB", "xyzCutoffX", "xyzCutoffY", "reconciliationTolerance",
  "disruptionWeight", "shiftWeight", "atRiskSlack",
  "Buyer", "Private Columns", "Response Days",
];

/** One row of the Settings table. */
export interface SettingEntry {
  /** The name as typed (trimmed). */
  name: string;
  /** The name compared: case, spaces, underscores and hyphens ignored ("privatecolumns"). */
  key: string;
  value: CellValue;
  /** 0-based data row. */
  row: number;
  nameCell: string;
  valueCell: string;
}

export interface SettingsRead {
  entries: SettingEntry[];
  /** A name given twice, a name that looks like a known one misspelt: each at its Name cell. */
  problems: InputProblem[];
  /** The Value column (0-based), or -1 when the table has none. */
  valueColumn: number;
}

const columnOf = (table: TableData, header: string) => table.headers.findIndex((h) => normaliseName(String(h ?? "")) === normaliseName(header));

/**
 * The rows of a Settings table with a name (blank names skipped), and its problems.
 * @example settingsEntries(table).problems[0].message // 'setting "periodsPerYear" is given twice (also in Settings!A3); keep one row.'
 */
export function settingsEntries(table: TableData | null | undefined, known: readonly string[] = KNOWN_SETTING_NAMES): SettingsRead {
  if (!table) return { entries: [], problems: [], valueColumn: -1 };
  const nameColumn = columnOf(table, "Name");
  const valueColumn = columnOf(table, "Value");
  if (nameColumn < 0 || valueColumn < 0) return { entries: [], problems: [], valueColumn };
  const entries: SettingEntry[] = [];
  const problems: InputProblem[] = [];
  const add = (entry: SettingEntry, message: string) => problems.push({ where: entry.nameCell, table: table.name, row: entry.row, field: "Name", message });
  const first = new Map<string, SettingEntry>();
  const knownKeys = new Set(known.map(normaliseName));
  table.rows.forEach((row, r) => {
    const raw = row[nameColumn];
    if (raw === null || String(raw).trim() === "") return;
    const name = String(raw).trim().normalize("NFC");
    const entry: SettingEntry = { name, key: normaliseName(name), value: row[valueColumn] ?? null, row: r, nameCell: tableCellAddress(table, r, nameColumn), valueCell: tableCellAddress(table, r, valueColumn) };
    const earlier = first.get(entry.key);
    if (earlier) {
      add(entry, `setting "${name}" is given twice (also in ${earlier.nameCell}); keep one row.`);
      return;
    }
    first.set(entry.key, entry);
    entries.push(entry);
    if (!knownKeys.has(entry.key)) {
      const meant = closestName(name, known);
      if (meant !== null) add(entry, `setting "${name}" is not known; did you mean "${meant}"?`);
    }
  });
  return { entries, problems, valueColumn };
}
