// A machine's busy time as sorted, disjoint intervals [start, end): downtime, kept operations and the
// operations placed so far; finds the earliest start where an operation fits (non-preemptive).

/** True when [s, e) and [a, b) share time; a zero-length interval clashes only strictly inside the other. */
export function overlaps(s: number, e: number, a: number, b: number): boolean {
  if (s < b && a < e) return true;
  if (s === e) return a < s && s < b;
  if (a === b) return s < a && a < e;
  return false;
}

/** Busy intervals of one machine, sorted by start (ends are then sorted too). */
export class Timeline {
  starts: Float64Array;
  ends: Float64Array;
  count = 0;

  constructor(capacity: number) {
    this.starts = new Float64Array(Math.max(1, capacity));
    this.ends = new Float64Array(Math.max(1, capacity));
  }

  /** Copies `other` into this timeline (same capacity or larger). */
  copyFrom(other: Timeline): void {
    this.starts.set(other.starts.subarray(0, other.count));
    this.ends.set(other.ends.subarray(0, other.count));
    this.count = other.count;
  }

  /** Index of the first interval whose end is after t. */
  private firstEndingAfter(t: number): number {
    let lo = 0, hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid] > t) hi = mid; else lo = mid + 1;
    }
    return lo;
  }

  /** True when [s, s + p) clashes with nothing. */
  fits(s: number, p: number): boolean {
    for (let i = Math.max(0, this.firstEndingAfter(s) - 1); i < this.count; i++) {
      if (this.starts[i] > s + p) break;
      if (overlaps(s, s + p, this.starts[i], this.ends[i])) return false;
    }
    return true;
  }

  /** The earliest s ≥ t with [s, s + p) free. */
  earliestFit(t: number, p: number): number {
    let s = t;
    for (let i = Math.max(0, this.firstEndingAfter(t) - 1); i < this.count; i++) {
      const a = this.starts[i], b = this.ends[i];
      if (a > s + p) break;
      if (overlaps(s, s + p, a, b)) s = b;
    }
    return s;
  }

  /** Adds [s, e) (free of clashes) keeping the order. */
  insert(s: number, e: number): void {
    if (this.count === this.starts.length) this.grow();
    let i = this.count;
    while (i > 0 && (this.starts[i - 1] > s || (this.starts[i - 1] === s && this.ends[i - 1] > e))) {
      this.starts[i] = this.starts[i - 1];
      this.ends[i] = this.ends[i - 1];
      i--;
    }
    this.starts[i] = s;
    this.ends[i] = e;
    this.count++;
  }

  private grow(): void {
    const starts = new Float64Array(this.starts.length * 2), ends = new Float64Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}
