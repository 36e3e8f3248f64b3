// The cases of the hardening issue, as a user meets them: each test asserts the message printed
// (the file's name, the user's own field, the limit), not an internal name.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runMain } from "./support/harness";

let folder: string;
beforeAll(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), "aps-issue-")); });
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function jsonFile(name: string, network: unknown): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, JSON.stringify(network));
  return file;
}

async function workbookFile(name: string, stages: unknown[][], arcs: unknown[][] = []): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Stages");
  sheet.addRow(["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Order Cost"]);
  for (const row of stages) sheet.addRow(row);
  const arcSheet = workbook.addWorksheet("Arcs");
  arcSheet.addRow(["From", "To", "Quantity"]);
  for (const row of arcs) arcSheet.addRow(row);
  const file = path.join(folder, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

const network = (stages: unknown[], arcs: unknown[] = []) => ({ format: "aps-network/1", stages, arcs });

describe("a figure that overflows is an input error naming the user's field and the limit", () => {
  it("demand rate 1e308 in JSON: the file, stages[0].demandRate and the limit", async () => {
    const file = jsonFile("huge.json", network([{ id: "A", demandRate: 1e308, demandSd: 1, processingTime: 1, holdingCost: 1 }]));
    const run = await runMain(["plan", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `${file}: stages[0].demandRate: demandRate must be at most 1,000,000,000 (got 1e+308): larger figures overflow the plan.\n` +
      `${file}: 1 input error(s); nothing was written.\n`);
    expect(run.stderr).not.toMatch(/unitCost|stages\[0\] \(A\)/);
  });

  it("demand rate 1e308 in a workbook: the file, the cell and the header", async () => {
    const file = await workbookFile("huge.xlsx", [["A", 1e308, 1, 1, 1, 10]]);
    const run = await runMain(["plan", file]);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(`${file}: Stages!B2: Demand Rate must be at most 1,000,000,000 (got 1e+308): larger figures overflow the plan.`);
  });

  it("quantities that multiply demand past the limit name the stage where it is passed and the arcs' Quantity", async () => {
    const chain = Array.from({ length: 8 }, (_, i) => ({ id: `S${i}`, processingTime: 1, ...(i === 0 ? { demandRate: 1e8 } : {}) }));
    const arcs = chain.slice(1).map((_, i) => ({ from: `S${i + 1}`, to: `S${i}`, quantity: 1000 }));
    const file = jsonFile("chain.json", network(chain, arcs));
    const run = await runMain(["plan", file]);
    expect(run.status).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe(`${file}: stages[2].demandRate: Stage "S2": the demand that reaches it through the arcs is 1.00e+14 per time unit, above the limit of 1,000,000,000,000; check the quantity of its arcs to its customers.`);
  });
});

describe("all input errors at once", () => {
  it("a negative quantity, a duplicate id, a self-loop and an unknown stage come in one run, each with its place", async () => {
    const file = jsonFile("rounds.json", network(
      [{ id: "A", demandRate: 10, processingTime: 1 }, { id: "B", processingTime: 1 }, { id: "A", processingTime: 2 }],
      [{ from: "B", to: "A", quantity: -1 }, { from: "B", to: "B" }, { from: "Z", to: "A" }],
    ));
    const run = await runMain(["plan", file]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      `${file}: stages[2].id: Stage "A" is listed twice (also on stage row 1); ids must be unique.`,
      `${file}: arcs[0].quantity: quantity must be greater than 0 (got -1).`,
      `${file}: arcs[1].to: Arc from "B" to itself: a stage cannot consume its own output.`,
      `${file}: arcs[2].from: Arc from "Z" is not a stage of the network.`,
      `${file}: 4 input error(s); nothing was written.`,
    ]);
  });

  it("the same four in a workbook, named by cell and header", async () => {
    const file = await workbookFile("rounds.xlsx", [["A", 10, null, 1], ["B", null, null, 1], ["A", null, null, 2]], [["B", "A", -1], ["B", "B", null], ["Z", "A", null]]);
    const run = await runMain(["plan", file]);
    expect(run.stderr.trim().split("\n")).toEqual([
      `${file}: Stages!A4: Stage "A" is listed twice (also on stage row 1); ids must be unique.`,
      `${file}: Arcs!C2: Quantity must be greater than 0 (got -1).`,
      `${file}: Arcs!B3: Arc from "B" to itself: a stage cannot consume its own output.`,
      `${file}: Arcs!A4: Arc from "Z" is not a stage of the network.`,
      `${file}: 4 input error(s); nothing was written.`,
    ]);
  });

  it("a cycle is reported beside a field error", async () => {
    const file = jsonFile("cycle.json", network(
      [{ id: "A", demandRate: 10, processingTime: 1 }, { id: "B", processingTime: "slow" }, { id: "C", processingTime: 1 }],
      [{ from: "B", to: "A" }, { from: "C", to: "B" }, { from: "B", to: "C" }],
    ));
    const lines = (await runMain(["plan", file])).stderr.trim().split("\n");
    expect(lines[0]).toBe(`${file}: stages[1].processingTime: processingTime must be a number (got text "slow").`);
    expect(lines[1]).toMatch(/arcs\[\d\]: The arcs form a cycle \(/);
  });

  it("120 bad stages: the first 50 in full, then a count of the rest", async () => {
    const stages = [{ id: "A", demandRate: 10, processingTime: 1 }, ...Array.from({ length: 120 }, (_, i) => ({ id: `S${i}`, holdingCost: -1 }))];
    const file = jsonFile("many.json", network(stages));
    const lines = (await runMain(["plan", file])).stderr.trim().split("\n");
    expect(lines).toHaveLength(52);
    expect(lines[50]).toBe(`${file}: … and 70 more input errors not shown (fix these and run again).`);
    expect(lines[51]).toBe(`${file}: 120 input error(s); nothing was written.`);
  });

  it("a job-shop text with two bad lines reports both", async () => {
    const file = path.join(folder, "two.txt");
    fs.writeFileSync(file, "2 2\n0 3 5 1\n0 2 1 -4\n");
    const run = await runMain(["schedule", file, "--iterations", "10"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("two.txt line 2: machine 5 is out of range 0..1.\ntwo.txt line 3: duration -4 is negative.\n");
  });
});

describe("every blank figure has its reason", () => {
  const plan = async (name: string, stages: unknown[], arcs: unknown[] = []) => {
    const run = await runMain(["plan", jsonFile(name, network(stages, arcs)), "--json"]);
    expect(run.status).toBe(0);
    return JSON.parse(run.stdout);
  };

  it("order cost 0 gives lot size 0 with an info, not an error", async () => {
    const result = await plan("k0.json", [{ id: "A", demandRate: 10, demandSd: 2, processingTime: 1, holdingCost: 1, orderCost: 0 }]);
    expect(result.stages[0].lotSize).toBe(0);
    expect(result.exceptions).toContainEqual({ severity: "info", where: "stages[0].orderCost", message: 'Stage "A": lot size 0: Order Cost is 0, so each unit is ordered as it is needed.', stage: "A" });
    expect(result.exceptions.filter((e: { severity: string }) => e.severity === "error")).toEqual([]);
  });

  it("demand 0 gives lot size 0 with an info", async () => {
    const result = await plan("d0.json", [{ id: "A", demandRate: 10, processingTime: 1 }, { id: "Idle", demandRate: 0, processingTime: 1, holdingCost: 1, orderCost: 50 }]);
    expect(result.stages[1].lotSize).toBe(0);
    expect(result.exceptions).toContainEqual({ severity: "info", where: "stages[1].demandRate", message: 'Stage "Idle": lot size 0: no demand reaches the stage (no Demand Rate of its own, and no customer stage draws on it).', stage: "Idle" });
  });

  it("every null figure of a plan is named in an exception with the input it needs", async () => {
    const result = await plan("blank.json", [{ id: "A", demandRate: 10, demandSd: 2, processingTime: 1 }, { id: "B", processingTime: 2 }], [{ from: "B", to: "A" }]);
    const a = result.stages[0];
    expect(a.lotSize).toBeNull();
    expect(result.exceptions).toContainEqual({ severity: "info", where: "stages[0].orderCost", message: 'Stage "A": lot size and cycle stock are blank: give Order Cost and Holding Cost.', stage: "A" });
    // Its blank costs: the warning about free stock already asks for Holding Cost, so no second note.
    expect(result.exceptions.filter((e: { where: string }) => e.where === "stages[0].holdingCost")).toEqual([
      { severity: "warning", where: "stages[0].holdingCost", message: 'Stage "A" holds 3.290 units of safety stock but has no holding cost, so the plan treats its stock as free: give Holding Cost.', stage: "A" },
    ]);
    expect(result.kpis.inventoryTurns).toBeNull();
    expect(result.exceptions).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/^Inventory turns are blank: .*give Holding Cost/) }));
    expect(result.exceptions).toContainEqual(expect.objectContaining({ where: "arcs[0]", message: 'Arc "B" → "A": inbound lead time is blank: it needs the lot size of "B" (see that stage).' }));
    // Each stage's blank figures are covered: rate, queue and costs included.
    for (const [row, stage] of result.stages.entries()) {
      const blanks = Object.entries(stage).filter(([, v]) => v === null).map(([k]) => k);
      const said = result.exceptions.filter((e: { where: string }) => e.where.startsWith(`stages[${row}]`)).map((e: { message: string }) => e.message).join(" ");
      expect({ stage: stage.id, blanks: blanks.length > 0, explained: said.length > 0 }).toEqual({ stage: stage.id, blanks: blanks.length > 0, explained: blanks.length > 0 });
    }
  });
});

describe("limits are checked before a file is loaded", () => {
  it("a workbook whose sheet declares 300,000 rows is refused with the limit, without loading it", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    zip.file("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="Stages" sheetId="1" r:id="rId1"/></sheets></workbook>');
    zip.file("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');
    zip.file("xl/worksheets/sheet1.xml", '<worksheet><dimension ref="A1:F300000"/><sheetData/></worksheet>');
    const file = path.join(folder, "tall.xlsx");
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const run = await runMain(["plan", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${file}: sheet "Stages" has 300,000 rows; aps reads workbooks of at most 200,000 rows per sheet (move other data to another workbook).\n`);
  });

  it("a file over its size limit is refused from its size alone", async () => {
    const file = path.join(folder, "big.json");
    const handle = fs.openSync(file, "w");
    fs.ftruncateSync(handle, 65 * 1024 * 1024); // sparse: 65 MiB without writing them
    fs.closeSync(handle);
    const run = await runMain(["plan", file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${file}: the file is 65 MiB; aps reads .json files of at most 64 MiB.\n`);
  });
});

describe("the command starts at once", () => {
  it("bin/aps.js runs the compiled lib/cli/aps.js (no fallback note) and prints its version", () => {
    const root = path.join(__dirname, "..", "..");
    const run = spawnSync(process.execPath, [path.join(root, "bin", "aps.js"), "--version"], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(`aps ${JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).version}\n`);
    expect(run.status).toBe(0);
    expect(fs.existsSync(path.join(root, "lib", "cli", "aps.js"))).toBe(true);
  });

  it("aps --version does not load ExcelJS (it loads only when an .xlsx is read or written)", () => {
    const root = path.join(__dirname, "..", "..");
    const probe = `require(${JSON.stringify(path.join(root, "lib", "cli", "aps.js"))}).main(["--version"], { stdout() {}, stderr() {} })` +
      `.then(() => console.log(Object.keys(require.cache).some((k) => /node_modules[\\\\/]exceljs[\\\\/]/.test(k))))`;
    const run = spawnSync(process.execPath, ["-e", probe], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("false");
  });
});
