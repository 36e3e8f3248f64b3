// The task pane's reducer: host detection and copy feedback, without Office or a DOM.
import { hostStatusOf, initialPaneState, paneReducer } from "../../src/taskpane/state";

describe("paneReducer", () => {
  test("starts by checking the host", () => {
    expect(initialPaneState.host).toEqual({ kind: "checking" });
  });

  test("hostStatusOf(null) is outside Office; Excel keeps its platform; other hosts are named", () => {
    expect(hostStatusOf(null, null)).toEqual({ kind: "outsideOffice" });
    expect(hostStatusOf("Excel", "OfficeOnline")).toEqual({ kind: "excel", platform: "OfficeOnline" });
    expect(hostStatusOf("Word", "PC")).toEqual({ kind: "otherHost", host: "Word" });
  });

  test("copy feedback is set, replaced by a failure and dismissed", () => {
    const copied = paneReducer(initialPaneState, { type: "formulaCopied", formula: "=APS.EOQ(1,2,3)" });
    expect(copied.feedback).toEqual({ kind: "copied", formula: "=APS.EOQ(1,2,3)" });
    const failed = paneReducer(copied, { type: "formulaCopyFailed", formula: "=APS.EOQ(1,2,3)", message: "blocked" });
    expect(failed.feedback).toEqual({ kind: "copyFailed", formula: "=APS.EOQ(1,2,3)", message: "blocked" });
    expect(paneReducer(failed, { type: "feedbackDismissed" }).feedback).toEqual({ kind: "none" });
  });

  test("does not mutate its input", () => {
    const before = JSON.stringify(initialPaneState);
    paneReducer(initialPaneState, { type: "hostDetected", host: "Excel", platform: "PC" });
    expect(JSON.stringify(initialPaneState)).toBe(before);
  });
});
