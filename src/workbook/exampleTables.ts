// The example input tables "Insert example tables" adds (a small supply chain, a small shop), as
// sheets with Excel tables, units in the title line and data validation; both adapters write them.

import { LOT_SIZE_MODELS, PLACEMENT_METHODS, RATE_METHODS } from "../engine/network/fields";
import type { ExampleSet } from "./paneWorkbook";
import type { ColumnValidation, ResultSheet } from "./port";

const atLeastZero = (column: number, what: string): ColumnValidation => ({ column, kind: "decimal", min: 0, error: `${what} is a number ≥ 0.` });

/** Stages, Arcs and Settings of a three-stage chain (the worked example of docs/model.md §10). */
function networkExamples(): ResultSheet[] {
  const stageHeaders = ["Id", "Owner", "Demand Rate", "Demand Sd", "Service Level", "Processing Time", "Holding Cost", "Order Cost", "Service Cost", "Penalty Cost", "Lot Size Model", "Max Service Time"];
  const numeric = [2, 3, 5, 6, 7, 8, 9, 11];
  return [
    {
      name: "Stages",
      title: "Stages: one row per stage. Demand in units per time unit t; times in t; costs per unit (holding: per unit per t).",
      columns: stageHeaders.map((header) => ({ header, width: header === "Id" ? 18 : 14 })),
      rows: [
        ["Assembly", "Buyer", 20, 6, 0.95, 1.5, 4, 300, 1.5, 20, "classic", 2],
        ["Casting", "Supplier A", null, null, null, 4, 0.5, 200, 1, 10, "production", null],
        ["Electronics", "Supplier B", null, null, null, 2, 1.2, 150, 1.2, 12, "classic", null],
      ],
      tableName: "Stages",
      validations: [
        ...numeric.map((column) => atLeastZero(column, stageHeaders[column])),
        { column: 4, kind: "decimal", min: 0.5, max: 0.9999, error: "Service Level is a probability, e.g. 0.95." },
        { column: 10, kind: "list", values: [...LOT_SIZE_MODELS], error: `Lot Size Model is one of ${LOT_SIZE_MODELS.join(", ")}.` },
      ],
    },
    {
      name: "Arcs",
      title: "Arcs: To uses Quantity units of From per unit it makes.",
      columns: [{ header: "From", width: 18 }, { header: "To", width: 18 }, { header: "Quantity", width: 12 }],
      rows: [["Casting", "Assembly", 1], ["Electronics", "Assembly", 2]],
      tableName: "Arcs",
      validations: [{ column: 2, kind: "decimal", min: 0, error: "Quantity is a number > 0." }],
    },
    {
      name: "Settings",
      title: "Settings: plan-wide defaults (Name / Value).",
      columns: [{ header: "Name", width: 24 }, { header: "Value", width: 18 }],
      rows: [["Default Service Level", 0.95], ["Periods Per Year", 365], ["Placement Method", "auto"], ["Rate Method", RATE_METHODS[0]]],
      tableName: "Settings",
      validations: [{ column: 1, kind: "list", values: [...PLACEMENT_METHODS, ...RATE_METHODS], rows: 4, error: `A placement method (${PLACEMENT_METHODS.join(", ")}) or rate method.` }],
    },
  ];
}

/** Operations and Changeovers of a three-job shop and a three-colour paint line. */
function scheduleExamples(): ResultSheet[] {
  return [
    {
      name: "Operations",
      title: "Operations: one row per operation; Step from 0; Duration and Due Date in hours.",
      columns: ["Job", "Step", "Machine", "Duration", "Due Date", "Weight"].map((header) => ({ header, width: header === "Job" ? 18 : 12 })),
      rows: [
        ["Order 101", 0, "Saw", 3, 12, 1], ["Order 101", 1, "Mill", 2, 12, 1],
        ["Order 102", 0, "Mill", 4, 10, 2], ["Order 102", 1, "Saw", 1, 10, 2],
        ["Order 103", 0, "Saw", 2, 8, 1], ["Order 103", 1, "Mill", 3, 8, 1],
      ],
      tableName: "Operations",
      validations: [
        { column: 1, kind: "whole", min: 0, error: "Step is a whole number ≥ 0." },
        ...[3, 4, 5].map((column) => atLeastZero(column, ["Duration", "Due Date", "Weight"][column - 3])),
      ],
    },
    {
      name: "Changeovers",
      title: "Changeovers: minutes to change the line From Product → To Product (first row: the product running now).",
      columns: [{ header: "From Product", width: 16 }, { header: "To Product", width: 16 }, { header: "Time", width: 10 }],
      rows: [["White", "Red", 10], ["White", "Black", 25], ["Red", "White", 30], ["Red", "Black", 12], ["Black", "White", 40], ["Black", "Red", 20]],
      tableName: "Changeovers",
      validations: [atLeastZero(2, "Time")],
    },
  ];
}

/** The example sheets of a set (names are the wanted ones; an adapter picks free names). */
export function exampleSheets(set: ExampleSet): ResultSheet[] {
  return set === "network" ? networkExamples() : scheduleExamples();
}
