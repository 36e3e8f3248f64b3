// examples/supply-plan.xlsx (the bike chain over 26 weeks): what the generator writes, an optimal plan
// whose tier-2 lateness is explained by the paint line and FrameWorks' commitments, and result sheets
// that LibreOffice opens (skipped where LibreOffice is not installed).

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { bikeSupplyRecord } from "../../examples/generator/supplyPlanExample";
import { describeWithSoffice, sheetsAsCsv } from "../support/findSoffice";
import { runAps } from "../support/runCli";

const EXAMPLE = path.join(__dirname, "../../examples/supply-plan.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aps-supply-example-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("examples/supply-plan.xlsx", () => {
  it("has the generator's JSON twin beside it", () => {
    const twin = JSON.parse(fs.readFileSync(path.join(__dirname, "../../examples/supply-plan.json"), "utf8"));
    expect(twin).toEqual(bikeSupplyRecord());
  });

  it("plans optimally: tier 1 on time, tier 2 late because of the paint line and FrameWorks' commitments", async () => {
    const run = await runAps("supply", EXAMPLE, "--json");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.status).toBe("optimal");
    expect(result.objective.lateness).toEqual([{ tier: 1, value: 0 }, { tier: 2, value: expect.any(Number) }]);
    expect(result.objective.lateness[1].value).toBeGreaterThan(0);
    const reasons = result.demands.flatMap((d: { reasons: { kind: string; id: string }[] }) => d.reasons);
    expect(reasons.some((r: { kind: string; id: string }) => r.kind === "resource" && r.id === "Paint Line")).toBe(true);
    expect(reasons.some((r: { kind: string; id: string }) => r.kind === "commitment" && r.id === "Frame Welding")).toBe(true);
  });
});

describeWithSoffice("the supply result sheets in LibreOffice", () => {
  it("open as plain values", async () => {
    const out = path.join(dir, "plan.xlsx");
    expect((await runAps("supply", EXAMPLE, "--out", out)).status).toBe(0);
    const csv = sheetsAsCsv(out, dir);
    expect(csv("Supply Plan")[2]).toMatch(/^Stage,Period,Period start,Release x \(units\),Receipt/);
    expect(csv("Supply Plan")[3]).toMatch(/^Final Assembly,1,2027-01-04,/);
    expect(csv("Resource Load").some((l) => l.startsWith("Paint Line,12,"))).toBe(true);
    expect(csv("Planned Orders")[2]).toMatch(/^Stage,Owner,Release period,Release date,Receipt period,Receipt date,Quantity/);
    expect(csv("Demand Fulfilment").some((l) => /^Final Assembly,TrailShop,2,/.test(l))).toBe(true);
  }, 180_000);
});
