// The canonical form of issued values that a package's hash covers: JSON with sorted keys, numbers
// rounded to their declared decimals, text in Unicode NFC, no spaces. Same rows, same hash, on any platform.

import { sha256Hex } from "./sha256";

/** A JSON value as the canonical form knows it. */
export type CanonicalValue = null | boolean | number | string | CanonicalValue[] | { [key: string]: CanonicalValue };

/**
 * A number rounded to `decimals` places (half away from zero), with -0 as 0; non-finite numbers are
 * refused, since JSON has no form for them.
 * @example roundTo(2.345678, 4) === 2.3457
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`A ${value} cannot be issued: only finite numbers are.`);
  const factor = 10 ** decimals;
  const rounded = Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9) / factor;
  return rounded === 0 ? 0 : rounded;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** NFC, skipped for plain ASCII (which NFC leaves as it is). */
function nfc(text: string): string {
  return NON_ASCII.test(text) ? text.normalize("NFC") : text;
}

function encode(value: CanonicalValue, out: string[]): void {
  if (value === null) out.push("null");
  else if (typeof value === "boolean") out.push(value ? "true" : "false");
  else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("The canonical form holds finite numbers only.");
    out.push(JSON.stringify(value === 0 ? 0 : value));
  } else if (typeof value === "string") out.push(JSON.stringify(nfc(value)));
  else if (Array.isArray(value)) {
    out.push("[");
    value.forEach((v, k) => {
      if (k > 0) out.push(",");
      encode(v, out);
    });
    out.push("]");
  } else {
    const entries = Object.keys(value).map((k) => [nfc(k), k] as const).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    out.push("{");
    entries.forEach(([key, original], k) => {
      if (k > 0) out.push(",");
      out.push(JSON.stringify(key), ":");
      encode(value[original], out);
    });
    out.push("}");
  }
}

/**
 * Canonical JSON: object keys sorted by code unit, text NFC, numbers in JavaScript's shortest form.
 * @example canonicalJson({ b: 1, a: "e\u0301" }) === '{"a":"é","b":1}'
 */
export function canonicalJson(value: CanonicalValue): string {
  const out: string[] = [];
  encode(value, out);
  return out.join("");
}

/** SHA-256 (hex) of the canonical JSON of `value`. */
export function canonicalHash(value: CanonicalValue): string {
  return sha256Hex(canonicalJson(value));
}
