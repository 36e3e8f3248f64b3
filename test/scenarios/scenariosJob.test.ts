// The pane's Scenarios tab (scenariosJob) over the example workbook's tables, read through the .xlsx
// adapter as the pane's worker receives them: progress per scenario, cards, sheets, refused rows.

import * as path from "node:path";
import type { ScenarioComparison } from "../../src/engine/scenarios";
import { jobById } from "../../src/workbook/jobs/registry";
import type { JobInput, JobProgress } from "../../src/workbook/jobs/types";
import type { TableData } from "../../src/workbook/port";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { EXAMPLES } from "./support";

const job = jobById("scenarios")!;

async function exampleTables(): Promise<Record<string, TableData | null>> {
  const book = await openXlsxWorkbook(path.join(EXAMPLES, "supply-chain-scenarios.xlsx"));
  const tables: Record<string, TableData | null> = {};
  for (const name of job.tables) tables[name] = await book.readTable(name);
  return tables;
}

test("the Scenarios job is registered, reads Stages, Arcs, Settings and Scenarios and needs Stages and Scenarios", () => {
  expect(job.title).toBe("Scenarios");
  expect(job.tables.slice(0, 4)).toEqual(["Stages", "Arcs", "Settings", "Scenarios"]);
  expect(job.tables).toEqual(expect.arrayContaining(["Resources", "Resource Capacity", "ResourceCapacity", "Demands", "Period Commitments"]));
  expect(job.requiredTables).toEqual(["Stages", "Scenarios"]);
});

test("on the example workbook it reports progress per scenario and returns the comparison, base plan sheets and a card per scenario", async () => {
  const progress: JobProgress[] = [];
  const input: JobInput = { tables: await exampleTables(), options: {} };
  const output = await job.run(input, (p) => progress.push(p));
  expect(output.status).toBe("done");
  expect(progress.map((p) => p.step)).toEqual([
    "Planning the base (1 of 5)", 'Planning scenario "Supplier late" (2 of 5)', 'Planning scenario "Demand surge" (3 of 5)',
    'Planning scenario "Next-day promise" (4 of 5)', 'Planning scenario "No spare-parts sales" (5 of 5)', "done",
  ]);
  expect(progress.map((p) => p.fraction)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  // What a Cancel keeps: from the third plan on, the comparison of the plans made so far.
  expect(progress.map((p) => (p.partial?.json as ScenarioComparison | undefined)?.scenarios.length ?? 0)).toEqual([0, 0, 2, 3, 4, 0]);
  expect(progress[2].partial!.status).toBe("stopped");
  expect(output.sheets.map((s) => s.name)).toEqual(["Scenario Comparison", "Scenario KPIs", "Plan", "Matching", "KPIs", "Exceptions"]);
  expect(output.sheets[1].charts?.[0]).toMatchObject({ kind: "column", categoryColumn: 0 });
  expect(output.sheets[1].links?.[0]).toEqual({ row: 1, column: 1, target: "Scenarios!E2" });
  const comparison = output.json as ScenarioComparison;
  expect(output.cards.map((c) => [c.label, c.value])).toEqual(comparison.scenarios.map((s) => [s.name, s.kpis.safetyStockHoldingCost.value]));
  expect(output.cards[0].detail).toMatch(/same as the base/);
  expect(output.cards[1].detail).toMatch(/^\+5\.5 % against the base/);
});

test("bad Scenarios rows come back as exceptions with the cells the pane selects, and no sheets", async () => {
  const tables = await exampleTables();
  const scenarios = tables.Scenarios!;
  tables.Scenarios = { ...scenarios, rows: [...scenarios.rows, ["Typo", "Stages", "Tube Cuting", "Holding Cost", 1], ["Typo", "Stages", "Tube Cutting", "Holding Cost", -1]] };
  const output = await job.run({ tables, options: {} }, () => undefined);
  expect(output.status).toBe("invalid");
  expect(output.sheets).toEqual([]);
  expect(output.exceptions).toEqual([
    { severity: "error", where: "Scenarios!C9", field: "Key", message: 'Key "Tube Cuting" is not a stage of the network; did you mean "Tube Cutting"?' },
    { severity: "error", where: "Scenarios!E10", field: "Holding Cost", message: 'Scenarios!E10 (scenario "Typo" sets Stages!G5): Holding Cost must not be negative (got -1).' },
  ]);
});

test("a scenario's exceptions point at their cells: a changed value at the Scenarios cell that set it, another place at its cell in the base", async () => {
  const tables = await exampleTables();
  const stages = tables.Stages!;
  const id = stages.headers.indexOf("Id");
  const holding = stages.headers.indexOf("Holding Cost");
  const heat = stages.rows.findIndex((r) => r[id] === "Heat Treatment");
  // Heat Treatment holds safety stock; without a holding cost every plan warns at its Holding Cost cell, but for the scenario that gives one back.
  tables.Stages = { ...stages, rows: stages.rows.map((r, i) => (i === heat ? r.map((v, c) => (c === holding ? null : v)) : r)) };
  const scenarios = tables.Scenarios!;
  tables.Scenarios = { ...scenarios, rows: [...scenarios.rows, ["Costed", "Stages", "Heat Treatment", "Holding Cost", 2], ["Free again", "Stages", "Heat Treatment", "Holding Cost", null]] };
  const output = await job.run({ tables, options: {} }, () => undefined);
  expect(output.status).toBe("done");
  const holdingCell = `Stages!${String.fromCharCode(65 + holding)}${heat + 2}`;
  expect(holdingCell).toBe("Stages!G7");
  const free = output.exceptions.filter((e) => e.message.includes("has no holding cost"));
  expect(free.map((e) => [e.message.split(":")[0], e.where])).toEqual([
    ["Base", holdingCell], ["Supplier late", holdingCell], ["Demand surge", holdingCell], ["Next-day promise", holdingCell], ["No spare-parts sales", holdingCell],
    ["Free again", "Scenarios!E10"],
  ]);
  expect(free[5].message).toMatch(/^Free again: Scenarios!E10 \(scenario "Free again" sets Stages!G\d+\): Stage "Heat Treatment" holds/);
});
