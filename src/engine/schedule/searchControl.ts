// What every search takes to stop and report: iteration budget, time limit, seed, progress callback.

/** Progress of a running search, passed to `onProgress`. */
export interface SearchProgress {
  iteration: number;
  /** Best objective found so far (makespan, tardiness or tour length). */
  best: number;
  elapsedMs: number;
}

/** Stopping rules and reporting shared by the schedule solvers. */
export interface SearchOptions {
  /** Stop after this many iterations (with `seed`, the answer is reproducible). */
  maxIterations?: number;
  /**
   * Stop after this many milliseconds with the best found (the job-shop searches read the clock every
   * 128 iterations on small instances, every one or two on 10,000 operations: clockInterval).
   */
  timeLimitMs?: number;
  /** Seed of the pseudo-random choices (default 1). */
  seed?: number;
  /** Called on each improvement and at most every `progressIntervalMs` otherwise. */
  onProgress?: (progress: SearchProgress) => void;
  progressIntervalMs?: number;
  /** Clock in ms (default Date.now), injectable for tests. */
  now?: () => number;
}

/** The stopping test of a search: call `stop(iteration)` every iteration; it reads the clock every 128. */
export interface SearchClock {
  start: number;
  elapsed(): number;
  /** True once the iteration budget or the time limit is used up. */
  stop(iteration: number): boolean;
  timedOut: boolean;
  /** Reads the clock now (whatever the iteration): true once the time limit is used up. For long iterations of big instances. */
  expired(): boolean;
  report(iteration: number, best: number, improved: boolean): void;
}

/** A SearchClock for `options` (reading the clock every `clockEvery` iterations, a power of 2); with neither a budget nor a limit the search stops after 10 s. */
export function searchClock(options: SearchOptions, clockEvery = 128): SearchClock {
  const mask = clockEvery - 1;
  const now = options.now ?? Date.now;
  const start = now();
  const maxIterations = options.maxIterations ?? Infinity;
  const limit = options.timeLimitMs ?? (options.maxIterations === undefined ? 10_000 : Infinity);
  const interval = options.progressIntervalMs ?? 500;
  const timed = limit !== Infinity;
  let lastReport = start;
  const clock: SearchClock = {
    start,
    timedOut: false,
    elapsed: () => now() - start,
    stop(iteration) {
      if (iteration >= maxIterations) return true;
      if (timed && (iteration & mask) === 0 && now() - start >= limit) clock.timedOut = true;
      return clock.timedOut;
    },
    expired() {
      if (timed && !clock.timedOut && now() - start >= limit) clock.timedOut = true;
      return clock.timedOut;
    },
    report(iteration, best, improved) {
      if (!options.onProgress) return;
      if (!improved && (iteration & 1023) !== 0) return;
      const t = now();
      if (improved || t - lastReport >= interval) {
        lastReport = t;
        options.onProgress({ iteration, best, elapsedMs: t - start });
      }
    },
  };
  return clock;
}

/**
 * How often a search over `operations` operations should read the clock (a power of 2 for
 * searchClock): every 128 iterations on small instances, every iteration above 16,384 operations, so that
 * a reading comes about every 2^15 operations visited and a time limit is kept
 * within a few iterations of a big instance.
 * @example clockInterval(100) // 128; clockInterval(10_000) // 2
 */
export function clockInterval(operations: number): number {
  let every = 128;
  while (every > 1 && every * operations > 32_768) every /= 2;
  return every;
}
