// Worksheet events of the fake Excel: handlers are registered at sync in the request context they were
// added in (refused below the API set that has them) and removed only through that same context; they
// fire after the sync of a write made through the fake's API (triggerSource "ThisLocalAddin" from
// ExcelApi 1.14) and when a simulated user (or co-author) edits, adds, deletes or renames a sheet.

import type { FakeContext, FakeExcel } from "./fakeExcel";

export type FakeEventName = "onChanged" | "onAdded" | "onDeleted" | "onNameChanged";

/** The ExcelApi version that brought each WorksheetCollection event. */
export const EVENT_API: Record<FakeEventName, string> = { onChanged: "1.9", onAdded: "1.7", onDeleted: "1.7", onNameChanged: "1.17" };

const EVENT_TYPE: Record<FakeEventName, string> = { onChanged: "WorksheetChanged", onAdded: "WorksheetAdded", onDeleted: "WorksheetDeleted", onNameChanged: "WorksheetNameChanged" };

type Handler = (args: Record<string, unknown>) => Promise<unknown>;

export interface Registration {
  event: FakeEventName;
  handler: Handler;
  /** The request context it was added in. */
  contextId: number;
}

/** An event a sync or a user raised: its name, and the arguments beyond type, source and triggerSource. */
export interface RaisedEvent {
  event: FakeEventName;
  args: Record<string, unknown>;
}

export type Origin = "addin" | "Local" | "Remote";

/** The event arguments Excel would give for an event of this origin at this API version. */
export function eventArgs(host: FakeExcel, raised: RaisedEvent, origin: Origin): Record<string, unknown> {
  const args: Record<string, unknown> = { type: EVENT_TYPE[raised.event], source: origin === "Remote" ? "Remote" : "Local", ...raised.args };
  if (raised.event === "onChanged" && host.isSetSupported("ExcelApi", "1.14")) args.triggerSource = origin === "addin" ? "ThisLocalAddin" : "Unknown";
  return args;
}

/** Calls every handler registered for each event, after the host's event delay (Excel's events come late). */
export function deliver(host: FakeExcel, events: readonly RaisedEvent[], origin: Origin): void {
  if (events.length === 0) return;
  setTimeout(() => {
    for (const raised of events) {
      const args = eventArgs(host, raised, origin);
      host.delivered.push({ event: raised.event, args });
      for (const r of host.handlers.filter((h) => h.event === raised.event)) void r.handler(args).catch(() => undefined);
    }
  }, host.eventDelayMs);
}

export class FakeEventHandlerResult {
  constructor(readonly context: FakeContext, private readonly registration: Registration) {}
  /** Queued in the context the handler was added in; takes effect when that context syncs. */
  remove(): void {
    const ctx = this.context;
    ctx.enqueue({ op: "removeHandler" }, () => unregister(ctx, this.registration));
  }
}

function unregister(ctx: FakeContext, registration: Registration): void {
  const host = ctx.host;
  if (registration.contextId !== ctx.id) throw new Error("InvalidArgument: the handler was added in another request context.");
  const at = host.handlers.indexOf(registration);
  if (at >= 0) host.handlers.splice(at, 1);
  host.removals.push({ event: registration.event, contextId: ctx.id });
}

/** `worksheets.onChanged` and the others: add (and remove) handlers, refused at sync where the API set lacks the event. */
export class FakeEventHandlers {
  constructor(private readonly ctx: FakeContext, private readonly event: FakeEventName) {}
  add(handler: Handler): FakeEventHandlerResult {
    const ctx = this.ctx;
    const registration: Registration = { event: this.event, handler, contextId: ctx.id };
    ctx.enqueue({ op: "addHandler", event: this.event }, () => {
      if (!ctx.host.isSetSupported("ExcelApi", EVENT_API[this.event])) {
        throw Object.assign(new Error(`ApiNotFound: worksheets.${this.event} needs ExcelApi ${EVENT_API[this.event]}.`), { name: "RichApi.Error", code: "ApiNotFound" });
      }
      ctx.host.handlers.push(registration);
    });
    return new FakeEventHandlerResult(ctx, registration);
  }
  /** Removes a handler by function: only one added through this same context is found. */
  remove(handler: Handler): void {
    const ctx = this.ctx;
    ctx.enqueue({ op: "removeHandler" }, () => {
      const registration = ctx.host.handlers.find((h) => h.event === this.event && h.handler === handler && h.contextId === ctx.id);
      if (!registration) throw new Error("InvalidArgument: the handler was not added in this request context.");
      unregister(ctx, registration);
    });
  }
}
