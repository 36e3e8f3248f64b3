// The pane's Re-time schedule job (docs/editing.md): reads the planner's edits on `Schedule
// Operations` (Start, Machine, Lock) and re-times the rest around them, or undoes the edits; what
// the edits cost against the last run shows as cards, each conflict as an exception on its cell.
import { objectiveOption, orInputProblems, refusedJob as invalid, tableOf as table } from "../jobs/jobInput";
import type { JobInput, JobOutput, WorkbookJob } from "../jobs/types";
import { rescheduleSettings, shopFromTables } from "../schedule/shopTables";
import { runRetime, undoEdits } from "./retimeRun";
import { editedRowsFromTable } from "./scheduleEdits";

export const retimeJob: WorkbookJob = {
  id: "retime",
  title: "Re-time schedule",
  step: "schedule",
  order: 15,
  description: "Keeps your edits on Schedule Operations (a new Start or Machine, a Lock of time, machine or sequence) and re-times the rest around them with the least change; shows what the edits cost against the last run. Undo edits writes the last run back.",
  tables: ["Operations", "Downtime", "Customers", "Settings", "ScheduleOperations"],
  requiredTables: ["Operations"],
  options: [
    { name: "action", label: "Action", kind: "choice", default: "Re-time", choices: ["Re-time", "Undo edits"], hint: "Undo edits: Start, Machine and Lock as the last run wrote them (its Run columns); the Action goes back to its default after the run.", oneShot: true },
    { name: "timeLimit", label: "Improve for (s)", kind: "number", default: 0, min: 0, max: 600, hint: "0: repair only. Locked and moved operations never move." },
    { name: "objective", label: "Objective", kind: "choice", default: "auto", choices: ["auto", "makespan", "tardiness"], hint: "auto: weighted tardiness when orders have due dates." },
    { name: "seed", label: "Seed", kind: "integer", default: 1, min: 0 },
  ],
  run(input: JobInput): JobOutput {
    const operations = table(input, "Operations");
    if (!operations) return invalid("The workbook has no Operations table (Job, Step, Machine, Duration).", null);
    const edited = table(input, "ScheduleOperations");
    if (!edited) return invalid("There is no schedule to re-time: run Schedule first (it writes the Schedule Operations sheet), then edit its Start, Machine or Lock cells.", null);
    const objective = objectiveOption(input.options.objective ?? "auto");
    const seconds = Number(input.options.timeLimit ?? 0) || 0;
    // A reader's problems (Operations, the edited Schedule Operations) refuse the run, each at its cell.
    return orInputProblems(() => {
      const shop = shopFromTables({ operations, downtime: table(input, "Downtime"), customers: table(input, "Customers") });
      const rows = editedRowsFromTable(edited);
      if (input.options.action === "Undo edits") {
        const undone = undoEdits({ input: shop, rows, label: edited.sheet });
        return { status: "done", cards: undone.cards, exceptions: [], sheets: undone.sheets, json: undone.record };
      }
      const run = runRetime({
        input: shop, rows, label: edited.sheet, settings: rescheduleSettings(table(input, "Settings")), objective,
        search: seconds > 0 ? { timeLimitMs: seconds * 1000, seed: Number(input.options.seed ?? 1) } : {},
      });
      return { status: run.status === "retimed" ? "done" : "invalid", cards: run.cards, exceptions: run.exceptions, sheets: run.sheets, json: run.record };
    });
  },
};
