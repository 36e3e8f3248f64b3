// Empty cells of APS.PLAN's ranges, told apart from typed zeros. Excel for Windows and Mac passes an
// empty cell as 0 and Excel on the web as null; the shared runtime may read the workbook, so the
// ranges are read by reference (their value types) and every empty cell is passed on as null, as on
// the web. Without addresses or Excel (an array constant, jest, a browser) the values stay as given.

/* global Excel */

/** "Sheet1!A1:F20", "'My sheet'!A1:F20" → sheet name and range address; null when not a sheet range. */
export function splitAddress(address: string): { sheet: string; range: string } | null {
  const bang = address.lastIndexOf("!");
  if (bang <= 0) return null;
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  sheet = sheet.replace(/^\[[^\]]*\]/, ""); // a workbook prefix "[Book1]Sheet1"
  const range = address.slice(bang + 1);
  return sheet && /^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i.test(range) ? { sheet, range } : null;
}

/** `values` with every cell whose value type is "Empty" set to null (shapes must agree, else unchanged). */
export function blanksByValueType(values: unknown[][], valueTypes: string[][]): unknown[][] {
  if (valueTypes.length !== values.length || valueTypes.some((row, r) => !Array.isArray(values[r]) || row.length !== values[r].length)) return values;
  return values.map((row, r) => row.map((cell, c) => (valueTypes[r][c] === "Empty" ? null : cell)));
}

interface ExcelLike {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

function excel(): ExcelLike | null {
  const global = (globalThis as { Excel?: Partial<ExcelLike> }).Excel;
  return global && typeof global.run === "function" ? (global as ExcelLike) : null;
}

/**
 * The range arguments with their empty cells as null, read by reference in one Excel.run; an
 * argument with no address (or when Excel cannot be read) is returned as given. Never throws.
 */
export async function withReferenceBlanks(args: unknown[], addresses: (string | null | undefined)[] | undefined): Promise<unknown[]> {
  const api = excel();
  if (!api || !addresses) return args;
  const places = args.map((arg, i) => (Array.isArray(arg) && typeof addresses[i] === "string" ? splitAddress(addresses[i] as string) : null));
  if (places.every((p) => p === null)) return args;
  try {
    const types = await api.run(async (context) => {
      const ranges = places.map((place) => {
        if (!place) return null;
        const range = context.workbook.worksheets.getItem(place.sheet).getRange(place.range);
        range.load("valueTypes");
        return range;
      });
      await context.sync();
      return ranges.map((range) => (range ? (range.valueTypes as string[][]) : null));
    });
    return args.map((arg, i) => (types[i] ? blanksByValueType(arg as unknown[][], types[i] as string[][]) : arg));
  } catch {
    return args;
  }
}
