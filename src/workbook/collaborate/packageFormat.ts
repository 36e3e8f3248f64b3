// The fixed parts of a partner package (docs/formats.md §9) as plain constants, without ExcelJS, so the
// task pane's main bundle can check a partner's entries against them.

/** The header of the Commitments table a partner fills (docs/formats.md §9), in order. */
export const COMMITMENTS_HEADERS = ["Stage", "Committed Rate", "Committed Service Time", "On Hand", "Reason Code", "Comment"] as const;

/** The reason codes a partner picks from. */
export const REASON_CODES = ["As planned", "Capacity", "Material", "Lead time", "Quality", "Maintenance", "Transport", "Demand change", "Other"] as const;

/** Rows of the Package sheet (Field, Value), in order. */
export const PACKAGE_FIELDS = ["Id", "Workbook", "Version", "Partner", "Issued", "Deadline", "Hash", "Format"] as const;

export const PACKAGE_FORMAT = "aps-package/1";

/** The longest comment a partner may type. */
export const COMMENT_LIMIT = 500;

/** The header of the Period Commitments table a partner fills when the package holds Period Requests (FORMATS.md §10). */
export const PERIOD_COMMITMENTS_HEADERS = ["Stage", "Period", "Quantity"] as const;

export const PERIOD_COMMITMENTS = "Period Commitments";
