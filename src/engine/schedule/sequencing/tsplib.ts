// Reader of TSPLIB files with explicit edge weights (TYPE ATSP or TSP; FULL_MATRIX and the row/column
// triangle formats UPPER_ROW … LOWER_DIAG_COL), docs/formats.md §3. Takes the text; no file system.
import { PlanningInputError } from "../../errors";
import { InputErrorList } from "../../inputErrors";
import { describeCount, INPUT_LIMITS, plainText, quoteText } from "../../limits";
import type { AtspInstance } from "./atsp";

/** Largest edge weight (changeover time) in size: tour lengths stay exact in floating point. */
export const MAX_WEIGHT = 1e9;

const FORMATS = ["FULL_MATRIX", "UPPER_ROW", "LOWER_ROW", "UPPER_DIAG_ROW", "LOWER_DIAG_ROW", "UPPER_COL", "LOWER_COL", "UPPER_DIAG_COL", "LOWER_DIAG_COL"];

/** True when the text looks like TSPLIB (a `TYPE:` or `EDGE_WEIGHT_SECTION` line). */
export function looksLikeTsplib(text: string): boolean {
  return /^\s*(TYPE\s*:|EDGE_WEIGHT_SECTION)/m.test(text);
}

/** The (i, j) pairs, in file order, that an explicit EDGE_WEIGHT_FORMAT lists for n nodes. */
export function tsplibWeightCells(format: string, n: number): [number, number][] {
  const cells: [number, number][] = [];
  const diag = format.includes("DIAG");
  const upper = format.startsWith("UPPER");
  const byColumn = format.endsWith("_COL");
  if (format === "FULL_MATRIX") {
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cells.push([i, j]);
    return cells;
  }
  // Row-wise upper = column-wise lower, read with the roles of i and j swapped.
  for (let a = 0; a < n; a++) {
    const from = upper !== byColumn ? (diag ? a : a + 1) : 0;
    const to = upper !== byColumn ? n - 1 : diag ? a : a - 1;
    for (let b = from; b <= to; b++) cells.push(byColumn ? [b, a] : [a, b]);
  }
  return cells;
}

/**
 * Parses a TSPLIB explicit-weight instance. Errors name `fileName` and the line.
 * @example parseTsplib("TYPE: ATSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: FULL_MATRIX\nEDGE_WEIGHT_SECTION\n0 3\n5 0\nEOF\n").cost // [0, 3, 5, 0]
 */
export function parseTsplib(text: string, fileName = "input"): AtspInstance {
  const lines = text.split(/\r?\n/);
  const fail = (line: number, message: string, input?: string): never => {
    throw new PlanningInputError(`${fileName} line ${line}: ${message}`, input, `${fileName} line ${line}`);
  };
  const spec = new Map<string, { value: string; line: number }>();
  let numbers: { value: number; line: number }[] | null = null;
  let sectionLine = 0;
  let inWeights = false;
  const weightErrors = new InputErrorList();
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (t === "") continue;
    const keyword = /^([A-Z_]+)\s*(:\s*(.*))?$/.exec(t);
    if (keyword && !/^[-+\d.]/.test(t)) {
      inWeights = false;
      const key = keyword[1];
      if (key === "EOF") break;
      if (key === "EDGE_WEIGHT_SECTION") { inWeights = true; numbers = []; sectionLine = i + 1; continue; }
      if (key.endsWith("_SECTION")) continue; // other sections (display data, …) are not needed
      spec.set(key, { value: (keyword[3] ?? "").trim(), line: i + 1 });
      continue;
    }
    if (!inWeights) {
      if (numbers === null && spec.size === 0) fail(i + 1, `expected a TSPLIB keyword line such as "TYPE: ATSP", got ${quoteText(t.slice(0, 30))}.`);
      continue; // data of an ignored section
    }
    for (const word of t.split(/\s+/)) {
      const v = Number(word);
      if (!Number.isFinite(v)) weightErrors.add(`${fileName} line ${i + 1}`, `edge weight ${quoteText(word)} is not a number.`, "EDGE_WEIGHT_SECTION");
      else if (Math.abs(v) > MAX_WEIGHT) weightErrors.add(`${fileName} line ${i + 1}`, `edge weight ${word} is above the limit of ${describeCount(MAX_WEIGHT)} in size.`, "EDGE_WEIGHT_SECTION");
      else if (v !== 0 && Math.abs(v) < INPUT_LIMITS.smallestNonzero) weightErrors.add(`${fileName} line ${i + 1}`, `edge weight ${word} must be 0 or at least ${INPUT_LIMITS.smallestNonzero} in size.`, "EDGE_WEIGHT_SECTION");
      numbers!.push({ value: v, line: i + 1 });
    }
  }
  weightErrors.throwIfAny();
  const last = lines.length;
  const type = spec.get("TYPE");
  if (type && !/^(ATSP|TSP)$/.test(type.value)) fail(type.line, `TYPE ${plainText(type.value)} is not supported; expected ATSP or TSP.`, "TYPE");
  const dim = spec.get("DIMENSION");
  if (!dim) fail(last, "the DIMENSION line is missing.", "DIMENSION");
  const n = Number(dim!.value);
  if (!Number.isInteger(n) || n < 1) fail(dim!.line, `DIMENSION must be a positive integer (got ${quoteText(dim!.value)}).`, "DIMENSION");
  if (n > INPUT_LIMITS.sequenceProducts) fail(dim!.line, `DIMENSION ${n} is above the limit of ${describeCount(INPUT_LIMITS.sequenceProducts)} nodes.`, "DIMENSION");
  const ewt = spec.get("EDGE_WEIGHT_TYPE");
  if (ewt && ewt.value !== "EXPLICIT") fail(ewt.line, `EDGE_WEIGHT_TYPE ${plainText(ewt.value)} is not supported; expected EXPLICIT.`, "EDGE_WEIGHT_TYPE");
  const fmt = spec.get("EDGE_WEIGHT_FORMAT");
  const format = fmt?.value ?? "FULL_MATRIX";
  if (!FORMATS.includes(format)) fail(fmt!.line, `EDGE_WEIGHT_FORMAT ${plainText(format)} is not supported; expected one of ${FORMATS.join(", ")}.`, "EDGE_WEIGHT_FORMAT");
  if (numbers === null) fail(last, "the EDGE_WEIGHT_SECTION is missing.", "EDGE_WEIGHT_SECTION");
  const cells = tsplibWeightCells(format, n);
  const got = numbers!;
  if (got.length !== cells.length) {
    const where = got.length > cells.length ? got[cells.length].line : got.length > 0 ? got[got.length - 1].line : sectionLine;
    const shape = format === "FULL_MATRIX" ? `a ${n}×${n} matrix` : `${format} for ${n} nodes`;
    fail(where, `EDGE_WEIGHT_SECTION has ${got.length} numbers; ${shape} needs ${cells.length}.`, "EDGE_WEIGHT_SECTION");
  }
  const cost = new Float64Array(n * n);
  const symmetric = format !== "FULL_MATRIX";
  cells.forEach(([i, j], k) => {
    cost[i * n + j] = got[k].value;
    if (symmetric) cost[j * n + i] = got[k].value;
  });
  for (let i = 0; i < n; i++) cost[i * n + i] = 0;
  return { dimension: n, cost, name: spec.get("NAME")?.value ?? fileName.replace(/\.[^.]*$/, "") };
}
