// What the first screen says: who uses the add-in and how, with example formulas. Plain data, so
// test/addin can check that every example calls a function that functions.json declares.

export interface FormulaExample {
  /** The formula exactly as typed in a cell. */
  formula: string;
  /** What it computes, in a planner's words. */
  meaning: string;
  /** The value Excel shows (test/addin evaluates the formula against the built functions). */
  result: number;
}

export interface Audience {
  id: "planners" | "analysts" | "teams";
  who: string;
  what: string;
  available: boolean;
}

export const FORMULA_EXAMPLES: readonly FormulaExample[] = [
  {
    formula: "=APS.EOQ(1200, 50, 2)",
    meaning: "Lot size for 1200 units a year, 50 per order, holding cost 2 per unit a year.",
    result: 244.949,
  },
  {
    formula: "=APS.SERVICE_Z(0.95)",
    meaning: "Safety factor z for a 95% service level.",
    result: 1.64485,
  },
  {
    formula: "=APS.QUEUE_WAIT(40, 44, 0.01, 0.02)",
    meaning: "Days an order waits at a stage serving 44 a day when 40 arrive (deviations 0.01 and 0.02 days).",
    result: 0.11,
  },
  {
    formula: "=APS.SAFETY_STOCK(12, 5, 0.95)",
    meaning: "Safety stock for a demand deviation of 12 a day over 5 days at 95% service.",
    result: 44.136,
  },
];

export const AUDIENCES: readonly Audience[] = [
  {
    id: "planners",
    who: "Planners",
    what: "Type =APS. in any cell: lot sizes, queue waits, lead times and safety stock as ordinary formulas that recalculate with your data.",
    available: true,
  },
  {
    id: "analysts",
    who: "Analysts",
    what: "Run the whole plan over the Stages and Arcs tables, and the schedule over Operations: follow the steps Data, Plan, Schedule and Partners.",
    available: true,
  },
  {
    id: "teams",
    who: "Teams",
    what: "Share the plan with suppliers and customers in the Partners step: each partner gets a package of values with only its own stages, answers with commitments (in plain Excel, or by opening the package here), and merging reconciles them, re-plans and appends to the audit trail.",
    available: true,
  },
];
