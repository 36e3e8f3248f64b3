// Random variates of the simulation, each drawn from its own seeded stream (src/engine/random.ts),
// so that policies compared on one replication see the same demand (common random numbers).

import { Random, seededRandom } from "../random";
import { logGamma } from "./statistics";

/** A 32-bit seed mixed from several integers (splitmix-style avalanche), for one stream per purpose. */
export function streamSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** The stream of one purpose (demand, service, arrival offsets) of one stage in one replication. */
export function stream(seed: number, replication: number, stage: number, purpose: number): Random {
  return seededRandom(streamSeed(seed, replication, stage, purpose));
}

/** Standard normal draws by Box–Muller, two per pair of uniforms (the second kept for the next call). */
export function normalSampler(random: Random): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u = 1 - random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** An exponential draw of the given mean (inversion). */
export function exponential(random: Random, mean: number): number {
  return -mean * Math.log(1 - random());
}

/**
 * A Poisson draw of mean m: inversion by sequential search below 30, else Hörmann's PTRS
 * (transformed rejection with squeeze, 1993), which needs about 1.1 pairs of uniforms.
 */
export function poisson(random: Random, m: number): number {
  if (!(m > 0)) return 0;
  if (m < 30) {
    let k = 0;
    let p = Math.exp(-m);
    let cdf = p;
    const u = random();
    while (u > cdf && k < 1000) {
      k++;
      p *= m / k;
      cdf += p;
    }
    return k;
  }
  const sm = Math.sqrt(m);
  const b = 0.931 + 2.53 * sm;
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  const logM = Math.log(m);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + m + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <= -m + k * logM - logGamma(k + 1)) return k;
  }
}

/**
 * A gamma draw of shape a and scale θ (Marsaglia & Tsang 2000; shape below 1 by a·U^(1/a) boosting):
 * the total of a exponential unit service times of mean θ when a is whole.
 */
export function gamma(random: Random, normal: () => number, shape: number, scale: number): number {
  if (!(shape > 0) || !(scale > 0)) return 0;
  if (shape < 1) return gamma(random, normal, shape + 1, scale) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}
