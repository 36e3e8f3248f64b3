// The partner's Commitments as an editable grid: one row per stage, figures as text inputs (checked as
// numbers), Reason Code as a list of the package's codes, a comment; cells with a problem are marked.
import * as React from "react";
import { Input, makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import type { EntryProblem } from "../../../workbook/collaborate/entryChecks";
import { ENTRY_COLUMNS, type CommitmentEntry, type EntryField } from "../../../workbook/collaborate/commitmentEntry";

/** The DOM id of an entry's cell (problems focus it). */
export function cellId(row: number, field: EntryField): string {
  return `respond-${row}-${field}`;
}

/** The DOM id of a problem's line in the problem list (the cell is described by it). */
export function problemId(index: number): string {
  return `respond-problem-${index}`;
}

const useStyles = makeStyles({
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { minWidth: "720px", tableLayout: "auto" },
  stage: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap", position: "sticky", left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  header: { verticalAlign: "bottom" },
  number: { width: "96px" },
  reason: { minWidth: "140px" },
  comment: { width: "220px" },
});

export interface CommitmentGridProps {
  entries: readonly CommitmentEntry[];
  reasonCodes: readonly string[];
  problems: readonly EntryProblem[] | null;
  onEdit: (row: number, field: EntryField, value: string) => void;
}

export function CommitmentGrid({ entries, reasonCodes, problems, onEdit }: CommitmentGridProps): React.JSX.Element {
  const styles = useStyles();
  const described = (row: number, field: EntryField) => {
    const ids = (problems ?? []).flatMap((p, k) => (p.row === row && p.field === field ? [problemId(k)] : []));
    return { ids: ids.length > 0 ? ids.join(" ") : undefined, invalid: (problems ?? []).some((p) => p.row === row && p.field === field && p.severity === "error") };
  };
  return (
    <div className={styles.scroll} role="region" aria-label="Commitments to fill" tabIndex={0}>
      <Table className={styles.table} size="small" aria-label="Commitments">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.stage}>Stage</TableHeaderCell>
            {ENTRY_COLUMNS.map((c) => <TableHeaderCell key={c.key} className={styles.header}>{c.header}</TableHeaderCell>)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry, row) => (
            <TableRow key={entry.stage} data-stage={entry.stage}>
              <TableCell className={styles.stage}>{entry.stage}</TableCell>
              {ENTRY_COLUMNS.map((c) => {
                const { ids, invalid } = described(row, c.key);
                const common = { id: cellId(row, c.key), "aria-label": `${c.header} for ${entry.stage}`, "aria-invalid": invalid || undefined, "aria-describedby": ids };
                return (
                  <TableCell key={c.key}>
                    {c.key === "reasonCode" ? (
                      <Select {...common} className={styles.reason} value={entry.reasonCode} onChange={(_, d) => onEdit(row, c.key, d.value)}>
                        <option value="">(none)</option>
                        {entry.reasonCode !== "" && !reasonCodes.some((r) => r.toLowerCase() === entry.reasonCode.toLowerCase()) ? <option value={entry.reasonCode}>{entry.reasonCode}</option> : null}
                        {reasonCodes.map((r) => <option key={r} value={r}>{r}</option>)}
                      </Select>
                    ) : (
                      <Input {...common} className={c.key === "comment" ? styles.comment : styles.number} inputMode={c.key === "comment" ? "text" : "decimal"}
                        value={entry[c.key]} onChange={(_, d) => onEdit(row, c.key, d.value)} />
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
