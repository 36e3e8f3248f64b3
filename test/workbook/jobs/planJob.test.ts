// The plan job as the pane's worker runs it: the example workbook's tables in, the same sheets as
// `aps plan` out, cards that read the KPIs, options that a Settings table overrides, errors with their cell.
import * as path from "path";
import { planJob, settingsWithOptions } from "../../../src/workbook/plan/planJob";
import { problemException } from "../../../src/workbook/tables/problems";
import { jobById, JOBS } from "../../../src/workbook/jobs/registry";
import type { JobInput, JobProgress } from "../../../src/workbook/jobs/types";
import { planWorkbookTables } from "../../../src/workbook/plan/planWorkbook";
import { planSheets } from "../../../src/workbook/plan/planSheets";
import type { TableData } from "../../../src/workbook/port";
import { openXlsxWorkbook } from "../../../src/workbook/xlsx/xlsxWorkbook";

const SUPPLY_CHAIN = path.join(__dirname, "..", "..", "..", "examples", "supply-chain.xlsx");

async function exampleTables(): Promise<Record<string, TableData | null>> {
  const workbook = await openXlsxWorkbook(SUPPLY_CHAIN);
  const tables: Record<string, TableData | null> = {};
  for (const name of planJob.tables) tables[name] = await workbook.readTable(name);
  return tables;
}

const run = async (input: JobInput) => {
  const progress: JobProgress[] = [];
  const output = await planJob.run(input, (p) => progress.push(p));
  return { output, progress };
};

describe("the plan job", () => {
  test("is registered under its id", () => {
    expect(jobById("plan")).toBe(planJob);
    expect(new Set(JOBS.map((j) => j.id)).size).toBe(JOBS.length);
  });

  test("given supply-chain.xlsx's tables, it writes the same sheets as aps plan and cards that read the KPIs", async () => {
    const { output, progress } = await run({ tables: await exampleTables(), options: {} });
    const reference = await planWorkbookTables(await openXlsxWorkbook(SUPPLY_CHAIN));
    if (!reference.ok) throw new Error(reference.errors.join("\n"));
    expect(output.status).toBe("done");
    expect(output.sheets).toEqual(planSheets(reference.plan));
    expect(output.sheets.map((s) => s.name)).toEqual(["Plan", "Matching", "KPIs", "Exceptions"]);
    const card = (label: string) => output.cards.find((c) => c.label === label)!;
    expect(card("Lead time to customer").value).toBeCloseTo(reference.plan.kpis.leadTimeToCustomer!, 4);
    expect(card("Safety-stock cost").value).toBeCloseTo(reference.plan.kpis.safetyStockHoldingCost!, 3);
    expect(card("Inventory turns").value).toBeCloseTo(reference.plan.kpis.inventoryTurns!, 3);
    expect(card("Placement").value).toBe(reference.plan.placement!.method);
    const held = reference.plan.stages.filter((s) => (s.safetyStock ?? 0) > 1e-9);
    expect(card("Stock held at").value).toBe(`${held.length} of 6 stages`);
    // The job's rows are the plan's exceptions, each at its place (the stage each is about stays in the plan's JSON).
    expect(output.exceptions).toEqual(reference.plan.exceptions.map(({ severity, where, message }) => ({ severity, where, message })));
    expect(progress[0].step).toBe("Reading the tables");
    expect(progress.length).toBeGreaterThan(2);
  });

  test("an option fills a setting the Settings table leaves out, but a Settings row wins", () => {
    const merged = settingsWithOptions({ defaultServiceLevel: 0.95 }, { defaultServiceLevel: 0.5, placementMethod: "all-stock", rateMethod: null });
    expect(merged).toEqual({ defaultServiceLevel: 0.95, placementMethod: "all-stock" });
  });

  test("placement method all-stock from the pane's options plans stock everywhere, unless the Settings table names a method", async () => {
    const tables = await exampleTables();
    const settings = tables.Settings!;
    const withoutMethod = { ...settings, rows: settings.rows.filter((r) => r[0] !== "placementMethod") };
    const { output } = await run({ tables: { ...tables, Settings: withoutMethod }, options: { placementMethod: "all-stock" } });
    expect(output.cards.find((c) => c.label === "Placement")!.value).toBe("all-stock");
    expect(output.cards.find((c) => c.label === "Stock held at")!.value).toBe("6 of 6 stages");
    // supply-chain.xlsx's Settings say placementMethod = auto: the table wins over the pane.
    const kept = await run({ tables, options: { placementMethod: "all-stock" } });
    expect(kept.output.cards.find((c) => c.label === "Placement")!.value).toBe("tree-dp");
  });

  test("a table with errors is invalid: nothing to write, every problem with its cell", async () => {
    const tables = await exampleTables();
    const stages = tables.Stages!;
    const holding = stages.headers.indexOf("Holding Cost");
    const rows = stages.rows.map((r) => [...r]);
    rows[1][holding] = "cheap";
    rows[3][holding] = -2;
    const { output } = await run({ tables: { ...tables, Stages: { ...stages, rows } }, options: {} });
    expect(output.status).toBe("invalid");
    expect(output.sheets).toEqual([]);
    expect(output.exceptions.map((e) => e.where)).toEqual(["Stages!G3", "Stages!G5"]);
    expect(output.exceptions.every((e) => e.severity === "error" && e.message.length > 0)).toBe(true);
  });

  test("a workbook with no Stages table says so", async () => {
    const { output } = await run({ tables: { Stages: null, Arcs: null, Settings: null }, options: {} });
    expect(output.status).toBe("invalid");
    expect(output.exceptions[0].message).toMatch(/no "Stages" table/);
  });

  test("a problem record is one exception: a cell stays selectable, another place goes before the message", () => {
    expect(problemException({ where: "Stages!C7", table: "Stages", row: 5, field: "Demand Rate", message: "Demand Rate must be ≥ 0." }))
      .toEqual({ severity: "error", where: "Stages!C7", field: "Demand Rate", message: "Demand Rate must be ≥ 0." });
    expect(problemException({ where: "ft10.txt line 3", table: null, row: null, field: null, message: "bad" })).toEqual({ severity: "error", where: null, message: "ft10.txt line 3: bad" });
    expect(problemException({ where: null, table: "Stages", row: null, field: null, message: "The workbook has no table." })).toEqual({ severity: "error", where: null, message: "The workbook has no table." });
  });
});
