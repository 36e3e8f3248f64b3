// The pictures of a result: the planned network (one box per stage, levels by BOM depth, each stage
// linked to its row, fitted to the pane's width however many stages) and the schedule's Gantt.
import * as path from "path";
import type { PlanResult } from "../../src/engine/plan/types";
import type { NetworkFigure } from "../../src/workbook/jobs/figures";
import { planJob } from "../../src/workbook/plan/planJob";
import { bomLevels } from "../../src/workbook/plan/networkFigure";
import { ganttFigure } from "../../src/workbook/schedule/ganttFigure";
import type { TableData } from "../../src/workbook/port";
import { openXlsxWorkbook } from "../../src/workbook/xlsx/xlsxWorkbook";
import { layoutGantt, tickStep } from "../../src/taskpane/figures/ganttLayout";
import { fitText, layoutNetwork, MAX_LABELLED_ARCS, wrapText, type NodeBox } from "../../src/taskpane/figures/networkLayout";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");

async function tablesOf(file: string, names: string[]): Promise<Record<string, TableData | null>> {
  const book = await openXlsxWorkbook(file);
  return Object.fromEntries(await Promise.all(names.map(async (n) => [n, await book.readTable(n)] as const)));
}

function overlaps(a: NodeBox, b: NodeBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A layered network: `perLevel[k]` stages at BOM depth k, each stage above level 0 supplying one or two of the level below. */
function layered(perLevel: number[]): NetworkFigure {
  const ids = perLevel.map((n, level) => Array.from({ length: n }, (_, k) => `L${level}-S${k}`));
  const stages = ids.flatMap((list, level) => list.map((id, k) => ({ id, owner: `Owner ${k % 5}`, level, stock: k % 3 === 0, safetyStock: k, serviceTime: level, exception: k % 17 === 0 ? "warning" as const : null, where: null })));
  const arcs = ids.slice(1).flatMap((list, l) => list.flatMap((id, k) => {
    const below = ids[l];
    return [...new Set([below[k % below.length], below[(k * 7 + 3) % below.length]])].map((to) => ({ from: id, to, serviceTime: l + 1 }));
  }));
  return { kind: "network", stages, arcs };
}

describe("the network picture", () => {
  test("after a plan of supply-chain.xlsx: one stage each, BOM levels along the arcs, each stage's cell holds its id", async () => {
    const tables = await tablesOf(path.join(EXAMPLES, "supply-chain.xlsx"), planJob.tables);
    const output = await planJob.run({ tables, options: {} }, () => undefined);
    const plan = output.json as PlanResult;
    const figure = output.figure!;
    expect(figure.kind).toBe("network");
    if (figure.kind !== "network") return;
    expect(figure.stages.map((s) => s.id)).toEqual(plan.stages.map((s) => s.id));
    const level = new Map(figure.stages.map((s) => [s.id, s.level]));
    for (const a of figure.arcs) expect(level.get(a.from)!).toBeGreaterThan(level.get(a.to)!);
    expect(figure.arcs).toHaveLength(plan.arcs.length);
    const stages = tables.Stages!;
    for (const s of figure.stages) {
      const row = Number(/(\d+)$/.exec(s.where!)![1]) - stages.headerRow - 1;
      expect(stages.rows[row]).toContain(s.id);
      const planned = plan.stages.find((p) => p.id === s.id)!;
      expect(s.stock).toBe((planned.safetyStock ?? 0) > 1e-9);
      expect(s.owner).toBe(planned.owner);
    }
    for (const a of figure.arcs) expect(a.serviceTime).toBe(plan.stages.find((p) => p.id === a.from)!.committedServiceTime);
    const layout = layoutNetwork(figure, 318);
    expect(layout.nodes).toHaveLength(plan.stages.length);
  });

  test("BOM depth is the longest path to a customer-facing stage", () => {
    const levels = bomLevels(["raw", "part", "end", "spare"], [{ from: "raw", to: "part" }, { from: "part", to: "end" }, { from: "raw", to: "end" }]);
    expect(Object.fromEntries(levels)).toEqual({ raw: 2, part: 1, end: 0, spare: 0 });
  });

  test.each([320, 350, 450])("240 stages at %i px: one box each, inside the width, none overlapping, suppliers left of customers", (px) => {
    const figure = layered([60, 80, 60, 40]);
    expect(figure.stages).toHaveLength(240);
    const layout = layoutNetwork(figure, px - 2);
    expect(layout.nodes).toHaveLength(240);
    expect(new Set(layout.nodes.map((n) => n.stage.id)).size).toBe(240);
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(px - 2);
      expect(n.width).toBeGreaterThanOrEqual(40);
    }
    const clashes = layout.nodes.flatMap((a, k) => layout.nodes.slice(k + 1).filter((b) => overlaps(a, b)).map((b) => `${a.stage.id}/${b.stage.id}`));
    expect(clashes).toEqual([]);
    const at = new Map(layout.nodes.map((n) => [n.stage.id, n]));
    for (const a of figure.arcs) expect(at.get(a.from)!.x).toBeLessThan(at.get(a.to)!.x);
    expect(layout.height).toBeGreaterThan(80 * 34);
    expect(figure.arcs.length).toBeGreaterThan(MAX_LABELLED_ARCS);
    expect(layout.arcs.every((a) => a.label === null)).toBe(true);
  });

  test("a small network labels every arc with its service time", () => {
    const figure = layered([2, 3, 2]);
    const layout = layoutNetwork(figure, 318);
    expect(layout.arcs.map((a) => a.label)).toEqual(figure.arcs.map((a) => String(a.serviceTime)));
  });

  test("text is cut to fit its box", () => {
    expect(fitText("Assembly", 100)).toBe("Assembly");
    expect(fitText("A very long stage name indeed", 40)).toMatch(/^.{1,5}…$/);
    expect(wrapText("Tube Cutting", 50)).toEqual(["Tube", "Cutting"]);
    expect(wrapText("Final Assembly", 200)).toEqual(["Final Assembly"]);
    expect(wrapText("Heat Treatment Line Two", 55)).toEqual(["Heat", "Treatme…"]);
    expect(wrapText("X", 50)).toEqual(["X"]);
  });
});

describe("the Gantt in the pane", () => {
  const record = {
    format: "aps-schedule/1", makespan: 11, operations: [
      { job: 0, step: 0, machine: 0, start: 0, end: 3 }, { job: 0, step: 1, machine: 1, start: 3, end: 5 },
      { job: 1, step: 0, machine: 1, start: 0, end: 3 }, { job: 1, step: 1, machine: 0, start: 3, end: 11 },
    ], jobNames: ["Order A", "Order B"], machineNames: ["Lathe", "Mill"],
  };

  test("one bar per operation, named as the tables name them; nothing without a job-shop record", () => {
    const figure = ganttFigure(record)!;
    expect(figure.machines).toEqual(["Lathe", "Mill"]);
    expect(figure.bars.map((b) => `${b.job}@${b.machine}:${b.start}-${b.end}`)).toEqual(["Order A@Lathe:0-3", "Order A@Mill:3-5", "Order B@Mill:0-3", "Order B@Lathe:3-11"]);
    expect(figure.makespan).toBe(11);
    expect(ganttFigure({ format: "aps-sequence/1" })).toBeNull();
    expect(ganttFigure(null)).toBeNull();
  });

  test.each([320, 450])("at %i px the bars fit the width, in time order along each lane", (px) => {
    const layout = layoutGantt(ganttFigure(record)!, px - 2);
    for (const b of layout.bars) {
      expect(b.x).toBeGreaterThanOrEqual(layout.plotX);
      expect(b.x + b.width).toBeLessThanOrEqual(px - 2 + 1e-9);
    }
    const lathe = layout.bars.filter((b) => b.bar.machine === "Lathe");
    expect(lathe[0].x + lathe[0].width).toBeCloseTo(lathe[1].x, 6);
    expect(layout.ticks[0].label).toBe("0");
  });

  test("ticks fall on 1, 2 or 5 times a power of ten", () => {
    expect(tickStep(11, 4)).toBe(5);
    expect(tickStep(1000, 5)).toBe(200);
    expect(tickStep(0.3, 3)).toBe(0.1);
  });
});
