// Big input tables for the Excel adapter's read tests and benchmark: Operations rows of long, varied
// text (accents, CJK), numbers, dates, errors, text that looks like a formula, and blanks.

export const OPERATIONS_HEADERS = ["Job", "Operation", "Machine", "Duration", "Release", "Rush"];

/** `count` Operations rows; row r is the same every time. */
export function operationsRows(count: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 0; r < count; r++) {
    rows.push([
      `Job ${r} for Müller & Söhne, 東京 plant: ${"long routing description ".repeat(3 + (r % 7))}`,
      r % 17 === 0 ? "=SUM(A1:A9)" : r % 19 === 0 ? "+44 20 7946 0000" : r % 31 === 0 ? "@home" : `Op ${r % 40}`,
      `Machine ${"M".repeat(r % 40)}`,
      r % 23 === 0 ? "#N/A" : r % 29 === 0 ? "#DIV/0!" : 1 + (r % 97) / 4,
      45292 + r / 24,
      r % 13 === 0 ? null : r % 2 === 0,
    ]);
  }
  return rows;
}

/** Demand History rows: `stages` stages with names of about 95 characters, one quantity per period. */
export function demandHistoryRows(count: number, stages = 50): unknown[][] {
  return Array.from({ length: count }, (_, r) => [`Stage ${r % stages} ${"of the long bill of materials ".repeat(3)}`, 1 + Math.floor(r / stages), 10 + (r % 7)]);
}
