// Collaboration (docs/model.md §8): public API of the engine's package, reconciliation, re-plan and audit pieces.

export * from "./types";
export { sha256Hex, utf8Bytes } from "./sha256";
export { canonicalJson, canonicalHash, roundTo, type CanonicalValue } from "./canonical";
export {
  partnerPackage, partnersOf, defaultBuyer, packageHash, packageCanonicalForm, issuedTable,
  REQUESTS_COLUMNS, PROMISES_COLUMNS, DELIVERY_COLUMNS, ISSUED_TABLE_COLUMNS, type ShareSource, type ShareStage,
} from "./extract";
export { reconcileCommitments, responseStatus, DEFAULT_TOLERANCE, type ReconcileInput } from "./reconcile";
export {
  appendAudit, verifyAuditChain, auditRowHash, AUDIT_GENESIS, AUDIT_HEADERS,
  type AuditEntry, type AuditRow, type AuditAnchor, type AuditVerdict, type AuditAction,
} from "./audit";
export { replanWithCommitments, type AcceptedCommitment, type ReplanInput, type ReplanResult, type ReplanRow } from "./replan";
export { planRemembered, hashRemembered, forgetPlans, type CachedPlanOptions } from "./planCache";
export {
  periodRequestsOf, periodRequestsTable, periodRequestsFromTable, periodDate, PERIOD_REQUESTS, PERIOD_REQUESTS_COLUMNS,
  type PeriodRequest, type PeriodLabels,
} from "./periodRequests";
export { reconcilePeriodCommitments, usablePeriodCommitments, type PeriodReconcileInput } from "./periodReconcile";
