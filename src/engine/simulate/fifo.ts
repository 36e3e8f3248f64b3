// A first-in-first-out queue of records with a fixed number of numeric fields (typed columns in a
// growing ring), addressed by absolute position so a second cursor can walk it behind the head.

export class Fifo {
  private columns: Float64Array[];
  private mask: number;
  /** Absolute position of the first record, and one past the last. */
  head = 0;
  tail = 0;

  constructor(readonly fields: number, capacity = 16) {
    let size = 1;
    while (size < capacity) size <<= 1;
    this.columns = Array.from({ length: fields }, () => new Float64Array(size));
    this.mask = size - 1;
  }

  get length(): number {
    return this.tail - this.head;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const columns = this.columns.map(() => new Float64Array(size));
    for (let p = this.head; p < this.tail; p++) {
      for (let f = 0; f < this.fields; f++) columns[f][p & (size - 1)] = this.columns[f][p & this.mask];
    }
    this.columns = columns;
    this.mask = size - 1;
  }

  /** Appends a record of up to four fields. */
  push(a: number, b = 0, c = 0, d = 0): void {
    if (this.tail - this.head > this.mask) this.grow();
    const i = this.tail & this.mask;
    const cols = this.columns;
    cols[0][i] = a;
    if (this.fields > 1) cols[1][i] = b;
    if (this.fields > 2) cols[2][i] = c;
    if (this.fields > 3) cols[3][i] = d;
    this.tail++;
  }

  /** Field f of the record at absolute position p (head ≤ p < tail). */
  get(p: number, f: number): number {
    return this.columns[f][p & this.mask];
  }

  set(p: number, f: number, value: number): void {
    this.columns[f][p & this.mask] = value;
  }

  shift(): void {
    this.head++;
  }
}
