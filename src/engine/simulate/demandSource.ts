// Customer demand per tick at a demand stage: normal per period truncated at 0, Poisson, or an
// empirical series from Demand History (periods resampled), split evenly over the period's ticks.

import type { Random } from "../random";
import { normalSampler, poisson } from "./randomStreams";
import type { DemandDistribution, SimStage } from "./types";

/**
 * A function giving the demand of tick k (called once per tick, in order). A period of m ticks
 * draws normal demand as m independent N(λ/m, σ²/m) parts (each truncated at 0), so demand over any
 * whole number of ticks has the mean and variance the demand bound assumes (docs/model.md eq. 14);
 * Poisson as m Poisson(λ/m) parts (a Poisson process); history as one resampled period value v, v/m per tick.
 */
export function demandSource(
  external: NonNullable<SimStage["external"]>, distribution: DemandDistribution, ticks: number, random: Random,
): (tick: number) => number {
  const { rate, sd, history } = external;
  if (history !== null && history.length > 0) {
    let perTick = 0;
    return (tick) => {
      if (tick % ticks === 0) perTick = history[Math.floor(random() * history.length)] / ticks;
      return perTick;
    };
  }
  if (distribution === "poisson") {
    const mean = rate / ticks;
    return () => poisson(random, mean);
  }
  const mean = rate / ticks;
  const deviation = sd / Math.sqrt(ticks);
  if (deviation === 0) return () => mean;
  const z = normalSampler(random);
  return () => {
    const x = mean + deviation * z();
    return x > 0 ? x : 0;
  };
}
