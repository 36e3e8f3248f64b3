// The periodic simulation's calendar: which stage must be visited at which tick, as a
// timing wheel, and sets of stages by topological position as bit words, so a tick
// visits only the stages with something to do, suppliers before customers or the other way round.

/**
 * A timing wheel of (tick, stage) pairs: 1,024 buckets by tick; a pair further ahead than the wheel
 * waits in its bucket until its own tick comes round. Booking is O(1); each tick reads one bucket.
 */
export class TickCalendar {
  private static readonly SIZE = 1024;
  private readonly stagesOf: Int32Array[] = [];
  private readonly ticksOf: Float64Array[] = [];
  private readonly counts = new Int32Array(TickCalendar.SIZE);

  constructor() {
    for (let b = 0; b < TickCalendar.SIZE; b++) {
      this.stagesOf.push(new Int32Array(4));
      this.ticksOf.push(new Float64Array(4));
    }
  }

  push(tick: number, stage: number): void {
    const b = tick & (TickCalendar.SIZE - 1);
    const count = this.counts[b];
    if (count === this.stagesOf[b].length) {
      const stages = new Int32Array(count * 2);
      stages.set(this.stagesOf[b]);
      this.stagesOf[b] = stages;
      const ticks = new Float64Array(count * 2);
      ticks.set(this.ticksOf[b]);
      this.ticksOf[b] = ticks;
    }
    this.stagesOf[b][count] = stage;
    this.ticksOf[b][count] = tick;
    this.counts[b] = count + 1;
  }

  /** Calls `visit` with every stage booked for tick k (once per booking) and drops those bookings. */
  take(k: number, visit: (stage: number) => void): void {
    const b = k & (TickCalendar.SIZE - 1);
    const count = this.counts[b];
    if (count === 0) return;
    const stages = this.stagesOf[b];
    const ticks = this.ticksOf[b];
    let kept = 0;
    for (let e = 0; e < count; e++) {
      if (ticks[e] === k) visit(stages[e]);
      else { stages[kept] = stages[e]; ticks[kept] = ticks[e]; kept++; }
    }
    this.counts[b] = kept;
  }
}

/** A set of topological positions as 32-bit words. */
export class PositionSet {
  readonly words: Uint32Array;
  constructor(size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32) || 1);
  }

  add(position: number): void {
    this.words[position >>> 5] |= 1 << (position & 31);
  }
}

/** The highest set bit of a non-zero word. */
export function highestBit(word: number): number {
  return 31 - Math.clz32(word);
}

/** The lowest set bit of a non-zero word. */
export function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}
