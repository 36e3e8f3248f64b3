// The tabu memory of the job-shop searches: "a may not precede b" until a given iteration.

/** Tabu attribute table over n operations "a may not precede b" until an iteration: a dense matrix, or a map when large. */
export function tabuTable(n: number): { get(a: number, b: number): number; set(a: number, b: number, v: number): void; clear(): void } {
  if (n <= 2500) {
    const m = new Int32Array(n * n);
    return { get: (a, b) => m[a * n + b], set: (a, b, v) => { m[a * n + b] = v; }, clear: () => m.fill(0) };
  }
  const map = new Map<number, number>();
  return { get: (a, b) => map.get(a * n + b) ?? 0, set: (a, b, v) => { map.set(a * n + b, v); }, clear: () => map.clear() };
}
