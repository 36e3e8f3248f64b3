// The buyer's Collaborate tab: share with a partner (the packages: opened as new workbooks in Excel,
// downloaded in browser mode, file/openWorkbook.ts), merge the responses
// (picked here), verify the audit trail. Each runs as its registered job, with its own options and cards.
import * as React from "react";
import { Body1, Body1Strong, Button, Caption1, Divider, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookJob } from "../../../workbook/jobs/types";
import { runOf, type WorkbenchState } from "../../workbench";
import { fileOffer, type FileOffer } from "../../file/openWorkbook";
import { JobTab } from "../JobTab";
import type { WorkbenchActions } from "../Workbench";
import { StatusPanel } from "./StatusPanel";

/** The jobs this tab hosts (they get no tab of their own), in order. */
export const COLLABORATE_JOBS = ["share", "merge", "audit"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hidden: { display: "none" },
});

export interface CollaborateTabProps {
  jobs: readonly WorkbookJob[];
  state: WorkbenchState;
  actions: WorkbenchActions;
  /** Inside Excel (packages open as new workbooks) or browser mode (they download). */
  inExcel?: boolean;
  /** How a package is offered (default: fileOffer for the host). */
  offer?: FileOffer;
}

type Picked = { name: string; bytes: Uint8Array }[];

export function CollaborateTab({ jobs, state, actions, inExcel = false, offer }: CollaborateTabProps): React.JSX.Element {
  const styles = useStyles();
  const files = React.useMemo(() => offer ?? fileOffer(inExcel), [offer, inExcel]);
  const [offerError, setOfferError] = React.useState<string | null>(null);
  const hand = (f: { bytes: Uint8Array; name: string; mime: string }) => {
    setOfferError(null);
    files.offer(f.bytes, f.name, f.mime).catch((error: unknown) => setOfferError(`${f.name} could not be opened: ${error instanceof Error ? error.message : String(error)}`));
  };
  const picker = React.useRef<HTMLInputElement>(null);
  const [responses, setResponses] = React.useState<Picked>([]);
  const pick = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    void Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))).then(setResponses);
  };
  const packages = runOf(state, "share").output?.files ?? [];
  // The status is read when the tab opens, when another workbook is opened, and when the pane gets the
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
  }, [refresh]); // once per opening of the tab (the phase at that moment decides)
  // While the tab is shown, the workbook's changes (Excel's events; none for a file in the browser)
  // read the status again; the subscription ends when the tab closes or the pane is unloaded.
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
  const section = (job: WorkbookJob) => (
    <section key={job.id} className={styles.section} aria-labelledby={`collaborate-${job.id}`}>
      <Body1Strong as="h3" id={`collaborate-${job.id}`}>{job.title}</Body1Strong>
      {job.id === "merge" ? (
        <div className={styles.row}>
          <Button onClick={() => picker.current?.click()}>Pick responses…</Button>
          <input ref={picker} className={styles.hidden} type="file" multiple accept=".xlsx" aria-label="Partner responses (.xlsx)" tabIndex={-1}
            onChange={(e) => { pick(e.target.files); e.target.value = ""; }} />
          <Caption1>{responses.length > 0 ? `Picked: ${responses.map((r) => r.name).join(", ")}` : "No response picked yet."}</Caption1>
        </div>
      ) : null}
      <JobTab job={job} state={state} showOptions onRun={() => actions.run(job.id, job.id === "merge" ? responses : undefined)} onCancel={() => actions.cancel(job.id)}
        onGoTo={actions.goTo} onOption={(name, value) => actions.setOption(job.id, name, value)} />
      {job.id === "share" && packages.length > 0 ? (
        <div className={styles.row} aria-label="Packages to send">
          {packages.map((f) => <Button key={f.name} appearance="primary" onClick={() => hand(f)}>{files.verb} {f.name}</Button>)}
          {files.verb === "Open" ? <Caption1>Each opens as a new workbook: save it, then send it.</Caption1> : null}
          {offerError ? <Caption1 role="alert">{offerError}</Caption1> : null}
        </div>
      ) : null}
    </section>
  );
  const hosted = COLLABORATE_JOBS.map((id) => jobs.find((j) => j.id === id)).filter((j): j is WorkbookJob => j !== undefined);
  return (
    <div className={styles.root}>
      <Body1>Share each partner&apos;s part of the plan as a package, merge the answers they send back, and check the audit trail.</Body1>
      <StatusPanel view={state.collaboration} hasWorkbook={state.workbook !== null} watch={state.changeWatch} onRefresh={refresh} onGoTo={actions.goTo} />
      <Divider />
      {hosted.map((job, k) => (
        <React.Fragment key={job.id}>
          {k > 0 ? <Divider /> : null}
          {section(job)}
        </React.Fragment>
      ))}
    </div>
  );
}
