// Generated input files: JSON written as a careless tool writes it (NaN, Infinity as 1e999, -0,
// duplicate keys, deep nesting, a BOM), truncated and garbage files, and mutated text formats.

import fc from "fast-check";
import type { FuzzFile } from "./harness";
import { oddCharacters, oddText } from "./values";

/**
 * JSON text of a value, with the numbers JSON cannot hold written the way tools write them:
 * Infinity as 1e999 (which parses to Infinity), NaN as NaN (not JSON at all), -0 as -0.
 */
export function looseJson(value: unknown, indent = 0): string {
  const pad = (depth: number) => (indent > 0 ? "\n" + " ".repeat(indent * depth) : "");
  const write = (v: unknown, depth: number): string => {
    if (typeof v === "number") {
      if (Number.isNaN(v)) return "NaN";
      if (v === Infinity) return "1e999";
      if (v === -Infinity) return "-1e999";
      if (Object.is(v, -0)) return "-0";
      return String(v);
    }
    if (typeof v === "string" || typeof v === "boolean" || v === null) return JSON.stringify(v);
    if (v === undefined) return "null";
    if (Array.isArray(v)) return `[${v.map((x) => pad(depth + 1) + write(x, depth + 1)).join(",")}${v.length ? pad(depth) : ""}]`;
    const entries = Object.entries(v as Record<string, unknown>);
    return `{${entries.map(([k, x]) => `${pad(depth + 1)}${JSON.stringify(k)}:${write(x, depth + 1)}`).join(",")}${entries.length ? pad(depth) : ""}}`;
  };
  return write(value, 0);
}

/** Ways a JSON text goes wrong on its way to the file. */
const jsonDamage = fc.oneof(
  { weight: 10, arbitrary: fc.constant((text: string) => text) },
  { weight: 1, arbitrary: fc.nat().map((n) => (text: string) => text.slice(0, n % Math.max(1, text.length))) }, // truncated
  { weight: 1, arbitrary: fc.constant((text: string) => "\ufeff" + text) }, // a byte-order mark
  { weight: 1, arbitrary: fc.tuple(fc.nat(), oddCharacters).map(([n, c]) => (text: string) => { const k = n % (text.length + 1); return text.slice(0, k) + c + text.slice(k); }) },
  { weight: 1, arbitrary: fc.constant((text: string) => text.replace(/"id":/, '"id":"dup","id":')) }, // duplicate keys
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((depth) => (text: string) => text.replace(/\]\s*\}\s*$/, `,${"[".repeat(depth)}${"]".repeat(depth)}]}`)) }, // deep nesting
  { weight: 1, arbitrary: fc.constant((text: string) => text + "\n{}") }, // two documents
);

/** A JSON file of `record`s, maybe damaged. */
export function badJsonFile(name: string, record: fc.Arbitrary<unknown>): fc.Arbitrary<FuzzFile> {
  return fc.tuple(record, fc.constantFrom(0, 1), jsonDamage).map(([value, indent, damage]) => ({ name, content: damage(looseJson(value, indent)) }));
}

/** Files that are not what their name says: empty, random bytes, another format, a zip that is not a workbook. */
export function garbageFile(name: string): fc.Arbitrary<FuzzFile> {
  return fc.oneof(
    fc.constant(""),
    fc.uint8Array({ maxLength: 300 }),
    fc.string({ unit: "binary", maxLength: 200 }),
    oddText,
    fc.constantFrom("PK\u0003\u0004garbage", "PK\u0005\u0006" + "\u0000".repeat(18), "<?xml version=\"1.0\"?><worksheet/>", "{\"format\":\"aps-plan/1\"}", "null", "[]", "42", "\"text\"",
      "1 1\n0 5\n", "TYPE: ATSP\nDIMENSION: 1\nEDGE_WEIGHT_SECTION\n0\nEOF\n", "\u0000\u0000\u0000"),
  ).map((content) => ({ name, content: content as string | Uint8Array }));
}

/** Text files made of lines of words, damaged word by word: numbers swapped for odd values, lines cut, dropped or doubled. */
export function mutatedText(name: string, valid: fc.Arbitrary<string[][]>): fc.Arbitrary<FuzzFile> {
  const oddWord = fc.oneof(fc.constantFrom("-1", "-0", "0", "1e308", "1e-308", "NaN", "Infinity", "-Infinity", "1.5", "999999999999", "0x10", "1e999", "", "x"), oddText.map((t) => t.replace(/\s/g, "_")));
  const mutation = fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.nat(), fc.nat(), oddWord).map(([r, w, word]) => (lines: string[][]) => { const row = lines[r % lines.length]; if (row && row.length) row[w % row.length] = word; }) },
    { weight: 1, arbitrary: fc.nat().map((r) => (lines: string[][]) => { lines.splice(r % lines.length, 1); }) },
    { weight: 1, arbitrary: fc.nat().map((r) => (lines: string[][]) => { const row = lines[r % lines.length]; if (row) lines.splice(r % lines.length, 0, [...row]); }) },
    { weight: 1, arbitrary: fc.nat().map((r) => (lines: string[][]) => { const row = lines[r % lines.length]; if (row) row.pop(); }) },
    { weight: 1, arbitrary: fc.nat().map((r) => (lines: string[][]) => { lines.splice(r % (lines.length + 1), 0, ["#", "comment"]); }) },
  );
  const ending = fc.constantFrom("\n", "\r\n", "\n\n", "");
  return fc.tuple(valid, fc.array(mutation, { maxLength: 4 }), ending, fc.nat(), fc.boolean()).map(([lines, mutations, eol, cut, truncate]) => {
    const copy = lines.map((l) => [...l]);
    for (const m of mutations) if (copy.length > 0) m(copy);
    let text = copy.map((l) => l.join(" ")).join(eol === "" ? "\n" : eol) + eol;
    if (truncate) text = text.slice(0, cut % (text.length + 1));
    return { name, content: text };
  });
}
