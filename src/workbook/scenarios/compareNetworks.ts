// `aps compare` and the pane's "Compare files…" (docs/scenarios.md): plans network files read
// already (a workbook through its port, or an aps-network/1 record) and compares them side by side,
// the first being the base; each scenario's changes say how its inputs differ from the base file's.

import { isPlanningInputError } from "../../engine/errors";
import { jsonPath } from "../../engine/network/locate";
import { FieldNaming, readNetwork } from "../../engine/network/readNetwork";
import type { InputLocation } from "../../engine/network/types";
import { planRecord, PlanOutcome, refused } from "../../engine/plan";
import type { PlanResult } from "../../engine/plan/types";
import { comparePlans, NamedPlan, networkDifferences, PlacedNetwork, ScenarioComparison } from "../../engine/scenarios";
import { readWorkbookNetwork } from "../plan/networkTables";
import type { WorkbookPort } from "../port";

/** One file to compare: `source` names it in messages and places ("late.json"), `name` is its scenario name. */
export type ComparedFile = { name: string; source: string } & ({ port: WorkbookPort } | { raw: unknown });

export type CompareOutcome =
  | { ok: true; comparison: ScenarioComparison; basePlan: PlanResult }
  | { ok: false; errors: string[] };

/** Plans a record, with a figure that overflows (inputs valid but too large to compute with) as an input error. */
function planPlaced(raw: unknown, naming: FieldNaming, where: (l: InputLocation | null) => string): { outcome: PlanOutcome; placed: PlacedNetwork | null } {
  const { network } = readNetwork(raw, naming);
  try {
    return { outcome: planRecord(raw, { naming, where }), placed: network && { network, where } };
  } catch (error) {
    if (isPlanningInputError(error)) return { outcome: refused([{ where: null, table: null, row: null, field: null, message: error.message }]), placed: null };
    throw error;
  }
}

async function planFile(file: ComparedFile): Promise<{ outcome: PlanOutcome; placed: PlacedNetwork | null }> {
  if ("raw" in file) return planPlaced(file.raw, "json", jsonPath);
  const tables = await readWorkbookNetwork(file.port);
  if (tables.problems.length > 0 || !tables.raw) return { outcome: refused(tables.records), placed: null };
  return planPlaced(tables.raw, "workbook", tables.where);
}

/** Places named with their file: "late.json: stages[3].externalInboundTime". */
function inFile(source: string, placed: PlacedNetwork): PlacedNetwork {
  return { network: placed.network, where: (location) => `${source}: ${placed.where(location)}` };
}

/**
 * Plans every file and compares them; every file's input errors at once, each starting with the
 * file ("late.json: stages[3]…"). `onFile` is told before each file is planned.
 */
export async function compareNetworkFiles(files: readonly ComparedFile[], onFile?: (index: number, count: number, name: string) => void): Promise<CompareOutcome> {
  const errors: string[] = [];
  const plans: NamedPlan[] = [];
  let basePlaced: PlacedNetwork | null = null;
  for (let i = 0; i < files.length; i++) {
    onFile?.(i, files.length, files[i].name);
    const { outcome, placed } = await planFile(files[i]);
    if (i === 0) basePlaced = placed;
    if (!outcome.ok) errors.push(...outcome.errors.map((e) => `${files[i].source}: ${e}`));
    else {
      const changes = i > 0 && basePlaced && placed ? networkDifferences(inFile(files[0].source, basePlaced), inFile(files[i].source, placed)) : [];
      plans.push({ name: files[i].name, source: files[i].source, changes, plan: outcome.plan });
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, comparison: comparePlans(plans), basePlan: plans[0].plan };
}

/** Scenario names for file names without folders: the name without its extension, "(2)" where two agree. */
export function fileScenarioNames(fileNames: readonly string[]): string[] {
  const bases = fileNames.map((f) => {
    const name = f.replace(/^.*[\\/]/, "");
    const dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(0, dot) : name;
  });
  return bases.map((n, i) => (bases.indexOf(n) === i ? n : `${n} (${i + 1})`));
}
