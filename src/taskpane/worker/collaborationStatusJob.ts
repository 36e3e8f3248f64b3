// "Partner status" of the Collaborate tab, run by the job worker: reads the buyer's collaboration
// sheets and plans the network (for the current plan's hash) off the main thread; writes nothing.

import { readCollaborationStatus, STATUS_TABLES } from "../../workbook/collaborate/collaborationStatus";
import { memoryPort } from "../../workbook/jobs/memoryPort";
import type { JobOutput, WorkbookJob } from "../../workbook/jobs/types";

export const collaborationStatusJob: WorkbookJob = {
  id: "collaboration-status",
  title: "Partner status",
  step: "partners",
  order: 90,
  description: "Reads each partner's status, open exceptions and the audit trail's verification from the workbook.",
  tables: STATUS_TABLES,
  requiredTables: [],
  options: [],
  async run(input): Promise<JobOutput> {
    const status = await readCollaborationStatus(memoryPort(input.tables), input.now ?? new Date().toISOString());
    return { status: "done", cards: [], exceptions: [], sheets: [], json: status };
  },
};
