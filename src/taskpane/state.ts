// The task pane's state and its one reducer: where the pane runs (Excel, another Office app, a
// plain browser) and the feedback of the last action. Pure: no Office, no DOM.

/** Where the pane is running, as far as the pane can tell. */
export type HostStatus =
  | { kind: "checking" }
  | { kind: "excel"; platform: string | null }
  | { kind: "otherHost"; host: string }
  | { kind: "outsideOffice" };

/** What the user last asked for, and how it went. */
export type Feedback =
  | { kind: "none" }
  | { kind: "copied"; formula: string }
  | { kind: "copyFailed"; formula: string; message: string };

export interface PaneState {
  host: HostStatus;
  feedback: Feedback;
}

export type PaneAction =
  | { type: "hostDetected"; host: string | null; platform: string | null }
  | { type: "formulaCopied"; formula: string }
  | { type: "formulaCopyFailed"; formula: string; message: string }
  | { type: "feedbackDismissed" };

export const initialPaneState: PaneState = { host: { kind: "checking" }, feedback: { kind: "none" } };

/** The host status for what Office.onReady reported (`host` is null outside Office). */
export function hostStatusOf(host: string | null, platform: string | null): HostStatus {
  if (host === null || host === undefined || host === "") return { kind: "outsideOffice" };
  if (host === "Excel") return { kind: "excel", platform };
  return { kind: "otherHost", host };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "hostDetected":
      return { ...state, host: hostStatusOf(action.host, action.platform) };
    case "formulaCopied":
      return { ...state, feedback: { kind: "copied", formula: action.formula } };
    case "formulaCopyFailed":
      return { ...state, feedback: { kind: "copyFailed", formula: action.formula, message: action.message } };
    case "feedbackDismissed":
      return { ...state, feedback: { kind: "none" } };
  }
}
