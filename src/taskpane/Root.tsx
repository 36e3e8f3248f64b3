// The pane's container: holds the reducer, runs the side effects (host detection, clipboard) and
// hands state and actions to the App view.
import * as React from "react";
import { App, type PaneActions } from "./App";
import { copyText } from "./clipboard";
import { detectOfficeHost } from "./officeHost";
import { initialPaneState, paneReducer } from "./state";

const FEEDBACK_MS = 2500;

export function Root(): React.JSX.Element {
  const [state, dispatch] = React.useReducer(paneReducer, initialPaneState);

  React.useEffect(() => {
    let live = true;
    void detectOfficeHost().then(({ host, platform }) => {
      if (live) dispatch({ type: "hostDetected", host, platform });
    });
    return () => {
      live = false;
    };
  }, []);

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

  return <App state={state} actions={actions} />;
}
