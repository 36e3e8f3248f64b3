// The task pane's first screen, as a pure view: state and actions come in as props (Root.tsx owns
// the reducer and side effects), so it renders the same in Excel, a browser or a test.
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { AudienceCard } from "./components/AudienceCard";
import { FormulaList } from "./components/FormulaList";
import { Header } from "./components/Header";
import { HostBanner } from "./components/HostBanner";
import { AUDIENCES, FORMULA_EXAMPLES } from "./content";
import type { PaneState } from "./state";

export interface PaneActions {
  copyFormula: (formula: string) => void;
}

export interface AppProps {
  state: PaneState;
  actions: PaneActions;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  audiences: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export function App({ state, actions }: AppProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Header />
      <HostBanner host={state.host} />
      <section className={styles.audiences} aria-label="What you can do">
        {AUDIENCES.map((audience) => (
          <AudienceCard key={audience.id} audience={audience}>
            {audience.id === "planners" ? (
              <FormulaList examples={FORMULA_EXAMPLES} feedback={state.feedback} onCopy={actions.copyFormula} />
            ) : null}
          </AudienceCard>
        ))}
      </section>
    </main>
  );
}
