// The buyer's supply-plan inputs (FORMATS.md §10) as collaboration needs them: whether the workbook
// has a supply plan at all (a Demands table or a supply setting), and its supply tables read by the
// supply run's own reader (workbook/supply/supplyTables.ts) for the plan's hash and the runs.

import { SUPPLY_JSON_KEYS } from "../../engine/supply";
import type { SupplyLocation } from "../../engine/supply";
import type { WorkbookPort } from "../port";
import { readWorkbookSupply, SUPPLY_TABLES } from "../supply/supplyTables";
import { HISTORY_TABLES } from "../forecast/forecastTables";

/** The tables a collaboration reads for the supply plan (a table's name has no spaces: both spellings), and Demand History for its forecasts. */
export const SUPPLY_INPUT_TABLES: string[] = [
  ...HISTORY_TABLES, ...SUPPLY_TABLES, ...SUPPLY_TABLES.filter((t) => t.includes(" ")).map((t) => t.replace(/ /g, "")),
];

/** Settings that only a supply plan reads: one of them (or a Demands table) makes a workbook a supply plan. */
const SUPPLY_SETTINGS = ["horizon", "periodLength", "frozenPeriods", "planStart", "lotSizing", "supplyTimeLimit"];

export interface SupplyInputs {
  /** The port the tables are read through (the supply run reads it again). */
  port: WorkbookPort;
  /** The aps-network/1 record with the supply tables, or null when they cannot be read. */
  raw: Record<string, unknown> | null;
  where: (location: SupplyLocation | null) => string;
  /** The Demand History rows (the demand per period where there is no Demands table), or null. */
  history: unknown[][] | null;
}

/**
 * The workbook's supply inputs, or null when it has no supply plan (no Demands table and no supply
 * setting): then packages stay as they were before partners over time.
 */
export async function readSupplyInputs(port: WorkbookPort, network: Record<string, unknown>): Promise<SupplyInputs | null> {
  const settings = (network.settings ?? {}) as Record<string, unknown>;
  const hasSetting = SUPPLY_SETTINGS.some((k) => settings[k] !== undefined && settings[k] !== null && settings[k] !== "");
  if (!hasSetting && !(await port.readTable("Demands"))) return null;
  const tables = await readWorkbookSupply(port);
  const history = (await port.readTable("Demand History"))?.rows ?? null;
  return { port, raw: tables.raw, where: tables.where, history };
}

/** The supply tables' content a package answers: every one but Period Commitments (a merge writes those), and Demand History where it gives the demand. */
export function hashedSupplyInputs(inputs: SupplyInputs): Record<string, unknown> {
  const raw = inputs.raw ?? {};
  const tables = Object.fromEntries(SUPPLY_TABLES.filter((t) => t !== "Period Commitments").map((t) => [t, raw[SUPPLY_JSON_KEYS[t]] ?? null]));
  return raw.demands === undefined ? { ...tables, "Demand History": inputs.history } : tables;
}
