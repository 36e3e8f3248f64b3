// Shared pieces of the scenario tests: the example network as a record, and Scenarios rows named like JSON.

import * as fs from "node:fs";
import * as path from "node:path";
import type { ScenarioField, ScenarioRow } from "../../src/engine/scenarios";

export const EXAMPLES = path.resolve(__dirname, "../../examples");

/** examples/supply-chain.json (the paper's Figure 5), freshly parsed. */
export function figure5(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES, "supply-chain.json"), "utf8"));
}

/** A Scenarios row. */
export function row(scenario: string | null, table: string | null, key: string | null, column: string | null, value: ScenarioRow["value"]): ScenarioRow {
  return { scenario, table, key, column, value };
}

/** Names Scenarios cells as JSON paths. */
export const jsonRowWhere = (r: number, f: ScenarioField | null): string => (r < 0 ? "scenarios" : `scenarios[${r}]${f ? `.${f}` : ""}`);
