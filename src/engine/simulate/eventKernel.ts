// A small discrete-event kernel: a binary heap of timed events, popped in time order (ties in the
// order they were scheduled). Models register handlers; the kernel knows nothing about them.

import { MinHeap } from "../minHeap";

/** One scheduled event: when, which handler, and a number the handler reads (a job, a stage). */
interface ScheduledEvent {
  time: number;
  sequence: number;
  kind: number;
  payload: number;
}

/** Called when an event fires; it may schedule further events through the kernel. */
export type EventHandler = (time: number, payload: number, kernel: EventKernel) => void;

function earlier(a: ScheduledEvent, b: ScheduledEvent): number {
  return a.time - b.time || a.sequence - b.sequence;
}

/**
 * The event calendar. `on` registers a handler and returns its kind; `schedule` books an event;
 * `run` fires events in time order until the calendar is empty or the next event is past `until`.
 * @example const k = new EventKernel(); const tick = k.on((t, _p, kk) => { if (t < 3) kk.schedule(t + 1, tick, 0); });
 * k.schedule(0, tick, 0); k.run(10); k.events // 4
 */
export class EventKernel {
  private readonly calendar = new MinHeap<ScheduledEvent>(earlier);
  private readonly handlers: EventHandler[] = [];
  private sequence = 0;
  /** The time of the event being fired (or of the last one fired). */
  now = 0;
  /** Events fired so far. */
  events = 0;

  on(handler: EventHandler): number {
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  schedule(time: number, kind: number, payload: number): void {
    if (!(time >= this.now)) throw new RangeError(`An event cannot be scheduled in the past (${time} < ${this.now}).`);
    this.calendar.push({ time, sequence: this.sequence++, kind, payload });
  }

  get pending(): number {
    return this.calendar.size;
  }

  /** Fires events up to and including time `until`; returns the number fired by this call. */
  run(until: number, shouldStop?: () => boolean): number {
    const before = this.events;
    for (;;) {
      const next = this.calendar.peek();
      if (next === undefined || next.time > until) break;
      if (shouldStop && (this.events & 1023) === 0 && shouldStop()) break;
      this.calendar.pop();
      this.now = next.time;
      this.events++;
      this.handlers[next.kind](next.time, next.payload, this);
    }
    return this.events - before;
  }
}
