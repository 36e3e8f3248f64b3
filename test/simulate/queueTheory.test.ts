// The capacity mode's server against queueing theory: M/M/1, M/D/1 (Pollaczek–Khinchine) and D/M/1
// (its exact GI/M/1 root), Kingman's approximation as a loose check near ρ → 1, and a capacity-mode
// stage whose simulated wait sits at the M/M/1 value, far below Kingman's bound of docs/model.md eq. (6).

import { kingmanWait } from "../../src/engine/queue";
import { readNetwork } from "../../src/engine/network/readNetwork";
import { estimate } from "../../src/engine/simulate/statistics";
import { runQueue, TimeDistribution } from "../../src/engine/simulate/singleServer";
import { planPolicies, simulatePolicies } from "../../src/engine/simulate/simulatePlan";

function meanWait(interarrival: TimeDistribution, service: TimeDistribution, seed: number, replications = 20, jobs = 20_000) {
  const waits = Array.from({ length: replications }, (_, r) => runQueue({ interarrival, service, jobs, warmupJobs: 2_000, seed, replication: r }).meanWait);
  return estimate(waits);
}

function expectWithin(e: ReturnType<typeof estimate>, theory: number) {
  expect(e.ci95![0]).toBeLessThanOrEqual(theory);
  expect(e.ci95![1]).toBeGreaterThanOrEqual(theory);
}

describe("a single FCFS server against theory", () => {
  it("M/M/1 with λ = 0.5, μ = 1 waits ρ/(μ − λ) = 1 in queue, within the interval", () => {
    expectWithin(meanWait({ kind: "exponential", mean: 2 }, { kind: "exponential", mean: 1 }, 11), 1);
  });

  it("M/M/1 with λ = 0.8, μ = 1 waits ρ/(μ − λ) = 4, within the interval", () => {
    expectWithin(meanWait({ kind: "exponential", mean: 1.25 }, { kind: "exponential", mean: 1 }, 12, 20, 40_000), 4);
  });

  it("M/D/1 with λ = 0.7, service 1 waits ρ/(2μ(1 − ρ)) = 1.1667 (Pollaczek–Khinchine)", () => {
    const rho = 0.7;
    expectWithin(meanWait({ kind: "exponential", mean: 1 / rho }, { kind: "deterministic", value: 1 }, 13), rho / (2 * (1 - rho)));
  });

  it("D/M/1 with arrivals every 1/λ = 1.25 and μ = 1 waits σ/(μ(1 − σ)), σ the root of σ = exp(−μ(1 − σ)/λ)", () => {
    // GI/M/1: σ solves σ = A*(μ(1 − σ)), A* the Laplace transform of the gap; a constant gap 1/λ gives exp(−s/λ).
    const lambda = 0.8;
    const mu = 1;
    let sigma = 0.5;
    for (let k = 0; k < 10_000; k++) sigma = Math.exp((-mu * (1 - sigma)) / lambda);
    expect(Math.abs(sigma - Math.exp((-mu * (1 - sigma)) / lambda))).toBeLessThan(1e-14);
    const exact = sigma / (mu * (1 - sigma)); // ≈ 1.69 for these numbers (σ ≈ 0.6286)
    expectWithin(meanWait({ kind: "deterministic", value: 1 / lambda }, { kind: "exponential", mean: 1 / mu }, 14), exact);
  });

  it("Kingman's approximation is close only near ρ → 1: D/M/1 at ρ = 0.95 within 10 %, at ρ = 0.5 far above the simulated wait", () => {
    const near = meanWait({ kind: "deterministic", value: 1 / 0.95 }, { kind: "exponential", mean: 1 }, 15, 20, 50_000);
    const kingNear = kingmanWait({ arrivalRate: 0.95, serviceRate: 1, interarrivalSd: 0, serviceSd: 1 });
    expect(Math.abs(near.mean! - kingNear) / kingNear).toBeLessThan(0.1);
    const far = meanWait({ kind: "deterministic", value: 2 }, { kind: "exponential", mean: 1 }, 16);
    const kingFar = kingmanWait({ arrivalRate: 0.5, serviceRate: 1, interarrivalSd: 0, serviceSd: 1 });
    expect(far.ci95![1]).toBeLessThan(0.7 * kingFar);
  });
});

describe("capacity mode: each stage a single server at its planned rate", () => {
  it("a stage with Poisson demand λ = 5 and rate μ = 10 queues like M/M/1 (W_q = 0.1), well below Kingman's 0.25 of eq. (6)", () => {
    const { network } = readNetwork({
      format: "aps-network/1",
      stages: [{ id: "Mill", demandRate: 5, demandSd: Math.sqrt(5), productionRate: 10, processingTime: 0.1, interarrivalSd: 0.2, holdingCost: 1, z: 2 }],
      arcs: [],
    });
    const planned = planPolicies(network!, ["optimised"]);
    const result = simulatePolicies(network!, planned, new Map(), { mode: "capacity", demand: "poisson", replications: 20, horizon: 4000, warmup: 100, seed: 1 }, () => "Stages!A2");
    const wait = result.policies[0].stages[0].queueWait;
    expectWithin(wait, 0.5 / (10 - 5));
    const kingman = kingmanWait({ arrivalRate: 5, serviceRate: 10, interarrivalSd: 1 / 5, serviceSd: 1 / 10 });
    expect(kingman).toBeCloseTo(0.25, 12);
    expect(wait.ci95![1]).toBeLessThan(kingman);
  });
});
