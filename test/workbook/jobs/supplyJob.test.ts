// The supply jobs as the pane's worker runs them (in-process, through the worker's body): the bike
// example's tables in, the same plan and sheets as `aps supply` out, the cards, options as Settings
// rows, errors with their cell, and capable to promise.

import { bikeSupplyRecord, supplyTablesWorkbook } from "../../../examples/generator/supplyPlanExample";
import { jobById } from "../../../src/workbook/jobs/registry";
import type { JobInput, JobOutput } from "../../../src/workbook/jobs/types";
import type { TableData } from "../../../src/workbook/port";
import { supplyJob, supplyPromiseJob, supplySettingsWithOptions } from "../../../src/workbook/supply/supplyJob";
import { supplyRecordRun } from "../../../src/workbook/supply/supplyWorkbook";
import { loadHighsModule } from "../../../src/workbook/supply/highsProvider";
import { xlsxWorkbookFrom } from "../../../src/workbook/xlsx/xlsxWorkbook";
import { serveRun } from "../../../src/taskpane/worker/serveJobs";
import { checkJob } from "../../../src/taskpane/worker/checkJob";
import type { WorkerReply } from "../../../src/taskpane/worker/protocol";

async function tablesOf(record: Record<string, unknown>): Promise<Record<string, TableData | null>> {
  const port = xlsxWorkbookFrom(supplyTablesWorkbook(record, ["test"]));
  const tables: Record<string, TableData | null> = {};
  for (const name of supplyJob.tables) tables[name] = await port.readTable(name);
  return tables;
}

describe("the supply job", () => {
  it("is registered, with its promise job hosted beside it", () => {
    expect(jobById("supply")).toBe(supplyJob);
    expect(jobById("supply-promise")).toBe(supplyPromiseJob);
    expect(supplyJob.title).toBe("Supply");
  });

  it("runs in the worker's body: the plan of aps supply, five sheets and the cards", async () => {
    const record = bikeSupplyRecord();
    const replies: WorkerReply[] = [];
    await serveRun({ type: "run", jobId: "supply", input: { tables: await tablesOf(record), options: {} } }, (r) => replies.push(r));
    const last = replies[replies.length - 1];
    if (last.type !== "result") throw new Error(JSON.stringify(last));
    expect(replies.some((r) => r.type === "progress" && /tier 1 level/.test(r.progress.step))).toBe(true);
    const reference = supplyRecordRun(record, await loadHighsModule());
    if (!reference.ok) throw new Error(reference.errors.join("\n"));

    const output = (await supplyJob.run({ tables: await tablesOf(record), options: {} }, () => undefined)) as JobOutput;
    expect(output.status).toBe("done");
    expect(output.sheets.map((s) => s.name)).toEqual(["Supply Plan", "Resource Load", "Planned Orders", "Demand Fulfilment", "Exceptions"]);
    const json = output.json as typeof reference.result;
    expect(json.objective.lateness.map((l) => l.value)).toEqual(reference.result.objective.lateness.map((l) => expect.closeTo(l.value!, 6)));
    const card = (label: string) => output.cards.find((c) => c.label === label);
    expect(card("On time, tier 1")!.value).toBeCloseTo(1, 6);
    expect(card("Late unit-periods")!.value).toBeCloseTo(reference.result.objective.lateness.reduce((s, l) => s + l.value!, 0), 0);
    expect(card("Peak utilisation")!.detail).toMatch(/Paint Line/);
    expect(card("Cost")!.value).toBeCloseTo(reference.result.objective.cost!, -1);
    // The Resource Load sheet: a chart for Excel, a heat map of fills for files.
    const load = output.sheets[1];
    expect(load.charts?.[0].kind).toBe("column");
    expect(load.fills!.length).toBe(load.rows.length);
  });

  it("adds its options as Settings rows only where the Settings table has none", async () => {
    expect(supplySettingsWithOptions({ horizon: 12 }, { horizon: 8, frozenPeriods: 2, supplyTimeLimit: null })).toEqual({ horizon: 12, frozenPeriods: 2 });
    const output = await supplyJob.run({ tables: await tablesOf({ ...bikeSupplyRecord(), settings: { planStart: "2027-01-04" }, resourceCapacity: [], periodCommitments: [], demands: [{ stage: "Final Assembly", period: 3, quantity: 10 }] }), options: { horizon: 6 } }, () => undefined);
    expect(output.exceptions.filter((e) => e.severity === "error")).toEqual([]);
    expect((output.json as { horizon: number }).horizon).toBe(6);
  });

  it("refuses bad tables with one exception per problem, each at its cell", async () => {
    const record = bikeSupplyRecord() as Record<string, Record<string, unknown>[]>;
    record.openSupply[1].quantity = -3;
    record.demands[0].period = "soon";
    const output = await supplyJob.run({ tables: await tablesOf(record), options: {} }, () => undefined);
    expect(output.status).toBe("invalid");
    expect(output.exceptions.map((e) => e.where)).toEqual(["Demands!B2", "'Open Supply'!C3"]);
    expect(output.sheets).toEqual([]);
  });
});

describe("Check", () => {
  it("lists the supply tables' problems at their cells, as the supply job refuses them", async () => {
    const record = bikeSupplyRecord() as Record<string, Record<string, unknown>[]>;
    record.openSupply[1].quantity = -3;
    record.resourceLoads[0].stage = "Nowhere";
    const port = xlsxWorkbookFrom(supplyTablesWorkbook(record, ["test"]));
    const tables: Record<string, TableData | null> = {};
    for (const name of checkJob.tables) tables[name] = await port.readTable(name);
    const output = await checkJob.run({ tables, options: {} }, () => undefined);
    expect(output.status).toBe("invalid");
    expect(output.exceptions.map((e) => e.where)).toEqual(["'Resource Loads'!A2", "'Open Supply'!C3"]);
    const clean = xlsxWorkbookFrom(supplyTablesWorkbook(bikeSupplyRecord(), ["test"]));
    for (const name of checkJob.tables) tables[name] = await clean.readTable(name);
    expect((await checkJob.run({ tables, options: {} }, () => undefined)).exceptions.filter((e) => e.severity === "error")).toEqual([]);
  });
});

describe("the promise job", () => {
  it("answers as aps supply --promise and asks for what is missing", async () => {
    const tables = await tablesOf(bikeSupplyRecord());
    const input: JobInput = { tables, options: { stage: "Final Assembly", period: "20", quantity: 100 } };
    const output = await supplyPromiseJob.run(input, () => undefined);
    expect(output.status).toBe("done");
    const answer = output.json as { format: string; maxOnTime: number; earliestPeriod: number | null };
    expect(answer.format).toBe("aps-supply-promise/1");
    expect(answer.maxOnTime).toBeGreaterThanOrEqual(0);
    expect(output.cards[0].value).toBe(answer.maxOnTime);
    const missing = await supplyPromiseJob.run({ tables, options: {} }, () => undefined);
    expect(missing.status).toBe("invalid");
    expect(missing.exceptions).toHaveLength(2);
  });
});
