// The pane's Reschedule job: "Insert order" (new rows in Operations), "Machine down" (rows in
// Downtime), cancelled orders and changed durations, rescheduled against the published schedule
// (a "Published Schedule" table, or the ScheduleOperations table the last schedule run wrote),
// with before/after Gantt, Escalations, and the capable-to-promise answer for one order.
import { runReschedule } from "./rescheduleRun";
import { publishedFromTable, rescheduleSettings, shopFromTables } from "../schedule/shopTables";
import { objectiveOption, orInputProblems, refusedJob as invalid, tableOf as table } from "../jobs/jobInput";
import type { JobInput, JobOutput, JobProgress, WorkbookJob } from "../jobs/types";

function option<T extends number | string | boolean | null>(input: JobInput, name: string, fallback: T): T {
  const v = input.options[name];
  return (v === undefined || v === null || v === "" ? fallback : v) as T;
}

export const rescheduleJob: WorkbookJob = {
  id: "reschedule",
  title: "Reschedule",
  step: "schedule",
  order: 20,
  description: "Insert an order (add its rows to Operations), take a machine down (add a Downtime row), cancel or change orders, then reschedule with least disruption against the published schedule; or quote the earliest completion of one order.",
  tables: ["Operations", "Downtime", "Customers", "Escalation", "Settings", "Published Schedule", "ScheduleOperations"],
  requiredTables: ["Operations"],
  options: [
    { name: "mode", label: "Action", kind: "choice", default: "Reschedule", choices: ["Reschedule", "Promise date"], hint: "Promise date: the earliest completion of one order, without and with a reschedule." },
    { name: "now", label: "Now", kind: "number", default: 0, min: 0, hint: "Operations that started before now stay where they are." },
    { name: "frozen", label: "Frozen window", kind: "number", default: 0, min: 0, hint: "Operations published to start before now + frozen stay too." },
    { name: "objective", label: "Objective", kind: "choice", default: "auto", choices: ["auto", "makespan", "tardiness"], hint: "auto: weighted tardiness when orders have due dates." },
    { name: "disruptionWeight", label: "Price of a moved operation", kind: "number", default: null, min: 0, hint: "In objective units; blank: Settings disruptionWeight, else 1." },
    { name: "promiseJob", label: "Order to quote", kind: "text", default: "", hint: "A job of Operations that is not in the published schedule.", choicesFrom: { table: "Operations", column: "Job" } },
    { name: "quantity", label: "Quantity", kind: "number", default: 1, min: 0, hint: "The quote is for this many times the order's work." },
    { name: "timeLimit", label: "Time limit (s)", kind: "number", default: 1, min: 0.1, max: 600 },
    { name: "seed", label: "Seed", kind: "integer", default: 1, min: 0 },
  ],
  run(input: JobInput, onProgress: (progress: JobProgress) => void): JobOutput {
    const operations = table(input, "Operations");
    if (!operations) return invalid("The workbook has no Operations table (Job, Step, Machine, Duration).", null);
    const publishedTable = table(input, "Published Schedule") ?? table(input, "ScheduleOperations");
    if (!publishedTable) return invalid('There is no published schedule: run Schedule first (it writes the ScheduleOperations table), or add a "Published Schedule" table (Job, Step, Machine, Start).', null);
    const mode = String(option(input, "mode", "Reschedule"));
    const promiseJob = String(option(input, "promiseJob", "")).trim();
    if (mode === "Promise date" && promiseJob === "") return invalid("Name the order to quote (Order to quote).", null);
    const objective = objectiveOption(option(input, "objective", "auto"));
    const timeLimit = Number(option(input, "timeLimit", 1));
    return orInputProblems(() => {
      const shop = shopFromTables({ operations, downtime: table(input, "Downtime"), customers: table(input, "Customers"), escalation: table(input, "Escalation") });
      const settings = rescheduleSettings(table(input, "Settings"));
      const weight = input.options.disruptionWeight;
      if (typeof weight === "number") settings.disruptionWeight = weight;
      const run = runReschedule({
        input: shop, published: publishedFromTable(publishedTable), publishedLabel: publishedTable.sheet,
        at: Number(option(input, "now", 0)), frozen: Number(option(input, "frozen", 0)), objective, settings,
        search: {
          seed: Number(option(input, "seed", 1)), timeLimitMs: timeLimit * 1000,
          onProgress: (p) => onProgress({ step: `searching: best ${p.best}`, fraction: Math.min(1, p.elapsedMs / (timeLimit * 1000)) }),
        },
        promise: mode === "Promise date" ? { job: promiseJob, quantity: Number(option(input, "quantity", 1)) } : undefined,
      });
      return { status: "done", cards: run.cards, exceptions: run.exceptions, sheets: run.sheets, json: run.record };
    });
  },
};
