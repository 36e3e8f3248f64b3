// The Respond view's state: a package opened, entries typed, Check lists the problems and, once
// checked, every edit re-checks (a fixed cell's problem goes away).
import type { ResponseForm } from "../../src/workbook/collaborate/responseForm";
import { REASON_CODES } from "../../src/workbook/collaborate/packageFormat";
import { checkSummary, initialRespond, respondReducer, type RespondAction, type RespondState } from "../../src/taskpane/components/collaborate/respondState";
import { looksLikePackage } from "../../src/taskpane/components/collaborate/useRespond";

const form: ResponseForm = {
  name: "FrameWorks-package.xlsx",
  facts: { id: "P-1", partner: "FrameWorks", version: "1", issued: "2026-12-01T09:00:00Z", deadline: "2026-12-08" },
  tables: [], reasonCodes: REASON_CODES, notes: [],
  entries: [{ stage: "Frame Welding", committedRate: "", committedServiceTime: "", onHand: "", reasonCode: "", comment: "" }],
  requests: { "Frame Welding": { demandRate: 40, plannedRate: 58.776, serviceTimeAssumed: 0.1539 } },
  periods: [], stages: ["Frame Welding"], horizon: 1,
};

const run = (...actions: RespondAction[]): RespondState => actions.reduce(respondReducer, initialRespond);

describe("the Respond view's state", () => {
  it("knows a package by its Package and Commitments sheets", () => {
    expect(looksLikePackage(["Read Me", "Package", "Requests", "Commitments"])).toBe(true);
    expect(looksLikePackage(["Stages", "Arcs", "Package"])).toBe(false);
  });

  it("does not check before Check is pressed, then re-checks on every edit", () => {
    const opened = run({ type: "fileChosen", name: form.name, bytes: new Uint8Array() }, { type: "formLoaded", form });
    const typed = respondReducer(opened, { type: "edited", row: 0, field: "committedRate", value: "-1" });
    expect(typed.problems).toBeNull();
    expect(typed.entries[0].committedRate).toBe("-1");
    expect(form.entries[0].committedRate).toBe("");
    const checked = respondReducer(typed, { type: "checked" });
    expect(checked.problems!.map((p) => [p.field, p.severity])).toEqual([["committedRate", "error"]]);
    expect(checked.notice).toEqual({ intent: "error", text: "Checked: 1 error to fix before saving." });
    const fixed = respondReducer(checked, { type: "edited", row: 0, field: "committedRate", value: "58.776" });
    expect(fixed.problems).toEqual([]);
  });

  it("a file that is not a package leaves nothing behind", () => {
    expect(run({ type: "fileChosen", name: "x.xlsx", bytes: new Uint8Array(3) }, { type: "notPackage" })).toEqual(initialRespond);
  });

  it("sums up a check in one sentence", () => {
    expect(checkSummary([])).toEqual({ intent: "success", text: "Every entry is valid: save the response and send it back." });
    const warning = { row: 0, stage: "A", field: "comment" as const, severity: "warning" as const, message: "m" };
    expect(checkSummary([warning, warning]).text).toBe("Checked: 2 warnings.");
  });
});
