// The readers of job-shop text and TSPLIB: well-formed files, and malformed ones refused with the
// file name and line number.
import { parseJobShopText } from "../../src/engine/schedule/jobShop/jobShopText";
import { parseTsplib, tsplibWeightCells } from "../../src/engine/schedule/sequencing/tsplib";
import { PlanningInputError } from "../../src/engine/errors";
import { fixture } from "./support";

function errorOf(f: () => unknown): PlanningInputError {
  try { f(); } catch (e) { return e as PlanningInputError; }
  throw new Error("expected an error");
}

describe("parseJobShopText(text, fileName)", () => {
  it("reads ft10: 10 jobs × 10 machines, job 0 starts with machine 0 for 29", () => {
    const ft10 = parseJobShopText(fixture("jobshop", "ft10.txt"), "ft10.txt");
    expect(ft10.machineCount).toBe(10);
    expect(ft10.jobs).toHaveLength(10);
    expect(ft10.jobs[0].operations[0]).toEqual({ machine: 0, duration: 29 });
  });
  it("skips # comments and blank lines", () => {
    expect(parseJobShopText("# a comment\n\n1 2\n# job 0\n0 3 1 4\n").jobs[0].operations).toEqual([{ machine: 0, duration: 3 }, { machine: 1, duration: 4 }]);
  });
  it("refuses a machine out of range, naming file and line", () => {
    const e = errorOf(() => parseJobShopText("2 10\n0 1 1 1 2 1 3 1 4 1 5 1 6 1 7 1 8 1 9 1\n0 1 12 1 2 1 3 1 4 1 5 1 6 1 7 1 8 1 9 1\n", "ft10.txt"));
    expect(e).toBeInstanceOf(PlanningInputError);
    expect(e.message).toBe("ft10.txt line 3: machine 12 is out of range 0..9.");
    expect(e.where).toBe("ft10.txt line 3");
  });
  it("refuses a negative duration", () => {
    expect(() => parseJobShopText("1 2\n0 3 1 -4\n", "x.txt")).toThrow("x.txt line 2: duration -4 is negative.");
  });
  it("refuses a job line with the wrong count", () => {
    expect(() => parseJobShopText("1 2\n0 3 1\n", "x.txt")).toThrow("x.txt line 2: job 0 has 3 numbers; expected 4");
  });
  it("refuses missing and extra job lines", () => {
    expect(() => parseJobShopText("2 1\n0 3\n", "x.txt")).toThrow("expected 2 job lines, found 1");
    expect(() => parseJobShopText("1 1\n0 3\n0 4\n", "x.txt")).toThrow("x.txt line 3: expected 1 job lines; this line is one too many.");
  });
  it("refuses words that are not numbers and an empty file", () => {
    expect(() => parseJobShopText("1 1\n0 x\n", "x.txt")).toThrow('x.txt line 2: duration "x" is not a number.');
    expect(() => parseJobShopText("\n", "x.txt")).toThrow("the file is empty");
    expect(() => parseJobShopText("a 2\n", "x.txt")).toThrow('x.txt line 1: jobs "a" is not a number.');
  });
});

const HEADER = (format: string, n: number) => `NAME: t\nTYPE: ATSP\nDIMENSION: ${n}\nEDGE_WEIGHT_TYPE: EXPLICIT\nEDGE_WEIGHT_FORMAT: ${format}\nEDGE_WEIGHT_SECTION\n`;

describe("parseTsplib(text, fileName)", () => {
  it("reads br17 (FULL_MATRIX, rows wrapped over lines)", () => {
    const br17 = parseTsplib(fixture("atsp", "br17.atsp"), "br17.atsp");
    expect(br17.dimension).toBe(17);
    expect(br17.cost[1]).toBe(3);
    expect(br17.cost[17 + 9]).toBe(0);
  });
  it.each([
    ["UPPER_ROW", "1 2\n3"], ["LOWER_ROW", "1\n2 3"], ["UPPER_DIAG_ROW", "0 1 2\n0 3\n0"], ["LOWER_DIAG_ROW", "0\n1 0\n2 3 0"],
    ["UPPER_COL", "1\n2 3"], ["LOWER_COL", "1 2\n3"], ["UPPER_DIAG_COL", "0\n1 0\n2 3 0"], ["LOWER_DIAG_COL", "0 1 2\n0 3\n0"],
  ])("reads %s into the symmetric matrix", (format, body) => {
    const t = parseTsplib(HEADER(format, 3) + body + "\nEOF\n");
    expect(Array.from(t.cost)).toEqual([0, 1, 2, 1, 0, 3, 2, 3, 0]);
  });
  it("lists cells of each format in file order", () => {
    expect(tsplibWeightCells("UPPER_COL", 3)).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect(tsplibWeightCells("LOWER_ROW", 3)).toEqual([[1, 0], [2, 0], [2, 1]]);
  });
  it("refuses a matrix that is not square, at the line of the first extra number", () => {
    expect(() => parseTsplib(HEADER("FULL_MATRIX", 2) + "0 1\n2 0\n7\nEOF\n", "m.atsp")).toThrow("m.atsp line 9: EDGE_WEIGHT_SECTION has 5 numbers; a 2×2 matrix needs 4.");
    expect(() => parseTsplib(HEADER("FULL_MATRIX", 2) + "0 1\n2\nEOF\n", "m.atsp")).toThrow("m.atsp line 8: EDGE_WEIGHT_SECTION has 3 numbers; a 2×2 matrix needs 4.");
  });
  it("refuses a missing section, dimension, unknown format and non-numbers", () => {
    expect(() => parseTsplib("TYPE: ATSP\nDIMENSION: 2\nEOF\n", "m.atsp")).toThrow("m.atsp line 4: the EDGE_WEIGHT_SECTION is missing.");
    expect(() => parseTsplib("TYPE: ATSP\nEDGE_WEIGHT_SECTION\n0\n", "m.atsp")).toThrow("the DIMENSION line is missing.");
    expect(() => parseTsplib(HEADER("FUNCTION", 2) + "0 1 2 0\n", "m.atsp")).toThrow("m.atsp line 5: EDGE_WEIGHT_FORMAT FUNCTION is not supported");
    expect(() => parseTsplib(HEADER("FULL_MATRIX", 2) + "0 1 x 0\n", "m.atsp")).toThrow('m.atsp line 7: edge weight "x" is not a number.');
    expect(() => parseTsplib("TYPE: CVRP\nDIMENSION: 2\n", "m.atsp")).toThrow("m.atsp line 1: TYPE CVRP is not supported");
  });
});
