// readNetwork: an aps-network/1 record validated, every input error named by its place (docs/model.md §0).

import { readNetwork } from "../../src/engine/network/readNetwork";
import { jsonPath } from "../../src/engine/network/locate";

const stage = (id: string, extra: Record<string, unknown> = {}) => ({ id, ...extra });

function errors(raw: unknown): string[] {
  const { network, issues } = readNetwork(raw);
  expect(network).toBeNull();
  return issues.filter((i) => i.severity === "error").map((i) => `${jsonPath(i.location)}: ${i.message}`);
}

describe("readNetwork(raw)", () => {
  const demand = { demandRate: 10, demandSd: 2 };

  it("reads a two-stage network with defaults for blanks and Φ = 1 where quantity is blank", () => {
    const { network, issues } = readNetwork({
      format: "aps-network/1",
      stages: [stage("A", demand), stage("B", { holdingCost: 1 })],
      arcs: [{ from: "B", to: "A" }],
    });
    expect(issues).toEqual([]);
    expect(network!.arcs[0].quantity).toBe(1);
    expect(network!.stages[1].holdingCost).toBe(1);
    expect(network!.stages[1].demandRate).toBeNull();
    expect(network!.settings).toEqual({ defaultServiceLevel: 0.95, periodsPerYear: 365, placementMethod: "auto", rateMethod: "closed-form", placementTimeLimit: 10 });
  });

  it("refuses a cycle and names its arcs", () => {
    const found = errors({
      format: "aps-network/1",
      stages: [stage("A", demand), stage("B"), stage("C")],
      arcs: [{ from: "B", to: "A" }, { from: "C", to: "B" }, { from: "B", to: "C" }],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^arcs\[\d\]: The arcs form a cycle \((C → B, B → C|B → C, C → B)\)/);
  });

  it("refuses an arc to an unknown stage, a duplicate id and a non-positive quantity, each with its place", () => {
    expect(errors({ format: "aps-network/1", stages: [stage("A", demand)], arcs: [{ from: "X", to: "A" }] }))
      .toEqual(['arcs[0].from: Arc from "X" is not a stage of the network.']);
    expect(errors({ format: "aps-network/1", stages: [stage("A", demand), stage("A")], arcs: [] }))
      .toEqual(['stages[1].id: Stage "A" is listed twice (also on stage row 1); ids must be unique.']);
    expect(errors({ format: "aps-network/1", stages: [stage("A", demand), stage("B")], arcs: [{ from: "B", to: "A", quantity: 0 }] }))
      .toEqual(["arcs[0].quantity: quantity must be greater than 0 (got 0)."]);
  });

  it("says what was likely meant: numbers stored as text, a stage named with other case or spacing", () => {
    expect(errors({ format: "aps-network/1", stages: [stage("Final Assembly", { demandRate: " 12 " })], arcs: [] })).toEqual([
      'stages[0].demandRate: demandRate must be a number (got text " 12 ": the cell holds text that looks like a number; convert it to a number).',
    ]);
    expect(errors({ format: "aps-network/1", stages: [stage("Final Assembly", demand), stage("Paint")], arcs: [{ from: "paint", to: "final  assembly" }] })).toEqual([
      'arcs[0].from: Arc from "paint" is not a stage of the network; did you mean "Paint"?',
      'arcs[0].to: Arc to "final  assembly" is not a stage of the network; did you mean "Final Assembly"?',
    ]);
  });

  it("refuses a network where no stage has external demand", () => {
    expect(errors({ format: "aps-network/1", stages: [stage("A")], arcs: [] }))
      .toEqual(["stages.demandRate: No stage has external demand: give demandRate on the stages that serve customers."]);
  });

  it("refuses text in a number field, a service level of 95 and an unknown lot-size model", () => {
    expect(errors({ format: "aps-network/1", stages: [stage("A", { demandRate: "ten", serviceLevel: 95, lotSizeModel: "eoq" })], arcs: [] })).toEqual([
      'stages[0].demandRate: demandRate must be a number (got text "ten").',
      "stages[0].serviceLevel: serviceLevel must be strictly between 0 and 1 (got 95) (for 95 % write 0.95).",
      'stages[0].lotSizeModel: lotSizeModel must be one of classic, backorder, production, production-backorder, lead-time (got text "eoq").',
    ]);
  });

  it("refuses a record of another format and settings with an unknown method", () => {
    expect(errors({ format: "aps-plan/1", stages: [stage("A", demand)], arcs: [] })).toEqual(['network: format must be "aps-network/1" (got text "aps-plan/1").']);
    expect(errors({ format: "aps-network/1", stages: [stage("A", demand)], arcs: [], settings: { placementMethod: "magic" } }))
      .toEqual(['settings.placementMethod: placementMethod must be one of auto, paper-rule, tree-dp, branch-and-bound, all-stock, make-to-order (got text "magic").']);
  });

  it("does not modify its input", () => {
    const raw = { format: "aps-network/1", stages: [stage("A", { ...demand, lotSizeModel: "Classic" })], arcs: [] };
    const copy = JSON.parse(JSON.stringify(raw));
    readNetwork(raw);
    expect(raw).toEqual(copy);
  });
});
