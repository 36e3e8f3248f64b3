// A single first-come-first-served server (the capacity mode's stage) and a queue model on the
// event kernel (arrivals and departures as events) used to check it against queueing theory.

import type { Random } from "../random";
import { EventKernel } from "./eventKernel";
import { exponential, normalSampler, stream } from "./randomStreams";

/** One FCFS server: a job that arrives at `arrival` waits until the server is free (Lindley's recursion). */
export class SingleServer {
  private freeAt = 0;
  /** Total time jobs waited in queue, and the number of jobs. */
  waited = 0;
  jobs = 0;

  /** Books a job; returns its start of service (its end is start + service). */
  serve(arrival: number, service: number): number {
    const start = arrival > this.freeAt ? arrival : this.freeAt;
    this.freeAt = start + service;
    this.waited += start - arrival;
    this.jobs++;
    return start;
  }
}

/** How the times between arrivals, or the service times, are drawn. */
export type TimeDistribution =
  | { kind: "exponential"; mean: number }
  | { kind: "deterministic"; value: number }
  | { kind: "normal"; mean: number; sd: number };

/** A sampler of one distribution from one stream (normal truncated at 0). */
export function timeSampler(distribution: TimeDistribution, random: Random): () => number {
  switch (distribution.kind) {
    case "exponential":
      return () => exponential(random, distribution.mean);
    case "deterministic":
      return () => distribution.value;
    case "normal": {
      const z = normalSampler(random);
      return () => Math.max(0, distribution.mean + distribution.sd * z());
    }
  }
}

export interface QueueRunOptions {
  interarrival: TimeDistribution;
  service: TimeDistribution;
  /** Jobs to serve after the warm-up. */
  jobs: number;
  /** Jobs served first and left out of the statistics. */
  warmupJobs: number;
  seed: number;
  replication: number;
}

export interface QueueRunResult {
  /** Mean wait in queue W_q of the jobs after the warm-up. */
  meanWait: number;
  /** Events the kernel fired (arrivals and departures). */
  events: number;
}

/**
 * One replication of a GI/G/1 queue, driven by the event kernel: an arrival event books the job
 * on the server and schedules its departure and the next arrival.
 * @example M/M/1 with λ = 0.5, μ = 1: meanWait tends to ρ/(μ − λ) = 1
 */
export function runQueue(options: QueueRunOptions): QueueRunResult {
  const kernel = new EventKernel();
  const server = new SingleServer();
  const nextGap = timeSampler(options.interarrival, stream(options.seed, options.replication, 0, 1));
  const nextService = timeSampler(options.service, stream(options.seed, options.replication, 0, 2));
  const total = options.jobs + options.warmupJobs;
  let arrived = 0;
  let waited = 0;
  let departure = -1;
  const arrival = kernel.on((time, _payload, k) => {
    const service = nextService();
    const start = server.serve(time, service);
    if (arrived >= options.warmupJobs) waited += start - time;
    arrived++;
    k.schedule(start + service, departure, arrived);
    if (arrived < total) k.schedule(time + nextGap(), arrival, 0);
  });
  departure = kernel.on(() => undefined);
  kernel.schedule(nextGap(), arrival, 0);
  kernel.run(Infinity);
  return { meanWait: waited / options.jobs, events: kernel.events };
}
