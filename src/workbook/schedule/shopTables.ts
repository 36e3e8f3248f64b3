// Reads a shop from workbook tables (docs/formats.md §8): Operations (by readOperations, with
// Alternative Machines), Downtime (Machine, From, To), Customers
// (Customer, Priority Tier, Weight, Earliest, Latest; also Owner), Escalation (Days Late From,
// Level, Role, Contact), a published schedule (Job, Step, Machine, Start, End) and Settings.
// Every problem names its cell, and all are reported at once (up to ten, with the count of the rest).
import { PlanningInputError } from "../../engine/errors";
import type { CustomerTerms } from "../../engine/reschedule/customers";
import type { EscalationRule } from "../../engine/reschedule/escalation";
import type { PublishedEntry } from "../../engine/reschedule/published";
import { problemList, type Shop, type ShopJob, type ShopOperation } from "../../engine/reschedule/shop";
import type { ShopInput } from "../../engine/reschedule/shopJson";
import { InputErrorList } from "../../engine/inputErrors";
import { type CellValue, type TableData, tableCellAddress } from "../port";
import { cellMarkProblem } from "../tables/cellMarks";
import { settingsEntries } from "../tables/settingsTable";
import { readOperations } from "./operationsTable";

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, " ");
const isBlank = (v: CellValue) => v === null || (typeof v === "string" && v.trim() === "");

/** A table's columns by field, collecting the missing required ones as problems. */
function columns(table: TableData, wanted: string[], required: string[], problems: InputErrorList): Map<string, number> {
  const out = new Map<string, number>();
  table.headers.forEach((h, c) => {
    const name = wanted.find((w) => norm(w) === norm(String(h ?? "")));
    if (name && !out.has(name)) out.set(name, c);
  });
  for (const name of required) if (!out.has(name)) problems.add(table.sheet, `the ${table.name} table has no "${name}" column (header row ${table.headerRow})`);
  return out;
}

/** Cell readers that record problems instead of throwing. */
function reader(table: TableData, cols: Map<string, number>, problems: InputErrorList) {
  const at = (r: number, name: string) => tableCellAddress(table, r, cols.get(name)!);
  return {
    has: (r: number, name: string) => cols.has(name) && !isBlank(table.rows[r][cols.get(name)!]),
    text(r: number, name: string): string | undefined {
      if (!cols.has(name)) return undefined;
      const v = table.rows[r][cols.get(name)!];
      const marked = cellMarkProblem(table, r, cols.get(name)!, name, "text");
      if (marked !== null) { problems.add(at(r, name), marked.replace(/\.$/, ""), name, { table: table.name, row: r, field: name }); return undefined; }
      if (isBlank(v)) { problems.add(at(r, name), `${name} is blank`, name, { table: table.name, row: r, field: name }); return undefined; }
      return String(v).trim().normalize("NFC");
    },
    number(r: number, name: string, min?: number): number | undefined {
      if (!cols.has(name)) return undefined;
      const v = table.rows[r][cols.get(name)!];
      const marked = cellMarkProblem(table, r, cols.get(name)!, name, "number");
      if (marked !== null) { problems.add(at(r, name), marked.replace(/\.$/, ""), name, { table: table.name, row: r, field: name }); return undefined; }
      if (isBlank(v)) { problems.add(at(r, name), `${name} is blank`, name, { table: table.name, row: r, field: name }); return undefined; }
      const x = typeof v === "number" ? v : typeof v === "string" ? Number(v.trim()) : NaN;
      if (!Number.isFinite(x)) { problems.add(at(r, name), `${name} must be a number (got "${String(v)}")`, name, { table: table.name, row: r, field: name }); return undefined; }
      if (min !== undefined && x < min) { problems.add(at(r, name), `${name} must be ≥ ${min} (got ${x})`, name, { table: table.name, row: r, field: name }); return undefined; }
      return x;
    },
    at,
  };
}

const dataRows = (table: TableData) => table.rows.map((row, r) => ({ row, r })).filter(({ row }) => !row.every(isBlank));

/** A shop read from the workbook, where each job's first row is, and the rest of the inputs. */
export interface WorkbookShop extends ShopInput {
  /** "Operations!A5" of each job's first row. */
  jobWhere: string[];
  /** "Customers!A3" of each customer row, by customer id. */
  customerWhere: Map<string, string>;
}

/**
 * Reads Operations (required), Downtime, Customers and Escalation. Jobs and machines are numbered
 * in order of first appearance (machines named only as alternatives after the others); a job's
 * steps are ordered by Step; Due Date, Weight, Release, Customer and Owner are per job.
 */
export function shopFromTables(tables: { operations: TableData; downtime?: TableData | null; customers?: TableData | null; escalation?: TableData | null }): WorkbookShop {
  const t = tables.operations;
  const readErrors = new InputErrorList();
  const read = readOperations(t, readErrors);
  const problems = new InputErrorList();
  // The reader's sentences end with a period; this reader's list joins them with "; ".
  for (const p of readErrors.problems) problems.add(p.where ?? t.sheet, p.message.replace(/\.$/, ""), p.field ?? undefined, { table: p.table, row: p.row, field: p.field });
  const machines = [...read.machines, ...read.alternativeOnly];
  const machineIndex = new Map(machines.map((name, m) => [name, m]));
  const jobWhere = read.jobs.map((job) => tableCellAddress(t, job.firstRow, 0));
  if (read.jobs.length === 0 && problems.count === 0) problems.add(t.sheet, `the ${t.name} table has no operations`);
  const shopJobs: ShopJob[] = read.jobs.map((job) => {
    const out: ShopJob = {
      id: job.name,
      operations: job.operations.map((s) => {
        const op: ShopOperation = { machine: machineIndex.get(s.machine)!, duration: s.duration };
        if (s.alternatives.length > 0) op.alternatives = s.alternatives.map((name) => machineIndex.get(name)!);
        return op;
      }),
    };
    if (job.dueDate !== undefined) out.due = job.dueDate;
    if (job.weight !== undefined) out.weight = job.weight;
    if (job.release !== undefined) out.release = job.release;
    if (job.customer !== undefined) out.customer = job.customer;
    if (job.owner !== undefined) out.owner = job.owner;
    if (job.cancelled === true) out.cancelled = true;
    return out;
  });
  const downtime: Shop["downtime"] = [];
  if (tables.downtime) {
    const d = tables.downtime;
    const dc = columns(d, ["Machine", "From", "To"], ["Machine", "From", "To"], problems);
    if (dc.size === 3) {
      const dr = reader(d, dc, problems);
      for (const { r } of dataRows(d)) {
        const machine = dr.text(r, "Machine"), from = dr.number(r, "From"), to = dr.number(r, "To");
        if (machine !== undefined && !machineIndex.has(machine)) { problems.add(dr.at(r, "Machine"), `machine "${machine}" is not in the Operations table`); continue; }
        if (from !== undefined && to !== undefined && to < from) { problems.add(dr.at(r, "To"), `To (${to}) is before From (${from})`); continue; }
        if (machine !== undefined && from !== undefined && to !== undefined) downtime.push({ machine: machineIndex.get(machine)!, from, to });
      }
    }
  }
  const customers: CustomerTerms[] = [];
  const customerWhere = new Map<string, string>();
  if (tables.customers) {
    const c = tables.customers;
    const cc = columns(c, ["Customer", "Priority Tier", "Weight", "Earliest", "Latest", "Owner"], ["Customer"], problems);
    if (cc.has("Customer")) {
      const cr = reader(c, cc, problems);
      for (const { r } of dataRows(c)) {
        const id = cr.text(r, "Customer");
        if (id === undefined) continue;
        if (customerWhere.has(id)) { problems.add(cr.at(r, "Customer"), `customer "${id}" is already given at ${customerWhere.get(id)}`); continue; }
        customerWhere.set(id, cr.at(r, "Customer"));
        const terms: CustomerTerms = { id };
        if (cr.has(r, "Priority Tier")) terms.tier = cr.number(r, "Priority Tier", 1);
        if (cr.has(r, "Weight")) terms.weight = cr.number(r, "Weight", 0);
        if (cr.has(r, "Earliest")) terms.earliest = cr.number(r, "Earliest");
        if (cr.has(r, "Latest")) terms.latest = cr.number(r, "Latest");
        if (cr.has(r, "Owner")) terms.owner = cr.text(r, "Owner");
        if (terms.earliest !== undefined && terms.latest !== undefined && terms.latest < terms.earliest) problems.add(cr.at(r, "Latest"), `Latest (${terms.latest}) is before Earliest (${terms.earliest})`);
        for (const key of Object.keys(terms) as (keyof CustomerTerms)[]) if (terms[key] === undefined) delete terms[key];
        customers.push(terms);
      }
    }
  }
  const escalation: EscalationRule[] = [];
  if (tables.escalation) {
    const e = tables.escalation;
    const ec = columns(e, ["Days Late From", "Level", "Role", "Contact"], ["Days Late From", "Level"], problems);
    if (ec.has("Days Late From") && ec.has("Level")) {
      const er = reader(e, ec, problems);
      for (const { r } of dataRows(e)) {
        const from = er.number(r, "Days Late From"), level = er.number(r, "Level");
        if (from === undefined || level === undefined) continue;
        escalation.push({ daysLateFrom: from, level, role: er.has(r, "Role") ? er.text(r, "Role")! : "", contact: er.has(r, "Contact") ? er.text(r, "Contact")! : "" });
      }
    }
  }
  if (problems.count > 0) throw new PlanningInputError(problemList("the workbook's shop tables", [...problems.lines]), "Operations", t.sheet, problems.problems);
  return { shop: { machines, jobs: shopJobs, downtime }, customers, escalation, jobWhere, customerWhere };
}

/** The published schedule of a table with Job, Step, Machine, Start (and End): names as written. */
export function publishedFromTable(table: TableData): PublishedEntry[] {
  const problems = new InputErrorList();
  const cols = columns(table, ["Job", "Step", "Machine", "Start", "End"], ["Job", "Step", "Machine", "Start"], problems);
  if (problems.count > 0) throw new PlanningInputError(problemList(table.sheet, [...problems.lines]), "published", table.sheet, problems.problems);
  const read = reader(table, cols, problems);
  const out: PublishedEntry[] = [];
  for (const { r } of dataRows(table)) {
    const job = read.text(r, "Job"), machine = read.text(r, "Machine"), step = read.number(r, "Step", 0), start = read.number(r, "Start", 0);
    const end = read.has(r, "End") ? read.number(r, "End", 0) : undefined;
    if (step !== undefined && !Number.isInteger(step)) { problems.add(read.at(r, "Step"), `Step must be a whole number`); continue; }
    if (job === undefined || machine === undefined || step === undefined || start === undefined) continue;
    out.push({ job, step, machine, start, end, where: read.at(r, "Job") });
  }
  if (problems.count > 0) throw new PlanningInputError(problemList(table.sheet, [...problems.lines]), "published", table.sheet, problems.problems);
  return out;
}

/** Reschedule settings from a Settings table (Name, Value); other names are left to other readers. */
export interface RescheduleSettings {
  disruptionWeight?: number;
  shiftWeight?: number;
  atRiskSlack?: number;
}

export function rescheduleSettings(table: TableData | null | undefined): RescheduleSettings {
  if (!table) return {};
  const problems = new InputErrorList();
  columns(table, ["Name", "Value"], ["Name", "Value"], problems);
  if (problems.count > 0) return {};
  const out: RescheduleSettings = {};
  // The shared reader: a name given twice or misspelt is reported (no other reader runs for a schedule).
  const read = settingsEntries(table);
  for (const p of read.problems) problems.add(p.where!, p.message.replace(/\.$/, ""), "Name", { table: table.name, row: p.row, field: "Name" });
  for (const entry of read.entries) {
    const key = (["disruptionWeight", "shiftWeight", "atRiskSlack"] as const).find((k) => k.toLowerCase() === entry.key);
    if (!key) continue;
    const v = entry.value;
    const marked = cellMarkProblem(table, entry.row, read.valueColumn, key, "number");
    const x = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
    if (marked !== null) problems.add(entry.valueCell, marked.replace(/\.$/, ""));
    else if (!Number.isFinite(x) || x < 0) problems.add(entry.valueCell, `${key} must be a number ≥ 0 (got "${String(v)}")`);
    else out[key] = x;
  }
  if (problems.count > 0) throw new PlanningInputError(problemList(table.sheet, [...problems.lines]), "Settings", table.sheet, problems.problems);
  return out;
}
