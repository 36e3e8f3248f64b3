// Sharing with a partner (docs/formats.md §9 `aps share`, the pane's share job): builds the partner's
// package from the buyer's plan, writes it into a new workbook, checks it for leaks, and returns the
// buyer's updated Shares, Audit and Collaboration sheets. Pure: tables in, bytes and sheets out.

import { appendAudit, partnerPackage, type PackageHeader, type PartnerPackage } from "../../engine/collaborate";
import { calendarDateProblem } from "../../engine/calendarDate";
import { inputRefusal, type InputProblem, type InputRefusal } from "../../engine/inputErrors";
import { didYouMean } from "../../engine/nearMiss";
import type { SupplyProblem, SupplyResult } from "../../engine/supply";
import type { ResultSheet, WorkbookPort } from "../port";
import { resolveLpSolver, runSupplyPlan, type LpSolverSource, type SupplyRun } from "./supplyRun";
import { auditSheet, collaborationSheet, readMergeStates, sharesSheet } from "./bookSheets";
import { BookContext, readBookContext } from "./bookContext";
import { findPackageLeaks, type ForbiddenNumberIndex, LeakRules } from "./leakCheck";
import { packageBytes, packageTemplateText } from "./packageWorkbook";

export interface ShareOptions {
  partner: string;
  /** ISO 8601 UTC time of the share. */
  now: string;
  user: string;
  /** Response deadline YYYY-MM-DD; default: now plus the Response Days setting (7). */
  deadline?: string | null;
  /** A new workbook id when the book has none yet (random where not given). */
  newWorkbookId?: string;
  /**
   * HiGHS (WebAssembly): with it, a workbook with a supply plan (a Demands table or supply settings)
   * issues each partner its Period Requests and a Period Commitments table (MODEL.md §11); without it,
   * or without a supply plan, packages hold the steady-state tables only.
   */
  lpSolver?: LpSolverSource;
}

export type ShareOutcome =
  | { ok: true; package: PartnerPackage; bytes: Uint8Array; sheets: ResultSheet[]; fileName: string }
  | InputRefusal;

const COST_FIELDS = ["holdingCost", "orderCost", "backorderCost", "shortageCost", "serviceCost", "penaltyCost"];

/** 16 hex digits from the platform's random source (Node and workers both have crypto.getRandomValues). */
export function randomWorkbookId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso.slice(0, 10) + "T00:00:00Z") + days * 86_400_000).toISOString().slice(0, 10);
}

/** Issue time without milliseconds, as document properties write it. */
export function issueTime(now: string): string {
  const t = Date.parse(now);
  return new Date(Number.isFinite(t) ? t : 0).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function numbersOf(value: unknown, out: number[]): void {
  if (typeof value === "number" && Number.isFinite(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbersOf(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => numbersOf(v, out));
}

/** The figures of a book the leak rules draw on, gathered once per run (every partner's package uses them). */
interface BookSecrets {
  /** Every cost of every stage, and every value of a Private Columns column. */
  always: number[];
  privateText: string[];
  /** Per owner: its stages' ids and all their input and plan figures. */
  byOwner: Map<string, { ids: string[]; numbers: number[] }>;
}

const secretsCache = new WeakMap<BookContext, BookSecrets>();

/**
 * The book's figures indexed once per share run, by value (who owns it; costs and private values
 * belong to no partner) and by each rounded form: each package's leak check asks it instead of
 * indexing every other partner's figures again.
 */
class OwnedNumbers {
  private readonly always = new Set<number>();
  private readonly owners = new Map<number, Set<string>>();
  private readonly rounded = new Map<number, Map<string, number[]>>();
  constructor(secrets: BookSecrets) {
    for (const v of secrets.always) if (Number.isFinite(v)) this.always.add(v);
    for (const [owner, entry] of secrets.byOwner) {
      for (const v of entry.numbers) {
        if (!Number.isFinite(v)) continue;
        let set = this.owners.get(v);
        if (!set) this.owners.set(v, (set = new Set()));
        set.add(owner);
      }
    }
  }
  /** The numbers `partner` must not see: every cost and private value, and the figures of stages neither it nor the buyer owns. */
  forPartner(partner: string, buyer: string): ForbiddenNumberIndex {
    return {
      has: (value) => {
        if (this.always.has(value)) return true;
        for (const owner of this.owners.get(value) ?? []) if (owner !== partner && owner !== buyer) return true;
        return false;
      },
      roundingTo: (decimals, text) => this.roundedForms(decimals).get(text) ?? [],
    };
  }
  private roundedForms(decimals: number): Map<string, number[]> {
    let forms = this.rounded.get(decimals);
    if (forms) return forms;
    forms = new Map();
    for (const v of new Set([...this.always, ...this.owners.keys()])) {
      const text = v.toFixed(decimals);
      const list = forms.get(text);
      if (list) list.push(v);
      else forms.set(text, [v]);
    }
    this.rounded.set(decimals, forms);
    return forms;
  }
}

const numbersCache = new WeakMap<BookContext, OwnedNumbers>();

function ownedNumbers(context: BookContext): OwnedNumbers {
  let numbers = numbersCache.get(context);
  if (!numbers) numbersCache.set(context, (numbers = new OwnedNumbers(bookSecrets(context))));
  return numbers;
}

function bookSecrets(context: BookContext): BookSecrets {
  const cached = secretsCache.get(context);
  if (cached) return cached;
  const always: number[] = [];
  const privateText: string[] = [];
  const byOwner = new Map<string, { ids: string[]; numbers: number[] }>();
  const records = context.network.stages as Record<string, unknown>[];
  records.forEach((record, j) => {
    const stage = context.shareStages[j];
    for (const field of COST_FIELDS) numbersOf(record[field], always);
    const owner = stage.owner?.trim() || context.buyer;
    if (!byOwner.has(owner)) byOwner.set(owner, { ids: [], numbers: [] });
    const entry = byOwner.get(owner)!;
    entry.ids.push(stage.id);
    numbersOf(record, entry.numbers);
    numbersOf(context.plan.stages[j], entry.numbers);
  });
  // Private Columns: every value of those Stages columns, whoever owns the stage.
  const table = context.stagesTable;
  for (const name of context.settings.privateColumns) {
    const key = name.toLowerCase().replace(/\s+/g, "");
    const c = table.headers.findIndex((h) => h.toLowerCase().replace(/\s+/g, "") === key);
    if (c < 0) continue;
    for (const row of table.rows) {
      const v = row[c];
      if (typeof v === "number") always.push(v);
      else if (typeof v === "string" && v.trim() !== "") privateText.push(v.trim());
    }
  }
  const secrets = { always, privateText, byOwner };
  secretsCache.set(context, secrets);
  return secrets;
}

/** The supply plan's figures of stages neither `partner` nor the buyer owns (nonzero: a 0 tells nothing). */
function otherSupplyFigures(context: BookContext, partner: string, supply: SupplyResult | null | undefined): number[] {
  if (!supply) return [];
  const owner = new Map(context.shareStages.map((s) => [s.id, s.owner?.trim() || context.buyer]));
  const out: number[] = [];
  for (const stage of supply.stages) {
    const o = owner.get(stage.id);
    if (o === undefined || o === partner || o === context.buyer) continue;
    for (const p of stage.periods) for (const v of [p.release, p.receipt, p.inventory, p.delivered, p.backlog, p.consumption]) if (v !== 0) out.push(v);
  }
  return out;
}

/** What the partner must not see (other partners and their figures, costs, private columns), and what its package legitimately holds. */
export function leakRulesFor(context: BookContext, pkg: PartnerPackage, supply?: SupplyResult | null): LeakRules {
  const partner = pkg.header.partner;
  const secrets = bookSecrets(context);
  const forbiddenText = [...context.partners.filter((p) => p !== partner), ...secrets.privateText];
  for (const [owner, entry] of secrets.byOwner) {
    if (owner === partner || owner === context.buyer) continue;
    forbiddenText.push(...entry.ids);
  }
  const allowedText: string[] = [...packageTemplateText(pkg), pkg.header.issued, pkg.header.deadline, pkg.hash, pkg.header.id, pkg.header.workbookId, partner];
  const allowedNumbers: number[] = [pkg.header.version, ...(pkg.periods ? [pkg.periods.horizon, pkg.periods.periodLength] : []), ...(pkg.committed ?? []).flatMap((c) => [c.period, c.quantity])];
  for (const table of pkg.tables) {
    for (const row of table.rows) for (const v of row) {
      if (typeof v === "number") allowedNumbers.push(v);
      else if (typeof v === "string") allowedText.push(v);
    }
  }
  // The numbers: every cost and private value, and every figure of another partner's stage (indexed once per run).
  return { forbiddenText, forbiddenNumbers: otherSupplyFigures(context, partner, supply), forbiddenNumberIndex: ownedNumbers(context).forPartner(partner, context.buyer), allowedText, allowedNumbers };
}

/** The buyer's Period Commitments as the supply problem read them (com_j,t, periods as numbers). */
function committedOnRecord(problem: SupplyProblem): { stage: string; period: number; quantity: number }[] {
  return problem.stages.flatMap((s) => s.commitments.flatMap((q, t) => (q === null ? [] : [{ stage: s.id, period: t + 1, quantity: q }])));
}

/** One package of a share run. */
export interface SharedPackage {
  package: PartnerPackage;
  bytes: Uint8Array;
  fileName: string;
}

export type ShareManyOutcome =
  | { ok: true; packages: SharedPackage[]; sheets: ResultSheet[] }
  | InputRefusal;

/** Private Columns that name no column of Stages: the column meant would not be kept private, so the share is refused. */
function privateColumnProblems(context: BookContext): InputProblem[] {
  const headers = context.stagesTable.headers.filter((h) => h !== "");
  const key = (name: string) => name.toLowerCase().replace(/\s+/g, "");
  const where = context.settings.privateColumnsWhere ?? "Settings";
  return context.settings.privateColumns
    .filter((name) => !headers.some((h) => key(h) === key(name)))
    .map((name) => ({ where, table: "Settings", row: null, field: "Value",
      message: `Private Columns names "${name}", which is not a column of ${context.stagesTable.sheet}${didYouMean(name, headers)}; correct it, or the column meant would not be kept private.` }));
}

/** `shareWithPartner` for several partners at once: the plan is made once; one Shares and Audit row each. */
export async function shareWithPartners(port: WorkbookPort, partners: readonly string[], options: Omit<ShareOptions, "partner">): Promise<ShareManyOutcome> {
  const read = await readBookContext(port);
  if (!read.ok) return read;
  const context = read.context;
  const wanted = partners.length === 1 && partners[0].trim() === "*" ? context.partners : partners.map((p) => p.trim().normalize("NFC"));
  const unknown = wanted.filter((p) => !context.partners.includes(p));
  if (unknown.length > 0 || wanted.length === 0) {
    const list = context.partners.length ? context.partners.map((p) => `"${p}"`).join(", ") : "none (fill the Owner column of Stages)";
    const meant = unknown.length === 1 ? didYouMean(unknown[0], context.partners) : "";
    const message = `${unknown.length ? unknown.map((p) => `"${p}"`).join(", ") : "no partner"} own${unknown.length === 1 ? "s" : ""} no stage of this plan${meant}; the partners are ${list} (the buyer is "${context.buyer}").`;
    return inputRefusal([{ where: "Stages", table: "Stages", row: null, field: "Owner", message }]);
  }
  const privateProblems = privateColumnProblems(context);
  if (privateProblems.length > 0) return inputRefusal(privateProblems);
  const deadlineProblem = options.deadline != null ? calendarDateProblem(options.deadline) : null;
  if (deadlineProblem !== null) {
    return inputRefusal([{ where: "deadline", table: null, row: null, field: "deadline", message: `"${options.deadline}" is not a calendar date (${deadlineProblem}).` }]);
  }
  const issued = issueTime(options.now);
  const deadline = options.deadline ?? addDays(issued, context.settings.responseDays);
  if (deadline < issued.slice(0, 10)) return inputRefusal([{ where: "deadline", table: null, row: null, field: "deadline", message: `${deadline} is before the issue date ${issued.slice(0, 10)}.` }]);
  const last = context.shares[context.shares.length - 1];
  const version = !last ? 1 : last.planHash === context.planHash ? last.version : Math.max(...context.shares.map((s) => s.version)) + 1;
  const workbookId = context.workbookId ?? options.newWorkbookId ?? randomWorkbookId();
  let supply: SupplyRun | null = null;
  const highs = context.supply ? await resolveLpSolver(options.lpSolver) : null;
  if (context.supply && highs) {
    supply = await runSupplyPlan(context.supply, highs);
    // The supply plan's own problems, each still at its cell, named as the share's.
    if (!supply.ok) return inputRefusal(supply.problems.map((p) => ({ ...p, where: `Supply plan (for the Period Requests): ${p.where ?? ""}`.replace(/: $/, ""), cell: p.cell ?? (p.where?.includes("!") ? p.where : undefined) })));
  }
  const periods = supply?.ok ? { result: supply.result, labels: supply.labels, committed: committedOnRecord(supply.run.problem) } : null;
  const shares = [...context.shares];
  let audit = context.audit;
  const packages: SharedPackage[] = [];
  const errors: InputProblem[] = [];
  for (const partner of wanted) {
    const header: PackageHeader = { id: `P-${workbookId.slice(0, 8)}-${String(shares.length + 1).padStart(4, "0")}`, workbookId, version, partner, issued, deadline };
    const pkg = partnerPackage({ plan: context.plan, stages: context.shareStages, arcs: context.arcs, buyer: context.buyer, supply: periods }, header);
    const bytes = await packageBytes(pkg);
    const leaks = await findPackageLeaks(bytes, leakRulesFor(context, pkg, periods?.result));
    if (leaks.length > 0) {
      errors.push({ where: null, table: null, row: null, field: null, message: `The package for ${partner} was not written: the leak check found ${leaks.length} problem(s): ${leaks.slice(0, 5).map((l) => `${l.part}: ${l.message}`).join("; ")}.` });
      continue;
    }
    audit = appendAudit(audit, [{
      time: issued, user: options.user, action: "share", packageId: header.id, version, partner, stage: "", figure: "Package",
      before: null, after: pkg.hash, reason: `${pkg.stages.length} stage(s)${pkg.periods ? `, ${pkg.tables.find((t) => t.name === "Period Requests")?.rows.length ?? 0} period request(s)` : ""}, deadline ${deadline}`,
    }]);
    const row = audit[audit.length - 1];
    shares.push({
      packageId: header.id, workbookId, version, partner, role: pkg.role, issued, deadline, hash: pkg.hash,
      planHash: context.planHash, stages: pkg.stages.length, auditSequence: row.sequence, auditHash: row.rowHash,
    });
    const safeName = partner.replace(/[^\p{L}\p{N}_-]+/gu, "-").replace(/^-+|-+$/g, "") || "partner";
    packages.push({ package: pkg, bytes, fileName: `${safeName}-${header.id}.xlsx` });
  }
  if (errors.length > 0) return inputRefusal(errors);
  const roles = new Map(shares.map((s) => [s.partner, s.role]));
  const sheets = [
    sharesSheet(shares), auditSheet(audit),
    collaborationSheet(context.partners, roles, shares, readMergeStates(await port.readTable("Collaboration")), issued, context.planHash),
  ];
  return { ok: true, packages, sheets };
}

/**
 * Issues the partner's package: version (up by one when the plan's inputs changed since the last
 * share), id, deadline; writes and leak-checks it; appends a "share" audit row and a Shares row.
 * Refuses (errors) for an unknown partner, an unplannable network, a broken audit trail or a leak.
 */
export async function shareWithPartner(port: WorkbookPort, options: ShareOptions): Promise<ShareOutcome> {
  const outcome = await shareWithPartners(port, [options.partner], options);
  if (!outcome.ok) return outcome;
  const [one] = outcome.packages;
  return { ok: true, package: one.package, bytes: one.bytes, sheets: outcome.sheets, fileName: one.fileName };
}
