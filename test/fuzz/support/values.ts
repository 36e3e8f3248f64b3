// Odd values a hurried user's file holds: numbers of every size (NaN, ±Infinity, 1e308, 1e-308, -0),
// numbers as text, unicode and control characters, very long strings, and values of the wrong type.

import fc from "fast-check";

/** Numbers at and past every edge. */
export const edgeNumber = fc.constantFrom(0, -0, 1, -1, 2, 0.5, 0.95, 1e308, -1e308, 1e-308, -1e-308, 5e-324, Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER, 1e9, 1e10, 1e12, 1e-9, 1e-10, 1 - 1e-12, NaN, Infinity, -Infinity);

/** Plausible figures of a plan (rates, times, costs). */
export const plausibleNumber = fc.oneof(
  fc.double({ min: 0.01, max: 500, noNaN: true }),
  fc.integer({ min: 0, max: 100 }),
  fc.constantFrom(0.9, 0.95, 0.99),
);

export const anyNumber = fc.oneof(
  { weight: 6, arbitrary: plausibleNumber },
  { weight: 2, arbitrary: edgeNumber },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: -1 }) },
);

/** Control characters, lone surrogates, right-to-left marks, emoji and other unicode. */
export const oddCharacters = fc.constantFrom("\u0000", "\u0007", "\t", "\r", "\n", "\u001b[31m", "\u007f", "\ud800", "\udc00", "\ufffe",
  "\u200f", "\u202e", "é", "漢字", "🙂", "ß", "\u00a0", "'", '"', "\\", "=", "+", "-", "@", "#N/A", "'=1+1");

/** Text: names, numbers as text, odd characters, very long strings, formulas as text. */
export const oddText = fc.oneof(
  { weight: 8, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom("12", " 3.5 ", "1e3", "1,5", "10%", "", "   ", "TRUE", "false", "NaN", "Infinity", "-0", "1e308", "null", "#N/A", "#DIV/0!", "=A1*2", "+1", "@SUM(A1)") },
  { weight: 2, arbitrary: fc.tuple(fc.string({ maxLength: 4 }), oddCharacters, fc.string({ maxLength: 4 })).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom(201, 1000, 5000).map((n) => "x".repeat(n)) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 10 }) },
);

/** A value of any JSON type, nested a little. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    anyNumber, oddText, fc.boolean(), fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** A field's value: mostly right, sometimes any odd thing. */
export function fieldValue(right: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 2, arbitrary: anyNumber }, { weight: 1, arbitrary: oddText }, { weight: 1, arbitrary: anyJson });
}

/** `arbitrary`'s values with weight `present`, undefined with weight `absent`. */
export function sometimes<T>(arbitrary: fc.Arbitrary<T>, present: number, absent: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: present, arbitrary }, { weight: absent, arbitrary: fc.constant(undefined) });
}

/** A record with each field maybe left out, maybe odd: `fields` maps a key to its right values. */
export function oddRecord(fields: Record<string, fc.Arbitrary<unknown>>, extraKeys: string[] = []): fc.Arbitrary<Record<string, unknown>> {
  const entries: [string, fc.Arbitrary<unknown>][] = Object.entries(fields).map(([key, right]) => [key, sometimes(fieldValue(right), 3, 2)]);
  const extras: [string, fc.Arbitrary<unknown>][] = extraKeys.map((key) => [key, sometimes(anyJson, 1, 12)]);
  return fc.record(Object.fromEntries([...entries, ...extras])).map((record) =>
    Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)));
}
