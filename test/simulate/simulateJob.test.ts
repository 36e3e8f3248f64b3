// The pane's Simulate job over the example workbook's tables: progress and a partial result after
// every replication, the Simulation sheets, cards and clickable exceptions; refused input.

import * as path from "node:path";
import { jobById } from "../../src/workbook/jobs/registry";
import type { JobProgress } from "../../src/workbook/jobs/types";
import type { TableData } from "../../src/workbook/port";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";

async function exampleTables(): Promise<Record<string, TableData | null>> {
  const book = await openXlsxWorkbook(path.join(__dirname, "..", "..", "examples", "supply-chain.xlsx"));
  const tables: Record<string, TableData | null> = {};
  for (const name of ["Stages", "Arcs", "Settings", "Demand History"]) tables[name] = await book.readTable(name);
  return tables;
}

describe("the simulate job", () => {
  it("is registered, runs replication by replication with progress and a partial result, and returns the sheets", async () => {
    const job = jobById("simulate")!;
    expect(job.requiredTables).toEqual(["Stages"]);
    const progress: JobProgress[] = [];
    const output = await job.run({ tables: await exampleTables(), options: { replications: 3, horizon: 100, warmup: 10, seed: 2 } }, (p) => progress.push(p));
    expect(output.status).toBe("done");
    const partials = progress.filter((p) => p.partial);
    expect(partials.map((p) => p.fraction)).toEqual([1 / 3, 2 / 3, 1]);
    expect(partials[0].partial!.status).toBe("stopped");
    expect(output.sheets.map((s) => s.name)).toEqual(["Simulation", "Simulation Stages", "Simulation Differences"]);
    expect(output.sheets[0].charts?.[0].kind).toBe("column");
    expect(output.sheets[0].rows).toHaveLength(4);
    expect(output.cards.map((c) => c.label)).toContain("Promises at risk");
    for (const e of output.exceptions) if (e.where !== null) expect(e.where).toMatch(/^Stages!A\d+$/);
    expect((output.json as { format: string }).format).toBe("aps-simulation/1");
  });

  it("refuses a workbook without a Stages table, and an unknown policy, as invalid", async () => {
    const job = jobById("simulate")!;
    const none = await job.run({ tables: {}, options: {} }, () => undefined);
    expect(none.status).toBe("invalid");
    expect(none.exceptions[0].message).toMatch(/no "Stages" table/);
    const policy = await job.run({ tables: await exampleTables(), options: { policies: "cheapest" } }, () => undefined);
    expect(policy.status).toBe("invalid");
    expect(policy.exceptions[0].message).toMatch(/"cheapest" is not a policy/);
  });
});
