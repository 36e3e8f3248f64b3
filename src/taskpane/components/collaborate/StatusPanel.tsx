// The top of the Collaborate tab: each partner's status read from the workbook (package, issue date,
// status, open exceptions) and the audit trail's verification; a partner with exceptions is a button
// that goes to its first exception. Refreshed on opening the tab, after share and merge, on focus, and
// in Excel on the workbook's changes (a hint says so where this Excel cannot report them).
import * as React from "react";
import {
  Badge, Body1, Body1Strong, Button, Caption1, Link, makeStyles, MessageBar, MessageBarBody, Spinner,
  Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens,
} from "@fluentui/react-components";
import type { CollaborationStatus, PartnerStatusRow } from "../../../workbook/collaborate/collaborationStatus";
import type { ChangeWatchView, CollaborationView } from "../../workbench";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  head: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  audit: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  table: { tableLayout: "auto" },
  stack: { display: "flex", flexDirection: "column", paddingBlock: tokens.spacingVerticalXXS },
  package: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  narrow: { width: "4.5em" },
  date: { whiteSpace: "nowrap" },
  badge: { whiteSpace: "normal", height: "auto", textAlign: "center" },
});

const STATUS_COLORS: Record<string, "success" | "warning" | "danger" | "informative" | "subtle" | "important"> = {
  accepted: "success", "with exceptions": "warning", overdue: "danger", issued: "informative", answered: "important", "not issued": "subtle",
};

export interface StatusPanelProps {
  view: CollaborationView;
  hasWorkbook: boolean;
  /** Whether the workbook's changes are followed (absent: not said). */
  watch?: ChangeWatchView;
  onRefresh: () => void;
  onGoTo: (place: string) => void;
}

function PartnerCell({ row, onGoTo }: { row: PartnerStatusRow; onGoTo: (place: string) => void }): React.JSX.Element {
  if (!row.firstException) return <>{row.partner}</>;
  const place = row.firstException;
  return (
    <Link as="button" onClick={() => onGoTo(place)} aria-label={`${row.partner}: ${row.status}, ${row.exceptions ?? 0} open exception(s). Go to the first (${place})`}>
      {row.partner}
    </Link>
  );
}

function AuditLine({ audit, onGoTo }: { audit: CollaborationStatus["audit"]; onGoTo: (place: string) => void }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.audit} data-audit={audit.ok ? "intact" : "broken"}>
      <Body1Strong>Audit trail:</Body1Strong>
      <Badge appearance="tint" color={audit.ok ? "success" : "danger"}>{audit.ok ? "intact" : "broken"}</Badge>
      <Caption1>{audit.ok ? `${audit.rows} row(s) verified.` : audit.message}</Caption1>
      {!audit.ok && audit.where ? <Link as="button" onClick={() => onGoTo(audit.where!)} aria-label={`Go to the first bad audit row (${audit.where})`}>{audit.where}</Link> : null}
    </div>
  );
}

/** The line under the heading on how the status keeps up with the workbook. */
function WatchHint({ watch }: { watch: ChangeWatchView }): React.JSX.Element | null {
  if (watch.state === "live") return <Caption1 data-watch="live">Follows the workbook: edits to these sheets are read a moment after they are made.</Caption1>;
  if (watch.state !== "unsupported") return null;
  return (
    <Caption1 data-watch="unsupported">
      {`${watch.reason ?? "This Excel does not report workbook changes."} The status is read again when you come back to the pane, or with Refresh status.`}
    </Caption1>
  );
}

export function StatusPanel({ view, hasWorkbook, watch, onRefresh, onGoTo }: StatusPanelProps): React.JSX.Element {
  const styles = useStyles();
  const status = view.status;
  const loading = view.phase === "loading";
  const body = !hasWorkbook ? (
    <Body1>Open a workbook (Data step) to see each partner&apos;s status.</Body1>
  ) : !status ? (
    loading ? null : <Body1>Each partner&apos;s status shows here once the workbook is read.</Body1>
  ) : !status.shared ? (
    <Body1 data-empty>Nothing has been shared from this workbook yet. Share with a partner below: each partner&apos;s package, status and open exceptions then show here.</Body1>
  ) : (
    <>
      {!status.live ? (
        <MessageBar intent="warning"><MessageBarBody>Statuses as the last share or merge wrote them: {status.problems[0] ?? "the workbook's tables could not be planned."}</MessageBarBody></MessageBar>
      ) : null}
      <Table size="small" className={styles.table} aria-label="Partner status">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Partner and package</TableHeaderCell>
            <TableHeaderCell className={styles.narrow}>Issued</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell className={styles.narrow}>Open exceptions</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {status.rows.map((row) => (
            <TableRow key={row.partner} data-partner={row.partner} data-status={row.status}>
              <TableCell>
                <div className={styles.stack}>
                  <PartnerCell row={row} onGoTo={onGoTo} />
                  <Caption1 className={styles.package}>{row.packageId ?? "no package"}</Caption1>
                </div>
              </TableCell>
              <TableCell className={styles.date}>{row.issued ? row.issued.slice(0, 10) : "—"}</TableCell>
              <TableCell><Badge size="small" appearance="tint" color={STATUS_COLORS[row.status] ?? "informative"} className={styles.badge}>{row.status}</Badge></TableCell>
              <TableCell className={styles.narrow} data-exceptions>{row.exceptions ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
  return (
    <section className={styles.root} aria-labelledby="collaborate-status" aria-busy={loading}>
      <div className={styles.head}>
        <Body1Strong as="h3" id="collaborate-status">Partner status</Body1Strong>
        <Button size="small" onClick={onRefresh} disabled={!hasWorkbook} disabledFocusable={loading}>Refresh status</Button>
      </div>
      <div role="status" aria-live="polite">
        {loading ? <Spinner size="extra-tiny" label="Reading the collaboration sheets…" labelPosition="after" /> : null}
        {!loading && status?.shared ? <Caption1>As of {status.asOf}{status.live ? "" : " (as last written)"}.</Caption1> : null}
      </div>
      {hasWorkbook && watch ? <WatchHint watch={watch} /> : null}
      {view.message ? <MessageBar intent="error"><MessageBarBody>{view.message}</MessageBarBody></MessageBar> : null}
      {body}
      {hasWorkbook && status && (status.shared || status.audit.rows > 0) ? <AuditLine audit={status.audit} onGoTo={onGoTo} /> : null}
    </section>
  );
}
