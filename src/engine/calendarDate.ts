// Dates typed by a user (a response deadline, a run's time): a real calendar date or a reason why not,
// so 2027-02-30 is refused instead of rolling over to March.

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Days in a month of the Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Why a YYYY-MM-DD date is not a calendar date, or null when it is one.
 * @example calendarDateProblem("2027-02-30") // "February 2027 has 28 days"
 */
export function calendarDateProblem(text: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return "not a date of the form YYYY-MM-DD";
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${year} has ${days} days`;
  return null;
}

/**
 * Why an ISO 8601 time (a date, optionally with a time of day and a zone) is not a real moment, or null.
 * @example timeProblem("2026-12-01T25:00:00Z") // "there is no hour 25"
 */
export function timeProblem(text: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text.trim());
  if (!match) return "not an ISO 8601 time such as 2026-12-01T10:00:00Z";
  const dateProblem = calendarDateProblem(match[1]);
  if (dateProblem !== null) return dateProblem;
  const [hour, minute, second] = [match[2], match[3], match[4]].map((x) => (x === undefined ? 0 : Number(x)));
  if (hour > 23) return `there is no hour ${hour}`;
  if (minute > 59) return `there is no minute ${minute}`;
  if (second > 59) return `there is no second ${second}`;
  return null;
}
