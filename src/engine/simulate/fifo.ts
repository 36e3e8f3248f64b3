// A first-in-first-out queue of records of up to four numeric fields (typed columns in a growing
// ring), addressed by absolute position so a second cursor can walk it behind the head.

export class Fifo {
  private c0: Float64Array;
  private c1: Float64Array;
  private c2: Float64Array;
  private c3: Float64Array;
  private mask: number;
  /** Absolute position of the first record, and one past the last. */
  head = 0;
  tail = 0;

  constructor(readonly fields: number, capacity = 16) {
    let size = 1;
    while (size < capacity) size <<= 1;
    this.c0 = new Float64Array(size);
    this.c1 = new Float64Array(fields > 1 ? size : 1);
    this.c2 = new Float64Array(fields > 2 ? size : 1);
    this.c3 = new Float64Array(fields > 3 ? size : 1);
    this.mask = size - 1;
  }

  get length(): number {
    return this.tail - this.head;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const copy = (column: Float64Array, used: boolean) => {
      if (!used) return column;
      const bigger = new Float64Array(size);
      for (let p = this.head; p < this.tail; p++) bigger[p & (size - 1)] = column[p & this.mask];
      return bigger;
    };
    this.c0 = copy(this.c0, true);
    this.c1 = copy(this.c1, this.fields > 1);
    this.c2 = copy(this.c2, this.fields > 2);
    this.c3 = copy(this.c3, this.fields > 3);
    this.mask = size - 1;
  }

  /** Appends a record (fields beyond the queue's count are ignored). */
  push(a: number, b = 0, c = 0, d = 0): void {
    if (this.tail - this.head > this.mask) this.grow();
    const i = this.tail & this.mask;
    this.c0[i] = a;
    if (this.fields > 1) this.c1[i] = b;
    if (this.fields > 2) this.c2[i] = c;
    if (this.fields > 3) this.c3[i] = d;
    this.tail++;
  }

  /** Field f of the record at absolute position p (head ≤ p < tail). */
  get(p: number, f: number): number {
    const i = p & this.mask;
    return f === 0 ? this.c0[i] : f === 1 ? this.c1[i] : f === 2 ? this.c2[i] : this.c3[i];
  }

  /** Fields 0 to 3 of the record at absolute position p, without the field switch (hot loops). */
  get0(p: number): number {
    return this.c0[p & this.mask];
  }

  get1(p: number): number {
    return this.c1[p & this.mask];
  }

  get2(p: number): number {
    return this.c2[p & this.mask];
  }

  get3(p: number): number {
    return this.c3[p & this.mask];
  }

  set(p: number, f: number, value: number): void {
    const i = p & this.mask;
    if (f === 0) this.c0[i] = value;
    else if (f === 1) this.c1[i] = value;
    else if (f === 2) this.c2[i] = value;
    else this.c3[i] = value;
  }

  shift(): void {
    this.head++;
  }
}
