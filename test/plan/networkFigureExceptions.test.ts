// The network picture marks a stage by the stage the plan's exception is about (its `stage`), never by
// reading the exception's place: a stage with a problem of its own is marked, and only it; a problem
// of an arc, a setting or the whole plan marks no stage.
import { planRecord } from "../../src/engine/plan";
import type { PlanResult } from "../../src/engine/plan/types";
import type { JobFigure } from "../../src/workbook/jobs/figures";
import type { TableData } from "../../src/workbook/port";
import { networkFigure } from "../../src/workbook/plan/networkFigure";
import { planJob } from "../../src/workbook/plan/planJob";

const table = (name: string, headers: string[], rows: (string | number | null)[][]): TableData => ({ name, sheet: name, headers, rows, headerRow: 1, firstColumn: 1 });

const STAGE_HEADERS = ["Id", "Demand Rate", "Demand Sd", "Service Level", "Processing Time", "Holding Cost", "Max Service Time"];

function marks(figure: JobFigure | undefined): Record<string, string | null> {
  expect(figure?.kind).toBe("network");
  return figure?.kind === "network" ? Object.fromEntries(figure.stages.map((s) => [s.id, s.exception])) : {};
}

async function planned(stages: (string | number | null)[][], arcs: (string | number | null)[][]) {
  const tables = { Stages: table("Stages", STAGE_HEADERS, stages), Arcs: table("Arcs", ["From", "To", "Quantity"], arcs), Settings: null, "Demand History": null };
  const output = await planJob.run({ tables, options: {} }, () => undefined);
  expect(output.status).toBe("done");
  return { plan: output.json as PlanResult, figure: output.figure };
}

describe("the network picture's exception marks", () => {
  test("a stage without holding cost that holds stock is marked, and only it", async () => {
    const { plan, figure } = await planned(
      [["Assembly", 10, 3, 0.95, 1, 4, 0], ["Parts", null, null, 0.95, 5, null, null], ["Casting", null, null, 0.95, 2, 1, null]],
      [["Parts", "Assembly", 1], ["Casting", "Parts", 1]],
    );
    const warning = plan.exceptions.find((e) => e.severity === "warning" && /no holding cost/.test(e.message));
    expect(warning).toMatchObject({ stage: "Parts", where: "Stages!F3" });
    expect(plan.exceptions.filter((e) => e.severity !== "info").map((e) => e.stage)).toEqual(["Parts"]);
    expect(marks(figure)).toEqual({ Assembly: null, Parts: "warning", Casting: null });
  });

  test("a bad Stages cell that the plan goes on with marks its stage, with its worst exception (a service level of 40 %)", async () => {
    const { plan, figure } = await planned(
      [["Assembly", 10, 3, 0.95, 1, 4, 0], ["Parts", null, null, 0.4, 5, 1, null]],
      [["Parts", "Assembly", 1]],
    );
    // A warning at the Service Level cell, and an error at the whole row (its inter-arrival deviation cannot be derived).
    expect(plan.exceptions.filter((e) => e.severity !== "info")).toEqual([
      expect.objectContaining({ severity: "warning", stage: "Parts", where: "Stages!D3" }),
      expect.objectContaining({ severity: "error", stage: "Parts", where: "Stages!A3:G3" }),
    ]);
    expect(marks(figure)).toEqual({ Assembly: null, Parts: "error" });
  });

  test("a stage whose id reads like a place is marked by its own exception, not by its name", async () => {
    // Before, an exception at "Stages!D3" marked the stage on row 3 and one whose id was the place.
    const { figure } = await planned(
      [["Stages!D3", 10, 3, 0.95, 1, 4, 0], ["Parts", null, null, 0.4, 5, 1, null]],
      [["Parts", "Stages!D3", 1]],
    );
    expect(marks(figure)).toEqual({ "Stages!D3": null, Parts: "error" });
  });

  test("an arc's or the placement's warning marks no stage; an error outranks a warning on one stage", () => {
    const outcome = planRecord({
      format: "aps-network/1",
      stages: [{ id: "A", demandRate: 10, demandSd: 3, processingTime: 1, holdingCost: 1, maxServiceTime: 0 }, { id: "B", processingTime: 2, holdingCost: 1 }],
      arcs: [{ from: "B", to: "A", quantity: 1, quantty: 2 }],
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const plan = outcome.plan;
    expect(plan.exceptions.find((e) => e.where === "arcs[0].quantity")).toMatchObject({ severity: "warning" });
    expect(plan.exceptions.find((e) => e.where === "arcs[0].quantity")?.stage).toBeUndefined();
    const withOthers: PlanResult = {
      ...plan,
      exceptions: [
        ...plan.exceptions,
        { severity: "warning", where: "network", message: "The safety-stock placement is not proven optimal." },
        { severity: "warning", where: "stages[1].z", message: "B: z at 50 %.", stage: "B" },
        { severity: "error", where: "stages[1].processingTime", message: "B: no lead time.", stage: "B" },
        { severity: "warning", where: "stages[1].holdingCost", message: "B again.", stage: "B" },
      ],
    };
    expect(marks(networkFigure(plan))).toEqual({ A: null, B: null });
    expect(marks(networkFigure(withOthers))).toEqual({ A: null, B: "error" });
  });
});
