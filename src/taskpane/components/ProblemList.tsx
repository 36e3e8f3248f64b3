// A run's exceptions or a check's problems; each with a place is a button that goes to its cell.
import * as React from "react";
import { Badge, Body1, Body1Strong, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { JobException } from "../../workbook/jobs/types";

/** How many problems the pane lists (the Exceptions sheet has them all). */
export const SHOWN_PROBLEMS = 50;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  row: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS },
  place: { fontFamily: tokens.fontFamilyMonospace, minWidth: "auto", flexShrink: 0 },
  message: { overflowWrap: "anywhere" },
});

const COLORS = { error: "danger", warning: "warning", info: "informative" } as const;

export interface ProblemListProps {
  title: string;
  problems: readonly JobException[];
  onGoTo: (place: string) => void;
}

export function ProblemList({ title, problems, onGoTo }: ProblemListProps): React.JSX.Element {
  const styles = useStyles();
  const id = React.useId();
  if (problems.length === 0) return <Body1>No problems found.</Body1>;
  return (
    <section aria-labelledby={id}>
      <Body1Strong as="h3" id={id}>{title} ({problems.length})</Body1Strong>
      <ul className={styles.list}>
        {problems.slice(0, SHOWN_PROBLEMS).map((p, k) => (
          <li key={k} className={styles.row}>
            <Badge appearance="tint" color={COLORS[p.severity]} aria-label={p.severity}>{p.severity}</Badge>
            {p.where ? (
              <Button size="small" appearance="transparent" className={styles.place} onClick={() => onGoTo(p.where!)} aria-label={`Go to ${p.where}: ${p.message}`}>
                {p.where}
              </Button>
            ) : null}
            <Caption1 className={styles.message}>{p.message}</Caption1>
          </li>
        ))}
      </ul>
      {problems.length > SHOWN_PROBLEMS ? <Caption1>… and {problems.length - SHOWN_PROBLEMS} more: see the Exceptions sheet.</Caption1> : null}
    </section>
  );
}
