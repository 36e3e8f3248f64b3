// The workbook side: `aps plan` takes λ and σ_D from the Demand History table where Demand Rate /
// Demand Sd are blank (equal to the forecast's), and the pane's forecast job runs on tables.
import { forecastHistory, seriesFromRows } from "../../src/engine/forecast";
import { planWorkbookTables } from "../../src/workbook/plan/planWorkbook";
import { memoryPort } from "../../src/workbook/jobs/memoryPort";
import { forecastJob } from "../../src/workbook/forecast/forecastJob";
import { jobById } from "../../src/workbook/jobs/registry";
import type { CellValue, TableData } from "../../src/workbook/port";

const table = (name: string, headers: string[], rows: CellValue[][]): TableData => ({ name, sheet: name, headers, rows, headerRow: 1, firstColumn: 1 });

const STAGE_HEADERS = ["Id", "Demand Rate", "Demand Sd", "Service Level", "Processing Time", "Holding Cost", "Order Cost", "Service Cost", "Penalty Cost"];
const stages = table("Stages", STAGE_HEADERS, [
  ["Casting", null, null, 0.95, 0.02, 0.5, 200, 1, 10],
  ["Assembly", null, null, 0.95, 0.02, 4, 300, 2, 25],
]);
const arcs = table("Arcs", ["From", "To", "Quantity"], [["Casting", "Assembly", 1]]);
const assembly = [40, 42, 38, 45, 41, 44, 47, 43, 46, 49, 45, 48, 50, 47, 52, 49, 51, 54, 50, 53];
const historyRows: CellValue[][] = assembly.map((q, t) => ["Assembly", t + 1, q]);
const history = table("Demand History", ["Stage", "Period", "Quantity"], historyRows);
const settings = table("Settings", ["Name", "Value"], [["forecastHorizon", 6]]);

describe("aps plan on a workbook with a Demand History table", () => {
  it("takes λ and σ_D for the blank stage from the forecast, with an info exception naming the model", async () => {
    const outcome = await planWorkbookTables(memoryPort({ Stages: stages, Arcs: arcs, "Demand History": history, Settings: settings }));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const expected = forecastHistory(seriesFromRows(historyRows.map((r, i) => ({ stage: String(r[0]), period: r[1] as number, quantity: r[2] as number, row: i }))).series, { horizon: 6 }).record.series[0];
    const stage = outcome.plan.stages.find((s) => s.id === "Assembly")!;
    expect(stage.demandRate).toBeCloseTo(expected.rate, 9);
    const info = outcome.plan.exceptions.find((e) => e.severity === "info" && e.message.includes("Stage Assembly"));
    expect(info?.message).toContain(expected.method);
    expect(info?.where).toBe("Demand History");
    // σ_D: Assembly's own external deviation is the forecast's errorSd (its total demand σ_D adds nothing downstream).
    expect(stage.demandSd).toBeCloseTo(expected.errorSd, 9);
  });
  it("leaves given demand alone", async () => {
    const given = table("Stages", STAGE_HEADERS, [["Casting", null, null, 0.95, 0.02, 0.5, 200, 1, 10], ["Assembly", 30, 5, 0.95, 0.02, 4, 300, 2, 25]]);
    const outcome = await planWorkbookTables(memoryPort({ Stages: given, Arcs: arcs, "Demand History": history }));
    expect(outcome.ok && outcome.plan.stages.find((s) => s.id === "Assembly")!.demandRate).toBe(30);
    expect(outcome.ok && outcome.plan.exceptions.some((e) => e.message.includes("Demand History forecast"))).toBe(false);
  });
});

describe("forecastJob", () => {
  it("is registered", () => expect(jobById("forecast")).toBe(forecastJob));
  it("forecasts the Demand History table into Forecast sheets with λ and σ_D", async () => {
    const out = await forecastJob.run({ tables: { "Demand History": history, Settings: settings, "Segment Service Levels": null }, options: { horizon: null, seasonLength: null } }, () => {});
    expect(out.status).toBe("done");
    expect(out.sheets.map((s) => s.name)).toEqual(["Forecast", "Forecast Summary", "Forecast Exceptions"]);
    const forecast = out.sheets[0];
    expect(forecast.rows.filter((r) => r[2] === "forecast")).toHaveLength(6);
    expect(forecast.charts?.[0].kind).toBe("line");
    const json = out.json as { format: string; series: { rate: number; forecast: number[] }[] };
    expect(json.format).toBe("aps-forecast/1");
    expect(out.sheets[1].rows[0][2]).toBe(json.series[0].rate);
  });
  it("the horizon option wins over Settings", async () => {
    const out = await forecastJob.run({ tables: { "Demand History": history, Settings: settings }, options: { horizon: 3 } }, () => {});
    expect((out.json as { series: { forecast: number[] }[] }).series[0].forecast).toHaveLength(3);
  });
  it("refuses bad rows naming each cell, and writes nothing", async () => {
    const bad = table("Demand History", ["Stage", "Period", "Quantity"], [["A", 1, 5], ["A", 2, "lots"], [null, 3, 4], ["A", true, 4]]);
    const out = await forecastJob.run({ tables: { "Demand History": bad }, options: {} }, () => {});
    expect(out.status).toBe("invalid");
    expect(out.sheets).toEqual([]);
    // One exception per problem, each at its cell.
    const text = out.exceptions.map((e) => `${e.where}: ${e.message}`).join("\n");
    expect(text).toContain("'Demand History'!C3: Quantity must be a number");
    expect(text).toContain("'Demand History'!A4: Stage must name a stage");
    expect(text).toContain("'Demand History'!B5: Period must be a date");
  });
  it("refuses a negative quantity, as the simulation does (one set of Demand History rules)", async () => {
    const bad = table("Demand History", ["Stage", "Period", "Quantity"], [["A", 1, 5], ["A", 2, -3]]);
    const out = await forecastJob.run({ tables: { "Demand History": bad }, options: {} }, () => {});
    expect(out.status).toBe("invalid");
    expect(out.exceptions.map((e) => `${e.where}: ${e.message}`).join("\n")).toContain("'Demand History'!C3: Quantity must be a number of at least 0 (got -3)");
  });
  it("says which table is missing", async () => {
    const out = await forecastJob.run({ tables: {}, options: {} }, () => {});
    expect(out.status).toBe("invalid");
    expect(out.exceptions[0].message).toContain("Demand History");
  });
});

describe("Partner Forecasts (CPFR) in the forecast job", () => {
  it("reports a partner's forecast 20 % off actual consumption and off our forecast, naming partner, stage and periods", async () => {
    const partner = table("Partner Forecasts", ["Partner", "Stage", "Period", "Quantity"], [
      ["Retailer", "Assembly", 19, 51], // actual 50: within 20 %
      ["Retailer", "Assembly", 20, 80], // actual 53: off
      ["Retailer", "Assembly", 21, 200], // ahead: far above our forecast
      ["Retailer", "Nowhere", 21, 5],
    ]);
    const out = await forecastJob.run({ tables: { "Demand History": history, Settings: settings, "Partner Forecasts": partner }, options: {} }, () => {});
    expect(out.status).toBe("done");
    const messages = out.exceptions.map((e) => e.message);
    expect(messages).toContainEqual(expect.stringMatching(/^Stage Assembly: the forecast differs from actual consumption \(Retailer\) by more than 20 % in period\(s\) 20 /));
    expect(messages).toContainEqual(expect.stringMatching(/^Stage Assembly: Retailer's forecast differs from the buyer's by more than 20 % in period\(s\) 21 /));
    expect(out.exceptions.find((e) => e.message.includes("Nowhere"))?.where).toBe("'Partner Forecasts'!B5");
    expect(out.sheets[2].rows.length).toBe(out.exceptions.length);
  });
});

describe("Orders table → Customer Profiles sheet", () => {
  it("gives orders per month and mean lead-time tolerance per customer", async () => {
    const orders = table("Orders", ["Customer", "Order Date", "Due Date"], [["Acme", 45292, 45302], ["Acme", 45292 + 60.875, 45292 + 64.875], ["Bolt", 45300, null], ["Bolt", "soon", null]]);
    const out = await forecastJob.run({ tables: { "Demand History": history, Orders: orders }, options: {} }, () => {});
    const sheet = out.sheets.find((s) => s.name === "Customer Profiles")!;
    expect(sheet.rows[0]).toEqual(["Acme", 2, 1, 7]); // 2 orders over 2 months; tolerances 10 and 4 days
    expect(sheet.rows[1][3]).toBeNull();
    expect(out.exceptions.some((e) => e.where === "Orders!B5")).toBe(true);
  });
});

describe("ABC by value", () => {
  it("uses the Unit Value column of Demand History when there is one", async () => {
    const rows: CellValue[][] = [];
    for (let t = 1; t <= 8; t++) { rows.push(["Bulk", t, 100, 0.1]); rows.push(["Precious", t, 2, 50]); }
    const byValue = table("Demand History", ["Stage", "Period", "Quantity", "Unit Value"], rows);
    const out = await forecastJob.run({ tables: { "Demand History": byValue }, options: { horizon: 2 } }, () => {});
    const abc = Object.fromEntries((out.json as { series: { id: string; abc: string }[] }).series.map((s) => [s.id, s.abc]));
    expect(abc).toEqual({ Precious: "A", Bulk: "B" }); // values 800 vs 80 per 8 periods
    const byVolume = table("Demand History", ["Stage", "Period", "Quantity"], rows.map((r) => r.slice(0, 3)));
    const out2 = await forecastJob.run({ tables: { "Demand History": byVolume }, options: { horizon: 2 } }, () => {});
    expect((out2.json as { series: { id: string; abc: string }[] }).series.map((s) => s.abc)).toEqual(["A", "C"]); // volumes 800 vs 16: Precious starts at 98 %
  });
});
