// Whether an opened file looks like a partner package (its sheet names), before ExcelJS reads it.

/** True when a file's sheets are those of a package (the form reader then decides). */
export function looksLikePackage(sheets: readonly string[]): boolean {
  const names = new Set(sheets.map((s) => s.toLowerCase()));
  return names.has("package") && names.has("commitments");
}
