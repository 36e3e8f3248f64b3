// What a cell, and an argument, can hold when Excel calls a custom function: numbers of every size,
// text (numeric-looking too), booleans, blanks, error values, and ranges of any shape (ragged and
// empty ones included, which Excel never sends but a caller might).
import fc from "fast-check";

const ERROR_CODES = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#GETTING_DATA"];

/** An Excel error value as the runtime passes it (a { code, message? } object, or an Error with a code). */
export const errorCell = fc.tuple(fc.constantFrom(...ERROR_CODES), fc.option(fc.string(), { nil: undefined }), fc.boolean()).map(([code, message, asError]) => {
  if (asError) return Object.assign(new Error(message ?? ""), { code });
  return message === undefined ? { code } : { code, message };
});

export const numberCell = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: 1e-3, max: 1e4, noNaN: true }) }, // plausible
  { weight: 2, arbitrary: fc.double({ min: 0.001, max: 0.999, noNaN: true }) }, // probabilities, small times
  { weight: 1, arbitrary: fc.double() }, // anything, NaN and ±Infinity included
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, -1, 1e308, -1e308, 1e-308, 5e-324, Number.MAX_VALUE, 0.5, 0.95, 1 - 1e-9, 1e-9, 2) },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 1000 }) },
);

export const textCell = fc.oneof(
  fc.string(),
  fc.constantFrom("12", " 3.5 ", "1e3", "", "   ", "TRUE", "#N/A", "classic", "backorder", "production", "production-backorder", "lead-time", "PRODUCTION", " Lead-Time "),
);

export const blankCell = fc.constantFrom(null, undefined, "");

export const cell = fc.oneof(
  { weight: 8, arbitrary: numberCell },
  { weight: 1, arbitrary: textCell },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: blankCell },
  { weight: 1, arbitrary: errorCell },
);

const shapedRange = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, cols]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));

const raggedRange = fc.array(fc.array(cell, { minLength: 0, maxLength: 4 }), { minLength: 1, maxLength: 4 });

/** One argument: a 1×1 range (what Excel sends for a value), a range of any shape, or something odd. */
export const argument = fc.oneof(
  { weight: 8, arbitrary: cell.map((c) => [[c]]) },
  { weight: 3, arbitrary: shapedRange },
  { weight: 1, arbitrary: raggedRange },
  { weight: 1, arbitrary: fc.constantFrom([], [[]], null, undefined) },
  { weight: 1, arbitrary: cell }, // a bare scalar
);

/** n arguments. */
export const argumentsOf = (n: number) => fc.array(argument, { minLength: n, maxLength: n });
