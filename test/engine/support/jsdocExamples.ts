// Reads a JSDoc `@example` line: the code, and the value after `//` (a JS literal, maybe with `…`
// for the rest not shown and a note after it), and compares a result with it to the digits shown.

export interface Expected {
  value: unknown;
  /** Half a unit of the last digit of each number, by its text (0 for whole numbers). */
  tolerance: Map<number, number>;
}

/** Splits "fn(1, 2) // 3 (note)" into code and value text; "a === b" has no value (it must be true); prose → null. */
export function splitExample(text: string): { code: string; expected: string | null } | null {
  if (!/^(const |[A-Za-z_$][\w$.]*\s*\()/.test(text)) return null;
  const at = lastComment(text);
  const code = stripTypes(at >= 0 ? text.slice(0, at).trim() : text);
  if (at >= 0) return { code, expected: text.slice(at + 2).trim() };
  return text.includes("===") || text.includes(">=") ? { code, expected: null } : null;
}

/** The example's code as JavaScript: TypeScript's non-null `x!` dropped. */
function stripTypes(code: string): string {
  return code.replace(/([)\]\w])!(?=[.,)[\s]|$)/g, "$1");
}

/** Index of the `//` that starts the comment (outside strings), or -1. */
function lastComment(text: string): number {
  let quote: string | null = null;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quote) {
      if (c === "\\") k++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "/" && text[k + 1] === "/") return k;
  }
  return -1;
}

/** The leading JS literal of a value text ("19 (= 4 + 10·1.5)" → 19), `…` marking what is not shown; null when it is not a value. */
export function parseExpected(text: string): Expected | null {
  // "π = 0.41, z = 4.4 → 1.80": the working, then the value after the last arrow.
  const arrow = text.lastIndexOf("→");
  const cleaned = (arrow >= 0 ? text.slice(arrow + 1) : text).trim().replace(/^(≈|=)\s*/, "").replace(/^(?:Int32Array|Float64Array)\s+(?=\[)/, "");
  // "2.2621571627...": cut, not rounded: within one unit of the last digit shown.
  const cut = /^(-?\d+\.(\d+))(\.\.\.|…)/.exec(cleaned);
  if (cut) return { value: Number(cut[1]), tolerance: new Map([[Number(cut[1]), 10 ** -cut[2].length]]) };
  for (let end = cleaned.length; end > 0; end--) {
    const head = cleaned.slice(0, end).trim();
    if (head === "" || /[,(]$/.test(head)) continue;
    const marked = head.replace(/(,\s*)?(…|\.\.\.)(?=\s*[\]}])/g, "$1__REST__: true").replace(/\[([^[\]]*)__REST__: true\]/g, "[$1\"__REST__\"]");
    let value: unknown;
    try {
      value = new Function(`"use strict"; return (${marked});`)();
    } catch {
      continue;
    }
    if (typeof value === "function" || value === undefined) return null;
    return { value, tolerance: tolerances(head) };
  }
  return null;
}

/** For each number written in the text: half a unit of its last digit (whole numbers and exponents: exact). */
function tolerances(text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of text.matchAll(/-?\d+\.(\d+)(?![\de])/g)) out.set(Number(m[0]), m[1].length >= 15 ? 0 : 0.5 * 10 ** -m[1].length);
  return out;
}

function close(actual: number, expected: number, tolerance: Map<number, number>): boolean {
  const tol = Math.max(tolerance.get(expected) ?? 0, 1e-12 * Math.abs(expected), 1e-15);
  return Math.abs(actual - expected) <= tol;
}

/** Deep comparison to the expected value: numbers to the digits shown, objects on the keys shown, arrays to their `…`. */
export function sameValue(actual: unknown, expected: Expected): boolean {
  const same = (a: unknown, e: unknown): boolean => {
    if (typeof e === "number") return typeof a === "number" && (Number.isNaN(e) ? Number.isNaN(a) : close(a, e, expected.tolerance));
    if (Array.isArray(e)) {
      const list = ArrayBuffer.isView(a) ? Array.from(a as unknown as ArrayLike<unknown>) : a;
      if (!Array.isArray(list)) return false;
      const rest = e[e.length - 1] === "__REST__";
      const shown = rest ? e.slice(0, -1) : e;
      if (rest ? list.length < shown.length : list.length !== shown.length) return false;
      return shown.every((x, k) => same(list[k], x));
    }
    if (e !== null && typeof e === "object") {
      if (a === null || typeof a !== "object") return false;
      const entries = Object.entries(e).filter(([k]) => k !== "__REST__");
      return entries.every(([k, v]) => same((a as Record<string, unknown>)[k], v));
    }
    return Object.is(a, e);
  };
  return same(actual, expected.value);
}

/** Names JavaScript itself provides (an example may use them without importing anything). */
const BUILT_INS = new Set(["Math", "Number", "Array", "Object", "JSON", "String", "Boolean", "Infinity", "NaN", "undefined", "null", "true", "false",
  "Float64Array", "Int32Array", "Uint8Array", "Set", "Map", "new", "const", "let", "return", "typeof", "Date"]);

/** The names an example's code uses that neither the module exports nor JavaScript provides (an instance, a shop). */
export function freeNames(code: string, exported: ReadonlySet<string>): string[] {
  const bare = code.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""').replace(/[A-Za-z_$][\w$]*\s*:/g, "");
  const declared = new Set([...bare.matchAll(/\b(?:const|let)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
  // Parameters of arrow functions: `(a, b) =>`, `([a, b]) =>`, `s =>`.
  for (const m of bare.matchAll(/\(([^()]*)\)\s*=>|([A-Za-z_$][\w$]*)\s*=>/g)) for (const n of (m[1] ?? m[2]).matchAll(/[A-Za-z_$][\w$]*/g)) declared.add(n[0]);
  const used = [...bare.matchAll(/(?<![.\w$])[A-Za-z_$][\w$]*/g)].map((m) => m[0]);
  return [...new Set(used.filter((n) => !exported.has(n) && !BUILT_INS.has(n) && !declared.has(n)))];
}
