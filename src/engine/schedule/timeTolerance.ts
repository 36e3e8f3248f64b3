// Comparing schedule times computed in floating point. Two path lengths made of the same durations added
// in another order can differ by a few ulps (0.7 + 0.1 ≠ 0.1 + 0.7 + 0 in general); the solvers treat such
// values as equal, so that a rounding difference is never taken for an improvement and the search takes
// the same decisions at any time scale (durations 1e-12 or 1e6 behave like the same integers scaled).

// Math and Infinity held in module constants: a global lookup in a hot loop costs ~100x more inside a
// vm context (jest runs the tests in one), so the loops below never name a global.
const { abs } = Math;
const INF = Number.POSITIVE_INFINITY;

/** Order on times with a tolerance relative to the values compared (the rounding bound of a sum). */
export interface TimeOrder {
  /** a < b by more than rounding. */
  less(a: number, b: number): boolean;
  /** a and b equal up to rounding. */
  same(a: number, b: number): boolean;
  /** A sort comparator: 0 when same, else a − b. */
  compare(a: number, b: number): number;
  /** The relative tolerance used. */
  relative: number;
}

/** The relative tolerance of sums of at most `terms` non-negative durations (see timeOrder). */
export function relativeTolerance(terms: number): number {
  return 4 * Math.max(1, terms) * Number.EPSILON;
}

/**
 * The order for values that are sums of at most `terms` non-negative durations: the float sum of k
 * such terms is within (k − 1)·u·(exact sum) of it (u = 2⁻⁵³), so values closer than 4·terms·ε relative
 * are rounding apart. On integer data below 2⁵³ / (4·terms) every difference is ≥ 1 and far above
 * the tolerance, so the order is exactly < and ===.
 * @example timeOrder(10).less(0.7 + 0.1, 0.8) // false: the same time (0.7999999999999999 vs 0.8)
 */
export function timeOrder(terms: number): TimeOrder {
  const relative = relativeTolerance(terms);
  // An infinite value (no bound yet, -Infinity as "no target") is equal only to itself.
  const same = (a: number, b: number): boolean => {
    if (a === b) return true;
    const d = abs(a - b);
    return d <= relative * (abs(a) + abs(b)) && d !== INF;
  };
  return {
    relative,
    same,
    less: (a, b) => a < b && (b - a > relative * (abs(a) + abs(b)) || b === INF || a === -INF),
    compare: (a, b) => (same(a, b) ? 0 : a - b),
  };
}
