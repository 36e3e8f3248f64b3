// Example =APS.* formulas, each with what it computes and a Copy button.
import * as React from "react";
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { FormulaExample } from "../content";
import type { Feedback } from "../state";

export interface FormulaListProps {
  examples: readonly FormulaExample[];
  feedback: Feedback;
  onCopy: (formula: string) => void;
}

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  formula: {
    flexGrow: 1,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    userSelect: "all",
    overflowWrap: "anywhere",
  },
  meaning: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Four significant digits at most, as a planner would read a cell. */
function formatResult(value: number): string {
  return Number(value.toPrecision(4)).toLocaleString("en-US");
}

function copyLabel(feedback: Feedback, formula: string): string {
  return feedback.kind === "copied" && feedback.formula === formula ? "Copied" : "Copy";
}

export function FormulaList({ examples, feedback, onCopy }: FormulaListProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {examples.map(({ formula, meaning, result }) => (
        <li key={formula}>
          <div className={styles.row}>
            <code className={styles.formula}>{formula}</code>
            <Button size="small" appearance="subtle" onClick={() => onCopy(formula)} aria-label={`Copy ${formula}`}>
              {copyLabel(feedback, formula)}
            </Button>
          </div>
          <Caption1 className={styles.meaning}>
            {meaning} Result: {formatResult(result)}
          </Caption1>
          {feedback.kind === "copyFailed" && feedback.formula === formula ? (
            <Caption1 block className={styles.error} role="alert">
              {feedback.message}
            </Caption1>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
