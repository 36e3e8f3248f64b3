// A partner package opened to be answered (the pane's Respond view): its facts, the buyer's requests,
// and one entry per stage as typed text, read through the response reader (same limits and refusals).

import { periodRequestsFromTable, PERIOD_REQUESTS, type IssuedTable, type PeriodCommitment } from "../../engine/collaborate";
import type { CommitmentEntry, RequestFacts } from "./commitmentEntry";
import { REASON_CODES } from "./packageFormat";
import { readResponse, type ResponseFile } from "./responseReader";
import { looksLikeFormula } from "./safeText";
import type { PeriodEntry } from "./periodEntry";

export type { CommitmentEntry, EntryField, RequestFacts } from "./commitmentEntry";
export { ENTRY_COLUMNS } from "./commitmentEntry";
export type { PeriodEntry } from "./periodEntry";

export interface ResponseForm {
  name: string;
  facts: { id: string; partner: string; version: string; issued: string; deadline: string };
  /** The issued tables (read only in the view). */
  tables: IssuedTable[];
  reasonCodes: readonly string[];
  entries: CommitmentEntry[];
  requests: Record<string, RequestFacts>;
  /** One entry per stage and period of Period Requests (and period on record), by stage then period; empty without Period Requests. */
  periods: PeriodEntry[];
  /** The stages the partner may answer (the Requests sheet's, in its order). */
  stages: string[];
  /** The last period the grid offers (the merge checks periods against the buyer's horizon). */
  horizon: number;
  /** Cells of the file that were not read (formulas, links), as sentences. */
  notes: string[];
}

export type FormResult = { kind: "form"; form: ResponseForm } | { kind: "notPackage" } | { kind: "refused"; errors: string[] };

const text = (value: string | number | null | undefined): string => (value === null || value === undefined ? "" : String(value));

/** A value the reader neutralised ("'=x") shown as the partner typed it; saving writes it as text again. */
function typed(value: string | null): string {
  if (value === null) return "";
  return value.startsWith("'") && looksLikeFormula(value.slice(1)) ? value.slice(1) : value;
}

function requestFacts(tables: IssuedTable[]): Record<string, RequestFacts> {
  const requests = tables.find((t) => t.name === "Requests");
  const out: Record<string, RequestFacts> = {};
  if (!requests) return out;
  const col = (header: string) => requests.columns.findIndex((c) => c.header === header);
  const [stage, demand, planned, assumed] = ["Stage", "Demand Rate", "Planned Rate", "Service Time Assumed"].map(col);
  const num = (v: string | number | null | undefined) => (typeof v === "number" ? v : null);
  for (const row of requests.rows) {
    const id = text(row[stage]);
    if (id) out[id] = { demandRate: num(row[demand]), plannedRate: num(row[planned]), serviceTimeAssumed: num(row[assumed]) };
  }
  return out;
}

/**
 * The period entries of a package: each requested stage and period with the quantity its Period Commitments
 * already holds (the buyer's record or an earlier answer: the first row, as the merge takes it), then the
 * periods on record without a request; by stage (package order), then period.
 */
export function periodEntries(tables: readonly IssuedTable[], commitments: readonly PeriodCommitment[] | null, stages: readonly string[]): PeriodEntry[] {
  const requests = periodRequestsFromTable(tables.find((t) => t.name === PERIOD_REQUESTS));
  if (requests.length === 0) return [];
  const key = (stage: string, period: number) => `${stage}\u0000${period}`;
  const typed = new Map<string, number>();
  for (const c of commitments ?? []) if (!typed.has(key(c.stage, c.period))) typed.set(key(c.stage, c.period), c.quantity);
  const entries = new Map<string, PeriodEntry>();
  for (const r of requests) {
    const k = key(r.stage, r.period);
    if (!entries.has(k)) entries.set(k, { stage: r.stage, period: r.period, date: r.date, requested: r.quantity, quantity: typed.has(k) ? String(typed.get(k)) : "" });
  }
  const known = new Set([...stages, ...requests.map((r) => r.stage)]);
  for (const c of commitments ?? []) {
    const k = key(c.stage, c.period);
    if (!entries.has(k) && known.has(c.stage) && Number.isInteger(c.period) && c.period >= 1) entries.set(k, { stage: c.stage, period: c.period, date: null, requested: null, quantity: String(c.quantity) });
  }
  const order = new Map([...known].map((s, k) => [s, k]));
  return [...entries.values()].sort((a, b) => order.get(a.stage)! - order.get(b.stage)! || a.period - b.period);
}

/** Reads a file as a package to answer: not a package (no Package or Commitments sheet), refused, or the form. */
export async function readResponseForm(file: ResponseFile): Promise<FormResult> {
  const read = await readResponse(file);
  if (!read.ok) {
    const notPackage = read.errors.every((e) => /has no (Package|Commitments) sheet/.test(e));
    return notPackage ? { kind: "notPackage" } : { kind: "refused", errors: read.errors };
  }
  const { fields, tables, commitments, notes, periodCommitments } = read.response;
  const requests = requestFacts(tables);
  const stages = Object.keys(requests);
  const periods = periodEntries(tables, periodCommitments, stages);
  const entries: CommitmentEntry[] = [];
  const seen = new Set<string>();
  for (const c of commitments) {
    if (seen.has(c.stage)) continue;
    seen.add(c.stage);
    entries.push({
      stage: c.stage, committedRate: text(c.committedRate), committedServiceTime: text(c.committedServiceTime), onHand: text(c.onHand),
      reasonCode: c.reasonCode ?? "", comment: typed(c.comment),
    });
  }
  for (const stage of Object.keys(requests)) {
    if (!seen.has(stage)) entries.push({ stage, committedRate: "", committedServiceTime: "", onHand: "", reasonCode: "", comment: "" });
  }
  return {
    kind: "form",
    form: {
      name: file.name,
      facts: { id: text(fields.Id), partner: text(fields.Partner), version: text(fields.Version), issued: text(fields.Issued), deadline: text(fields.Deadline) },
      tables, reasonCodes: REASON_CODES, entries, requests, periods, stages: [...new Set([...stages, ...periods.map((p) => p.stage)])],
      horizon: Math.max(1, ...periods.map((p) => p.period)), notes: notes.map((n) => n.message),
    },
  };
}
