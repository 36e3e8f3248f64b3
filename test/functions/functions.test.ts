// Example-based tests of the APS.* custom functions: values (checked against the equations, not
// against engine output), broadcasting and spills, and the error policy (#VALUE! / #N/A, with a
// message naming the argument).
import * as F from "../../src/functions/functions";
import { cellError, StandInCellError } from "../../src/functions/cellErrors";

type Cell = number | { code: string; message: string };
const cells = (result: unknown) => result as Cell[][];
const errorOf = (cell: Cell) => cell as { code: string; message: string };

describe("=APS.EOQ(demandRate, orderCost, holdingCost, [model], …)", () => {
  it("=APS.EOQ(1200, 50, 2) is sqrt(2·1200·50/2) = 244.948974278…", () => {
    const [[q]] = cells(F.eoq([[1200]], [[50]], [[2]]));
    expect(q).toBeCloseTo(244.948974278318, 10);
  });
  it("=APS.EOQ(40, 150, 1.2, \"backorder\", 6) is eq. (9): sqrt(2λK(h+b)/(hb))", () => {
    const [[q]] = cells(F.eoq([[40]], [[150]], [[1.2]], [["backorder"]], [[6]]));
    expect(q).toBeCloseTo(Math.sqrt((2 * 40 * 150 * 7.2) / (1.2 * 6)), 10);
    const [[b]] = cells(F.backorderLevel([[40]], [[150]], [[1.2]], [["backorder"]], [[6]]));
    expect(b).toBeCloseTo((1.2 * (q as number)) / 7.2, 10);
  });
  it("=APS.EOQ(20, 200, 0.5, \"production\", , , 60) is eq. (10)", () => {
    const [[q]] = cells(F.eoq([[20]], [[200]], [[0.5]], [["production"]], null as any, null as any, [[60]]));
    expect(q).toBeCloseTo(Math.sqrt((2 * 20 * 200 * 60) / (0.5 * 40)), 10);
  });
  it("a column of demand rates spills a column of lot sizes; a row of costs stretches it to a matrix", () => {
    const result = cells(F.eoq([[100], [400], [900]], [[2, 8]], [[4]]));
    expect(result.length).toBe(3);
    expect(result[0].length).toBe(2);
    expect(result[2][1]).toBeCloseTo(Math.sqrt((2 * 900 * 8) / 4), 12);
  });
  it("fills cells outside a shorter range with #N/A, as Excel does", () => {
    const result = cells(F.eoq([[100], [400], [900]], [[2], [8]], [[4]]));
    expect(typeof result[1][0]).toBe("number");
    expect(errorOf(result[2][0]).code).toBe("#N/A");
    expect(errorOf(result[2][0]).message).toMatch(/row 3 is outside orderCost/);
  });
  it("puts per-cell errors inside the spill, naming the argument and why", () => {
    const result = cells(F.eoq([[1200], [1200], [1200], [1200]], [[50]], [[-2], ["12"], [true], [2]]));
    expect(errorOf(result[0][0])).toMatchObject({ code: "#VALUE!", message: "holdingCost must be greater than 0 (got -2)." });
    expect(errorOf(result[1][0])).toMatchObject({ code: "#VALUE!", message: 'holdingCost must be a number (got text "12").' });
    expect(errorOf(result[2][0])).toMatchObject({ code: "#VALUE!", message: "holdingCost must be a number (got TRUE)." });
    expect(typeof result[3][0]).toBe("number");
  });
  it("blank required input is #N/A 'is blank'; blank or 0 optional input means 'not given'", () => {
    expect(errorOf(cells(F.eoq([[null]], [[50]], [[2]]))[0][0])).toMatchObject({ code: "#N/A", message: "demandRate is blank: enter a number." });
    const classic = cells(F.eoq([[1200]], [[50]], [[2]], [[null]], [[0]], [[0]]))[0][0];
    expect(classic).toBeCloseTo(244.948974278318, 10);
  });
  it("#N/A when the chosen model lacks its data (lead-time without predictedLeadTime)", () => {
    const [[cell]] = cells(F.eoq([[40]], [[150]], [[1.2]], [["lead-time"]], [[6]], null as any, null as any, [[5]], [[0]]));
    expect(errorOf(cell)).toMatchObject({ code: "#N/A", message: "The lead-time lot-size model needs predictedLeadTime." });
  });
  it("#VALUE! for an unknown model, listing the valid ones", () => {
    const [[cell]] = cells(F.eoq([[40]], [[150]], [[1.2]], [["fancy"]]));
    expect(errorOf(cell).code).toBe("#VALUE!");
    expect(errorOf(cell).message).toMatch(/model must be one of classic, backorder/);
  });
  it("an error value in an input cell comes back as #VALUE! (or #N/A) naming the argument", () => {
    const result = cells(F.eoq([[{ code: "#DIV/0!" }], [{ code: "#N/A" }]], [[50]], [[2]]));
    expect(errorOf(result[0][0])).toMatchObject({ code: "#VALUE!", message: "demandRate holds the error #DIV/0!" });
    expect(errorOf(result[1][0]).code).toBe("#N/A");
  });
  it("10,000 rows are one call and one spill (computed in the functions worker: a promise)", async () => {
    const rates = Array.from({ length: 10_000 }, (_, i) => [i + 1]);
    const answer = F.eoq(rates, [[50]], [[2]]);
    expect(answer).toBeInstanceOf(Promise);
    const result = cells(await answer);
    expect(result.length).toBe(10_000);
    expect(result[9_999][0]).toBeCloseTo(Math.sqrt(2 * 10_000 * 50 / 2), 9);
  });
});

describe("=APS.OPTIMAL_RATE(demandRate, serviceCost, penaltyCost, interarrivalSd, serviceSd, [exact])", () => {
  it("is λ + λ sqrt(λC_W V/(2C_T)); the exact option is larger", () => {
    const [[mu]] = cells(F.optimalRateFn([[2]], [[1]], [[10]], [[0.3]], [[0.4]]));
    expect(mu).toBeCloseTo(2 + 2 * Math.sqrt((2 * 10 * 0.25) / 2), 12);
    const [[exact]] = cells(F.optimalRateFn([[2]], [[1]], [[10]], [[0.3]], [[0.4]], [[true]]));
    expect(exact as number).toBeGreaterThan(mu as number);
  });
  it("names demandRate (not the engine's arrivalRate) in its messages", () => {
    const [[cell]] = cells(F.optimalRateFn([[0]], [[1]], [[10]], [[0.3]], [[0.4]]));
    expect(errorOf(cell).message).toBe("demandRate must be greater than 0 (got 0).");
  });
  it("refuses a non-boolean exact flag", () => {
    const [[cell]] = cells(F.optimalRateFn([[2]], [[1]], [[10]], [[0.3]], [[0.4]], [["yes"]]));
    expect(errorOf(cell).message).toMatch(/^exact must be TRUE or FALSE/);
  });
});

describe("queue functions", () => {
  it("=APS.QUEUE_WAIT(2, 4, 0.3, 0.4) is λV/(2(1−ρ)) = 0.5; ORDERS_IN_SYSTEM is λW_q + ρ = 1.5", () => {
    expect(cells(F.queueWait([[2]], [[4]], [[0.3]], [[0.4]]))[0][0]).toBeCloseTo(0.5, 14);
    expect(cells(F.ordersInSystemFn([[2]], [[4]], [[0.3]], [[0.4]]))[0][0]).toBeCloseTo(1.5, 14);
    expect(cells(F.utilisationFn([[2]], [[4]]))[0][0]).toBe(0.5);
  });
  it("an unstable queue is #VALUE! saying so", () => {
    const [[cell]] = cells(F.queueWait([[5]], [[4]], [[0.3]], [[0.4]]));
    expect(errorOf(cell).code).toBe("#VALUE!");
    expect(errorOf(cell).message).toMatch(/queue is unstable/);
  });
});

describe("service level, variability, lead times, safety stock", () => {
  it("=APS.SERVICE_Z(0.95) is NORM.S.INV(0.95) = 1.6448536269514722", () => {
    expect(cells(F.serviceZ([[0.95]]))[0][0]).toBeCloseTo(1.6448536269514722, 12);
    expect(errorOf(cells(F.serviceZ([[1]]))[0][0]).message).toBe("serviceLevel must be strictly between 0 and 1 (got 1).");
  });
  it("=APS.INTERARRIVAL_SD(20, 6, , 2) uses z = 2: 1/20 − 1/32", () => {
    expect(cells(F.interarrivalSd([[20]], [[6]], [[null]], [[2]]))[0][0]).toBeCloseTo(1 / 20 - 1 / 32, 15);
  });
  it("z wins over serviceLevel, which is then not even read", () => {
    expect(cells(F.safetyStockFn([[3]], [[4]], [["oops"]], [[2]]))[0][0]).toBe(12);
  });
  it("without z a blank serviceLevel is #N/A", () => {
    expect(errorOf(cells(F.demandBoundFn([[10]], [[3]], [[4]], [[null]]))[0][0]).code).toBe("#N/A");
  });
  it("=APS.DEMAND_BOUND(10, 3, 4, , 2) is λτ + zσ sqrt τ = 52", () => {
    expect(cells(F.demandBoundFn([[10]], [[3]], [[4]], [[null]], [[2]]))[0][0]).toBe(52);
  });
  it("=APS.SERVICE_SD(3, 4) is 5; =APS.INBOUND_SD({0.1, 0.3}, 0.2) is 0.3", () => {
    expect(cells(F.serviceSd([[3]], [[4]]))[0][0]).toBe(5);
    expect(cells(F.inboundSd([[0.1, 0.3]], [[0.2]]))[0][0]).toBe(0.3);
  });
  it("PROMISED_LEAD_TIME reduces upstreamTimes by MAX across each row, skipping blanks", () => {
    const result = cells(
      F.promisedLeadTimeFn([[4], [2], [1.5]], [[null, null], [null, ""], [7.5, 3]], [[3], [1], [0]], [[0.5], [0], [0.25]]),
    );
    expect(result.map((r) => r[0])).toEqual([3 + 4.5, 1 + 2, 7.5 + 1.75]);
    expect(result[0].length).toBe(1);
  });
  it("NET_REPLENISHMENT_TIME refuses a committed service time beyond SI + L", () => {
    expect(cells(F.netReplenishmentTimeFn([[1]], [[2]], [[0.5]]))[0][0]).toBe(2.5);
    expect(errorOf(cells(F.netReplenishmentTimeFn([[1]], [[2]], [[4]]))[0][0]).message).toMatch(/^committedServiceTime 4 exceeds/);
  });
  it("=APS.INBOUND_LEAD_TIME(2, 150, 100, 3) is max(1, 2·150/100)·3 = 9", () => {
    expect(cells(F.inboundLeadTimeFn([[2]], [[150]], [[100]], [[3]]))[0][0]).toBe(9);
  });
});

describe("cellError(code, message)", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });
  it("builds a stand-in with the same { code, message } shape outside Excel", () => {
    const e = cellError("#N/A", "x");
    expect(e).toBeInstanceOf(StandInCellError);
    expect(e).toMatchObject({ code: "#N/A", message: "x" });
  });
  it("uses the runtime's CustomFunctions.Error when present", () => {
    class FakeError {
      constructor(readonly code: string, readonly message?: string) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" } };
    const e = cellError("#VALUE!", "bad");
    expect(e).toBeInstanceOf(FakeError);
    expect(e).toMatchObject({ code: "#VALUE!", message: "bad" });
  });
  it("cuts messages longer than 255 characters", () => {
    expect(cellError("#VALUE!", "a".repeat(400)).message!.length).toBe(255);
  });
});
