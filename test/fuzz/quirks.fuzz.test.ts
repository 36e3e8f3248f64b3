// Excel's own quirks and careless files, generated (issue 20), each with what its answer must say:
// files that are no workbook, history figures past the limit, a partner's figures past the plan's
// limits (blamed on the partner's cell). Never exit 1, never a stack, nothing written on a refusal.

import ExcelJS from "exceljs";
import fc from "fast-check";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { assertAnswered, runMain } from "./support/harness";
import { expectedAnswer, hugeCommitment, hugeHistory, misspeltHeader, notWorkbookBytes, quirkCase, quirkWorkbook, tableQuirkAnswer, tableQuirkCase, tableQuirkWorkbook } from "./support/quirks";

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const COLLABORATION = path.join(__dirname, "../../examples/collaboration");
const NETWORK = path.join(__dirname, "../../examples/supply-chain.json");

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-quirks-")); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("files that are no workbook", () => {
  it(`empty, CSV, password-protected (OLE) or text named .xlsx: every command says what it is (${runs(60)} cases)`, async () => {
    const file = path.join(dir, "not-a-book.xlsx");
    await fc.assert(fc.asyncProperty(notWorkbookBytes, fc.constantFrom("plan", "simulate", "forecast", "schedule", "compare", "audit", "share"), async (bytes, command) => {
      fs.writeFileSync(file, bytes);
      const args = command === "compare" ? [command, NETWORK, file] : command === "share" ? [command, file, "--partner", "X", "--out", path.join(dir, "p.xlsx")] : command === "schedule" ? [command, file, "--iterations", "1"] : [command, file];
      const run = await runMain(args);
      expect([command, run.status, run.stderr]).toEqual([command, 2, `${file}: not an .xlsx workbook (password-protected, or another format renamed?).\n`]);
      expect(fs.existsSync(path.join(dir, "p.xlsx"))).toBe(false);
    }), { numRuns: runs(60) });
  }, 60_000);
});

describe("history figures past the limit", () => {
  it(`a quantity past 1e12 per period is refused naming the value and the limit (${runs(60)} cases)`, async () => {
    const file = path.join(dir, "history.json");
    await fc.assert(fc.asyncProperty(hugeHistory, async (h) => {
      fs.writeFileSync(file, h.text);
      const run = await runMain(["forecast", file, "--json"]);
      expect(run.status).toBe(2);
      const line = run.stderr.split("\n")[0];
      expect(line.startsWith(`${file}: series[0].values[${h.at}] `)).toBe(true);
      expect(line).toMatch(/(above|below) the limit of -?1e\+12 per period \(larger figures overflow the forecast\)\.$|must be a number within ±1e\+12 \(got a number too large to hold\)\.$/);
      expect(run.stderr).not.toMatch(/must be a finite number/);
    }), { numRuns: runs(60) });
  }, 60_000);
});

describe("a partner's figures past the plan's limits", () => {
  it(`are blamed on the partner's cell, never on the buyer's Stages (${runs(12)} cases)`, async () => {
    let k = 0;
    await fc.assert(fc.asyncProperty(hugeCommitment, async (c) => {
      const response = path.join(dir, `response-${k++}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(COLLABORATION, "FrameWorks-package.xlsx"));
      workbook.getWorksheet("Commitments")!.getCell(c.row + 2, c.column).value = c.value;
      await workbook.xlsx.writeFile(response);
      const out = path.join(dir, "merged.xlsx");
      const run = await runMain(["merge", path.join(COLLABORATION, "bikeco.xlsx"), response, "--out", out, "--now", "2026-12-02T10:00:00Z"]);
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const cell = `${response} Commitments!${"ABCD"[c.column - 1]}${c.row + 2}`;
      const over = c.column === 2 ? c.value > 1e12 : c.value > 1e6;
      if (over) expect(run.stdout).toContain(`warning: ${cell}: ${c.column === 2 ? "Committed Rate" : "Committed Service Time"} `);
      expect(run.stdout).not.toMatch(/Stages!|must be at most/);
      fs.rmSync(out, { force: true });
    }), { numRuns: runs(12) });
  }, 120_000);
});

describe("aps plan under Excel's quirks", () => {
  it(`totals rows, formulas without values, dates in number columns, Unicode twins, Settings names twice or misspelt (${runs(120)} cases)`, async () => {
    const file = path.join(dir, "quirk.xlsx");
    const out = path.join(dir, "quirk.plan.xlsx");
    await fc.assert(fc.asyncProperty(quirkCase, async (c) => {
      fs.writeFileSync(file, await quirkWorkbook(c));
      fs.rmSync(out, { force: true });
      const run = await runMain(["plan", file, "--json", "--out", out]);
      assertAnswered(run, "quirk.xlsx", { workbook: true });
      const expected = expectedAnswer(c);
      const show = `${JSON.stringify(c)}: exit ${run.status}\n${run.stderr.slice(0, 800)}`;
      expect([show, run.status]).toEqual([show, expected.status]);
      if (expected.status === 0) {
        expect(JSON.parse(run.stdout).stages.map((s: { id: string }) => s.id).sort()).toEqual([...expected.stages].sort());
      } else {
        expect([show, run.stderr.includes(`${file}: ${expected.says}`)]).toEqual([show, true]);
        expect(fs.existsSync(out)).toBe(false);
      }
    }), { numRuns: runs(120) });
  }, 120_000);
});

describe("a misspelt Private Columns entry", () => {
  it(`refuses the share, naming the Settings cell and the header meant; nothing written (${runs(15)} cases)`, async () => {
    const book = path.join(dir, "private.xlsx");
    await fc.assert(fc.asyncProperty(misspeltHeader, async ({ header, typed }) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(path.join(__dirname, "../../examples/supply-chain.xlsx"));
      const old = workbook.getWorksheet("Settings")!;
      workbook.removeWorksheet(old.id);
      const settings = workbook.addWorksheet("Settings");
      settings.addRow(["Name", "Value"]);
      settings.addRow(["Private Columns", `Order Cost, ${typed}`]);
      await workbook.xlsx.writeFile(book);
      const run = await runMain(["share", book, "--partner", "FrameWorks", "--out", path.join(dir, "pkg.xlsx"), "--book-out", path.join(dir, "book2.xlsx"), "--now", "2026-12-01T10:00:00Z"]);
      const show = `${typed}: exit ${run.status}\n${run.stderr}`;
      expect([show, run.status]).toEqual([show, 2]);
      expect([show, run.stderr.includes(`${book}: Settings!B2: Private Columns names "${typed}", which is not a column of Stages (did you mean "${header}"?)`)]).toEqual([show, true]);
      expect(fs.existsSync(path.join(dir, "pkg.xlsx")) || fs.existsSync(path.join(dir, "book2.xlsx"))).toBe(false);
    }), { numRuns: runs(15) });
  }, 120_000);
});

describe("aps schedule and aps forecast under Excel's quirks", () => {
  it(`Operations and Demand History with totals rows, formulas without values, dates in number columns, Unicode twins (${runs(60)} cases)`, async () => {
    const file = path.join(dir, "table-quirk.xlsx");
    await fc.assert(fc.asyncProperty(tableQuirkCase, async (c) => {
      fs.writeFileSync(file, await tableQuirkWorkbook(c));
      const run = await runMain(c.table === "Operations" ? ["schedule", file, "--iterations", "20", "--json", "--out", path.join(dir, "s.xlsx")] : ["forecast", file, "--json"]);
      assertAnswered(run, "table-quirk.xlsx", { workbook: true });
      const expected = tableQuirkAnswer(c);
      const show = `${JSON.stringify(c)}: exit ${run.status}\n${run.stderr.slice(0, 800)}`;
      expect([show, run.status]).toEqual([show, expected.status]);
      if (expected.status === 2) expect([show, run.stderr.includes(expected.says)]).toEqual([show, true]);
      else if (c.table === "Operations") {
        const record = JSON.parse(run.stdout);
        // Two jobs of two steps: the twins are one job, the totals row no job.
        expect([show, record.operations.length, new Set(record.operations.map((o: { job: number }) => o.job)).size]).toEqual([show, 4, 2]);
      } else {
        expect([show, JSON.parse(run.stdout).series.map((s: { id: string }) => s.id).sort()]).toEqual([show, ["Caf\u00e9", "Tea"]]);
      }
    }), { numRuns: runs(60) });
  }, 180_000);
});
