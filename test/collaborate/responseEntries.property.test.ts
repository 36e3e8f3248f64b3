// Properties of the partner's entries: whatever is typed, Check never throws and names a real row and
// column; an answer Check passes is written into the package and reads back as typed, with every
// issued value unchanged (so the hash still verifies).
import { promises as fs } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { checkEntries, parseFigure } from "../../src/workbook/collaborate/entryChecks";
import { ENTRY_COLUMNS, type CommitmentEntry } from "../../src/workbook/collaborate/commitmentEntry";
import { REASON_CODES } from "../../src/workbook/collaborate/packageFormat";
import { readResponseForm, type ResponseForm } from "../../src/workbook/collaborate/responseForm";
import { writeCommitments } from "../../src/workbook/collaborate/responseWriter";

const PACKAGE = path.join(__dirname, "../../examples/collaboration/FrameWorks-package.xlsx");
const STAGES = ["Frame Welding", "Tube Cutting"];

const figure = fc.oneof(
  fc.constant(""),
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((x) => String(Number(x.toPrecision(8)))),
  fc.nat(5000).map(String),
  fc.constantFrom("-1", "1,5", "12 t", "=1+1", "abc", " 7 ", ".25", "1e3", "Infinity", "0x10"),
);
const reason = fc.oneof(fc.constant(""), fc.constantFrom(...REASON_CODES), fc.constantFrom(...REASON_CODES).map((c) => c.toUpperCase()), fc.constantFrom("Bribe", "=A1", "capacity "));
const comment = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 40 }).filter((t) => !t.trimStart().startsWith("'")),
  fc.constantFrom("=HYPERLINK(\"http://x\")", "+1", "-note", "@SUM(A1)", "\tx", "ok, shipped"),
  fc.constant("y".repeat(501)),
);
const entry = (stage: string) => fc.record({ stage: fc.constant(stage), committedRate: figure, committedServiceTime: figure, onHand: figure, reasonCode: reason, comment });
const entries = fc.tuple(entry(STAGES[0]), entry(STAGES[1]));

let bytes: Uint8Array;
let form: ResponseForm;
beforeAll(async () => {
  bytes = new Uint8Array(await fs.readFile(PACKAGE));
  const read = await readResponseForm({ name: "FrameWorks-package.xlsx", bytes });
  if (read.kind !== "form") throw new Error("the example package did not open");
  form = read.form;
});

/** What a typed entry reads back as after it is saved. */
function asSaved(e: CommitmentEntry): CommitmentEntry {
  const fig = (t: string) => (parseFigure(t) === null ? "" : String(parseFigure(t)));
  const code = e.reasonCode.trim();
  const text = e.comment.trim();
  return {
    stage: e.stage, committedRate: fig(e.committedRate), committedServiceTime: fig(e.committedServiceTime), onHand: fig(e.onHand),
    reasonCode: code === "" ? "" : REASON_CODES.find((c) => c.toLowerCase() === code.toLowerCase()) ?? code, comment: text,
  };
}

describe("a partner's typed entries", () => {
  it("Check never throws and every problem names a row and a column of the grid (3,000 answers)", () => {
    const fields = new Set<string>(ENTRY_COLUMNS.map((c) => c.key));
    fc.assert(fc.property(entries, (typed) => {
      const problems = checkEntries(typed, form.reasonCodes, form.requests);
      for (const p of problems) {
        expect(STAGES[p.row]).toBe(p.stage);
        expect(fields.has(p.field)).toBe(true);
        expect(p.message.length).toBeGreaterThan(10);
      }
      const figuresOk = typed.every((e) => [e.committedRate, e.committedServiceTime, e.onHand].every((t) => { const v = parseFigure(t); return v === null || (Number.isFinite(v) && v >= 0); }));
      if (!figuresOk) expect(problems.some((p) => p.severity === "error")).toBe(true);
    }), { numRuns: 3000 });
  });

  it("an answer without errors is saved and reads back as typed, the issued values untouched (25 .xlsx round trips)", async () => {
    const valid = entries.filter((typed) => !checkEntries(typed, REASON_CODES, form.requests).some((p) => p.severity === "error"));
    await fc.assert(fc.asyncProperty(valid, async (typed) => {
      const saved = await writeCommitments(bytes, form, typed);
      const read = await readResponseForm({ name: "saved.xlsx", bytes: saved });
      expect(read.kind).toBe("form");
      if (read.kind !== "form") return;
      expect(read.form.tables).toEqual(form.tables);
      expect(read.form.facts).toEqual(form.facts);
      expect(read.form.entries).toEqual(typed.map(asSaved));
    }), { numRuns: 25 });
  });
});
