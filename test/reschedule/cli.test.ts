// `aps reschedule` and the Reschedule job end to end: a text shop with the published JSON of
// `aps schedule`, an aps-shop/1 file, a workbook with Operations / Downtime / Customers /
// Escalation / Published Schedule, promise dates, and input errors that name the file.
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runAps } from "../support/runCli";
import { checkReschedule } from "../../src/engine/reschedule/check";
import { matchPublished, publishedFromJson } from "../../src/engine/reschedule/published";
import { shopFromJobShop } from "../../src/engine/reschedule/shop";
import { shopFromJson } from "../../src/engine/reschedule/shopJson";
import { parseJobShopText } from "../../src/engine/schedule/jobShop/jobShopText";
import { rescheduleJob } from "../../src/workbook/reschedule/rescheduleJob";
import { jobById } from "../../src/workbook/jobs/registry";
import type { TableData } from "../../src/workbook/port";

const dir = mkdtempSync(path.join(tmpdir(), "aps-reschedule-"));
const ft06 = path.join(__dirname, "..", "fixtures", "jobshop", "ft06.txt");

describe("aps reschedule with a job-shop text file", () => {
  it("reschedules ft06 plus an urgent job against its published schedule; the checker accepts it", async () => {
    const published = await runAps("schedule", ft06, "--iterations", "3000", "--json");
    expect(published.status).toBe(0);
    const publishedFile = path.join(dir, "ft06.published.json");
    writeFileSync(publishedFile, published.stdout);
    const shopFile = path.join(dir, "ft06-plus.txt");
    const text = readFileSync(ft06, "utf8").replace(/^6 6/m, "7 6") + "\n0 5 1 5 2 5 3 5 4 5 5 5\n";
    writeFileSync(shopFile, text);
    const r = await runAps("reschedule", shopFile, publishedFile, "--now", "10", "--frozen", "5", "--iterations", "2000", "--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(0, 6)).toEqual(["format", "makespan", "totalWeightedTardiness", "operations", "disruption", "fullResolve"]);
    expect(out.format).toBe("aps-schedule/1");
    expect(Object.keys(out.disruption).slice(0, 3)).toEqual(["movedOperations", "totalStartShift", "keptOperations"]);
    expect(Object.keys(out.fullResolve).slice(0, 3)).toEqual(["makespan", "totalWeightedTardiness", "movedOperations"]);
    const shop = shopFromJobShop(parseJobShopText(text));
    const before = matchPublished(shop, publishedFromJson(JSON.parse(published.stdout), "p"), "p");
    const check = checkReschedule(shop, before, out.operations, { now: 10, frozen: 5 });
    expect(check.violations).toEqual([]);
    expect(out.disruption.movedOperations).toBe(check.movedOperations);
    expect(out.makespan).toBe(check.makespan);
  });

  it("quotes a promise date with --promise", async () => {
    const published = await runAps("schedule", ft06, "--iterations", "3000", "--json");
    const publishedFile = path.join(dir, "p2.json");
    writeFileSync(publishedFile, published.stdout);
    const shopFile = path.join(dir, "ft06-quote.txt");
    writeFileSync(shopFile, readFileSync(ft06, "utf8").replace(/^6 6/m, "7 6") + "\n0 1 1 1 2 1 3 1 4 1 5 1\n");
    const r = await runAps("reschedule", shopFile, publishedFile, "--now", "0", "--promise", "6", "--quantity", "2", "--iterations", "1000", "--json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ format: "aps-promise/1", job: "6", quantity: 2 });
    expect(out.insertion.completion).toBeGreaterThanOrEqual(12);
    expect(out.resolve.completion).toBeLessThanOrEqual(out.insertion.completion);
  });
});

const shopJson = {
  format: "aps-shop/1",
  jobs: [
    { id: "Order 101", due: 18, weight: 2, release: 0, customer: "Acme", operations: [{ machine: "Saw", duration: 3 }, { machine: "Mill", duration: 4 }] },
    { id: "Order 102", due: 12, operations: [{ machine: "Mill", duration: 2 }, { machine: "Saw", duration: 5 }] },
    { id: "Rush 1", due: 9, weight: 5, operations: [{ machine: "Saw", duration: 2 }] },
  ],
  downtime: [{ machine: "Mill", from: 10, to: 14 }],
  customers: [{ id: "Acme", tier: 1, latest: 16 }],
  escalation: [{ daysLateFrom: 0, level: 1, role: "Planner", contact: "planner@example.com" }],
};
const publishedJson = {
  format: "aps-schedule/1", makespan: 10, totalWeightedTardiness: 0, jobNames: ["Order 101", "Order 102"], machineNames: ["Saw", "Mill"],
  operations: [
    { job: 0, step: 0, machine: 0, start: 0, end: 3 }, { job: 0, step: 1, machine: 1, start: 3, end: 7 },
    { job: 1, step: 0, machine: 1, start: 0, end: 2 }, { job: 1, step: 1, machine: 0, start: 3, end: 8 },
  ],
};

describe("aps reschedule with aps-shop/1", () => {
  it("inserts the rush order with the Mill down 10–14 and writes the JSON to --out", async () => {
    const shopFile = path.join(dir, "shop.json"), pubFile = path.join(dir, "published.json"), outFile = path.join(dir, "out.json");
    writeFileSync(shopFile, JSON.stringify(shopJson));
    writeFileSync(pubFile, JSON.stringify(publishedJson));
    const r = await runAps("reschedule", shopFile, pubFile, "--now", "1", "--frozen", "1", "--iterations", "2000", "--out", outFile);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/moved \d+ operations/);
    const out = JSON.parse(readFileSync(outFile, "utf8"));
    const shop = shopFromJson(shopJson, "shop.json").shop;
    const check = checkReschedule(shop, matchPublished(shop, publishedFromJson(publishedJson, "p"), "p"), out.operations, { now: 1, frozen: 1 });
    expect(check.violations).toEqual([]);
    expect(out.jobNames).toEqual(["Order 101", "Order 102", "Rush 1"]);
  });

  it("names the published job that is not in the shop, exit 2", async () => {
    const shopFile = path.join(dir, "shop2.json"), pubFile = path.join(dir, "published2.json");
    writeFileSync(shopFile, JSON.stringify(shopJson));
    writeFileSync(pubFile, JSON.stringify({ ...publishedJson, jobNames: ["Order 101", "Order 999"] }));
    const r = await runAps("reschedule", shopFile, pubFile, "--now", "0");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/published2\.json.*job "Order 999" is not in the shop/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("aps schedule takes aps-shop/1 and honours the window's latest for the tier-1 customer", async () => {
    const shopFile = path.join(dir, "shop3.json");
    writeFileSync(shopFile, JSON.stringify(shopJson));
    const r = await runAps("schedule", shopFile, "--iterations", "3000", "--json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const shop = shopFromJson(shopJson, "shop.json").shop;
    expect(checkReschedule(shop, [], out.operations, { now: 0, frozen: 0 }).valid).toBe(true);
    const acme = Math.max(...out.operations.filter((op: { job: number }) => op.job === 0).map((op: { end: number }) => op.end));
    expect(acme).toBeLessThanOrEqual(16);
  });
});

function table(name: string, headers: string[], rows: (string | number | null)[][]): TableData {
  return { name, sheet: name, headers, rows, headerRow: 1, firstColumn: 1 };
}
const operationsRows = [
  ["Order 101", 0, "Saw", 3, 18, 2, 0, "Acme"], ["Order 101", 1, "Mill", 4, 18, 2, 0, "Acme"],
  ["Order 102", 0, "Mill", 2, 12, 1, null, null], ["Order 102", 1, "Saw", 5, 12, 1, null, null],
  ["Rush 1", 0, "Saw", 2, 4, 5, null, "Acme"],
];
const tables = {
  Operations: table("Operations", ["Job", "Step", "Machine", "Duration", "Due Date", "Weight", "Release", "Customer"], operationsRows),
  Downtime: table("Downtime", ["Machine", "From", "To"], [["Mill", 10, 14]]),
  Customers: table("Customers", ["Customer", "Priority Tier", "Weight", "Earliest", "Latest", "Owner"], [["Acme", 1, 1, null, 16, "Kim"]]),
  Escalation: table("Escalation", ["Days Late From", "Level", "Role", "Contact"], [[0, 1, "Planner", "planner@example.com"], [3, 2, "Sales manager", "sales@example.com"]]),
  "Published Schedule": table("Published Schedule", ["Machine", "Job", "Step", "Start", "End"], [
    ["Saw", "Order 101", 0, 0, 3], ["Mill", "Order 101", 1, 3, 7], ["Mill", "Order 102", 0, 0, 2], ["Saw", "Order 102", 1, 3, 8],
  ]),
};

describe("the Reschedule job (pane)", () => {
  it("is registered and reschedules the workbook tables, with before/after sheets and escalations linked to their rows", () => {
    expect(jobById("reschedule")).toBe(rescheduleJob);
    const out = rescheduleJob.run({ tables, options: { now: 1, frozen: 2, seed: 1, timeLimit: 0.3 } }, () => undefined) as ReturnType<typeof rescheduleJob.run> & { status: string };
    const o = out as Exclude<typeof out, Promise<unknown>>;
    expect(o.status).toBe("done");
    expect(o.sheets.map((s) => s.name)).toEqual(["Schedule", "Schedule Before", "Schedule Operations", "Schedule Jobs", "Reschedule Changes", "Escalations"]);
    const json = o.json as { operations: { job: number; start: number }[]; escalations: { order: string; level: number }[] };
    // Rush 1 (Acme, tier 1, due 4) cannot make it: Saw is kept 0–3 (frozen until 3), so it ends at 5 at best: 1 late, level 1.
    const escalations = o.sheets.find((s) => s.name === "Escalations")!;
    expect(json.escalations.find((e) => e.order === "Rush 1")).toMatchObject({ level: 1 });
    for (const e of json.escalations) expect(o.exceptions.some((x) => x.message.startsWith(e.order))).toBe(true);
    escalations.rows.forEach((row, r) => expect(escalations.links).toContainEqual({ row: r, column: 0, target: expect.stringMatching(/^Operations!A\d+$/) }));
    const changes = o.sheets.find((s) => s.name === "Reschedule Changes")!;
    expect(changes.rows.filter((row) => row[7] === "new")).toHaveLength(1);
  });

  it("quotes a promise date for an order not yet published", () => {
    const o = rescheduleJob.run({ tables, options: { mode: "Promise date", promiseJob: "Rush 1", now: 0, timeLimit: 0.2 } }, () => undefined) as { status: string; cards: { value: unknown }[]; sheets: { name: string }[] };
    expect(o.status).toBe("done");
    expect(o.sheets.map((s) => s.name)).toEqual(["Promise"]);
    // Saw is busy 0–3 and 3–8 in the published schedule: the rush fits 8–10 without moving anything.
    expect(o.cards[0].value).toBe(10);
  });

  it("refuses bad input with the cell that is wrong, and says when there is no published schedule", () => {
    const bad = { ...tables, Operations: table("Operations", tables.Operations.headers, [...operationsRows, ["Order 103", 0, "Saw", "fast", null, null, null, null]]) };
    const o = rescheduleJob.run({ tables: bad, options: {} }, () => undefined) as { status: string; exceptions: { where: string | null; message: string }[] };
    expect(o.status).toBe("invalid");
    expect(o.exceptions[0]).toMatchObject({ where: "Operations!D7", message: 'Duration must be a number (got "fast")' });
    const none = rescheduleJob.run({ tables: { Operations: tables.Operations }, options: {} }, () => undefined) as { status: string; exceptions: { message: string }[] };
    expect(none.exceptions[0].message).toMatch(/no published schedule/);
  });
});

describe("aps reschedule with a workbook", () => {
  it("writes the schedule sheets and the before/after view into a copy; the input is untouched", async () => {
    const book = new ExcelJS.Workbook();
    for (const t of Object.values(tables)) {
      const sheet = book.addWorksheet(t.name);
      sheet.addRow(t.headers);
      for (const row of t.rows) sheet.addRow(row);
    }
    const file = path.join(dir, "shop.xlsx");
    await book.xlsx.writeFile(file);
    const before = readFileSync(file);
    const r = await runAps("reschedule", file, file, "--now", "1", "--frozen", "2", "--iterations", "1000");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = path.join(dir, "shop.reschedule.xlsx");
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(file).equals(before)).toBe(true);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    for (const name of ["Schedule", "Schedule Before", "Schedule Operations", "Reschedule Changes", "Escalations"]) expect(written.getWorksheet(name)).toBeDefined();
  });
});

describe("aps schedule on a workbook with Customers", () => {
  it("schedules with the customers' windows and tiers and writes the Escalations sheet", async () => {
    const book = new ExcelJS.Workbook();
    for (const t of [tables.Operations, tables.Customers, tables.Escalation]) {
      const sheet = book.addWorksheet(t.name);
      sheet.addRow(t.headers);
      for (const row of t.rows) sheet.addRow(row);
    }
    const file = path.join(dir, "customers.xlsx"), out = path.join(dir, "customers.schedule.xlsx");
    await book.xlsx.writeFile(file);
    const r = await runAps("schedule", file, "--iterations", "3000", "--json", "--out", out);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    const input = shopFromJson({
      format: "aps-shop/1",
      jobs: [
        { id: "Order 101", operations: [{ machine: "Saw", duration: 3 }, { machine: "Mill", duration: 4 }] },
        { id: "Order 102", operations: [{ machine: "Mill", duration: 2 }, { machine: "Saw", duration: 5 }] },
        { id: "Rush 1", operations: [{ machine: "Saw", duration: 2 }] },
      ],
    }, "expected");
    expect(checkReschedule(input.shop, [], json.operations, { now: 0, frozen: 0 }).valid).toBe(true);
    // Acme is tier 1 of 1 (factor 1), weight 1: Order 101 weighs 2, Rush 1 weighs 5; Rush 1 (due 4) goes first on the Saw.
    const rush = json.operations.find((op: { job: number }) => op.job === 2);
    expect(rush).toMatchObject({ start: 0, end: 2 });
    expect(json.totalWeightedTardiness).toBe(0);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(out);
    expect(written.getWorksheet("Escalations")).toBeDefined();
  });
});

describe("the Reschedule job on the example workbook (read through the .xlsx adapter)", () => {
  it("inserts the rush order around the Mill's downtime; every answer passes the checker", async () => {
    const { openXlsxWorkbook } = await import("../../src/workbook/xlsx/xlsxWorkbook");
    const book = await openXlsxWorkbook(path.join(__dirname, "..", "..", "examples", "machine-shop-rush.xlsx"));
    const read: Record<string, TableData | null> = {};
    for (const name of rescheduleJob.tables) read[name] = await book.readTable(name);
    const o = (await rescheduleJob.run({ tables: read, options: { now: 4, frozen: 2, timeLimit: 0.4 } }, () => undefined));
    expect(o.status).toBe("done");
    const json = o.json as { operations: { job: number; step: number; machine: number; start: number; end: number }[]; disruption: { newOperations: number } };
    expect(json.disruption.newOperations).toBe(3);
    const { shopFromTables, publishedFromTable } = await import("../../src/workbook/schedule/shopTables");
    const { applyCustomers } = await import("../../src/engine/reschedule/customers");
    const input = shopFromTables({ operations: read.Operations!, downtime: read.Downtime, customers: read.Customers });
    const shop = applyCustomers(input.shop, input.customers);
    const published = matchPublished(shop, publishedFromTable(read["Published Schedule"]!), "Published Schedule");
    const check = checkReschedule(shop, published, json.operations, { now: 4, frozen: 2 });
    expect(check.violations).toEqual([]);
    const mill = shop.machines.indexOf("Mill");
    expect(json.operations.filter((op) => op.machine === mill).every((op) => op.end <= 10 || op.start >= 14)).toBe(true);
    expect(o.exceptions.length).toBeGreaterThan(0);
    expect(o.exceptions.every((e) => /^Operations!A\d+$/.test(e.where ?? ""))).toBe(true);
  });
});

describe("the pane's loop: a run's Schedule Operations table is the next run's published schedule", () => {
  it("reads it back and, with nothing changed, keeps it exactly", () => {
    const first = rescheduleJob.run({ tables, options: { now: 1, frozen: 2, timeLimit: 0.3 } }, () => undefined) as { sheets: { name: string; tableName?: string; columns: { header: string }[]; rows: (string | number | boolean | null)[][] }[]; json: unknown };
    const sheet = first.sheets.find((s) => s.name === "Schedule Operations")!;
    expect(sheet.tableName).toBe("ScheduleOperations");
    const asTable: TableData = { name: "ScheduleOperations", sheet: "Schedule Operations", headers: sheet.columns.map((c) => c.header), rows: sheet.rows, headerRow: 3, firstColumn: 1 };
    const second = rescheduleJob.run({ tables: { ...tables, "Published Schedule": null, ScheduleOperations: asTable }, options: { now: 5, frozen: 0, timeLimit: 0.3 } }, () => undefined) as { json: { status: string; disruption: { movedOperations: number }; operations: unknown[] } };
    expect(second.json.status).toBe("unchanged");
    expect(second.json.disruption.movedOperations).toBe(0);
    expect(second.json.operations).toEqual((first.json as { operations: unknown[] }).operations);
  });
});
