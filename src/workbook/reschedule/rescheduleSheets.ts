// Result sheets of a reschedule: the before/after view (`Reschedule Changes`, one row per
// operation with its published and new start), the `Escalations` sheet (most severe first, each
// order linked to its Operations row) and the `Promise` sheet of a capable-to-promise answer.
import type { Escalation } from "../../engine/reschedule/escalation";
import type { PublishedOperation } from "../../engine/reschedule/published";
import type { Shop } from "../../engine/reschedule/shop";
import type { ScheduledOperation } from "../../engine/schedule/jobShop/jobShop";
import type { CellLink, CellValue, ResultSheet } from "../port";

/** What became of each operation: its machine, its published and new start, and whether it was frozen, moved (in time or to another machine), new or cancelled. */
export function rescheduleChangesSheet(shop: Shop, published: readonly PublishedOperation[], operations: readonly ScheduledOperation[], freeFrom: number): ResultSheet {
  const before = new Map(published.map((op) => [`${op.job}/${op.step}`, op]));
  const after = new Map(operations.map((op) => [`${op.job}/${op.step}`, op]));
  const rows: CellValue[][] = [];
  shop.jobs.forEach((job, j) => {
    job.operations.forEach((spec, k) => {
      const b = before.get(`${j}/${k}`), a = after.get(`${j}/${k}`);
      if (!a && !b) return;
      const status = !a ? "cancelled" : !b ? "new" : b.start < freeFrom ? "kept (frozen)" : Math.abs(a.start - b.start) > 1e-9 || a.machine !== b.machine ? "moved" : "unchanged";
      rows.push([job.id, k, shop.machines[a?.machine ?? b?.machine ?? spec.machine], b?.start ?? null, a?.start ?? null, a && b ? a.start - b.start : null, a?.end ?? null, status]);
    });
  });
  rows.sort((x, y) => String(x[2]).localeCompare(String(y[2])) || ((x[4] ?? x[3]) as number) - ((y[4] ?? y[3]) as number));
  const moved = rows.filter((r) => r[7] === "moved").length;
  return {
    name: "Reschedule Changes",
    title: `Before and after: ${moved} operations moved; frozen before ${freeFrom}`,
    columns: [
      { header: "Job", width: 22 }, { header: "Step" }, { header: "Machine", width: 16 },
      { header: "Published Start", numberFormat: "0.##" }, { header: "New Start", numberFormat: "0.##" },
      { header: "Shift", numberFormat: "0.##" }, { header: "New End", numberFormat: "0.##" }, { header: "Status", width: 16 },
    ],
    rows,
  };
}

/** The Escalations sheet: most severe first; the Order cell links to the order's row (`where`). */
export function escalationsSheet(escalations: readonly Escalation[], promised: ReadonlyMap<string, number>, where: ReadonlyMap<string, string>): ResultSheet {
  const links: CellLink[] = [];
  const rows = escalations.map((e, r) => {
    const target = where.get(e.order);
    if (target) links.push({ row: r, column: 0, target });
    const due = promised.get(e.order) ?? null;
    return [e.order, e.customer, e.owner, due, due === null ? null : due + e.lateness, e.lateness, e.status, e.level, e.role, e.contact] as CellValue[];
  });
  return {
    name: "Escalations",
    title: escalations.length === 0 ? "Escalations: every promise is kept" : `Escalations: ${escalations.filter((e) => e.status === "late").length} late, ${escalations.filter((e) => e.status === "at risk").length} at risk (most severe first)`,
    columns: [
      { header: "Order", width: 20 }, { header: "Customer", width: 16 }, { header: "Owner", width: 16 },
      { header: "Promised", numberFormat: "0.##" }, { header: "Completion", numberFormat: "0.##" }, { header: "Days Late", numberFormat: "0.##" },
      { header: "Status" }, { header: "Level" }, { header: "Role", width: 16 }, { header: "Contact", width: 24 },
    ],
    rows,
    links,
  };
}

/** The Promise sheet: the quoted order's earliest completion, inserted into the gaps and with a reschedule. */
export function promiseSheet(order: string, quantity: number, now: number, insertion: number, resolve: { completion: number; movedOperations: number } | null): ResultSheet {
  const rows: CellValue[][] = [["Inserted into the gaps (nothing moves)", insertion, insertion - now, 0]];
  if (resolve) rows.push(["With a reschedule (order first)", resolve.completion, resolve.completion - now, resolve.movedOperations]);
  return {
    name: "Promise",
    title: `Capable to promise: ${quantity} × ${order}, asked at ${now}`,
    columns: [{ header: "Way", width: 40 }, { header: "Earliest Completion", numberFormat: "0.##" }, { header: "Lead Time", numberFormat: "0.##" }, { header: "Moved Operations" }],
    rows,
  };
}
