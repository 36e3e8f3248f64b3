// The pane's container: holds the reducers, runs the side effects (host detection, clipboard, the
// controller that talks to the workbook and the workers) and hands state and actions to the App view.
import * as React from "react";
import { JOBS } from "../workbook/jobs/registry";
import { App, type PaneActions } from "./App";
import { copyText } from "./clipboard";
import type { WorkbenchActions } from "./components/Workbench";
import { PaneController } from "./controller";
import { createFileWorker } from "./file/createFileWorker";
import { downloadBytes } from "./file/download";
import { excelWorkbook } from "./hostWorkbook";
import { detectOfficeHost } from "./officeHost";
import { watchPaneVisibility } from "./paneVisibility";
import { initialPaneState, paneReducer } from "./state";
import { initialWorkbench, workbenchReducer } from "./workbench";
import { createJobWorker } from "./worker/createJobWorker";
import { RespondView } from "./components/collaborate/RespondView";
import { useRespond } from "./components/collaborate/useRespond";

const FEEDBACK_MS = 2500;

export function Root(): React.JSX.Element {
  const [state, dispatch] = React.useReducer(paneReducer, initialPaneState);
  const [workbench, dispatchWorkbench] = React.useReducer(workbenchReducer, initialWorkbench);
  const workbenchRef = React.useRef(workbench);
  workbenchRef.current = workbench;
  const [canUseSelection, setCanUseSelection] = React.useState(false);
  // A partner's package opened in browser mode gets the Respond view (components/collaborate/).
  const respond = useRespond(workbench.workbook, downloadBytes);
  const respondFileOpened = respond.fileOpened;

  const controller = React.useMemo(
    () => new PaneController({
      dispatch: dispatchWorkbench,
      getState: () => workbenchRef.current,
      makeJobWorker: createJobWorker,
      makeFileWorker: createFileWorker,
      download: downloadBytes,
    }),
    [],
  );

  React.useEffect(() => {
    let live = true;
    let stopVisibility: () => void = () => undefined;
    void detectOfficeHost().then(async ({ host, platform }) => {
      if (!live) return;
      dispatch({ type: "hostDetected", host, platform });
      if (host === null) {
        // Browser mode: load the workbook library off the main thread once the page is idle.
        const idle = (window as unknown as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 500));
        idle(() => controller.prewarmFiles());
      }
      if (host !== "Excel") return;
      stopVisibility = watchPaneVisibility((visible) => void controller.paneVisible(visible));
      try {
        const wb = await excelWorkbook();
        setCanUseSelection(typeof wb.useSelectionAs === "function");
        const missing = wb.missingFeatures();
        await controller.attach(wb, "This workbook");
        if (missing.length > 0) dispatchWorkbench({ type: "notice", notice: { intent: "warning", text: `This Excel lacks: ${missing.join("; ")}.` } });
      } catch (error) {
        dispatchWorkbench({ type: "notice", notice: { intent: "error", text: error instanceof Error ? error.message : String(error) } });
      }
    });
    return () => {
      live = false;
      stopVisibility();
    };
  }, [controller]);

  React.useEffect(() => {
    if (state.feedback.kind !== "copied") return undefined;
    const timer = setTimeout(() => dispatch({ type: "feedbackDismissed" }), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state.feedback]);

  const actions = React.useMemo<PaneActions>(
    () => ({
      copyFormula: (formula) => {
        copyText(formula).then(
          () => dispatch({ type: "formulaCopied", formula }),
          (error: unknown) =>
            dispatch({ type: "formulaCopyFailed", formula, message: error instanceof Error ? error.message : String(error) }),
        );
      },
    }),
    [],
  );

  const workbenchActions = React.useMemo<WorkbenchActions>(
    () => ({
      selectStep: (step) => {
        dispatchWorkbench({ type: "stepSelected", step });
        void controller.ensureChoices();
      },
      openFile: (file) => {
        respondFileOpened(file);
        void file.arrayBuffer().then((buffer) => controller.openFile(file.name, new Uint8Array(buffer)));
      },
      save: () => void controller.save(),
      acknowledgeCharts: () => dispatchWorkbench({ type: "chartsAcknowledged" }),
      insertExamples: (set) => void controller.insertExamples(set),
      useSelectionAs: (table) => void controller.useSelectionAs(table),
      run: (jobId, files) => void controller.run(jobId, files),
      cancel: (jobId) => controller.cancel(jobId),
      goTo: (place) => void controller.goTo(place),
      setOption: (jobId, name, value) => dispatchWorkbench({ type: "optionChanged", jobId, name, value }),
      saveOptions: () => void controller.saveOptions(),
      refreshCollaboration: () => void controller.refreshCollaboration(),
      watchCollaboration: (on) => void controller.watchCollaboration(on),
      compareFiles: (files) => void controller.compareFiles(files),
      downloadResult: (jobId) => controller.downloadResult(jobId),
      toggleJob: (jobId, open) => dispatchWorkbench({ type: "jobToggled", jobId, open }),
    }),
    [controller, respondFileOpened],
  );

  return <App state={state} actions={actions} workbench={workbench} workbenchActions={workbenchActions} jobs={JOBS} canUseSelection={canUseSelection}
    respond={<RespondView state={respond.state} actions={respond.actions} />} />;
}
