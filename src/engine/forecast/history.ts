// Demand history into series (docs/formats.md §6): rows of (stage, period, quantity) with periods as
// dates or integers, summed per stage and period, missing periods zero; and aps-history/1 records.

import { historyQuantityProblem } from "../limits";

export interface HistoryRow {
  stage: string;
  /** An integer period, an Excel date serial (20000 to 2958465, i.e. 1954 to 9999), or an ISO date text ("2024-03", "2024-03-31"). */
  period: number | string;
  quantity: number;
  /** Index of the row in its table (for messages). */
  row: number;
}

export interface DemandSeries {
  id: string;
  values: number[];
  /** Label of each period ("2024-03", "2024-Q1", "2024-03-04" for a week's Monday, or the integer). */
  periods: string[];
  /** Season length from the dates (monthly 12, quarterly 4, weekly 52, daily 7, yearly 1); undefined for integer periods. */
  frequency?: number;
  horizon?: number;
  /** Calendar grain of date periods ("integer" for integer periods) and the last period's number, to label future periods. */
  grain?: Grain | "integer";
  lastIndex?: number;
}

export interface HistoryProblem {
  row: number;
  field: "stage" | "period" | "quantity";
  message: string;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Milliseconds since 1970 of a period that is a date, or null when it is an integer period. */
function dateOf(period: number | string): number | null {
  if (typeof period === "number") return period >= 20000 && period <= 2958465 ? EXCEL_EPOCH_MS + Math.round(period * DAY_MS) : null;
  const text = period.trim();
  const month = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (month) return Date.UTC(Number(month[1]), Number(month[2]) - 1, 1);
  const quarter = /^(\d{4})-?Q([1-4])$/i.exec(text);
  if (quarter) return Date.UTC(Number(quarter[1]), (Number(quarter[2]) - 1) * 3, 1);
  const day = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (day) return Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  return null;
}

export type Grain = "day" | "week" | "month" | "quarter" | "year";
const GRAIN_SEASON: Record<Grain, number> = { day: 7, week: 52, month: 12, quarter: 4, year: 1 };

/**
 * The calendar grain of a set of dates: all on one day of the month (or all month ends) → month,
 * quarter (months three apart) or year (one month); else all on one weekday → week; else daily
 * when consecutive distinct dates are mostly a day apart; else month (order dates spread over months).
 */
function grainOf(dates: number[]): Grain {
  const sorted = [...new Set(dates)].sort((a, b) => a - b);
  if (sorted.length < 2) return "month";
  const ds = sorted.map((ms) => new Date(ms));
  const monthEnd = (d: Date) => new Date(d.getTime() + DAY_MS).getUTCDate() === 1;
  const oneDay = ds.every((d) => d.getUTCDate() === ds[0].getUTCDate()) || ds.every(monthEnd);
  if (oneDay) {
    const months = ds.map((d) => d.getUTCFullYear() * 12 + d.getUTCMonth());
    if (months.every((m) => m % 12 === months[0] % 12)) return "year";
    if (months.every((m) => (m - months[0]) % 3 === 0)) return "quarter";
    return "month";
  }
  if (ds.every((d) => d.getUTCDay() === ds[0].getUTCDay())) return "week";
  const gaps = sorted.slice(1).map((v, i) => (v - sorted[i]) / DAY_MS).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] < 2 ? "day" : "month";
}

/** A date's period number at a grain (consecutive periods differ by 1) and its label. */
function bucket(ms: number, grain: Grain): { index: number; label: (index: number) => string } {
  const d = new Date(ms);
  const y = d.getUTCFullYear(), mo = d.getUTCMonth();
  const pad = (v: number) => String(v).padStart(2, "0");
  switch (grain) {
    case "day": return { index: Math.floor(ms / DAY_MS), label: (i) => new Date(i * DAY_MS).toISOString().slice(0, 10) };
    case "week": return { index: Math.floor((ms / DAY_MS + 3) / 7), label: (i) => new Date((i * 7 - 3) * DAY_MS).toISOString().slice(0, 10) };
    case "month": return { index: y * 12 + mo, label: (i) => `${Math.floor(i / 12)}-${pad((i % 12) + 1)}` };
    case "quarter": return { index: y * 4 + Math.floor(mo / 3), label: (i) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}` };
    default: return { index: y, label: (i) => String(i) };
  }
}

/** Labels of the `count` periods after period number `lastIndex` of a series of that grain. */
export function futurePeriodLabels(grain: Grain | "integer" | undefined, lastIndex: number | undefined, count: number, historyLength: number): string[] {
  const out: string[] = [];
  for (let h = 1; h <= count; h++) {
    if (grain === undefined || lastIndex === undefined) out.push(String(historyLength + h));
    else if (grain === "integer") out.push(String(lastIndex + h));
    else out.push(bucket(0, grain).label(lastIndex + h));
  }
  return out;
}

/** The period number of a label or date at a grain (for matching partner forecasts), or null. */
export function periodIndex(period: number | string, grain: Grain | "integer"): number | null {
  if (grain === "integer") return typeof period === "number" && Number.isInteger(period) ? period : typeof period === "string" && /^-?\d+$/.test(period.trim()) ? Number(period) : null;
  const ms = dateOf(period);
  return ms === null ? null : bucket(ms, grain).index;
}

/** The longest run of periods a series may span (guards against a typo like period 1e9). */
export const MAX_PERIODS = 100_000;

/**
 * Builds one series per stage (in order of first appearance). Periods are all dates or all integers
 * per stage; the calendar grain of dates is the table's (from all stages' dates); rows of one period add up; periods missing between the first and last are 0.
 * @example seriesFromRows([{stage:"A",period:1,quantity:5,row:0},{stage:"A",period:3,quantity:2,row:1}]).series[0].values // [5, 0, 2]
 */
export function seriesFromRows(rows: HistoryRow[]): { series: DemandSeries[]; problems: HistoryProblem[] } {
  const problems: HistoryProblem[] = [];
  const byStage = new Map<string, HistoryRow[]>();
  for (const row of rows) {
    if (!byStage.has(row.stage)) byStage.set(row.stage, []);
    byStage.get(row.stage)!.push(row);
  }
  const series: DemandSeries[] = [];
  // One calendar for the whole table: the grain comes from every stage's dates together.
  const allDates = rows.map((r) => dateOf(r.period)).filter((d): d is number => d !== null);
  const tableGrain = allDates.length > 0 ? grainOf(allDates) : "month";
  for (const [id, stageRows] of byStage) {
    const dates = stageRows.map((r) => dateOf(r.period));
    const isDate = dates.map((d) => d !== null);
    if (isDate.some((v) => v) && isDate.some((v) => !v)) {
      const minority = isDate.filter((v) => v).length >= isDate.length / 2 ? false : true;
      const odd = stageRows[isDate.indexOf(minority)];
      problems.push({ row: odd.row, field: "period", message: `stage "${id}" mixes dates and integer periods; use one kind per stage.` });
      continue;
    }
    const sums = new Map<number, number>();
    let label: (i: number) => string = (i) => String(i);
    let frequency: number | undefined;
    let bad = false;
    if (isDate[0]) {
      const grain = tableGrain;
      frequency = GRAIN_SEASON[grain];
      stageRows.forEach((r, k) => {
        const b = bucket(dates[k]!, grain);
        label = b.label;
        sums.set(b.index, (sums.get(b.index) ?? 0) + r.quantity);
      });
    } else {
      for (const r of stageRows) {
        if (typeof r.period !== "number" || !Number.isInteger(r.period) || Math.abs(r.period) > 1e9) {
          problems.push({ row: r.row, field: "period", message: `Period must be a date or a whole number up to 1e9 in size (got ${typeof r.period === "number" ? r.period : `text "${r.period.slice(0, 40)}"`}).` });
          bad = true;
          continue;
        }
        sums.set(r.period, (sums.get(r.period) ?? 0) + r.quantity);
      }
    }
    if (bad || sums.size === 0) continue;
    const keys = [...sums.keys()];
    const first = Math.min(...keys), last = Math.max(...keys);
    if (last - first + 1 > MAX_PERIODS) {
      problems.push({ row: stageRows[0].row, field: "period", message: `stage "${id}" spans ${last - first + 1} periods (more than ${MAX_PERIODS}); check the Period column.` });
      continue;
    }
    const values: number[] = [], periods: string[] = [];
    for (let p = first; p <= last; p++) { values.push(sums.get(p) ?? 0); periods.push(label(p)); }
    series.push({ id, values, periods, frequency, grain: isDate[0] ? tableGrain : "integer", lastIndex: last });
  }
  return { series, problems };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Validates an aps-history/1 record; every problem is reported with its JSON path
 * ("series[2].values[5]"), capped at `cap` messages plus a count of the rest.
 */
export function readHistoryRecord(raw: unknown, cap = 20): { horizon: number | undefined; series: DemandSeries[]; errors: string[] } {
  const errors: string[] = [];
  const series: DemandSeries[] = [];
  const whole = (v: unknown, min: number, max: number) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
  if (!isRecord(raw)) return { horizon: undefined, series, errors: ["the file is not an aps-history/1 object ({\"format\": \"aps-history/1\", \"series\": [...]})."] };
  if (raw.format !== "aps-history/1") errors.push(`format must be "aps-history/1" (got ${JSON.stringify(raw.format) ?? "nothing"}).`);
  let horizon: number | undefined;
  if (raw.horizon !== undefined && raw.horizon !== null) {
    if (whole(raw.horizon, 1, 1000)) horizon = raw.horizon as number;
    else errors.push(`horizon must be a whole number from 1 to 1000 (got ${JSON.stringify(raw.horizon)}).`);
  }
  if (!Array.isArray(raw.series)) errors.push("series must be a list of {id, values} objects.");
  else {
    const seen = new Set<string>();
    raw.series.forEach((s, i) => {
      const at = `series[${i}]`;
      if (!isRecord(s)) { errors.push(`${at} must be an object with id and values.`); return; }
      const id = typeof s.id === "string" && s.id.trim() !== "" ? s.id.trim() : typeof s.id === "number" && Number.isFinite(s.id) ? String(s.id) : null;
      if (id === null) errors.push(`${at}.id must be a non-empty text.`);
      else if (seen.has(id)) errors.push(`${at}.id "${id.slice(0, 40)}" repeats an earlier series.`);
      else seen.add(id);
      if (!Array.isArray(s.values)) { errors.push(`${at}.values must be a list of numbers.`); return; }
      if (s.values.length === 0) errors.push(`${at}.values is empty: give at least one period of demand.`);
      if (s.values.length > MAX_PERIODS) { errors.push(`${at}.values has more than ${MAX_PERIODS} periods.`); return; }
      s.values.forEach((v, k) => {
        const tooBig = historyQuantityProblem(v, `${at}.values[${k}]`);
        if (tooBig !== null) errors.push(`${tooBig}.`);
        else if (typeof v !== "number") errors.push(`${at}.values[${k}] must be a finite number (got ${JSON.stringify(v)?.slice(0, 40) ?? String(v)}).`);
      });
      if (s.frequency !== undefined && s.frequency !== null && !whole(s.frequency, 1, 366)) errors.push(`${at}.frequency must be a whole number from 1 to 366 (got ${JSON.stringify(s.frequency)}).`);
      if (s.horizon !== undefined && s.horizon !== null && !whole(s.horizon, 1, 1000)) errors.push(`${at}.horizon must be a whole number from 1 to 1000 (got ${JSON.stringify(s.horizon)}).`);
      if (id !== null) {
        series.push({
          id, values: s.values as number[], periods: (s.values as unknown[]).map((_, k) => String(k + 1)),
          frequency: typeof s.frequency === "number" ? s.frequency : undefined,
          horizon: typeof s.horizon === "number" ? s.horizon : undefined,
        });
      }
    });
  }
  if (errors.length > cap) {
    const rest = errors.length - cap;
    errors.length = cap;
    errors.push(`… and ${rest} more problem(s).`);
  }
  return { horizon, series: errors.length ? [] : series, errors };
}
