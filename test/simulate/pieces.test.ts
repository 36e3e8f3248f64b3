// The simulator's small parts: Student-t quantiles against published tables, the event kernel's
// order, the samplers' moments, the FIFO, and Demand History turned into series.

import { EventKernel } from "../../src/engine/simulate/eventKernel";
import { Fifo } from "../../src/engine/simulate/fifo";
import { historySeries, HistoryRow } from "../../src/engine/simulate/demandHistory";
import { poisson, normalSampler, stream } from "../../src/engine/simulate/randomStreams";
import { estimate, histogramQuantile, pairedDifference, studentTQuantile } from "../../src/engine/simulate/statistics";
import { ticksPerPeriod } from "../../src/engine/simulate/simNetwork";
import type { StagePlan } from "../../src/engine/plan/types";

describe("studentTQuantile(p, ν)", () => {
  it.each([
    [1, 12.706204736], [2, 4.302652730], [4, 2.776445105], [9, 2.262157163], [19, 2.093024054], [29, 2.045229642], [1000, 1.962339081],
  ])("t(0.975, %p) = %p as tabulated", (nu, t) => {
    expect(studentTQuantile(0.975, nu)).toBeCloseTo(t, 7);
  });

  it("is odd around p = 0.5", () => {
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-studentTQuantile(0.975, 5), 12);
  });
});

describe("estimate and pairedDifference", () => {
  it("estimate([1, 2, 3, 4]) is 2.5 ± t(0.975, 3)·s/√n", () => {
    const e = estimate([1, 2, 3, 4]);
    const half = 3.182446305 * Math.sqrt(5 / 3 / 4);
    expect(e.mean).toBe(2.5);
    expect(e.ci95![0]).toBeCloseTo(2.5 - half, 8);
    expect(e.ci95![1]).toBeCloseTo(2.5 + half, 8);
  });

  it("leaves out nulls, gives a point for one value and nulls for none", () => {
    expect(estimate([null, 3])).toEqual({ mean: 3, ci95: [3, 3] });
    expect(estimate([])).toEqual({ mean: null, ci95: null });
  });

  it("pairs replication by replication: a constant shift has a zero-width interval", () => {
    expect(pairedDifference([5, 7, 9], [4, 6, 8])).toEqual({ mean: 1, ci95: [1, 1] });
  });

  it("histogramQuantile takes the smallest bin whose cumulative weight reaches p", () => {
    expect(histogramQuantile([0, 5, 4, 1], 0.5, 0.5)).toBe(0.5);
    expect(histogramQuantile([0, 5, 4, 1], 0.9, 0.5)).toBe(1);
    expect(histogramQuantile([0, 5, 4, 1], 0.99, 0.5)).toBe(1.5);
    expect(histogramQuantile([], 0.5, 1)).toBeNull();
  });
});

describe("EventKernel", () => {
  it("fires events in time order, ties in the order scheduled, and counts them", () => {
    const kernel = new EventKernel();
    const seen: string[] = [];
    const mark = kernel.on((t, p) => seen.push(`${t}:${p}`));
    kernel.schedule(2, mark, 1);
    kernel.schedule(1, mark, 2);
    kernel.schedule(2, mark, 3);
    kernel.schedule(5, mark, 4);
    expect(kernel.run(4)).toBe(3);
    expect(seen).toEqual(["1:2", "2:1", "2:3"]);
    expect(kernel.pending).toBe(1);
    expect(() => kernel.schedule(1, mark, 0)).toThrow(RangeError);
  });

  it("lets a handler book further events (a clock ticking to 3 fires 4 times)", () => {
    const k = new EventKernel();
    const tick = k.on((t, _p, kk) => { if (t < 3) kk.schedule(t + 1, tick, 0); });
    k.schedule(0, tick, 0);
    k.run(10);
    expect(k.events).toBe(4);
  });
});

describe("samplers", () => {
  it.each([[3], [45], [400]])("Poisson(%p) has mean and variance m (200,000 draws)", (m) => {
    const r = stream(1, 0, 0, m);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    for (let k = 0; k < n; k++) { const x = poisson(r, m); sum += x; sq += x * x; }
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    expect(Math.abs(mean - m)).toBeLessThan(4 * Math.sqrt(m / n));
    expect(Math.abs(variance / m - 1)).toBeLessThan(0.02);
  });

  it("normal draws have mean 0 and variance 1", () => {
    const z = normalSampler(stream(2, 0, 0, 0));
    let sum = 0;
    let sq = 0;
    for (let k = 0; k < 200_000; k++) { const x = z(); sum += x; sq += x * x; }
    expect(Math.abs(sum / 200_000)).toBeLessThan(0.01);
    expect(Math.abs(sq / 200_000 - 1)).toBeLessThan(0.01);
  });
});

describe("Fifo", () => {
  it("keeps records in order while growing past its capacity", () => {
    const q = new Fifo(2, 2);
    for (let k = 0; k < 10; k++) q.push(k, 10 * k);
    q.shift();
    q.shift();
    for (let k = 10; k < 40; k++) q.push(k, 10 * k);
    expect(q.length).toBe(38);
    expect(q.get(q.head, 0)).toBe(2);
    expect(q.get(q.tail - 1, 1)).toBe(390);
  });
});

describe("ticksPerPeriod", () => {
  const stage = (si: number, l: number, s: number) => ({ inboundServiceTime: si, leadTime: l, committedServiceTime: s, netReplenishmentTime: si + l - s }) as StagePlan;
  it("is 1 for integer times, 2 for halves, 4 for quarters, and rounds beyond the cap", () => {
    expect(ticksPerPeriod([[stage(1, 2, 0)]], 4)).toEqual({ ticks: 1, rounded: false });
    expect(ticksPerPeriod([[stage(0, 2.5, 0)]], 4)).toEqual({ ticks: 2, rounded: false });
    expect(ticksPerPeriod([[stage(0.25, 2, 1)]], 4)).toEqual({ ticks: 4, rounded: false });
    expect(ticksPerPeriod([[stage(0, 2.1, 0)]], 4)).toEqual({ ticks: 4, rounded: true });
  });
});

describe("historySeries", () => {
  const at = (r: number) => ({ stage: `H!A${r}`, period: `H!B${r}`, quantity: `H!C${r}` });
  const row = (stage: unknown, period: unknown, quantity: unknown, r: number): HistoryRow => ({ stage, period, quantity, where: at(r) });

  it("adds rows of one period and fills missing periods with zero demand", () => {
    const { series, errors } = historySeries([row("A", 1, 5, 2), row("A", 3, 7, 3), row("A", 3, 1, 4), row("B", 2, 4, 5)], new Set(["A", "B"]));
    expect(errors).toEqual([]);
    expect(series.get("A")).toEqual([5, 0, 8]);
    expect(series.get("B")).toEqual([4]);
  });

  it("reads monthly dates as consecutive months", () => {
    const jan = 45292; // 2024-01-01
    const { series } = historySeries([row("A", jan, 1, 2), row("A", jan + 60, 3, 3), row("A", "2024-02-01", 2, 4)], new Set(["A"]));
    expect(series.get("A")).toEqual([1, 2, 3]);
  });

  it("reads periods as the forecast does: \"2024-01\" text months are consecutive periods", () => {
    const { series, errors } = historySeries([row("A", "2024-01", 4, 2), row("A", "2024-03", 6, 3)], new Set(["A"]));
    expect(errors).toEqual([]);
    expect(series.get("A")).toEqual([4, 0, 6]);
  });

  it("names every bad cell", () => {
    const { errors } = historySeries([row("Z", 1, 5, 2), row("A", "soon", -1, 3)], new Set(["A"]));
    expect(errors).toEqual([
      'H!A2: "Z" is not a stage of the network.',
      'H!B3: Period must be a date or a whole number (got "soon").',
      "H!C3: Quantity must be a number of at least 0 (got -1).",
    ]);
  });
});
