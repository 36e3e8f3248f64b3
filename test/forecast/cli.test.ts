// `aps forecast` end to end: aps-history/1 JSON and a workbook with Demand History, in-process.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runAps } from "../support/runCli";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-forecast-"));
const write = (name: string, text: string) => { const f = path.join(dir, name); fs.writeFileSync(f, text); return f; };
const monthly = Array.from({ length: 36 }, (_, t) => Math.round(100 + 20 * Math.sin((2 * Math.PI * t) / 12) + t));

describe("aps forecast FILE.json", () => {
  it("prints aps-forecast/1 with exactly horizon numbers, rate and errorSd", async () => {
    const file = write("h.json", JSON.stringify({ format: "aps-history/1", horizon: 18, series: [{ id: "Assembly", frequency: 12, values: monthly }, { id: "Spare", values: [0, 0, 3, 0, 0, 0, 5, 0, 0, 4], horizon: 4 }] }));
    const run = await runAps("forecast", file, "--json");
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.format).toBe("aps-forecast/1");
    expect(out.series[0].forecast).toHaveLength(18);
    expect(out.series[1].forecast).toHaveLength(4);
    expect(out.series[1].pattern).toBe("intermittent");
    for (const s of out.series) for (const key of ["id", "method", "forecast", "lower", "upper", "level", "rate", "errorSd", "pattern", "abc", "xyz", "accuracy"]) expect(s).toHaveProperty(key);
  });
  it("--horizon wins over the file's horizon; --out writes the JSON", async () => {
    const file = write("h2.json", JSON.stringify({ format: "aps-history/1", horizon: 18, series: [{ id: "A", values: monthly }] }));
    const out = path.join(dir, "f.json");
    const run = await runAps("forecast", file, "--horizon", "5", "--out", out);
    expect(run.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, "utf8")).series[0].forecast).toHaveLength(5);
  });
  it("exits 2 naming the file and the JSON path of each bad value", async () => {
    const file = write("bad.json", JSON.stringify({ format: "aps-history/1", series: [{ id: "A", values: [1, "x", null] }, { values: [] }] }));
    const run = await runAps("forecast", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}: series[0].values[1] must be a finite number`);
    expect(run.stderr).toContain(`${file}: series[0].values[2]`);
    expect(run.stderr).toContain(`${file}: series[1].id must be a non-empty text`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
  it("refuses a bad --horizon and --out equal to the input", async () => {
    const file = write("h3.json", JSON.stringify({ format: "aps-history/1", series: [{ id: "A", values: [1, 2, 3] }] }));
    expect((await runAps("forecast", file, "--horizon", "0")).status).toBe(2);
    expect((await runAps("forecast", file, "--out", file)).status).toBe(2);
  });
});

describe("aps forecast FILE.xlsx", () => {
  it("reads Demand History with monthly dates (season 12) and writes the Forecast sheets into a copy", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Demand History");
    ws.addTable({
      name: "DemandHistory", ref: "A1", columns: [{ name: "Stage" }, { name: "Period" }, { name: "Quantity" }],
      rows: monthly.flatMap((q, t) => [["Assembly", new Date(Date.UTC(2022, t, 1)), q - 10], ["Assembly", new Date(Date.UTC(2022, t, 15)), 10]]),
    });
    const file = path.join(dir, "history.xlsx");
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "history.forecast.xlsx");
    const run = await runAps("forecast", file, "--out", out, "--horizon", "12");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Assembly");
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet("Forecast")).toBeDefined();
    expect(back.getWorksheet("Forecast Summary")).toBeDefined();
    const json = await runAps("forecast", file, "--json", "--horizon", "12");
    const s = JSON.parse(json.stdout).series[0];
    expect(s.seasonLength).toBe(12);
    expect(s.forecast).toHaveLength(12);
  });
  it("exits 2 when the workbook has no Demand History table", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Other").getCell("A1").value = 1;
    const file = path.join(dir, "none.xlsx");
    await wb.xlsx.writeFile(file);
    const run = await runAps("forecast", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}: the workbook has no "Demand History" table`);
  });
  it("counts every bad cell, though it lists the first 20", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Demand History");
    sheet.addRow(["Stage", "Period", "Quantity"]);
    for (let t = 1; t <= 30; t++) sheet.addRow(["A", t, "x"]);
    const file = path.join(dir, "thirty.xlsx");
    await wb.xlsx.writeFile(file);
    const run = await runAps("forecast", file);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${file}: … and 10 more problem(s) in the Demand History table.`);
    expect(run.stderr).toContain(`${file}: 30 input error(s); nothing was written.`);
  });
});

describe("examples/demand-history.xlsx", () => {
  const example = path.join(__dirname, "..", "..", "examples", "demand-history.xlsx");
  it("aps plan takes λ and σ_D of the blank demand stages from aps forecast's result", async () => {
    const forecast = JSON.parse((await runAps("forecast", example, "--json")).stdout);
    const planRun = await runAps("plan", example, "--json");
    expect(planRun.status).toBe(0);
    const plan = JSON.parse(planRun.stdout);
    for (const id of ["Final Assembly", "Heat Treatment"]) {
      const f = forecast.series.find((s: { id: string }) => s.id === id);
      const info = plan.exceptions.find((e: { severity: string; message: string }) => e.severity === "info" && e.message.startsWith(`Stage ${id}: Demand Rate`));
      expect(info.message).toContain(f.method);
      expect(info.message).toContain(`Demand Rate ${f.rate.toFixed(3)}`);
      expect(info.message).toContain(`Demand Sd ${f.errorSd.toFixed(3)}`);
    }
    expect(forecast.series.find((s: { id: string }) => s.id === "Heat Treatment").method).toBe("SBA");
  }, 180000); // two commands over a year of daily history (ETS, Theta and ARIMA fitted twice): a guard against hanging, not a speed check
});
