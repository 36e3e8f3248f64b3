// The checks that decide whether a response may be merged at all: it is a package of this workbook,
// issued to the partner it names, the latest one for that partner, of the current plan, with every
// issued value unchanged (its hash). Each refusal says what differs.

import { packageHash, partnerPackage, PERIOD_REQUESTS } from "../../engine/collaborate";
import type { ShareSource } from "../../engine/collaborate";
import type { IssuedTable, PackageHeader } from "../../engine/collaborate";
import type { InputProblem } from "../../engine/inputErrors";
import type { BookContext } from "./bookContext";
import { fileRefusal } from "./responseCells";
import type { ShareRecord } from "./bookTables";
import { PACKAGE_FORMAT } from "./packageWorkbook";
import type { ReadResponse } from "./responseReader";

function str(value: string | number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

function show(value: string | number | null): string {
  return value === null ? "blank" : typeof value === "number" ? String(value) : JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** Cells where the response's issued tables differ from what was issued (first few), for the message. */
function differences(issued: readonly IssuedTable[], found: readonly IssuedTable[]): string[] {
  const out: string[] = [];
  for (const table of issued) {
    const other = found.find((t) => t.name === table.name);
    if (!other) {
      out.push(`the ${table.name} sheet is missing`);
      continue;
    }
    const rows = Math.max(table.rows.length, other.rows.length);
    for (let r = 0; r < rows; r++) {
      table.columns.forEach((column, c) => {
        const a = table.rows[r]?.[c] ?? null;
        const b = other.rows[r]?.[c] ?? null;
        if (a !== b) out.push(`${table.name} row ${r + 2} ${column.header}: issued ${show(a)}, now ${show(b)}`);
      });
    }
  }
  for (const table of found) if (!issued.some((t) => t.name === table.name)) out.push(`a ${table.name} sheet was added`);
  return out;
}

/** The share a response answers, or the reason it is refused. */
export function checkResponse(
  context: BookContext, response: ReadResponse, supplyFor?: () => ShareSource["supply"],
): { share: ShareRecord } | { refusal: InputProblem } {
  const f = response.fields;
  const file = response.name;
  if (str(f.Format) !== PACKAGE_FORMAT) return { refusal: fileRefusal(file, `refused: its Package sheet is not an ${PACKAGE_FORMAT} package (Format ${show(f.Format ?? null)}).`) };
  if (context.workbookId === null) return { refusal: fileRefusal(file, `refused: this workbook has shared no package yet (its Shares table is empty), so no response can belong to it.`) };
  if (str(f.Workbook) !== context.workbookId) {
    return { refusal: fileRefusal(file, `refused: it is a package of another workbook (workbook ${show(f.Workbook ?? null)}; this workbook is ${context.workbookId}).`) };
  }
  const share = context.shares.find((s) => s.packageId === str(f.Id));
  if (!share) return { refusal: fileRefusal(file, `refused: package ${show(f.Id ?? null)} was never issued by this workbook (not in its Shares table).`) };
  if (str(f.Partner) !== share.partner) {
    return { refusal: fileRefusal(file, `refused: package ${share.packageId} was issued to ${share.partner}, but the response names ${show(f.Partner ?? null)}.`) };
  }
  const latest = [...context.shares].reverse().find((s) => s.partner === share.partner)!;
  if (latest.packageId !== share.packageId) {
    const why = latest.version > share.version ? `answers plan version ${share.version}, but ${share.partner}'s current package ${latest.packageId} is of version ${latest.version}` : `answers package ${share.packageId}, replaced by ${latest.packageId} issued ${latest.issued}`;
    return { refusal: fileRefusal(file, `refused: it ${why}; ask ${share.partner} to answer the current package.`) };
  }
  if (share.planHash !== context.planHash) {
    return { refusal: fileRefusal(file, `refused: the plan changed since package ${share.packageId} (version ${share.version}) was issued; share the new plan with ${share.partner} again.`) };
  }
  const header: PackageHeader = {
    id: share.packageId, workbookId: share.workbookId, version: share.version, partner: share.partner, issued: share.issued, deadline: share.deadline,
  };
  const fieldChanges = ([["Version", share.version], ["Issued", share.issued], ["Deadline", share.deadline], ["Hash", share.hash]] as const)
    .filter(([k, v]) => str(f[k]) !== String(v)).map(([k, v]) => `Package ${k}: issued ${show(v)}, now ${show(f[k] ?? null)}`);
  const found = packageHash(header, response.tables);
  if (found !== share.hash || fieldChanges.length > 0) {
    // The package as it was issued, to name the changed cells (its Period Requests from the supply plan, when it had them).
    const periods = response.tables.some((t) => t.name === PERIOD_REQUESTS) ? supplyFor?.() ?? null : null;
    const issued = partnerPackage({ plan: context.plan, stages: context.shareStages, arcs: context.arcs, buyer: context.buyer, supply: periods }, header);
    const cells = issued.hash === share.hash ? differences(issued.tables, response.tables) : [];
    const all = [...fieldChanges, ...cells];
    const detail = all.length > 0 ? `: ${all.slice(0, 5).join("; ")}${all.length > 5 ? ` and ${all.length - 5} more` : ""}` : "";
    return { refusal: fileRefusal(file, `refused: issued values were changed (the SHA-256 of the issued rows is ${found.slice(0, 12)}…, ${share.packageId} was issued with ${share.hash.slice(0, 12)}…)${detail}.`) };
  }
  return { share };
}
