// Rescheduling, re-timing around edits, promise dates, customer windows and escalation
// (docs/rescheduling.md, docs/editing.md): re-exports only.
export * from "./shop";
export * from "./shopJson";
export * from "./published";
export * from "./reschedule";
export * from "./check";
export * from "./promise";
export * from "./customers";
export * from "./escalation";
export * from "./retimeEdits";
export * from "./retimeProblem";
export * from "./retime";
export * from "./retimeCheck";
