// The Partners step: each partner's status (read when the step opens, on focus, and on the workbook's
// changes in Excel), then the step's jobs as the registry orders them (share, merge, verify the audit).
import * as React from "react";
import { Divider, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookJob } from "../../../workbook/jobs/types";
import type { WorkbenchState } from "../../workbench";
import { fileOffer, type FileOffer } from "../../file/openWorkbook";
import { foldOf } from "../JobFold";
import { JobSection } from "../JobSection";
import type { WorkbenchActions } from "../Workbench";
import { StatusPanel } from "./StatusPanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, minWidth: 0 },
});

export interface PartnersStepProps {
  /** The jobs of the Partners step, in order. */
  jobs: readonly WorkbookJob[];
  state: WorkbenchState;
  actions: WorkbenchActions;
  /** Inside Excel (packages open as new workbooks) or browser mode (they download). */
  inExcel?: boolean;
  /** How a package is offered (default: fileOffer for the host). */
  offer?: FileOffer;
}

export function PartnersStep({ jobs, state, actions, inExcel = false, offer }: PartnersStepProps): React.JSX.Element {
  const styles = useStyles();
  const files = React.useMemo(() => offer ?? fileOffer(inExcel), [offer, inExcel]);
  // The status is read when the step opens, when another workbook is opened, and when the pane gets the
  // focus back (in Excel: after the user worked in the sheets); share and merge refresh it themselves.
  const refresh = actions.refreshCollaboration;
  const needsRead = state.workbook !== null && state.collaboration.phase === "idle";
  React.useEffect(() => { if (needsRead) refresh(); }, [needsRead, refresh]);
  React.useEffect(() => {
    if (state.collaboration.phase !== "idle") refresh();
    const onFocus = () => { if (document.visibilityState !== "hidden") refresh(); };
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onFocus);
    return () => {
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onFocus);
    };
  }, [refresh]); // once per opening of the step (the phase at that moment decides)
  // While the step is shown, the workbook's changes (Excel's events; none for a file in the browser)
  // read the status again; the subscription ends when the step closes or the pane is unloaded.
  const watch = actions.watchCollaboration;
  React.useEffect(() => {
    watch(true);
    const onHide = () => watch(false);
    window.addEventListener("pagehide", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      watch(false);
    };
  }, [watch]);
  return (
    <div className={styles.root}>
      <StatusPanel view={state.collaboration} hasWorkbook={state.workbook !== null} watch={state.changeWatch} onRefresh={refresh} onGoTo={actions.goTo} />
      {jobs.map((job, k) => (
        <React.Fragment key={job.id}>
          <Divider />
          <JobSection job={job} state={state} actions={actions} offer={files} jsonDownload={!inExcel} fold={foldOf(jobs, k, state, actions.toggleJob)} />
        </React.Fragment>
      ))}
    </div>
  );
}
