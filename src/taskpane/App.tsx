// The task pane as a pure view: state and actions come in as props (Root.tsx owns the reducers and
// side effects), so it renders the same in Excel, a browser or a test.
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookJob } from "../workbook/jobs/types";
import { AudienceCard } from "./components/AudienceCard";
import { FormulaList } from "./components/FormulaList";
import { Header } from "./components/Header";
import { HostBanner } from "./components/HostBanner";
import { Workbench, type WorkbenchActions } from "./components/Workbench";
import { AUDIENCES, FORMULA_EXAMPLES } from "./content";
import type { PaneState } from "./state";
import type { WorkbenchState } from "./workbench";

export interface PaneActions {
  copyFormula: (formula: string) => void;
}

export interface AppProps {
  state: PaneState;
  actions: PaneActions;
  workbench: WorkbenchState;
  workbenchActions: WorkbenchActions;
  jobs: readonly WorkbookJob[];
  canUseSelection: boolean;
  /** Browser mode: the Respond view when the open file is a partner's package. */
  respond?: React.ReactNode;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  audiences: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
});

export function App({ state, actions, workbench, workbenchActions, jobs, canUseSelection, respond }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const formulas = (
    <div className={styles.audiences} aria-label="What you can do">
      {AUDIENCES.map((audience) => (
        <AudienceCard key={audience.id} audience={audience}>
          {audience.id === "planners" ? (
            <FormulaList examples={FORMULA_EXAMPLES} feedback={state.feedback} onCopy={actions.copyFormula} />
          ) : null}
        </AudienceCard>
      ))}
    </div>
  );
  const browserMode = state.host.kind === "outsideOffice";
  return (
    <main className={styles.root}>
      <Header />
      <HostBanner host={state.host} />
      {browserMode ? respond : null}
      {state.host.kind === "checking" ? null : (
        <Workbench state={workbench} jobs={jobs} browserMode={browserMode} canUseSelection={canUseSelection} actions={workbenchActions} formulas={formulas} />
      )}
    </main>
  );
}
