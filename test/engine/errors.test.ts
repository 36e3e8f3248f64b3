// The shared validators name the input and say why it is refused.
import { requirePositive, requireProbability, PlanningInputError, isPlanningInputError } from "../../src/engine/errors";

describe("requirePositive(value, input)", () => {
  it("returns a positive value unchanged", () => expect(requirePositive(2.5, "holdingCost")).toBe(2.5));
  it("refuses 0 and names the input", () => {
    expect(() => requirePositive(0, "holdingCost")).toThrow("holdingCost must be greater than 0 (got 0).");
  });
  it("refuses NaN as not a number", () => {
    expect(() => requirePositive(NaN, "orderCost")).toThrow("orderCost must be a finite number (got not a number).");
  });
});

describe("requireProbability(value, input)", () => {
  it("refuses 1: a service level of 100% has no finite z", () => {
    let caught: unknown;
    try { requireProbability(1, "serviceLevel"); } catch (e) { caught = e; }
    expect(isPlanningInputError(caught)).toBe(true);
    expect((caught as PlanningInputError).input).toBe("serviceLevel");
  });
});
