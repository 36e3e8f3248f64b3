// The typed rows of a collaboration (docs/model.md §8): what a buyer issues to a partner (requests,
// promises), what comes back (commitments), the exceptions between them, and the package header.

/** One column of an issued table: how it is written and hashed. */
export interface IssuedColumn {
  header: string;
  kind: "text" | "number";
  /** Decimals a number is rounded to before it is written and hashed. */
  decimals?: number;
  /** Excel number format of the written column. */
  numberFormat?: string;
}

/** A table the package issues to the partner (values only). */
export interface IssuedTable {
  /** Sheet and table name ("Requests", "Promises", "Delivery"). */
  name: string;
  /** One sentence above the table saying what it is. */
  title: string;
  columns: IssuedColumn[];
  rows: (string | number | null)[][];
}

/** The fixed facts of a package (docs/formats.md §9 `Package` sheet). */
export interface PackageHeader {
  /** Unique id of this issue, e.g. "P-3f9a1c2e-0004". */
  id: string;
  /** The buyer workbook's own id (kept in its Shares table): a package of another workbook is refused. */
  workbookId: string;
  /** The plan's version: goes up each time the plan inputs change between shares. */
  version: number;
  partner: string;
  /** Issue time, ISO 8601 UTC. */
  issued: string;
  /** Response deadline, ISO 8601 date (YYYY-MM-DD). */
  deadline: string;
}

/** A package as issued: header, tables and the SHA-256 of their canonical form. */
export interface PartnerPackage {
  header: PackageHeader;
  /** The partner's own stages (the rows its Commitments table may answer). */
  stages: string[];
  /** Whether the partner supplies the buyer, buys from it, or both. */
  role: "supplier" | "customer" | "supplier and customer";
  tables: IssuedTable[];
  hash: string;
  /** The supply plan's calendar when the package holds Period Requests (and a Period Commitments table to fill), else null. */
  periods?: { horizon: number; periodLength: number; planStart: string | null } | null;
  /** The buyer's Period Commitments on record for the partner's stages, pre-filled in its Period Commitments table (not hashed). */
  committed?: { stage: string; period: number; quantity: number }[];
}

/** What a partner commits for one stage: the Commitments table's figures (blank cells null). */
export interface CommitmentFigures {
  stage: string;
  committedRate: number | null;
  committedServiceTime: number | null;
  onHand: number | null;
  reasonCode: string | null;
  comment: string | null;
}

/** One row of the partner's Commitments table as read. */
export interface Commitment extends CommitmentFigures {
  /** Where the row sits, for messages ("Commitments!A5"). */
  where: string;
  /** The Committed Rate cell of the row ("Commitments!B5"), when known. */
  rateWhere?: string;
}

/** Tolerances for one partner: a commitment within them is accepted with an info. */
export interface Tolerance {
  /** Time units a committed service time may exceed what the plan assumed. */
  time: number;
  /** Per cent a committed rate or on-hand may fall short of the plan. */
  quantityPercent: number;
}

/** What the plan asked of one partner stage (a row of the issued Requests table). */
export interface StageRequest {
  stage: string;
  demandRate: number | null;
  plannedRate: number | null;
  serviceTimeAssumed: number | null;
  safetyStock: number | null;
}

/** A deviation between the plan and a partner's answer, named by partner, stage and figure. */
export interface CollaborationException {
  severity: "error" | "warning" | "info";
  partner: string;
  stage: string | null;
  figure: string;
  planned: number | string | null;
  committed: number | string | null;
  /** committed − planned. */
  difference: number | null;
  /** 100 · difference / planned (null when planned is 0 or unknown). */
  differencePercent: number | null;
  message: string;
  /** A place in a partner's response ("fw.xlsx Commitments!B5", its file first) or in the buyer's workbook. */
  where: string | null;
  /**
   * The cell of the buyer's workbook the exception is at, as Excel names it ("'Planned Orders'!G4"), for
   * the pane to select; absent when the place is in a partner's response file (`where` says which) or there is none.
   */
  cell?: string;
  /** The period of a period commitment (partners over time), else absent. */
  period?: number | null;
}

/** One row of the partner's Period Commitments table as read: the most `stage` delivers in `period`. */
export interface PeriodCommitment {
  stage: string;
  period: number;
  quantity: number;
  /** Where the row sits, for messages ("Period Commitments!C5"). */
  where: string;
}
