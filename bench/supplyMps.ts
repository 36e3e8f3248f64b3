// Writes one level of the supply LP (MODEL.md §11) as a fixed-format MPS file for a peer solver:
// the model, the level's objective, and each earlier level held by an objective row at its optimum.

import type { SupplyModel } from "../src/engine/supply/supplyModel";

/** A number in at most 12 characters (MPS fixed fields). */
function num(value: number): string {
  for (let digits = 15; digits >= 6; digits--) {
    const text = String(Number(value.toPrecision(digits)));
    if (text.length <= 12) return text;
  }
  return value.toExponential(5);
}

const field = (a: string, b: string, c: string, d: string, e = "", f = "") =>
  ` ${a.padEnd(2)} ${b.padEnd(8)}  ${c.padEnd(8)}  ${d.padStart(12)}${e ? `   ${e.padEnd(8)}  ${f.padStart(12)}` : ""}`;

/**
 * MPS text of `model` minimising `objective`, with `held` earlier objectives each bounded by
 * value · (1 + 1e-9) (the relative slack the reference solutions use).
 */
export function supplyLevelMps(model: SupplyModel, objective: Float64Array, held: { objective: Float64Array; value: number }[]): string {
  const rowName = (i: number) => `R${i}`;
  const colName = (j: number) => `C${j}`;
  const lines = ["NAME          SUPPLY", "ROWS", " N  OBJ"];
  const rhs: string[] = [];
  for (let i = 0; i < model.numRows; i++) {
    const lo = model.rowLower[i];
    const up = model.rowUpper[i];
    if (lo === up) { lines.push(` E  ${rowName(i)}`); if (lo !== 0) rhs.push(field("", "RHS", rowName(i), num(lo))); }
    else if (Number.isFinite(up)) { lines.push(` L  ${rowName(i)}`); if (up !== 0) rhs.push(field("", "RHS", rowName(i), num(up))); }
    else { lines.push(` G  ${rowName(i)}`); if (lo !== 0) rhs.push(field("", "RHS", rowName(i), num(lo))); }
  }
  held.forEach((h, k) => {
    const name = `H${k}`;
    lines.push(` L  ${name}`);
    rhs.push(field("", "RHS", name, num(h.value + 1e-9 * Math.max(1, Math.abs(h.value)))));
  });
  lines.push("COLUMNS");
  for (let j = 0; j < model.numCols; j++) {
    const entries: [string, number][] = [];
    if (objective[j] !== 0) entries.push(["OBJ", objective[j]]);
    for (let p = model.starts[j]; p < model.starts[j + 1]; p++) entries.push([rowName(model.indices[p]), model.values[p]]);
    held.forEach((h, k) => { if (h.objective[j] !== 0) entries.push([`H${k}`, h.objective[j]]); });
    if (entries.length === 0) entries.push(["OBJ", 0]);
    for (let e = 0; e < entries.length; e += 2) {
      const second = entries[e + 1];
      lines.push(field("", colName(j), entries[e][0], num(entries[e][1]), second?.[0] ?? "", second ? num(second[1]) : ""));
    }
  }
  lines.push("RHS", ...rhs, "BOUNDS");
  for (let j = 0; j < model.numCols; j++) if (Number.isFinite(model.colUpper[j])) lines.push(field("UP", "BND", colName(j), num(model.colUpper[j])));
  lines.push("ENDATA");
  return `${lines.join("\n")}\n`;
}
