// Accuracy measures, Croston/SBA/TSB, patterns, segmentation and reconciliation on hand-worked examples.
import { accuracy, naiveScale, trackingSignal, crostonForecast, tsbForecast, demandPattern, segmentDemand, suggestedServiceLevel, reconcile, customerProfiles, fitTheta, thetaForecast, seriesFromRows, isSeasonal, detectSeasonLength } from "../../src/engine/forecast";
import { standardNormalInverse } from "../../src/engine/normal";

describe("accuracy(y, f, history, m) on a worked example", () => {
  // y = 10, 20, 30; f = 12, 18, 33; errors y − f = −2, 2, −3.
  const a = accuracy([10, 20, 30], [12, 18, 33], [8, 10, 9, 13], 1);
  it("MAE = 7/3, RMSE = sqrt(17/3)", () => { expect(a.mae).toBeCloseTo(7 / 3, 12); expect(a.rmse).toBeCloseTo(Math.sqrt(17 / 3), 12); });
  it("MAPE = (20 + 10 + 10)/3 %", () => expect(a.mape).toBeCloseTo(40 / 3, 12));
  it("sMAPE = mean of 200|e|/(|y|+|f|) = (400/22 + 400/38 + 600/63)/3", () => expect(a.smape).toBeCloseTo((400 / 22 + 400 / 38 + 600 / 63) / 3, 12));
  it("MASE = MAE / naive in-sample MAE ((2 + 1 + 4)/3)", () => { expect(naiveScale([8, 10, 9, 13], 1)).toBeCloseTo(7 / 3, 12); expect(a.mase).toBeCloseTo(1, 12); });
  it("bias = mean(f − y) = 1; tracking signal: t = ē/(s/√3) with 2 degrees of freedom, as a normal deviate", () => {
    expect(a.bias).toBeCloseTo(1, 12);
    // ē = −1, s = √7: t = −√3/√7; Student's t with 2 df has two-sided tail 1 − |t|/√(2 + t²).
    const t = -Math.sqrt(3 / 7);
    const p = 1 - Math.abs(t) / Math.sqrt(2 + t * t);
    expect(a.trackingSignal).toBeCloseTo(standardNormalInverse(p / 2), 8);
  });
  it("seasonal naive scale uses lag m", () => expect(naiveScale([1, 2, 3, 2, 4, 5], 3)).toBeCloseTo((1 + 2 + 2) / 3, 12));
  it("a run of equal errors gives the cap 40; a single error gives none", () => { expect(trackingSignal([2, 2, 2, 2, 2])).toBe(40); expect(trackingSignal([2])).toBeNull(); });
  it("skips zero actuals in MAPE; sMAPE counts y = f = 0 as 0", () => { const z = accuracy([0, 10], [0, 5]); expect(z.mape).toBe(50); expect(z.smape).toBeCloseTo((0 + 1000 / 15) / 2, 12); });
});

describe("intermittent demand on the series 0, 4, 0, 0, 8 (α = β = 0.1)", () => {
  it("Croston: z = 4 → 4.4, p = 2 → 2.1, forecast 4.4/2.1", () => expect(crostonForecast([0, 4, 0, 0, 8], 0.1).forecast).toBeCloseTo(4.4 / 2.1, 12));
  it("SBA: (1 − α/2)·z/p", () => expect(crostonForecast([0, 4, 0, 0, 8], 0.1, "SBA").forecast).toBeCloseTo(0.95 * 4.4 / 2.1, 12));
  it("TSB: π 0.4 → 0.36 → 0.424 → 0.3816 → 0.34344 → 0.409096, z 4 → 4.4", () => expect(tsbForecast([0, 4, 0, 0, 8], 0.1, 0.1).forecast).toBeCloseTo(0.409096 * 4.4, 12));
  it("classes by ADI 1.32 and CV² 0.49", () => {
    expect(demandPattern([0, 5, 0, 0, 6, 0, 5]).pattern).toBe("intermittent");
    expect(demandPattern([0, 1, 0, 0, 20, 0, 3]).pattern).toBe("lumpy");
    expect(demandPattern([10, 11, 9, 10, 12]).pattern).toBe("smooth");
    expect(demandPattern([1, 30, 2, 25, 1, 40]).pattern).toBe("erratic");
  });
});

describe("Theta", () => {
  it("on a straight line 1..10 goes on at half the slope (SES at α ≈ 1 plus drift b/2): 10.5, 11", () => {
    const f = thetaForecast(fitTheta([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 1)!, 2);
    expect(f[0]).toBeCloseTo(10.5, 2);
    expect(f[1]).toBeCloseTo(11, 2);
  });
  it("passes the 90 % seasonality test on a seasonal series and not on noise-free trend", () => {
    const seasonal = Array.from({ length: 48 }, (_, t) => 100 + 20 * Math.sin((2 * Math.PI * t) / 12));
    expect(isSeasonal(seasonal, 12)).toBe(true);
    expect(detectSeasonLength(seasonal)).toBe(12);
  });
});

describe("segmentation", () => {
  it("ABC 80/15/5 by volume and XYZ by CV", () => {
    const s = segmentDemand([{ id: "a", values: [80, 80] }, { id: "b", values: [15, 15] }, { id: "c", values: [5, 5] }]);
    expect(s.map((x) => x.abc)).toEqual(["A", "B", "C"]);
    expect(s[0].xyz).toBe("X");
    const cv = segmentDemand([{ id: "x", values: [10, 10] }, { id: "y", values: [5, 12] }, { id: "z", values: [0, 1] }]);
    expect(cv.map((x) => x.xyz)).toEqual(["X", "Y", "Z"]); // CV 0, 0.588, 1.414
  });
  it("ABC by value uses the price", () => {
    const s = segmentDemand([{ id: "a", values: [10], price: 1 }, { id: "b", values: [1], price: 100 }]);
    expect(s.map((x) => x.abc)).toEqual(["B", "A"]);
  });
  it("the most specific service-level row wins", () => {
    const table = [{ segment: "*", serviceLevel: 0.9 }, { segment: "A", serviceLevel: 0.98 }, { segment: "AX", serviceLevel: 0.99 }];
    expect(suggestedServiceLevel("A", "X", table)).toBe(0.99);
    expect(suggestedServiceLevel("A", "Z", table)).toBe(0.98);
    expect(suggestedServiceLevel("C", "Z", table)).toBe(0.9);
  });
  it("customer order frequency and lead-time tolerance", () => {
    const p = customerProfiles([{ customer: "K", orderDate: 0, dueDate: 10 }, { customer: "K", orderDate: 60, dueDate: 64 }], 30);
    expect(p[0].leadTimeTolerance).toBe(7);
    expect(p[0].orderFrequency).toBe(1);
  });
});

describe("reconciliation (CPFR)", () => {
  it("names partner, stage and the periods beyond 20 %", () => {
    const r = reconcile({ partner: "Supplier", stage: "Motor", kind: "forecast vs forecast", periods: ["2025-01", "2025-02", "2025-03"], compared: [100, 130, 79], reference: [100, 100, 100] })!;
    expect(r.periods).toEqual(["2025-02", "2025-03"]);
    expect(r.message).toContain("Supplier");
    expect(r.message).toContain("Motor");
    expect(r.largestDeviation).toBeCloseTo(0.3, 12);
  });
  it("returns null within tolerance", () => expect(reconcile({ partner: "P", stage: "S", kind: "forecast vs actual", periods: ["1"], compared: [110], reference: [100] })).toBeNull());
});

describe("seriesFromRows", () => {
  it("adds rows of one period, fills missing periods with 0", () => {
    const s = seriesFromRows([{ stage: "A", period: 1, quantity: 5, row: 0 }, { stage: "A", period: 1, quantity: 2, row: 1 }, { stage: "A", period: 3, quantity: 2, row: 2 }]).series[0];
    expect(s.values).toEqual([7, 0, 2]);
  });
  it("reads monthly dates (Excel serials) as season 12 and labels months", () => {
    const jan = 45292; // 2024-01-01
    const s = seriesFromRows([{ stage: "A", period: jan, quantity: 1, row: 0 }, { stage: "A", period: jan + 60, quantity: 3, row: 1 }, { stage: "A", period: jan + 31, quantity: 2, row: 2 }]).series[0];
    expect(s.frequency).toBe(12);
    expect(s.periods).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(s.values).toEqual([1, 2, 3]);
  });
  it("reads quarterly text periods as season 4", () => {
    const s = seriesFromRows([{ stage: "A", period: "2024-Q1", quantity: 1, row: 0 }, { stage: "A", period: "2024-Q3", quantity: 3, row: 1 }]).series[0];
    expect(s.frequency).toBe(4);
    expect(s.values).toEqual([1, 0, 3]);
  });
});

describe("seriesFromRows: the grain of date periods", () => {
  const serial = (y: number, m: number, d: number) => (Date.UTC(y, m, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  const grain = (periods: number[]) => seriesFromRows(periods.map((p, i) => ({ stage: "S", period: p, quantity: 1, row: i }))).series[0];
  it("dates on the 1st, three months apart: quarterly (4)", () => expect(grain([serial(2024, 0, 1), serial(2024, 3, 1), serial(2024, 9, 1)]).frequency).toBe(4));
  it("month ends: monthly (12)", () => expect(grain([serial(2024, 0, 31), serial(2024, 1, 29), serial(2024, 2, 31)]).frequency).toBe(12));
  it("Mondays: weekly (52), missing weeks zero", () => { const s = grain([serial(2024, 0, 1), serial(2024, 0, 8), serial(2024, 0, 22)]); expect(s.frequency).toBe(52); expect(s.values).toEqual([1, 1, 0, 1]); });
  it("order dates spread over the month: monthly", () => expect(grain([serial(2024, 0, 3), serial(2024, 0, 17), serial(2024, 1, 9), serial(2024, 2, 28)]).values).toEqual([2, 1, 1]));
  it("consecutive days: daily (7)", () => expect(grain([serial(2024, 0, 1), serial(2024, 0, 2), serial(2024, 0, 3), serial(2024, 0, 5)]).frequency).toBe(7));
});
