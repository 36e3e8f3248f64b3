// Rescheduling, promise dates, customer windows and escalation (docs/rescheduling.md): re-exports only.
export * from "./shop";
export * from "./shopJson";
export * from "./published";
export * from "./reschedule";
export * from "./check";
export * from "./promise";
export * from "./customers";
export * from "./escalation";
