// One row of a partner's Commitments as typed in the pane's grid (text, so a half-typed number can be
// shown and checked), and what the plan asked of its stage. Plain types, no ExcelJS.

export interface CommitmentEntry {
  stage: string;
  committedRate: string;
  committedServiceTime: string;
  onHand: string;
  reasonCode: string;
  comment: string;
}

/** The editable columns of an entry, in grid order, with their Commitments headers. */
export const ENTRY_COLUMNS = [
  { key: "committedRate", header: "Committed Rate" },
  { key: "committedServiceTime", header: "Committed Service Time" },
  { key: "onHand", header: "On Hand" },
  { key: "reasonCode", header: "Reason Code" },
  { key: "comment", header: "Comment" },
] as const;

export type EntryField = (typeof ENTRY_COLUMNS)[number]["key"];

/** What the plan asked of a stage, for checking an entry against it (from the Requests sheet). */
export interface RequestFacts {
  demandRate: number | null;
  plannedRate: number | null;
  serviceTimeAssumed: number | null;
}
