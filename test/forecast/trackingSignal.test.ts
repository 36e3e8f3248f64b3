// The tracking signal's false-alarm rate, by simulation: on unbiased noise it leaves ±1.96 about 5 %
// of the time, for the statistic alone and for the whole forecast run (the old Σe/MAD signal with
// its ±4 limit fired about one time in three over 12 periods); and it fires on a real bias.
import { forecastHistory, incompleteBeta, studentTwoSided, trackingSignal, TRACKING_LIMIT } from "../../src/engine/forecast";

let seed = 12345;
const uniform = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());

describe("tracking signal", () => {
  it("Student's t tails: 2.201 with 11 df and 12.706 with 1 df leave 5 %; I_x(1, 1) = x", () => {
    expect(studentTwoSided(2.201, 11)).toBeCloseTo(0.05, 3);
    expect(studentTwoSided(12.706, 1)).toBeCloseTo(0.05, 4);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
  });

  it("on 20,000 windows of 12 independent Gaussian errors it leaves ±1.96 in 5 % ± 0.6 % of them (for 3 and 6 errors too)", () => {
    for (const k of [3, 6, 12]) {
      let alarms = 0;
      const runs = 20000;
      for (let r = 0; r < runs; r++) {
        const e = Array.from({ length: k }, normal);
        if (Math.abs(trackingSignal(e)!) > TRACKING_LIMIT) alarms++;
      }
      expect(alarms / runs).toBeGreaterThan(0.044);
      expect(alarms / runs).toBeLessThan(0.056);
    }
  });

  it("fires on most windows of 12 errors whose mean is off by one standard deviation (power above 80 %)", () => {
    let alarms = 0;
    for (let r = 0; r < 2000; r++) if (Math.abs(trackingSignal(Array.from({ length: 12 }, () => 1 + normal()))!) > TRACKING_LIMIT) alarms++;
    expect(alarms / 2000).toBeGreaterThan(0.8);
  });

  it("through the whole forecast run, plain noise raises the bias warning on at most 10 % of 40 series (the errors are fitted in-sample, which makes it rarer than 5 %)", () => {
    const noise = Array.from({ length: 40 }, (_, i) => ({ id: `S${i}`, periods: [] as string[], frequency: 1, values: Array.from({ length: 40 }, () => 100 + 10 * normal()) }));
    const run = forecastHistory(noise, { horizon: 12, seasonLength: 1 });
    const warned = new Set(run.issues.filter((i) => /tracking signal/.test(i.message)).map((i) => i.series)).size;
    expect(warned / noise.length).toBeLessThanOrEqual(0.1);
  });
});

describe("a tracking signal on a near-perfect fit", () => {
  it("is 0 when the mean error is within 1 % of the demand level, however steady its sign", () => {
    expect(trackingSignal([0.001, 0.002, 0.001, 0.002], 20)).toBe(0);
    expect(Math.abs(trackingSignal([0.001, 0.002, 0.001, 0.002])!)).toBeGreaterThan(1.96);
  });
  it("still fires on a material, steady bias", () => {
    expect(trackingSignal([2, 2.5, 1.8, 2.2, 2.1, 1.9], 20)!).toBeGreaterThan(1.96);
  });
});
