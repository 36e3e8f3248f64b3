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

function encode(value: CanonicalValue): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("The canonical form holds finite numbers only.");
    return JSON.stringify(value === 0 ? 0 : value);
  }
  if (typeof value === "string") return JSON.stringify(value.normalize("NFC"));
  if (Array.isArray(value)) return `[${value.map(encode).join(",")}]`;
  const keys = Object.keys(value).map((k) => k.normalize("NFC")).sort();
  const byKey = new Map(Object.entries(value).map(([k, v]) => [k.normalize("NFC"), v]));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${encode(byKey.get(k) as CanonicalValue)}`).join(",")}}`;
}

/**
 * Canonical JSON: object keys sorted by code unit, text NFC, numbers in JavaScript's shortest form.
 * @example canonicalJson({ b: 1, a: "e\u0301" }) === '{"a":"é","b":1}'
 */
export function canonicalJson(value: CanonicalValue): string {
  return encode(value);
}

/** SHA-256 (hex) of the canonical JSON of `value`. */
export function canonicalHash(value: CanonicalValue): string {
  return sha256Hex(canonicalJson(value));
}
