// Every closed form of docs/model.md §2 and §4 equals a numerical minimisation of the cost function it
// claims to minimise (relative 1e-9 on the argmin), over many random parameter sets. The minimiser
// (test/support) uses only the cost function and its exact derivative, never the closed form.
import fc from "fast-check";
import { optimalRate, optimalRateExact, rateCost } from "../../../src/engine/rate";
import { eoq, eoqCost, eoqWithBackorders, eoqWithBackordersCost, epq, epqCost, epqWithBackorders, epqWithBackordersCost } from "../../../src/engine/lotSizing";
import { c, relativeError } from "../../support/numeric";
import {
  backorderCostDual, eoqCostDual, epqBackorderCostDual, epqCostDual, numericEoq, numericEoqWithBackorders, numericEpq,
  numericEpqWithBackorders, numericOptimalRate, rateCostDual,
} from "../../support/numericCosts";

const RUNS = 300;
const TOL = 1e-9;
/** Log-uniform positive double in [lo, hi]. */
const logUniform = (lo: number, hi: number) => fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);

const rateParams = fc
  .record({
    arrivalRate: logUniform(0.01, 1000),
    a: logUniform(1e-3, 3), // σ_A in units of the mean inter-arrival time 1/λ
    s: fc.oneof(fc.constant(0), logUniform(1e-3, 3)),
    serviceCost: logUniform(0.01, 100),
    penaltyCost: logUniform(0.01, 1000),
  })
  .map(({ arrivalRate, a, s, serviceCost, penaltyCost }) => ({
    arrivalRate, interarrivalSd: a / arrivalRate, serviceSd: s / arrivalRate, serviceCost, penaltyCost,
  }));

describe("optimalRate(options): eq. (3)-(4) corrected", () => {
  it("equals the numeric argmin of eq. (2) without the C_W ρ term", () => {
    fc.assert(
      fc.property(rateParams, (p) => {
        const numeric = numericOptimalRate(p, false);
        expect(numeric.found).toBe(true);
        expect(relativeError(optimalRate(p), numeric.x)).toBeLessThan(TOL);
      }),
      { numRuns: RUNS },
    );
  });

  it("gives μ* → λ without variability (the printed eq. 4 would give more than 2λ)", () => {
    expect(optimalRate({ arrivalRate: 20, interarrivalSd: 0, serviceSd: 0, serviceCost: 1, penaltyCost: 10 })).toBe(20);
  });
});

describe("optimalRateExact(options): the exact minimiser of the full eq. (2)", () => {
  it("equals the numeric argmin of eq. (2) with the C_W ρ term", () => {
    fc.assert(
      fc.property(rateParams, (p) => {
        const numeric = numericOptimalRate(p, true);
        expect(numeric.found).toBe(true);
        expect(relativeError(optimalRateExact(p), numeric.x)).toBeLessThan(TOL);
      }),
      { numRuns: RUNS },
    );
  });

  it("is max(λ, sqrt(C_W λ / C_T)) without variability (minimiser of C_T μ + C_W λ/μ on μ ≥ λ)", () => {
    const p = { arrivalRate: 2, interarrivalSd: 0, serviceSd: 0, serviceCost: 1, penaltyCost: 50 };
    expect(optimalRateExact(p)).toBeCloseTo(10, 12);
    expect(optimalRateExact({ ...p, penaltyCost: 1 })).toBe(2);
  });

  it("costs no more than the eq. (3) rate under the full cost, and more under eq. (3)'s own cost", () => {
    fc.assert(
      fc.property(rateParams, (p) => {
        const full = { includeUtilisationTerm: true };
        const partial = { includeUtilisationTerm: false };
        const exact = optimalRateExact(p);
        const closed = optimalRate(p);
        expect(rateCost(exact, p, full)).toBeLessThanOrEqual(rateCost(closed, p, full) * (1 + 1e-14));
        expect(rateCost(closed, p, partial)).toBeLessThanOrEqual(rateCost(exact, p, partial) * (1 + 1e-14));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("rateCost(mu, params, options)", () => {
  it("agrees with eq. (2) written independently, with and without the ρ term", () => {
    fc.assert(
      fc.property(rateParams, fc.double({ min: 1e-6, max: 100, noNaN: true }), fc.boolean(), (p, excess, withRho) => {
        const mu = p.arrivalRate * (1 + excess);
        const expected = rateCostDual(c(mu), p, withRho).v;
        expect(relativeError(rateCost(mu, p, { includeUtilisationTerm: withRho }), expected)).toBeLessThan(1e-9);
      }),
      { numRuns: RUNS },
    );
  });
});

const eoqParams = fc.record({
  demandRate: logUniform(0.01, 1e4),
  orderCost: logUniform(0.01, 1e5),
  holdingCost: logUniform(1e-3, 1e3),
});

describe("eoq(options): eq. (8)", () => {
  it("equals the numeric argmin of λK/q + hq/2", () => {
    fc.assert(
      fc.property(eoqParams, (p) => {
        const numeric = numericEoq(p);
        expect(numeric.found).toBe(true);
        expect(relativeError(eoq(p), numeric.x)).toBeLessThan(TOL);
      }),
      { numRuns: RUNS },
    );
  });
  it("has a cost evaluator that agrees with eq. (8)'s cost", () => {
    fc.assert(
      fc.property(eoqParams, logUniform(1e-3, 1e6), (p, q) => {
        expect(relativeError(eoqCost(q, p), eoqCostDual(c(q), p).v)).toBeLessThan(1e-12);
      }),
      { numRuns: RUNS },
    );
  });
});

// π spans both sides of the threshold sqrt(2Kh/λ) where backordering stops paying.
const backorderParams = fc
  .record({ base: eoqParams, backorderCost: logUniform(1e-3, 1e3), piFactor: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3, noNaN: true })) })
  .map(({ base, backorderCost, piFactor }) => ({
    ...base, backorderCost, shortageCost: piFactor * Math.sqrt((2 * base.orderCost * base.holdingCost) / base.demandRate),
  }));

describe("eoqWithBackorders(options): eq. (9) corrected", () => {
  it("equals the 2-D numeric argmin (q, B) of λK/q + h(q−B)²/(2q) + bB²/(2q) + πλB/q", () => {
    fc.assert(
      fc.property(backorderParams, (p) => {
        const numeric = numericEoqWithBackorders(p);
        const closed = eoqWithBackorders(p);
        expect(numeric.found).toBe(true);
        expect(relativeError(closed.lotSize, numeric.x)).toBeLessThan(TOL);
        expect(Math.abs(closed.backorderLevel - numeric.backorderLevel)).toBeLessThan(TOL * numeric.x);
      }),
      { numRuns: RUNS },
    );
  });
  it("has a cost evaluator that agrees with eq. (9)'s cost", () => {
    fc.assert(
      fc.property(backorderParams, logUniform(1e-3, 1e6), fc.double({ min: 0, max: 1, noNaN: true }), (p, q, f) => {
        expect(relativeError(eoqWithBackordersCost(q, f * q, p), backorderCostDual(c(q), c(f * q), p).v)).toBeLessThan(1e-12);
      }),
      { numRuns: RUNS },
    );
  });
  it("is the classic EOQ with no backorders when π ≥ sqrt(2Kh/λ)", () => {
    const p = { demandRate: 100, orderCost: 50, holdingCost: 2, backorderCost: 5 };
    const threshold = Math.sqrt((2 * 50 * 2) / 100);
    expect(eoqWithBackorders({ ...p, shortageCost: threshold * 1.01 })).toEqual({ lotSize: eoq(p), backorderLevel: 0 });
  });
  it("reduces to sqrt(2λK/h · (h+b)/b) with π = 0", () => {
    const q = eoqWithBackorders({ demandRate: 40, orderCost: 150, holdingCost: 1.2, backorderCost: 6 }).lotSize;
    expect(relativeError(q, Math.sqrt(((2 * 40 * 150) / 1.2) * (7.2 / 6)))).toBeLessThan(1e-15);
  });
});

const productionParams = fc
  .record({ base: eoqParams, headroom: logUniform(1e-3, 100), backorderCost: logUniform(1e-3, 1e3) })
  .map(({ base, headroom, backorderCost }) => ({ ...base, productionRate: base.demandRate * (1 + headroom), backorderCost }));

describe("epq(options): eq. (10) corrected", () => {
  it("equals the numeric argmin of λK/q + h(1 − λ/μ)q/2", () => {
    fc.assert(
      fc.property(productionParams, (p) => {
        const numeric = numericEpq(p);
        expect(numeric.found).toBe(true);
        expect(relativeError(epq(p), numeric.x)).toBeLessThan(TOL);
      }),
      { numRuns: RUNS },
    );
  });
  it("has a cost evaluator that agrees with eq. (10)'s cost", () => {
    fc.assert(
      fc.property(productionParams, logUniform(1e-3, 1e6), (p, q) => {
        expect(relativeError(epqCost(q, p), epqCostDual(c(q), p).v)).toBeLessThan(1e-12);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("epqWithBackorders(options): eq. (11)", () => {
  it("equals the 2-D numeric argmin of the Hadley-Whitin cost λK/q + [h((1−ρ)q − B)² + bB²]/(2(1−ρ)q)", () => {
    fc.assert(
      fc.property(productionParams, (p) => {
        const numeric = numericEpqWithBackorders(p);
        const closed = epqWithBackorders(p);
        expect(numeric.found).toBe(true);
        expect(relativeError(closed.lotSize, numeric.x)).toBeLessThan(TOL);
        expect(Math.abs(closed.backorderLevel - numeric.backorderLevel)).toBeLessThan(TOL * numeric.x);
      }),
      { numRuns: RUNS },
    );
  });
  it("has a cost evaluator that agrees with that cost", () => {
    fc.assert(
      fc.property(productionParams, logUniform(1e-3, 1e6), fc.double({ min: 0, max: 1, noNaN: true }), (p, q, f) => {
        const bl = f * (1 - p.demandRate / p.productionRate) * q;
        expect(relativeError(epqWithBackordersCost(q, bl, p), epqBackorderCostDual(c(q), c(bl), p).v)).toBeLessThan(1e-11);
      }),
      { numRuns: RUNS },
    );
  });
});
