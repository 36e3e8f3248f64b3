// A partner without the add-in answers a package in browser mode: the package's facts, the buyer's
// requests (read only), the Commitments grid, with Period Requests the Deliveries by period grid, Check (problems per cell, each focusing its cell) and Save response.
import * as React from "react";
import {
  Badge, Body1, Body1Strong, Button, Caption1, Card, makeStyles, MessageBar, MessageBarBody, Subtitle1,
  Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens,
} from "@fluentui/react-components";
import type { IssuedTable } from "../../../engine/collaborate/types";
import { ENTRY_COLUMNS } from "../../../workbook/collaborate/commitmentEntry";
import { NoticeBar } from "../NoticeBar";
import { CommitmentGrid, problemId } from "./CommitmentGrid";
import { PeriodGrid, periodProblemId } from "./PeriodGrid";
import type { RespondState } from "./respondState";
import type { RespondActions } from "./useRespond";

const useStyles = makeStyles({
  card: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  facts: { display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: "anywhere" },
  scroll: { overflowX: "auto", maxWidth: "100%" },
  issued: { minWidth: "640px", tableLayout: "auto" },
  cell: { whiteSpace: "nowrap" },
  head: { verticalAlign: "bottom" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  problem: { display: "flex", flexDirection: "column", alignItems: "flex-start", rowGap: tokens.spacingVerticalXXS },
  problemHead: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  place: { minWidth: "auto", textAlign: "start", paddingLeft: 0, paddingRight: 0 },
  message: { overflowWrap: "anywhere" },
});

const SEVERITY = { error: "danger", warning: "warning" } as const;

function show(value: string | number | null): string {
  if (value === null) return "";
  return typeof value === "number" ? String(Number(value.toPrecision(10))) : value;
}

function IssuedView({ table }: { table: IssuedTable }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.scroll} role="region" aria-label={`${table.name} (read only)`} tabIndex={0}>
      <Table className={styles.issued} size="extra-small" aria-label={`${table.name}: what the buyer asks (read only)`}>
        <TableHeader>
          <TableRow>{table.columns.map((c) => <TableHeaderCell key={c.header} className={styles.head}>{c.header}</TableHeaderCell>)}</TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.map((row, r) => (
            <TableRow key={r}>{row.map((v, c) => <TableCell key={c} className={styles.cell}>{show(v)}</TableCell>)}</TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export interface RespondViewProps {
  state: RespondState;
  actions: RespondActions;
}

export function RespondView({ state, actions }: RespondViewProps): React.JSX.Element | null {
  const styles = useStyles();
  const { form, problems, periodProblems } = state;
  if (!form) {
    if (state.busy) return <Body1 role="status">Reading the package…</Body1>;
    return state.notice ? <MessageBar intent={state.notice.intent} role="alert"><MessageBarBody>{state.notice.text}</MessageBarBody></MessageBar> : null;
  }
  const f = form.facts;
  const header = (field: string) => ENTRY_COLUMNS.find((c) => c.key === field)?.header ?? field;
  return (
    <Card className={styles.card} aria-labelledby="respond-heading" data-respond>
      <Subtitle1 as="h2" id="respond-heading" className={styles.heading}>Respond to {f.partner ? `the package for ${f.partner}` : "this package"}</Subtitle1>
      <Body1>Fill in what you can commit to for each stage{state.periods.length > 0 ? " and period" : ""}, check, and save the response; then send the saved file back. The buyer&apos;s values stay as they are.</Body1>
      <dl className={styles.facts} aria-label="Package">
        {([["Partner", f.partner], ["Package", f.id], ["Plan version", f.version], ["Issued", f.issued], ["Deadline", f.deadline]] as const).map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
      {form.tables.filter((t) => state.periods.length === 0 || t.name !== "Period Requests").map((t) => (
        <section key={t.name} aria-label={t.name}>
          <Body1Strong as="h3">{t.name}</Body1Strong>
          <IssuedView table={t} />
        </section>
      ))}
      <section aria-label="Your commitments">
        <Body1Strong as="h3">Your commitments</Body1Strong>
        <Caption1 block>Blank keeps the plan&apos;s figure. Give a reason code where you differ from the request.</Caption1>
        <CommitmentGrid entries={state.entries} reasonCodes={form.reasonCodes} problems={problems} onEdit={actions.edit} />
      </section>
      {state.periods.length > 0 ? (
        <section aria-labelledby="respond-periods-heading" className={styles.card}>
          <Body1Strong as="h3" id="respond-periods-heading">Deliveries by period</Body1Strong>
          <Caption1 block>What the buyer&apos;s plan needs from each stage in each period (its Period Requests), and the most you will deliver then. Blank is not a limit: the plan keeps assuming what it requested.</Caption1>
          <PeriodGrid periods={state.periods} stages={form.stages} stage={state.periodStage} problems={periodProblems} onEdit={actions.editPeriod} onStage={actions.choosePeriodStage} />
        </section>
      ) : null}
      <div className={styles.row}>
        <Button onClick={actions.check}>Check commitments</Button>
        <Button appearance="primary" onClick={actions.save} disabled={state.busy}>Save response…</Button>
      </div>
      <NoticeBar notice={state.notice} />
      {(problems?.length ?? 0) + (periodProblems?.length ?? 0) > 0 ? (
        <section aria-label="Problems">
          <Body1Strong as="h3">Problems ({(problems?.length ?? 0) + (periodProblems?.length ?? 0)})</Body1Strong>
          <ul className={styles.list}>
            {(problems ?? []).map((p, k) => (
              <li key={k} className={styles.problem} id={problemId(k)}>
                <div className={styles.problemHead}>
                  <Badge appearance="tint" color={SEVERITY[p.severity]}>{p.severity}</Badge>
                  <Button size="small" appearance="transparent" className={styles.place} onClick={() => actions.focusCell(p.row, p.field)} aria-label={`Go to ${header(p.field)} for ${p.stage}: ${p.message}`}>
                    {header(p.field)} for {p.stage}
                  </Button>
                </div>
                <Caption1 className={styles.message}>{p.message}</Caption1>
              </li>
            ))}
            {(periodProblems ?? []).map((p, k) => (
              <li key={`period-${k}`} className={styles.problem} id={periodProblemId(k)}>
                <div className={styles.problemHead}>
                  <Badge appearance="tint" color={SEVERITY[p.severity]}>{p.severity}</Badge>
                  <Button size="small" appearance="transparent" className={styles.place} onClick={() => actions.focusPeriod(p.row)} aria-label={`Go to period ${p.period} for ${p.stage}: ${p.message}`}>
                    period {p.period} for {p.stage}
                  </Button>
                </div>
                <Caption1 className={styles.message}>{p.message}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Card>
  );
}
