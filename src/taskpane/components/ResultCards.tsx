// The headline figures of a run as small cards (label, value with unit, one line of detail).
import * as React from "react";
import { Caption1, Card, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import type { JobCard } from "../../workbook/jobs/types";

const useStyles = makeStyles({
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(140px, 1fr))", gap: tokens.spacingHorizontalS, listStyleType: "none", margin: 0, padding: 0 },
  card: { padding: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  label: { color: tokens.colorNeutralForeground2 },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** A value as a planner reads it: numbers to 4 significant digits with thousands separators. */
export function showValue(value: JobCard["value"]): string {
  if (value === null) return "—";
  if (typeof value === "number") return Number.isFinite(value) ? Number(value.toPrecision(4)).toLocaleString("en-US", { maximumFractionDigits: 4 }) : "—";
  return String(value);
}

export function ResultCards({ cards, label }: { cards: readonly JobCard[]; label: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.grid} aria-label={label}>
      {cards.map((card) => (
        <li key={card.label}>
          <Card className={styles.card} data-card={card.label}>
            <Caption1 className={styles.label}>{card.label}</Caption1>
            <Subtitle2 data-value>{showValue(card.value)}{card.unit ? ` ${card.unit}` : ""}</Subtitle2>
            {card.detail ? <Caption1 className={styles.detail}>{card.detail}</Caption1> : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}
