// `aps schedule` in-process with a fake CliIo: exit statuses, the aps-schedule/1 and aps-sequence/1
// JSON contracts, reproducibility, and the .xlsx copy with a Schedule sheet (input untouched).
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { scheduleCommand } from "../../src/cli/scheduleCommand";
import { checkSchedule } from "../../src/engine/schedule/check";
import { parseJobShopText } from "../../src/engine/schedule/jobShop/jobShopText";

const fixtures = path.join(__dirname, "..", "fixtures");
async function run(...args: string[]) {
  let stdout = "", stderr = "";
  const status = await scheduleCommand(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { status, stdout, stderr };
}

describe("aps schedule FILE [--iterations N] [--seed N] [--json]", () => {
  it("prints aps-schedule/1 for ft06 with makespan 55, exit 0", async () => {
    const file = path.join(fixtures, "jobshop", "ft06.txt");
    const r = await run(file, "--iterations", "20000", "--seed", "1", "--json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ format: "aps-schedule/1", makespan: 55, totalWeightedTardiness: 0, status: "optimal" });
    expect(Object.keys(out).slice(0, 4)).toEqual(["format", "makespan", "totalWeightedTardiness", "operations"]);
    expect(Object.keys(out.operations[0])).toEqual(["job", "step", "machine", "start", "end"]);
    expect(checkSchedule(parseJobShopText(readFileSync(file, "utf8")), out.operations).valid).toBe(true);
  });

  it("gives the same answer twice with a seed and an iteration budget", async () => {
    const file = path.join(fixtures, "jobshop", "la16.txt");
    const a = JSON.parse((await run(file, "--iterations", "2000", "--seed", "9", "--json")).stdout);
    const b = JSON.parse((await run(file, "--iterations", "2000", "--seed", "9", "--json")).stdout);
    expect(b.operations).toEqual(a.operations);
  });

  it("prints aps-sequence/1 for br17 (closed tour 39)", async () => {
    const r = await run(path.join(fixtures, "atsp", "br17.atsp"), "--json", "--iterations", "10");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ format: "aps-sequence/1", length: 39, status: "optimal" });
    expect([...out.sequence].sort((x: number, y: number) => x - y)).toEqual(Array.from({ length: 17 }, (_, i) => i));
  });

  it("prints a readable summary without --json", async () => {
    const r = await run(path.join(fixtures, "jobshop", "ft06.txt"), "--iterations", "20000");
    expect(r.stdout).toMatch(/makespan 55/);
  });

  it("exits 2 naming file and line for a malformed file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aps-schedule-"));
    const file = path.join(dir, "ft10.txt");
    writeFileSync(file, "2 3\n0 1 1 1 2 1\n0 1 7 1 2 1\n");
    const r = await run(file, "--iterations", "10");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("ft10.txt line 3: machine 7 is out of range 0..2.\n");
  });

  it("exits 2 for a missing file, a bad flag and a bad number", async () => {
    expect((await run("/no/such/file.txt")).status).toBe(2);
    expect((await run(path.join(fixtures, "jobshop", "ft06.txt"), "--bogus")).status).toBe(2);
    expect((await run(path.join(fixtures, "jobshop", "ft06.txt"), "--iterations=-3")).stderr).toMatch(/--iterations must be a whole number/);
  });

  it("writes a Schedule sheet with Gantt fills into a copy of an .xlsx, leaving the input untouched", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aps-schedule-"));
    const input = path.join(dir, "shop.xlsx");
    const wb = new ExcelJS.Workbook();
    const ops = wb.addWorksheet("Operations");
    ops.addRow(["Job", "Step", "Machine", "Duration", "Due Date", "Weight"]);
    for (const row of [["Order 1", 1, "Cut", 3, 10, 1], ["Order 1", 2, "Weld", 2, null, null], ["Order 2", 1, "Weld", 4, 6, 2], ["Order 2", 2, "Cut", 1, null, null]]) ops.addRow(row);
    const co = wb.addWorksheet("Changeovers");
    co.addRow(["From Product", "To Product", "Time"]);
    for (const row of [["Red", "Blue", 4], ["Red", "Green", 1], ["Blue", "Green", 2], ["Green", "Blue", 3]]) co.addRow(row);
    await wb.xlsx.writeFile(input);
    const before = readFileSync(input);
    const r = await run(input, "--iterations", "500", "--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.format).toBe("aps-schedule/1");
    expect(out.changeovers).toMatchObject({ format: "aps-sequence/1", length: 4, sequence: [0, 2, 1] });
    expect(readFileSync(input).equals(before)).toBe(true);
    const written = path.join(dir, "shop.schedule.xlsx");
    expect(existsSync(written)).toBe(true);
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(written);
    const sheet = result.getWorksheet("Schedule")!;
    expect(sheet).toBeDefined();
    let filled = 0;
    sheet.eachRow((row) => row.eachCell((cell) => { if ((cell.fill as ExcelJS.FillPattern | undefined)?.pattern === "solid") filled++; }));
    expect(filled).toBeGreaterThanOrEqual(10);
    expect(result.getWorksheet("Sequence")).toBeDefined();
  });

  it("exits 2 naming the cell of a bad Operations value", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aps-schedule-"));
    const input = path.join(dir, "bad.xlsx");
    const wb = new ExcelJS.Workbook();
    const ops = wb.addWorksheet("Operations");
    ops.addRow(["Job", "Step", "Machine", "Duration"]);
    ops.addRow(["A", 1, "M", "long"]);
    await wb.xlsx.writeFile(input);
    const r = await run(input, "--iterations", "10");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Operations!D2: Duration must be a number/);
    expect(existsSync(path.join(dir, "bad.schedule.xlsx"))).toBe(false);
  });
});
