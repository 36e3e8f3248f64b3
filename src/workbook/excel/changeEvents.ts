// Follows the workbook's changes through Office.js events: data changed on any worksheet (ExcelApi
// 1.9), a worksheet added or deleted (1.7) or renamed (1.17). The add-in's own writes are left out,
// the rest is debounced and coalesced into one call, and only changes that can touch the watched
// tables count. Below ExcelApi 1.9 nothing is registered and the caller is told so.

import type { ChangeOptions, ChangeSubscription, WorkbookChange } from "../paneWorkbook";
import type { ExcelFeatures } from "./features";
import type { EventHandlerResult, ExcelHost, WorksheetChangedEventArgs, WorksheetEventArgs, WorksheetNameChangedEventArgs } from "./officeApi";
import { watchedSheets } from "./watchedSheets";
import { TEMP_SHEET_PREFIX } from "./writeSheets";

/** Quiet time after the last change before the listener is called. */
export const CHANGE_DEBOUNCE_MS = 750;
/** Events of the add-in's own write arrive after its last sync: ignored for this long after a write ends. */
export const QUIET_AFTER_WRITE_MS = 1000;
/** Changes that never stop (a co-author typing) are reported at least this often. */
export const MOST_WAIT_MS = 5000;

/** Why there is no subscription in an Excel without ExcelApi 1.9. */
export const NO_CHANGE_EVENTS = "This Excel does not report workbook changes to add-ins (it lacks Excel API 1.9)";

export interface ChangeTiming {
  debounceMs?: number;
  quietAfterWriteMs?: number;
  mostWaitMs?: number;
}

/** The adapter's write batches in progress, when the last one ended, and the sheets they added or deleted. */
export class WriteGuard {
  private writing = 0;
  private lastEnd = -Infinity;
  /** Ids of the sheets the add-in's writes added or deleted (each id is added once and deleted once). */
  readonly ownSheets = new Set<string>();

  /** Runs a write batch, marked as the add-in's own. */
  async around<T>(work: () => Promise<T>): Promise<T> {
    this.writing++;
    try {
      return await work();
    } finally {
      this.writing--;
      this.lastEnd = Date.now();
    }
  }

  /** True while a write runs and for `quietMs` after the last one ended. */
  isWriting(quietMs: number): boolean {
    return this.writing > 0 || Date.now() - this.lastEnd < quietMs;
  }
}

type EventKind = "changed" | "added" | "deleted" | "renamed";

interface Pending {
  ids: Set<string>;
  /** A sheet was deleted or renamed: a watched table may have gone, whatever its sheet is called now. */
  structural: boolean;
  deleted: boolean;
  remote: boolean;
  events: number;
  firstAt: number;
}

/** Collects events, drops the add-in's own, and calls the listener once per burst of changes. */
class ChangeFollower {
  private pending: Pending | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly debounceMs: number;
  private readonly quietMs: number;
  private readonly mostWaitMs: number;

  constructor(
    private readonly host: ExcelHost,
    private readonly guard: WriteGuard,
    private readonly listener: (change: WorkbookChange) => void,
    private readonly options: ChangeOptions,
    timing: ChangeTiming,
  ) {
    this.debounceMs = timing.debounceMs ?? CHANGE_DEBOUNCE_MS;
    this.quietMs = timing.quietAfterWriteMs ?? QUIET_AFTER_WRITE_MS;
    this.mostWaitMs = timing.mostWaitMs ?? MOST_WAIT_MS;
  }

  /**
   * Whether an event comes from the add-in's own write (never when a co-author made it): Excel says so
   * (ExcelApi 1.14), or it adds or deletes a sheet the write added or deleted, or renames one of the
   * write's temporary sheets; else it is the add-in's when it comes during a write or just after.
   */
  private isOwn(kind: EventKind, args: WorksheetEventArgs): boolean {
    if (args.source === "Remote") return false;
    if (kind === "changed" && (args as WorksheetChangedEventArgs).triggerSource === "ThisLocalAddin") return true;
    if ((kind === "added" || kind === "deleted") && this.guard.ownSheets.has(args.worksheetId)) return true;
    if (kind === "renamed") {
      const { nameBefore, nameAfter } = args as WorksheetNameChangedEventArgs;
      if ([nameBefore, nameAfter].some((n) => typeof n === "string" && n.startsWith(TEMP_SHEET_PREFIX))) return true;
    }
    return this.guard.isWriting(this.quietMs);
  }

  note(kind: EventKind, args: WorksheetEventArgs): void {
    if (this.closed || this.isOwn(kind, args)) return;
    const now = Date.now();
    const p = (this.pending ??= { ids: new Set(), structural: false, deleted: false, remote: false, events: 0, firstAt: now });
    p.events++;
    if (kind === "deleted") p.deleted = true;
    if (kind === "deleted" || kind === "renamed") p.structural = true;
    else p.ids.add(args.worksheetId);
    if (args.source === "Remote") p.remote = true;
    if (this.timer !== null) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.debounceMs, p.firstAt + this.mostWaitMs - now));
    this.timer = setTimeout(() => {
      this.timer = null;
      const burst = this.pending;
      this.pending = null;
      if (burst) this.chain = this.chain.then(() => this.report(burst));
    }, wait);
  }

  /** Calls the listener when the burst touched a watched sheet (or removed or renamed one). */
  private async report(burst: Pending): Promise<void> {
    if (this.closed) return;
    let sheets: string[];
    let relevant: boolean;
    try {
      const map = await this.host.run((context) => watchedSheets(context, this.options.tables));
      const hits = [...burst.ids].filter((id) => map.watched.has(id));
      sheets = hits.map((id) => map.names.get(id)!);
      relevant = burst.structural || hits.length > 0;
    } catch {
      // The sheets could not be looked at: better one read too many than a change missed.
      sheets = [];
      relevant = true;
    }
    if (this.closed || !relevant) return;
    try {
      this.listener({ sheets, deleted: burst.deleted, remote: burst.remote, events: burst.events });
    } catch {
      // The listener's failure is its own; the subscription goes on.
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Registers the worksheet events in one request context and returns how to remove them (in that
 * same context, as Office.js requires). Below ExcelApi 1.9: "unsupported", nothing registered.
 */
export async function subscribeWorkbookChanges(
  host: ExcelHost, features: ExcelFeatures, guard: WriteGuard, listener: (change: WorkbookChange) => void,
  options: ChangeOptions = {}, timing: ChangeTiming = {},
): Promise<ChangeSubscription> {
  if (!features.base || !features.changeEvents) return { status: "unsupported", reason: `${NO_CHANGE_EVENTS}.` };
  const follower = new ChangeFollower(host, guard, listener, options, timing);
  const on = (kind: EventKind) => async (args: WorksheetEventArgs): Promise<void> => follower.note(kind, args);
  let results: EventHandlerResult[] = [];
  const removeAll = () => host.runIn(results[0].context, async (context) => {
    for (const result of results) result.remove();
    await context.sync();
  });
  try {
    await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      results = [sheets.onChanged.add(on("changed")), sheets.onAdded.add(on("added")), sheets.onDeleted.add(on("deleted"))];
      if (features.renameEvents) results.push(sheets.onNameChanged.add(on("renamed")));
      await context.sync();
    });
  } catch (error) {
    follower.close();
    // Whatever part of the registration took effect goes again, in its own context.
    if (results.length > 0) await removeAll().catch(() => undefined);
    return { status: "unsupported", reason: `${NO_CHANGE_EVENTS}: ${messageOf(error)}` };
  }
  let removing: Promise<void> | null = null;
  return {
    status: "live",
    unsubscribe() {
      follower.close();
      removing ??= removeAll();
      return removing;
    },
  };
}
