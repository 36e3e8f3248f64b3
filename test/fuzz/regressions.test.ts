// Inputs the fuzz suites found wrong, each kept as a named case (see test/fuzz/support/harness.ts).

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { jobShopFromOperationsTable } from "../../src/workbook/schedule/scheduleTables";
import { solveJobShop } from "../../src/engine/schedule/jobShop/solveJobShop";
import { planRecord } from "../../src/engine/plan";
import { assertAnswered, runMain } from "./support/harness";

let folder: string;
beforeAll(() => { folder = fs.mkdtempSync(path.join(os.tmpdir(), "aps-regress-")); });
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const full = path.join(folder, name);
  fs.writeFileSync(full, content);
  return full;
}

describe("fuzz regressions", () => {
  it("a job with a due date beside one without is scheduled (the EDD dispatch rule crashed on -Infinity priorities)", () => {
    const rows = [["Order 1", 1, "Drill", 1, null, null], ["Order 1", 2, "Lathe", 1, null, null], ["Order 2", 1, "Drill", 1, 5, null], ["Order 2", 2, "Lathe", 1, 5, null]];
    const shop = jobShopFromOperationsTable({ name: "Operations", sheet: "Operations", headers: ["Job", "Step", "Machine", "Duration", "Due Date", "Weight"], rows, headerRow: 1, firstColumn: 1 });
    const result = solveJobShop(shop.instance, { maxIterations: 20, seed: 1 });
    expect(result.makespan).toBe(3);
  });

  it("a duration of 1e-12 is refused (it made the job-shop search loop for ever)", async () => {
    const run = await runMain(["schedule", file("tiny.txt", "2 1\n0 18\n0 1e-12\n"), "--iterations", "20"]);
    expect(run.stderr).toBe("tiny.txt line 3: duration 1e-12 must be 0 or at least 1e-9.\n");
    expect(run.status).toBe(2);
  });

  it("zero durations on a machine a job visits twice are scheduled (the tabu search stopped on a cyclic machine order)", async () => {
    const run = await runMain(["schedule", file("revisit.txt", "2 3\n0 0 0 0 1 18\n0 1 1 0 2 1\n"), "--iterations", "20000", "--json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).makespan).toBe(19);
  });

  it("a JSON file that starts with a byte-order mark is read (it was 'not valid JSON' with the file's text in the message)", async () => {
    const run = await runMain(["plan", file("bom.json", '\ufeff{"format":"aps-network/1","stages":[{"id":"A","demandRate":5,"processingTime":1}],"arcs":[]}'), "--json"]);
    expect(run.status).toBe(0);
  });

  it("broken JSON is reported on one line naming the file", async () => {
    const full = file("cut.json", '{"format":"aps-network/1",\n"stages":[{"id":"A",\n');
    const run = await runMain(["plan", full]);
    expect(run.stderr).toBe(`${full}: not valid JSON (the JSON ends too early (is the file cut short?)).\n`);
    assertAnswered(run, "cut.json", { workbook: false });
  });

  it("a supplier with order cost 0 (lot size 0) leaves its arc's inbound lead time blank with an info (eq. 15's lotSize error escaped the plan)", () => {
    const outcome = planRecord({
      format: "aps-network/1",
      stages: [{ id: "A", demandRate: 10, demandSd: 2, processingTime: 1, holdingCost: 1, orderCost: 5 }, { id: "B", processingTime: 1, holdingCost: 1, orderCost: 0 }],
      arcs: [{ from: "B", to: "A" }],
    });
    if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
    expect(outcome.plan.arcs[0].inboundLeadTime).toBeNull();
    expect(outcome.plan.exceptions).toContainEqual({ severity: "info", where: "arcs[0]", message: 'Arc "B" → "A": inbound lead time is blank: the lot size of "B" is 0 (each unit ordered as it is needed), so there are no lots to count; give "B" an Order Cost above 0.' });
  });

  it("a control character in an id is refused with its position, escaped in the message", async () => {
    const full = file("bell.json", JSON.stringify({ format: "aps-network/1", stages: [{ id: "A\u0007B", demandRate: 5, processingTime: 1 }], arcs: [] }));
    const run = await runMain(["plan", full]);
    expect(run.stderr.split("\n")[0]).toBe(`${full}: stages[0].id: id must not contain control characters (got U+0007 at character 2).`);
  });
});
