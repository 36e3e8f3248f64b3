// The periodic simulation's calendar: which stage must be visited at which tick, as a binary heap of
// numbers (tick · stages + stage), and sets of stages by topological position as bit words, so a tick
// visits only the stages with something to do, suppliers before customers or the other way round.

/** A min-heap of (tick, stage) pairs packed into one number; stale pairs are skipped by the caller. */
export class TickCalendar {
  private keys = new Float64Array(64);
  private size = 0;
  constructor(private readonly stages: number) {}

  get length(): number {
    return this.size;
  }

  push(tick: number, stage: number): void {
    if (this.size === this.keys.length) {
      const bigger = new Float64Array(this.keys.length * 2);
      bigger.set(this.keys);
      this.keys = bigger;
    }
    const keys = this.keys;
    const key = tick * this.stages + stage;
    let k = this.size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[k] = keys[parent];
      k = parent;
    }
    keys[k] = key;
  }

  /** The earliest tick booked (Infinity when empty). */
  peekTick(): number {
    return this.size === 0 ? Infinity : Math.floor(this.keys[0] / this.stages);
  }

  /** Removes the earliest pair and returns its stage. */
  popStage(): number {
    const keys = this.keys;
    const top = keys[0];
    const last = keys[--this.size];
    let k = 0;
    for (;;) {
      const left = 2 * k + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && keys[right] < keys[left] ? right : left;
      if (keys[child] >= last) break;
      keys[k] = keys[child];
      k = child;
    }
    keys[k] = last;
    return top - Math.floor(top / this.stages) * this.stages;
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
