// The command line in the user's words (issue 20): flags and their values, calendar dates, files that
// are not workbooks, a partner's figures blamed on the partner's cell, misspelt names with the one meant.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runAps } from "../support/runCli";
import { negativeValues } from "../../src/cli/options";
import { calendarDateProblem, timeProblem } from "../../src/engine/calendarDate";
import { closestName } from "../../src/engine/nearMiss";
import { fillPackage, putSheet } from "../collaborate/support";

const EXAMPLES = path.join(__dirname, "../../examples");
const NETWORK = path.join(EXAMPLES, "supply-chain.json");
const BOOK = path.join(EXAMPLES, "supply-chain.xlsx");
const NOW = ["--now", "2026-12-01T10:00:00Z", "--user", "ann"];

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-messages-")); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("flags", () => {
  it.each([
    [["plan", NETWORK, "--jsn"], "unknown option --jsn; see aps plan --help\n"],
    [["simulate", NETWORK, "-x"], "unknown option -x; see aps simulate --help\n"],
    [["share", BOOK, "--partner"], "--partner needs a value; see aps share --help\n"],
    [["plan", NETWORK, "--json=yes"], "--json takes no value; see aps plan --help\n"],
  ])("%j: %s", async (args, message) => {
    const run = await runAps(...args);
    expect([run.status, run.stderr]).toEqual([2, message]);
  });

  it("a negative number after a flag is its value, refused by the flag's own rule", async () => {
    const published = path.join(dir, "published.json");
    fs.writeFileSync(published, "{}");
    const shop = path.join(__dirname, "../fixtures/jobshop/ft06.txt");
    expect(await runAps("reschedule", shop, published, "--now", "-5")).toMatchObject({ status: 2, stderr: '--now must be a number ≥ 0 (got "-5").\n' });
    expect((await runAps("simulate", NETWORK, "--seed", "-1")).stderr).toMatch(/^--seed must be a whole number from 0 to 4,294,967,295 \(got "-1"\)\./);
    expect((await runAps("forecast", NETWORK, "--horizon", "-3")).stderr).toMatch(/^--horizon must be a whole number from 1 to 1000 \(got "-3"\)\./);
    expect((await runAps("schedule", shop, "--time-limit", "-0.5")).stderr).toBe('--time-limit must be a number ≥ 0 (got "-0.5").\n');
  });

  it("negativeValues joins only a number after a flag that takes a value", () => {
    const options = { now: { type: "string" as const }, json: { type: "boolean" as const } };
    expect(negativeValues(["--now", "-5", "--json", "-1", "--now", "-x", "--", "--now", "-2"], options)).toEqual(["--now=-5", "--json", "-1", "--now", "-x", "--", "--now", "-2"]);
  });
});

describe("dates are calendar dates", () => {
  it.each([
    ["2027-02-30", "February 2027 has 28 days"], ["2028-02-29", null], ["2027-13-01", "there is no month 13"],
    ["2027-04-31", "April 2027 has 30 days"], ["27-01-01", "not a date of the form YYYY-MM-DD"], ["2027-00-10", "there is no month 0"],
  ])("%s: %s", (text, problem) => expect(calendarDateProblem(text)).toBe(problem));

  it("times: a real date and a real time of day", () => {
    expect(timeProblem("2026-12-01T10:00:00Z")).toBeNull();
    expect(timeProblem("2026-12-01")).toBeNull();
    expect(timeProblem("2026-02-29T10:00:00Z")).toBe("February 2026 has 28 days");
    expect(timeProblem("2026-12-01T24:00:00Z")).toBe("there is no hour 24");
  });

  it("aps share --deadline 2027-02-30 is refused before anything is read or written", async () => {
    const run = await runAps("share", BOOK, "--partner", "FrameWorks", "--out", path.join(dir, "p.xlsx"), "--deadline", "2027-02-30", ...NOW);
    expect([run.status, run.stderr]).toEqual([2, '--deadline: "2027-02-30" is not a calendar date (February 2027 has 28 days); give a date such as 2027-02-28.\n']);
    expect(fs.existsSync(path.join(dir, "p.xlsx"))).toBe(false);
  });

  it("aps merge --now 2026-02-30T10:00:00Z is refused", async () => {
    const run = await runAps("merge", BOOK, BOOK, "--out", path.join(dir, "m.xlsx"), "--now", "2026-02-30T10:00:00Z");
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('--now: "2026-02-30T10:00:00Z" is not a real time (February 2026 has 28 days); give an ISO 8601 time such as 2026-12-01T10:00:00Z.\n');
  });
});

describe("files that are not workbooks", () => {
  const NOT_A_WORKBOOK = "not an .xlsx workbook (password-protected, or another format renamed?).";
  const kinds: [string, Uint8Array | string][] = [
    ["empty", ""],
    ["a CSV renamed", "Id,Demand Rate\nA,10\n"],
    // A password-protected workbook is an OLE compound file (Excel encrypts the zip inside it).
    ["password-protected", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
  ];
  it.each(kinds)("%s: every command that reads a workbook says so", async (_label, content) => {
    const file = path.join(dir, "odd.xlsx");
    fs.writeFileSync(file, content);
    for (const args of [["plan", file], ["forecast", file], ["schedule", file, "--iterations", "1"], ["audit", file], ["compare", file, NETWORK]]) {
      const run = await runAps(...args);
      expect([args[0], run.status, run.stderr]).toEqual([args[0], 2, `${file}: ${NOT_A_WORKBOOK}\n`]);
    }
    const merged = await runAps("merge", BOOK, file, "--out", path.join(dir, "m.xlsx"), ...NOW);
    expect(merged.stderr).toBe(`${file}: refused: it is ${NOT_A_WORKBOOK.slice(0, -1)}; nothing was written.\n`);
  });

  it("aps share book.json names the book, not a --book-out that was not given", async () => {
    const run = await runAps("share", NETWORK, "--partner", "FrameWorks", "--out", path.join(dir, "p.xlsx"));
    expect([run.status, run.stderr]).toEqual([2, `${NETWORK}: the buyer's workbook must be an .xlsx file.\n`]);
  });
});

describe("near-miss names", () => {
  it("closestName: as headers are judged", () => {
    expect(closestName("Margn", ["Id", "Margin", "Owner"])).toBe("Margin");
    expect(closestName("holding cost", ["Holding Cost"])).toBe("Holding Cost");
    expect(closestName("Zz", ["Z"])).toBeNull();
    expect(closestName("Completely Else", ["Margin"])).toBeNull();
  });

  it("a misspelt Private Columns name refuses the share, naming its cell and the column meant", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(BOOK);
    putSheet(workbook, "Settings", ["Name", "Value"], [["defaultServiceLevel", 0.95], ["Private Columns", "Holdng Cost, Order Cost"]]);
    const book = path.join(dir, "private.xlsx");
    await workbook.xlsx.writeFile(book);
    const run = await runAps("share", book, "--partner", "FrameWorks", "--out", path.join(dir, "pkg.xlsx"), "--book-out", path.join(dir, "book2.xlsx"), ...NOW);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `${book}: Settings!B3: Private Columns names "Holdng Cost", which is not a column of Stages (did you mean "Holding Cost"?); correct it, or the column meant would not be kept private.\n${book}: nothing was written.\n`);
    expect(fs.existsSync(path.join(dir, "pkg.xlsx"))).toBe(false);
  });

  it("a misspelt partner is answered with the partner meant", async () => {
    const run = await runAps("share", BOOK, "--partner", "FrameWork", "--out", path.join(dir, "pkg.xlsx"), "--book-out", path.join(dir, "book3.xlsx"), ...NOW);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/"FrameWork" owns no stage of this plan \(did you mean "FrameWorks"\?\); the partners are/);
  });
});

describe("a partner's figure is blamed on the partner's cell", () => {
  it("a committed rate of 1e13 is not read, with a warning on Commitments!B2; the re-plan is made", async () => {
    const book = path.join(dir, "blame.xlsx");
    fs.copyFileSync(BOOK, book);
    const pkg = path.join(dir, "FrameWorks.xlsx");
    expect((await runAps("share", book, "--partner", "FrameWorks", "--out", pkg, ...NOW)).status).toBe(0);
    const response = path.join(dir, "fw-response.xlsx");
    await fillPackage(pkg, response, { "Frame Welding": { rate: 1e13, serviceTime: 2 } });
    const run = await runAps("merge", book, response, "--out", path.join(dir, "merged.xlsx"), "--now", "2026-12-03T09:00:00Z");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`warning: ${response} Commitments!B2: Committed Rate 1e+13 is above the limit of 1e+12 (larger figures overflow the plan); not read. [${response} Commitments!B2]`);
    expect(run.stdout).not.toMatch(/Stages!|Production Rate must/);
    expect(run.stdout).toMatch(/Lead time to customer: [\d.]+ → [\d.]+/);
  });
});

describe("histories", () => {
  it("1e300 in a history is a message about the limit, not about being a number", async () => {
    const file = path.join(dir, "huge.json");
    fs.writeFileSync(file, '{"format": "aps-history/1", "series": [{"id": "A", "values": [1, 1e300, 1e999]}]}');
    const run = await runAps("forecast", file);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n").slice(0, 2)).toEqual([
      `${file}: series[0].values[1] 1e+300 is above the limit of 1e+12 per period (larger figures overflow the forecast).`,
      `${file}: series[0].values[2] must be a number within ±1e+12 (got a number too large to hold).`,
    ]);
  });

  it("a workbook's Quantity of 1e300 and an Orders row without a date are named by their cells", async () => {
    const workbook = new ExcelJS.Workbook();
    putSheet(workbook, "Demand History", ["Stage", "Period", "Quantity"], Array.from({ length: 12 }, (_, t) => ["A", t + 1, t === 3 ? 1e300 : 10 + t]));
    const file = path.join(dir, "history.xlsx");
    await workbook.xlsx.writeFile(file);
    const huge = await runAps("forecast", file);
    expect(huge.stderr).toContain(`${file}: 'Demand History'!C5: Quantity 1e+300 is above the limit of 1e+12 per period (larger figures overflow the forecast).`);
    putSheet(workbook, "Demand History", ["Stage", "Period", "Quantity"], Array.from({ length: 12 }, (_, t) => ["A", t + 1, 10 + t]));
    putSheet(workbook, "Orders", ["Customer", "Order Date"], [["Shop", "soon"]]);
    await workbook.xlsx.writeFile(file);
    const orders = await runAps("forecast", file);
    expect(orders.status).toBe(0);
    expect(orders.stderr).toContain(`${file}: warning: Orders!B2: Order Date must be a date (got "soon"); the row is left out of the customer profiles.\n`);
  });
});

describe("ids are compared in Unicode NFC", () => {
  const nfc = "Caf\u00e9", nfd = "Cafe\u0301";

  it("two stages whose ids differ only in form are one id listed twice, and the message says why", async () => {
    const file = path.join(dir, "twins.json");
    fs.writeFileSync(file, JSON.stringify({ format: "aps-network/1", stages: [{ id: nfc, demandRate: 5, processingTime: 1 }, { id: nfd, processingTime: 1 }], arcs: [] }));
    const run = await runAps("plan", file);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(`${file}: stages[1].id: Stage "${nfc}" is listed twice (also on stage row 1): the two ids look the same but their letters are encoded differently (Unicode NFC and NFD, as some programs write accents); ids must be unique.`);
  });

  it("an arc naming a stage in the other form joins it", async () => {
    const file = path.join(dir, "arc-form.json");
    fs.writeFileSync(file, JSON.stringify({ format: "aps-network/1", stages: [{ id: nfc, demandRate: 5, processingTime: 1, holdingCost: 1 }, { id: "Parts", processingTime: 1, holdingCost: 1 }], arcs: [{ from: "Parts", to: nfd }] }));
    const run = await runAps("plan", file, "--json");
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).arcs.map((a: { to: string }) => a.to)).toEqual([nfc]);
  });
});

describe("the Settings table", () => {
  it("a name given twice is an error naming both rows, whatever features read it", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(BOOK);
    putSheet(workbook, "Settings", ["Name", "Value"], [["periodsPerYear", 365], ["Response Days", 7], ["periods per year", 52], ["response days", 3]]);
    const file = path.join(dir, "twice.xlsx");
    await workbook.xlsx.writeFile(file);
    const run = await runAps("plan", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}: Settings!A4: setting "periods per year" is given twice (also in Settings!A2); keep one row.\n`);
    expect(run.stderr).toContain(`${file}: Settings!A5: setting "response days" is given twice (also in Settings!A3); keep one row.\n`);
  });

  it("a name one or two letters off any feature's setting gets the name meant", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(BOOK);
    putSheet(workbook, "Settings", ["Name", "Value"], [["Private Colums", "Order Cost"], ["forecastHorizn", 6], ["my own note", 1]]);
    const file = path.join(dir, "misspelt.xlsx");
    await workbook.xlsx.writeFile(file);
    const run = await runAps("plan", file);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n").slice(0, 2)).toEqual([
      `${file}: Settings!A2: setting "Private Colums" is not known; did you mean "Private Columns"?`,
      `${file}: Settings!A3: setting "forecastHorizn" is not known; did you mean "forecastHorizon"?`,
    ]);
  });

  it("a date or a formula without a saved value in a Stages number column is named at its cell", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(BOOK);
    const stages = workbook.getWorksheet("Stages")!;
    stages.getCell("C2").value = new Date(Date.UTC(2026, 0, 2));
    stages.getCell("G3").value = { formula: "F3*2" } as ExcelJS.CellFormulaValue;
    const file = path.join(dir, "quirks.xlsx");
    await workbook.xlsx.writeFile(file);
    const run = await runAps("plan", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}: Stages!C2: Demand Rate holds the date 2026-01-02, not a number: Excel turns typing such as 1/2 into a date; type the number again in a cell formatted as Number.\n`);
    expect(run.stderr).toContain(`${file}: Stages!G3: Holding Cost holds a formula with no saved value (the file was written by a program that does not calculate formulas); open the file in Excel or LibreOffice and save it, or type the value.\n`);
  });
});

describe("a table that is missing, with a sheet or table named nearly so", () => {
  it("plan: the Stages table on a sheet named Stage", async () => {
    const workbook = new ExcelJS.Workbook();
    putSheet(workbook, "Stage", ["Id", "Demand Rate", "Processing Time"], [["A", 5, 1]]);
    const file = path.join(dir, "stage.xlsx");
    await workbook.xlsx.writeFile(file);
    const run = await runAps("plan", file);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(`${file}: The workbook has no "Stages" table (is the sheet or table "Stage" meant?): add a table (or sheet) named Stages with an "Id" column.`);
  });

  it("forecast: a sheet named Demand Histroy", async () => {
    const workbook = new ExcelJS.Workbook();
    putSheet(workbook, "Demand Histroy", ["Stage", "Period", "Quantity"], [["A", 1, 5]]);
    const file = path.join(dir, "histroy.xlsx");
    await workbook.xlsx.writeFile(file);
    const run = await runAps("forecast", file);
    expect([run.status, run.stderr]).toEqual([2, `${file}: the workbook has no "Demand History" table (Stage, Period, Quantity) (is the sheet or table "Demand Histroy" meant?).\n`]);
  });
});
