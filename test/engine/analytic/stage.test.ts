// The one-stage formulas of docs/model.md §1, §3, §5, §6 and the lot-size dispatcher: examples from the
// equations, invalid input (messages name the input), huge values, and "does not mutate its input".
import { PlanningInputError, isMissingInputError } from "../../../src/engine/errors";
import { kingmanWait, ordersInSystem, utilisation } from "../../../src/engine/queue";
import { derivedInterarrivalSd, inboundSd, serviceTimeSd } from "../../../src/engine/variability";
import { inboundServiceTime, productionLeadTime, promisedLeadTime } from "../../../src/engine/leadTime";
import { demandBound, netReplenishmentTime, safetyStock } from "../../../src/engine/safetyStock";
import { inboundLeadTime } from "../../../src/engine/matching";
import { eoq, eoqWithBackorders, eoqWithLeadTime, epq, lotSize, parseLotSizeModel } from "../../../src/engine/lotSizing";
import { optimalRate, optimalRateExact, rateCost } from "../../../src/engine/rate";

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PlanningInputError);
    return (e as Error).message;
  }
  throw new Error("expected a PlanningInputError");
}

describe("kingmanWait / ordersInSystem / utilisation (eq. 5-6)", () => {
  const q = { arrivalRate: 2, serviceRate: 4, interarrivalSd: 0.3, serviceSd: 0.4 };
  it("W_q = λ(σ_A² + σ_S²)/(2(1 − ρ)) and N = λW_q + ρ", () => {
    expect(kingmanWait(q)).toBeCloseTo((2 * 0.25) / (2 * 0.5), 15);
    expect(ordersInSystem(q)).toBeCloseTo(2 * 0.5 + 0.5, 15);
    expect(utilisation(q)).toBe(0.5);
  });
  it("waits 0 without variability for every ρ ≤ 1, including ρ = 1", () => {
    expect(kingmanWait({ ...q, interarrivalSd: 0, serviceSd: 0 })).toBe(0);
    expect(kingmanWait({ ...q, serviceRate: 2, interarrivalSd: 0, serviceSd: 0 })).toBe(0);
    expect(ordersInSystem({ ...q, serviceRate: 2, interarrivalSd: 0, serviceSd: 0 })).toBe(1);
  });
  it("says the queue is unstable when ρ ≥ 1 with variability", () => {
    expect(messageOf(() => kingmanWait({ ...q, serviceRate: 2 }))).toMatch(/queue is unstable/);
    expect(messageOf(() => ordersInSystem({ ...q, serviceRate: 1 }))).toMatch(/queue is unstable/);
  });
  it.each([
    ["arrivalRate", 0, "arrivalRate must be greater than 0 (got 0)."],
    ["serviceRate", -1, "serviceRate must be greater than 0 (got -1)."],
    ["interarrivalSd", -0.1, "interarrivalSd must not be negative (got -0.1)."],
    ["serviceSd", NaN, "serviceSd must be a finite number (got not a number)."],
  ])("refuses %s = %p", (field, value, message) => {
    expect(messageOf(() => kingmanWait({ ...q, [field]: value }))).toBe(message);
  });
  it("refuses inputs whose result overflows instead of returning Infinity", () => {
    expect(messageOf(() => kingmanWait({ ...q, arrivalRate: 1e300, serviceRate: 1e301, interarrivalSd: 1e200 }))).toMatch(/overflows/);
  });
});

describe("optimalRate / optimalRateExact / rateCost (eq. 2-4)", () => {
  const p = { arrivalRate: 2, interarrivalSd: 0.3, serviceSd: 0.4, serviceCost: 1, penaltyCost: 10 };
  it("μ* = λ + λ sqrt(λ C_W V/(2C_T))", () => {
    expect(optimalRate(p)).toBeCloseTo(2 + 2 * Math.sqrt((2 * 10 * 0.25) / 2), 13);
  });
  it("the exact rate exceeds eq. (3)'s (the ρ term penalises slow service further)", () => {
    expect(optimalRateExact(p)).toBeGreaterThan(optimalRate(p));
  });
  it("refuses serviceCost 0 and names it; allows penaltyCost 0 (μ = λ)", () => {
    expect(messageOf(() => optimalRate({ ...p, serviceCost: 0 }))).toBe("serviceCost must be greater than 0 (got 0).");
    expect(optimalRate({ ...p, penaltyCost: 0 })).toBe(2);
    expect(optimalRateExact({ ...p, penaltyCost: 0 })).toBe(2);
  });
  it("rateCost refuses a rate at or below λ with variability (unstable)", () => {
    expect(messageOf(() => rateCost(2, p, { includeUtilisationTerm: true }))).toMatch(/unstable/);
  });
  it("handles huge and tiny rates without losing the root", () => {
    for (const lambda of [1e-6, 1e6]) {
      const q = { ...p, arrivalRate: lambda, interarrivalSd: 0.3 / lambda, serviceSd: 0.4 / lambda };
      const mu = optimalRateExact(q);
      const cost = (m: number) => rateCost(m, q, { includeUtilisationTerm: true });
      expect(cost(mu)).toBeLessThanOrEqual(cost(mu * (1 + 1e-7)));
      expect(cost(mu)).toBeLessThanOrEqual(cost(mu * (1 - 1e-7)));
    }
  });
});

describe("variability entering a stage (docs/model.md §1)", () => {
  it("σ_A = 1/λ − 1/(λ + zσ_D)", () => {
    expect(derivedInterarrivalSd({ demandRate: 20, demandSd: 6, z: 2 })).toBeCloseTo(1 / 20 - 1 / 32, 15);
    expect(derivedInterarrivalSd({ demandRate: 20, demandSd: 0, z: 2 })).toBe(0);
  });
  it("refuses a negative z (a service level below 0.5)", () => {
    expect(messageOf(() => derivedInterarrivalSd({ demandRate: 20, demandSd: 6, z: -1 }))).toMatch(/^z must not be negative/);
  });
  it("σ_in = max(σ_ext, upstream σ_S), 0 when nothing is given; σ_S = sqrt(σ_in² + σ_T²)", () => {
    expect(inboundSd({ externalInboundSd: 0.2, upstreamServiceSds: [0.1, 0.3] })).toBe(0.3);
    expect(inboundSd({ externalInboundSd: null, upstreamServiceSds: [] })).toBe(0);
    expect(serviceTimeSd({ inboundSd: 3, productionSd: 4 })).toBe(5);
    expect(messageOf(() => inboundSd({ upstreamServiceSds: [0.1, -1] }))).toBe("upstreamServiceSds[1] must not be negative (got -1).");
  });
});

describe("lead times (docs/model.md §3, eq. 7)", () => {
  it("SI = max(E, upstream W); L = W_q + T; W = SI + L", () => {
    expect(inboundServiceTime({ externalInboundTime: 3, upstreamTimes: [2, 5] })).toBe(5);
    expect(inboundServiceTime({})).toBe(0);
    expect(productionLeadTime({ waitInQueue: 0.5, processingTime: 2 })).toBe(2.5);
    expect(promisedLeadTime({ inboundServiceTime: 5, productionLeadTime: 2.5 })).toBe(7.5);
    expect(messageOf(() => productionLeadTime({ waitInQueue: 0, processingTime: -1 }))).toBe("processingTime must not be negative (got -1).");
  });
});

describe("safety stock (docs/model.md §5, eq. 13-14)", () => {
  it("D(τ) = λτ + zσ sqrt(τ); SS = zσ sqrt(τ) = D(τ) − λτ", () => {
    const d = demandBound({ demandRate: 10, demandSd: 3, z: 2, time: 4 });
    expect(d).toBe(40 + 2 * 3 * 2);
    expect(safetyStock({ demandSd: 3, z: 2, netReplenishmentTime: 4 })).toBe(d - 40);
  });
  it("τ = SI + L − S, a rounding residue counts as 0, a real overshoot is refused", () => {
    expect(netReplenishmentTime({ inboundServiceTime: 1, leadTime: 2, committedServiceTime: 0.5 })).toBe(2.5);
    expect(netReplenishmentTime({ inboundServiceTime: 0.1, leadTime: 0.2, committedServiceTime: 0.30000000000000004 })).toBe(0);
    expect(messageOf(() => netReplenishmentTime({ inboundServiceTime: 1, leadTime: 2, committedServiceTime: 3.1 }))).toMatch(/committedServiceTime 3.1 exceeds inboundServiceTime \+ leadTime/);
  });
});

describe("inboundLeadTime (eq. 15)", () => {
  it("max(1, Φ D/q) · SI", () => {
    expect(inboundLeadTime({ quantity: 2, demandBound: 150, lotSize: 100, inboundServiceTime: 3 })).toBe(9);
    expect(inboundLeadTime({ quantity: 1, demandBound: 10, lotSize: 100, inboundServiceTime: 3 })).toBe(3);
    expect(messageOf(() => inboundLeadTime({ quantity: 1, demandBound: 10, lotSize: 0, inboundServiceTime: 3 }))).toBe("lotSize must be greater than 0 (got 0).");
  });
});

describe("lotSize(model, params) and the lot-size models", () => {
  const base = { demandRate: 1200, orderCost: 50, holdingCost: 2 };
  it("classic is eq. (8)", () => {
    expect(lotSize("classic", base)).toEqual({ lotSize: Math.sqrt((2 * 1200 * 50) / 2), backorderLevel: 0 });
  });
  it("names the missing input for the chosen model, as a MissingInputError", () => {
    const cases: [Parameters<typeof lotSize>[0], string][] = [
      ["production", "The production lot-size model needs productionRate."],
      ["backorder", "The backorder lot-size model needs backorderCost."],
      ["production-backorder", "The production-backorder lot-size model needs productionRate."],
      ["lead-time", "The lead-time lot-size model needs backorderCost."],
    ];
    for (const [model, message] of cases) {
      let caught: unknown;
      try {
        lotSize(model, base);
      } catch (e) {
        caught = e;
      }
      expect(isMissingInputError(caught)).toBe(true);
      expect((caught as Error).message).toBe(message);
    }
    expect(messageOf(() => lotSize("lead-time", { ...base, backorderCost: 5, promisedLeadTime: 4 }))).toBe("The lead-time lot-size model needs predictedLeadTime.");
  });
  it("refuses an unknown model and lists the valid ones", () => {
    expect(messageOf(() => parseLotSizeModel("fancy"))).toBe('model must be one of classic, backorder, production, production-backorder, lead-time (got "fancy").');
    expect(parseLotSizeModel(" Production ")).toBe("production");
  });
  it("epq refuses μ ≤ λ, naming productionRate", () => {
    expect(messageOf(() => epq({ ...base, productionRate: 1200 }))).toMatch(/^productionRate must be greater than demandRate/);
  });
  it("lead-time scales eq. (9)'s q and B by W/L̂", () => {
    const p = { ...base, backorderCost: 5 };
    const nine = eoqWithBackorders(p);
    const twelve = eoqWithLeadTime({ ...p, promisedLeadTime: 6, predictedLeadTime: 4 });
    expect(twelve.lotSize).toBeCloseTo(nine.lotSize * 1.5, 10);
    expect(twelve.backorderLevel).toBeCloseTo(nine.backorderLevel * 1.5, 10);
  });
  it.each([
    ["demandRate", -5, "demandRate must not be negative (got -5)."],
    ["orderCost", -1, "orderCost must not be negative (got -1)."],
    ["holdingCost", -2, "holdingCost must be greater than 0 (got -2)."],
    ["holdingCost", Infinity, "holdingCost must be a finite number (got infinite)."],
  ])("eoq refuses %s = %p", (field, value, message) => {
    expect(messageOf(() => eoq({ ...base, [field]: value }))).toBe(message);
  });
  it("gives lot size 0 (and no backorders) for demand 0 or order cost 0, the limit of every model", () => {
    const all = { ...base, backorderCost: 5, productionRate: 5000, promisedLeadTime: 6, predictedLeadTime: 4 };
    for (const model of ["classic", "backorder", "production", "production-backorder", "lead-time"] as const) {
      expect(lotSize(model, { ...all, demandRate: 0 })).toEqual({ lotSize: 0, backorderLevel: 0 });
      expect(lotSize(model, { ...all, orderCost: 0 })).toEqual({ lotSize: 0, backorderLevel: 0 });
      expect(lotSize(model, { ...all, orderCost: 1e-6 }).lotSize).toBeLessThan(0.1); // and it is the limit
    }
  });
  it("refuses an overflowing lot size (1e308 demand) with a message, never Infinity", () => {
    expect(messageOf(() => eoq({ ...base, demandRate: 1e308, orderCost: 1e308 }))).toMatch(/overflows/);
    expect(eoq({ demandRate: 1e-300, orderCost: 1e-300, holdingCost: 1e300 })).toBe(0);
  });
});

describe("no engine function mutates its input", () => {
  it("leaves options objects and arrays untouched", () => {
    const ups = [0.1, 0.3];
    const times = [2, 5];
    const params = { demandRate: 40, orderCost: 150, holdingCost: 1.2, backorderCost: 6, shortageCost: 0.1, promisedLeadTime: 5, predictedLeadTime: 4 };
    const frozen = Object.freeze({ ...params });
    const copy = JSON.stringify(params);
    inboundSd({ externalInboundSd: 0, upstreamServiceSds: Object.freeze(ups) });
    inboundServiceTime({ upstreamTimes: Object.freeze(times) });
    lotSize("lead-time", frozen);
    eoqWithLeadTime(frozen);
    optimalRateExact(Object.freeze({ arrivalRate: 2, interarrivalSd: 0.3, serviceSd: 0.4, serviceCost: 1, penaltyCost: 10 }));
    expect(ups).toEqual([0.1, 0.3]);
    expect(times).toEqual([2, 5]);
    expect(JSON.stringify(frozen)).toBe(copy);
  });
});
