// Bad Scenarios rows in a workbook: every problem at once, each naming its Scenarios cell and why;
// nothing is planned while any remains.

import type { TableData } from "../../src/workbook/port";
import { memoryPort } from "../../src/workbook/jobs/memoryPort";
import { planWorkbookScenarios } from "../../src/workbook/scenarios/scenarioWorkbook";

function table(name: string, headers: string[], rows: (string | number | null)[][]): TableData {
  return { name, sheet: name, headers, rows, headerRow: 1, firstColumn: 1 };
}

const STAGES = table("Stages", ["Id", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Order Cost", "External Inbound Time"], [
  ["Assembly", 20, 6, 1.5, 4, 300, null],
  ["Casting", null, null, 4, 0.5, 200, 2],
]);
const ARCS = table("Arcs", ["From", "To", "Quantity"], [["Casting", "Assembly", 1]]);
const HEADERS = ["Scenario", "Table", "Key", "Column", "Value"];

async function errorsOf(rows: (string | number | null)[][], headers = HEADERS): Promise<string[]> {
  const outcome = await planWorkbookScenarios(memoryPort({ Stages: STAGES, Arcs: ARCS, Scenarios: table("Scenarios", headers, rows) }));
  if (outcome.ok) throw new Error("expected the rows to be refused");
  return outcome.errors;
}

describe("a Scenarios table with bad rows", () => {
  test("given an unknown table, an unknown stage, an unknown column, a name change and a missing scenario name, all five are reported at once with their cells", async () => {
    expect(await errorsOf([
      ["Supplier late", "Stages", "Casting", "External Inbound Time", 6],
      ["Bad table", "Stage list", "Casting", "Holding Cost", 1],
      ["Bad key", "Stages", "casting", "Holding Cost", 1],
      ["Bad column", "Stages", "Casting", "Holdng Cost", 1],
      ["Rename", "Stages", "Casting", "Id", "Foundry"],
      [null, "Stages", "Casting", "Holding Cost", 1],
    ])).toEqual([
      'Scenarios!B3: Table "Stage list" is not a table a scenario can change: use Stages, Arcs, Settings, or a supply table (Resources, Resource Capacity, Resource Loads, Demands, Customers, Open Supply, Period Commitments) (did you mean "Stages"?).',
      'Scenarios!C4: Key "casting" is not a stage of the network; did you mean "Casting"?',
      'Scenarios!D5: Column "Holdng Cost" is not a column of the Stages table; did you mean "Holding Cost"?',
      'Scenarios!D6: Column "Id" cannot be changed by a scenario: it names the stage; change its other columns.',
      "Scenarios!A7: Scenario is required: name the scenario this change belongs to.",
    ]);
  });

  test("given values the network refuses, each is named by its Scenarios cell and the stage cell it sets", async () => {
    expect(await errorsOf([
      ["Cheap", "Stages", "Casting", "Holding Cost", -1],
      ["Cheap", "Arcs", "Casting→Assembly", "Quantity", "two"],
      ["Odd method", "Settings", "placementMethod", "Value", "guess"],
    ])).toEqual([
      'Scenarios!E2 (scenario "Cheap" sets Stages!E3): Holding Cost must not be negative (got -1).',
      'Scenarios!E3 (scenario "Cheap" sets Arcs!C2): Quantity must be a number (got text "two").',
      'Scenarios!E4 (scenario "Odd method" sets Settings): placementMethod must be one of auto, paper-rule, tree-dp, branch-and-bound, all-stock, make-to-order (got text "guess").',
    ]);
  });

  test("given a change the network as a whole refuses (no customer left), the scenario is named", async () => {
    expect(await errorsOf([["No demand", "Stages", "Assembly", "Demand Rate", null], ["No demand", "Stages", "Assembly", "Demand Sd", 0]])).toEqual([
      'Stages!B1 in scenario "No demand": No stage has external demand: give Demand Rate on the stages that serve customers.',
    ]);
  });

  test("given one cell changed twice by a scenario, an unknown arc, an unknown setting and the reserved name Base", async () => {
    expect(await errorsOf([
      ["Twice", "Stages", "Casting", "Holding Cost", 1],
      ["Twice", "Stages", "Casting", "holdingCost", 2],
      ["Arc", "Arcs", "Assembly→Casting", "Quantity", 2],
      ["Setting", "Settings", "timeLimit", null, 2],
      ["base", "Stages", "Casting", "Holding Cost", 1],
    ])).toEqual([
      'Scenarios!D3: Scenario "Twice" changes Stages "Casting" Holding Cost twice (also on Scenarios row 1); keep one row.',
      'Scenarios!C4: Key "Assembly→Casting" is not an arc of the network: write it as "From→To" (or From->To) with stage ids of an arc in Arcs.',
      'Scenarios!C5: Key "timeLimit" is not a setting (known: defaultServiceLevel, periodsPerYear, placementMethod, rateMethod, placementTimeLimit, horizon, periodLength, frozenPeriods, planStart, lotSizing, supplyTimeLimit).',
      'Scenarios!A6: Scenario "base" is the name of the plan without changes; call the scenario something else.',
    ]);
  });

  test("given a Scenarios table without a Value column, or with no rows, or no Scenarios table at all", async () => {
    expect(await errorsOf([["A", "Stages", "Casting", "Holding Cost"]], ["Scenario", "Table", "Key", "Column"])).toEqual([
      'Scenarios: the Scenarios table has no "Value" column (its header row is row 1).',
    ]);
    expect(await errorsOf([[null, null, null, null, null]])).toEqual(["Scenarios: The Scenarios table has no scenarios: add rows of Scenario, Table, Key, Column, Value."]);
    const outcome = await planWorkbookScenarios(memoryPort({ Stages: STAGES, Arcs: ARCS }));
    expect(outcome.ok ? [] : outcome.errors).toEqual([expect.stringMatching(/^The workbook has no "Scenarios" table/)]);
  });

  test("more than 50 errors: the first 50, then a count of the rest", async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [`S${i}`, "Stages", "Nowhere", "Holding Cost", 1]);
    const errors = await errorsOf(rows);
    expect(errors).toHaveLength(51);
    const outcome = await planWorkbookScenarios(memoryPort({ Stages: STAGES, Arcs: ARCS, Scenarios: table("Scenarios", HEADERS, rows) }));
    expect(!outcome.ok && outcome.errorCount).toBe(60);
    expect(errors[50]).toBe("… and 10 more input error(s).");
  });
});
