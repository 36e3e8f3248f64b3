// Where each result sheet goes: a sheet the add-in owns is replaced whole; a user's sheet of the
// same name is never touched, ours takes the first free "Name (2)", "Name (3)", ... instead.

import type { WriteReport } from "./paneWorkbook";

/** A sheet already in the workbook, and whether the add-in marked it as its own. */
export interface ExistingSheet {
  name: string;
  owned: boolean;
}

/** Where one requested sheet goes: the name used and the owned sheet it replaces (or null: new). */
export interface SheetPlacement {
  requested: string;
  name: string;
  replaces: string | null;
}

const MAX_SHEET_NAME = 31;

function candidate(name: string, k: number): string {
  if (k === 1) return name;
  const suffix = ` (${k})`;
  return name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
}

/**
 * The name each sheet is written under. Names compare case-insensitively, as Excel does.
 * @example placeSheets(["Plan"], [{ name: "Plan", owned: false }]) // [{ requested: "Plan", name: "Plan (2)", replaces: null }]
 */
export function placeSheets(requested: readonly string[], existing: readonly ExistingSheet[]): SheetPlacement[] {
  const byName = new Map(existing.map((s) => [s.name.toLowerCase(), s]));
  const taken = new Set<string>();
  return requested.map((name) => {
    for (let k = 1; ; k++) {
      const tryName = candidate(name, k);
      const key = tryName.toLowerCase();
      if (taken.has(key)) continue;
      const sheet = byName.get(key);
      if (sheet && !sheet.owned) continue;
      taken.add(key);
      return { requested: name, name: tryName, replaces: sheet ? sheet.name : null };
    }
  });
}

/** The report of a write made under these placements. */
export function writeReport(placements: readonly SheetPlacement[]): WriteReport {
  const renamed: Record<string, string> = {};
  for (const p of placements) if (p.name !== p.requested) renamed[p.requested] = p.name;
  return { written: placements.map((p) => p.name), renamed };
}

/** The name of the workbook-level defined name that lists the sheets the add-in owns (A1 of each). */
export const OWNED_NAME = "APS_OWNED";

/** The sheet names a defined name's reference lists ("=Plan!$A$1,'Schedule Jobs'!$A$1"). */
export function sheetsOfReference(reference: string): string[] {
  const text = reference.replace(/^=/, "");
  const sheets: string[] = [];
  const pattern = /('(?:[^']|'')+'|[^,!']+)!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?/gi;
  for (const match of text.matchAll(pattern)) {
    const raw = match[1].trim();
    sheets.push(raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw);
  }
  return sheets;
}
