// The pane's side effects in one place: opening and saving a file, running jobs in the worker,
// writing their sheets through the PaneWorkbook, going to a cell. Components only call these actions.

import type { CollaborationStatus } from "../workbook/collaborate/collaborationStatus";
import { STATUS_TABLES } from "../workbook/collaborate/collaborationStatus";
import type { JobInput } from "../workbook/jobs/types";
import type { ExampleSet, PaneWorkbook, WriteReport } from "../workbook/paneWorkbook";
import { JOBS } from "../workbook/jobs/registry";
import type { TableData } from "../workbook/port";
import { ChangeWatch } from "./changeWatch";
import { choiceSources, columnChoices } from "./choices";
import { looksLikePackage } from "./components/collaborate/packageSheets";
import { FileWorkbook, readNetworkFiles } from "./file/fileWorkbook";
import type { FileWorkerLike } from "./file/fileProtocol";
import { JSON_MIME, resultJsonName, savedName } from "./file/download";
import { unpackBulk, type JobWorkerLike, type PackedOutput } from "./worker/protocol";
import { runJob, type JobRun } from "./worker/runJob";
import { workerJob } from "./worker/serveJobs";
import { effectiveOptions, optionsAsSettings, type WorkbenchAction, type WorkbenchState } from "./workbench";

export interface ControllerDeps {
  dispatch: (action: WorkbenchAction) => void;
  getState: () => WorkbenchState;
  makeJobWorker: () => JobWorkerLike;
  makeFileWorker: () => FileWorkerLike;
  download: (bytes: Uint8Array, name: string, mime?: string) => void;
  now?: () => number;
  /** The date and time runs are stamped with and statuses hold for (the system clock by default). */
  wallClock?: () => Date;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Runs after which the Collaborate tab's partner status is read again (they write the collaboration sheets). */
const CHANGES_STATUS = new Set(["share", "merge"]);

export class PaneController {
  private workbook: PaneWorkbook | null = null;
  private readonly running = new Map<string, JobRun>();
  /** Each job's last result as it came from the worker (the bulk JSON of its sheets and result), for "Download result (JSON)". */
  private readonly results = new Map<string, string>();
  private readonly now: () => number;
  private readonly isoNow: () => string;
  /** The partner-status read under way, and whether another was asked for meanwhile. */
  private statusRead: Promise<void> | null = null;
  private statusAgain = false;
  /** In Excel: the pickers' columns are still to be read (on the first step opened). */
  private choicesPending = false;
  /** The workbook's changes, followed while the Collaborate tab is shown. */
  private readonly changes: ChangeWatch;

  constructor(private deps: ControllerDeps) {
    this.now = deps.now ?? (() => (typeof performance !== "undefined" ? performance.now() : Date.now()));
    this.isoNow = () => (deps.wallClock ? deps.wallClock() : new Date()).toISOString();
    this.changes = new ChangeWatch((action) => this.deps.dispatch(action), () => this.workbook, () => void this.refreshCollaboration());
  }

  /** The workbook the pane works on (Excel's, or a file's). */
  get current(): PaneWorkbook | null {
    return this.workbook;
  }

  /** Uses an open workbook (the Excel adapter inside Excel). */
  async attach(workbook: PaneWorkbook, name: string): Promise<void> {
    this.workbook = workbook;
    await this.refresh(name);
    await this.changes.moved();
    try {
      this.deps.dispatch({ type: "optionsLoaded", settings: await workbook.loadSettings() });
    } catch (error) {
      this.notice("warning", `The saved options could not be read: ${messageOf(error)}`);
    }
  }

  private async refresh(name?: string, kept = false): Promise<void> {
    const type = kept ? "workbookRefreshed" : "workbookReady";
    const wb = this.workbook;
    if (!wb) return;
    if (wb instanceof FileWorkbook) {
      const s = await wb.summary();
      this.deps.dispatch({ type, workbook: { kind: "file", name: s.name, tables: s.tables, sheets: s.sheets, hasCharts: s.hasCharts } });
    } else {
      // Only which tables exist, not their values: the shared runtime starts (hidden) with every
      // workbook that holds =APS. formulas, and a start-up should cost Excel nothing.
      const names = ["Stages", "Arcs", "Settings", "Operations", "Changeovers"];
      const found = wb.tableNames ? await wb.tableNames(names) : await wb.readTables(names).then((tables) => names.filter((n) => tables[n]));
      this.deps.dispatch({ type, workbook: { kind: "excel", name: name ?? "This workbook", tables: found, sheets: [], hasCharts: false } });
      // The pickers' values wait until a step is opened (ensureChoices): no cell is read at start-up.
      this.choicesPending = true;
      return;
    }
    await this.loadChoices();
  }

  /** In Excel, reads the pickers' columns the first time a step is opened after attaching. */
  async ensureChoices(): Promise<void> {
    if (!this.choicesPending) return;
    this.choicesPending = false;
    await this.loadChoices();
  }

  /** Reads the columns the options' pickers offer (partners from Stages' Owner, ...); a failure leaves the fields free text. */
  private async loadChoices(): Promise<void> {
    const wb = this.workbook;
    const sources = choiceSources(JOBS);
    if (!wb || sources.length === 0) return;
    try {
      const names = [...new Set(sources.map((s) => s.table))];
      const tables = wb instanceof FileWorkbook
        ? (JSON.parse((await wb.readTablesJson(names)).json) as Record<string, TableData | null>)
        : await wb.readTables(names);
      if (wb === this.workbook) this.deps.dispatch({ type: "choicesLoaded", choices: columnChoices(tables, sources) });
    } catch {
      // The pickers are a convenience: without them the options stay text fields.
    }
  }

  private notice(intent: "success" | "info" | "warning" | "error", text: string): void {
    this.deps.dispatch({ type: "notice", notice: { intent, text } });
  }

  /** Browser mode: loads ExcelJS in a spare file worker while the user looks at the page. */
  prewarmFiles(): void {
    const make = FileWorkbook.prewarm(this.deps.makeFileWorker);
    let used = false;
    const plain = this.deps.makeFileWorker;
    this.deps = { ...this.deps, makeFileWorker: () => { if (used) return plain(); used = true; return make(); } };
  }

  /** Opens an .xlsx chosen in the browser (replacing the file open before). */
  async openFile(name: string, bytes: Uint8Array): Promise<void> {
    this.deps.dispatch({ type: "busy", text: `Opening ${name}…` });
    try {
      const book = await FileWorkbook.open(name, bytes, this.deps.makeFileWorker);
      this.replaceFile(book);
      await this.refresh();
      const s = book.file;
      if (looksLikePackage(s.sheets)) {
        this.notice("info", `Opened ${name}: a partner package. Fill in your commitments in the Respond card above, check them and save the response.`);
        return;
      }
      this.notice(s.tables.length > 0 ? "success" : "info", s.tables.length > 0
        ? `Opened ${name}: ${s.tables.join(", ")} found.`
        : `Opened ${name}: it has none of the input tables yet. Insert example tables to start.`);
    } catch (error) {
      this.deps.dispatch({ type: "busy", text: null });
      this.notice("error", messageOf(error));
    }
  }

  private replaceFile(book: FileWorkbook): void {
    if (this.workbook instanceof FileWorkbook) this.workbook.close();
    this.workbook = book;
    this.results.clear();
    void this.changes.moved();
  }

  /** Adds example tables (browser mode without a file starts a new workbook). */
  async insertExamples(set: ExampleSet): Promise<void> {
    try {
      if (!this.workbook) this.replaceFile(await FileWorkbook.blank("aps-example.xlsx", this.deps.makeFileWorker));
      const added = await this.workbook!.insertExampleTables(set);
      await this.refresh(undefined, true);
      this.notice("success", added.length > 0 ? `Added ${added.join(", ")}.` : "The workbook already has these tables: nothing was added.");
    } catch (error) {
      this.notice("error", messageOf(error));
    }
  }

  async useSelectionAs(table: string): Promise<void> {
    const wb = this.workbook;
    if (!wb?.useSelectionAs) return;
    try {
      const where = await wb.useSelectionAs(table);
      await this.refresh();
      this.notice("success", `${table} now reads ${where}.`);
    } catch (error) {
      this.notice("error", messageOf(error));
    }
  }

  /** Downloads the file with its result sheets. */
  async save(): Promise<void> {
    const wb = this.workbook;
    if (!(wb instanceof FileWorkbook)) return;
    try {
      const bytes = await wb.toBytes();
      this.deps.download(bytes, savedName(wb.file.name));
      this.notice("success", `Saved ${savedName(wb.file.name)} (${(bytes.length / 1024).toFixed(0)} KB).`);
    } catch (error) {
      this.notice("error", `The workbook could not be saved: ${messageOf(error)}`);
    }
  }

  /** Downloads a job's last result as the command's JSON (what `aps <job> --json` prints), e.g. "supply-chain (plan).json". */
  downloadResult(jobId: string): void {
    const bulk = this.results.get(jobId);
    const wb = this.workbook;
    if (!bulk || !wb) return;
    try {
      const text = JSON.stringify(unpackBulk(bulk).json, null, 1) + "\n";
      const name = resultJsonName(wb instanceof FileWorkbook ? wb.file.name : "workbook", jobId);
      this.deps.download(new TextEncoder().encode(text), name, JSON_MIME);
      this.notice("success", `Saved ${name}.`);
    } catch (error) {
      this.notice("error", `The result could not be saved: ${messageOf(error)}`);
    }
  }

  /** Runs a job (or Check) in a fresh worker and writes its sheets when it ends with a result. */
  async run(jobId: string, files?: JobInput["files"]): Promise<void> {
    await this.runWith(jobId, async () => (files ? { files } : {}));
  }

  /**
   * Compare files…: reads the picked files (the first is the base) in a file worker within the input
   * limits, compares them in the job worker and writes the comparison sheets into this workbook. In
   * browser mode without an open file, a new workbook receives them (Save downloads it).
   */
  async compareFiles(files: { name: string; bytes: Uint8Array }[]): Promise<void> {
    if (!this.workbook && files.length >= 2) {
      try {
        this.replaceFile(await FileWorkbook.blank("aps-compare.xlsx", this.deps.makeFileWorker));
        await this.refresh();
      } catch (error) {
        this.notice("error", messageOf(error));
        return;
      }
    }
    await this.runWith("compare", async () => ({ sources: await readNetworkFiles(files, this.deps.makeFileWorker) }), "Reading the files");
  }

  private async runWith(jobId: string, extra: () => Promise<Partial<JobInput>>, firstStep?: string): Promise<void> {
    const job = workerJob(jobId);
    const wb = this.workbook;
    if (!job) return;
    if (!wb) {
      this.notice("warning", "Open a workbook first (Data step).");
      return;
    }
    if (this.running.has(jobId)) return;
    this.deps.dispatch({ type: "runStarted", jobId, at: this.now() });
    if (firstStep) this.deps.dispatch({ type: "runProgress", jobId, progress: { step: firstStep }, hasPartial: false });
    try {
      // A file's tables come from its worker as JSON and go on to the job worker unparsed.
      const packed = wb instanceof FileWorkbook ? await wb.readTablesJson(job.tables) : null;
      const tables = packed ? {} : await wb.readTables(job.tables);
      const present = packed ? packed.present : job.tables.filter((t) => tables[t]);
      const missing = job.requiredTables.filter((t) => !present.includes(t));
      if (missing.length > 0) {
        this.deps.dispatch({ type: "runFailed", jobId, message: `The workbook has no ${missing.join(", ")} table: add it (Data step) and run again.`, at: this.now() });
        return;
      }
      const input: JobInput = { tables, options: effectiveOptions(this.deps.getState(), job), now: this.isoNow(), ...(await extra()) };
      const run = runJob(jobId, input, (progress, hasPartial) => this.deps.dispatch({ type: "runProgress", jobId, progress, hasPartial }), this.deps.makeJobWorker, packed?.json);
      this.running.set(jobId, run);
      const { output, cancelled } = await run.done.finally(() => this.running.delete(jobId));
      if (output?.head.hasJson) this.results.set(jobId, output.bulk);
      else this.results.delete(jobId);
      const report = output ? await this.write(output) : null;
      this.deps.dispatch({ type: "runFinished", jobId, output: output?.head ?? null, cancelled, report, at: this.now() });
      // An action (Undo edits) is done once its sheets are written: the next run plans again.
      if (report) for (const option of job.options) if (option.oneShot && input.options[option.name] !== option.default) this.deps.dispatch({ type: "optionChanged", jobId, name: option.name, value: option.default });
      if (report) await this.refresh(undefined, true);
      if (report && CHANGES_STATUS.has(jobId)) await this.refreshCollaboration();
    } catch (error) {
      this.deps.dispatch({ type: "runFailed", jobId, message: messageOf(error), at: this.now() });
    }
  }

  /**
   * Reads each partner's status from the workbook's collaboration sheets, in the job worker (it plans
   * the network for the current plan's hash). A call while one runs asks for one more read after it.
   */
  refreshCollaboration(): Promise<void> {
    if (this.statusRead) {
      this.statusAgain = true;
      return this.statusRead;
    }
    this.statusRead = (async () => {
      do {
        this.statusAgain = false;
        await this.readCollaborationStatus();
      } while (this.statusAgain);
    })().finally(() => { this.statusRead = null; });
    return this.statusRead;
  }

  /**
   * Follows the workbook's changes while the Collaborate tab is shown: each change others make (in
   * Excel) reads the partner status again, through `refreshCollaboration` (one read at a time, the
   * newest change read last). An Excel without change events keeps focus and Refresh, and says so.
   */
  /** The task pane was hidden or shown again (the runtime goes on): follow changes only while shown. */
  paneVisible(visible: boolean): Promise<void> {
    return this.changes.paneVisible(visible);
  }

  watchCollaboration(on: boolean): Promise<void> {
    return this.changes.set(on);
  }

  private async readCollaborationStatus(): Promise<void> {
    const wb = this.workbook;
    if (!wb) return;
    this.deps.dispatch({ type: "collaborationRefreshing" });
    try {
      const packed = wb instanceof FileWorkbook ? await wb.readTablesJson(STATUS_TABLES) : null;
      const tables = packed ? {} : await wb.readTables(STATUS_TABLES);
      const run = runJob("collaboration-status", { tables, options: {}, now: this.isoNow() }, () => undefined, this.deps.makeJobWorker, packed?.json);
      const { output } = await run.done;
      if (wb !== this.workbook) return;
      if (!output) throw new Error("the status read was stopped.");
      this.deps.dispatch({ type: "collaborationLoaded", status: unpackBulk(output.bulk).json as CollaborationStatus });
    } catch (error) {
      if (wb === this.workbook) this.deps.dispatch({ type: "collaborationFailed", message: `The partner status could not be read: ${messageOf(error)}` });
    }
  }

  /** Writes a result's sheets, all or none; nothing for an invalid input. */
  private async write(output: PackedOutput): Promise<WriteReport | null> {
    if (output.head.status === "invalid" || output.head.sheetNames.length === 0) return null;
    const wb = this.workbook!;
    return wb instanceof FileWorkbook ? wb.writeSheetsJson(output.bulk) : wb.writeSheets(unpackBulk(output.bulk).sheets);
  }

  /** Stops a run: the worker ends now; a schedule keeps its best result so far. */
  cancel(jobId: string): void {
    this.running.get(jobId)?.cancel();
  }

  /** Selects the cell of a problem (Excel), or shows it (browser mode). */
  async goTo(place: string): Promise<void> {
    const wb = this.workbook;
    if (!wb) return;
    try {
      await wb.goTo(place);
      if (wb instanceof FileWorkbook) {
        this.deps.dispatch({ type: "placeShown", place: wb.lastPlace });
        if (!wb.lastPlace) this.notice("warning", `${place} is not a cell of this workbook.`);
      }
    } catch (error) {
      this.notice("error", messageOf(error));
    }
  }

  async saveOptions(): Promise<void> {
    const wb = this.workbook;
    if (!wb) {
      this.notice("info", "The options apply to this session; open a workbook to keep them with it.");
      return;
    }
    try {
      await wb.saveSettings(optionsAsSettings(this.deps.getState().options));
      this.notice("success", wb.kind === "excel" ? "Options saved with the workbook. A Settings table, where present, wins." : "Options kept for this session. A Settings table, where present, wins.");
    } catch (error) {
      this.notice("error", `The options could not be saved: ${messageOf(error)}`);
    }
  }
}
