// The partner's Period Commitments as a compact grid ("Deliveries by period"): one stage at a time (a
// stage picker), one row per period with its date, the requested quantity (read only) and the committed one.
import * as React from "react";
import { Body1Strong, Caption1, Input, Label, makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import type { PeriodEntry, PeriodEntryProblem } from "../../../workbook/collaborate/periodEntry";

/** The DOM id of a period entry's quantity (problems focus it). */
export function periodCellId(row: number): string {
  return `respond-period-${row}`;
}

/** The DOM id of a period problem's line in the problem list. */
export function periodProblemId(index: number): string {
  return `respond-period-problem-${index}`;
}

const useStyles = makeStyles({
  picker: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  select: { minWidth: 0, maxWidth: "100%", flexGrow: 1 },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: { width: "100%", tableLayout: "fixed" },
  period: { width: "36%" },
  requested: { width: "26%", textAlign: "end" },
  committed: { width: "38%" },
  input: { width: "100%" },
  number: { fontVariantNumeric: "tabular-nums" },
});

const show = (value: number) => String(Number(value.toPrecision(10)));

export interface PeriodGridProps {
  periods: readonly PeriodEntry[];
  stages: readonly string[];
  stage: string;
  problems: readonly PeriodEntryProblem[] | null;
  onEdit: (row: number, value: string) => void;
  onStage: (stage: string) => void;
}

export function PeriodGrid({ periods, stages, stage, problems, onEdit, onStage }: PeriodGridProps): React.JSX.Element {
  const styles = useStyles();
  const withPeriods = stages.filter((s) => periods.some((p) => p.stage === s));
  const rows = periods.flatMap((p, row) => (p.stage === stage ? [{ ...p, row }] : []));
  const filled = rows.filter((r) => r.quantity.trim() !== "").length;
  const described = (row: number) => {
    const ids = (problems ?? []).flatMap((p, k) => (p.row === row ? [periodProblemId(k)] : []));
    return { ids: ids.length > 0 ? ids.join(" ") : undefined, invalid: (problems ?? []).some((p) => p.row === row && p.severity === "error") };
  };
  return (
    <>
      <div className={styles.picker}>
        <Label htmlFor="respond-period-stage">Stage</Label>
        <Select id="respond-period-stage" className={styles.select} value={stage} onChange={(_, d) => onStage(d.value)}>
          {withPeriods.map((s) => {
            const n = periods.filter((p) => p.stage === s).length;
            return <option key={s} value={s}>{`${s} (${n} period${n === 1 ? "" : "s"})`}</option>;
          })}
        </Select>
      </div>
      <Caption1 block aria-live="polite">{`${stage}: ${filled} of ${rows.length} periods filled.`}</Caption1>
      <div className={styles.scroll} role="region" aria-label={`Deliveries by period for ${stage}`} tabIndex={0}>
        <Table className={styles.table} size="small" aria-label={`Deliveries by period: ${stage}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.period}>Period</TableHeaderCell>
              <TableHeaderCell className={styles.requested}>Requested</TableHeaderCell>
              <TableHeaderCell className={styles.committed}>Committed</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => {
              const { ids, invalid } = described(r.row);
              const when = r.date ? ` (${r.date})` : "";
              return (
                <TableRow key={`${r.stage}-${r.period}`} data-period={r.period}>
                  <TableCell>
                    <Body1Strong>{r.period}</Body1Strong>
                    {r.date ? <Caption1 block>{r.date}</Caption1> : null}
                  </TableCell>
                  <TableCell className={`${styles.requested} ${styles.number}`}>
                    {r.requested === null ? <Caption1>none</Caption1> : show(r.requested)}
                  </TableCell>
                  <TableCell>
                    <Input id={periodCellId(r.row)} className={styles.input} inputMode="decimal" value={r.quantity}
                      aria-label={`Committed quantity for ${r.stage}, period ${r.period}${when}`} aria-invalid={invalid || undefined} aria-describedby={ids}
                      onChange={(_, d) => onEdit(r.row, d.value)} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
