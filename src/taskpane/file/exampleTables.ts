// The example input tables "Insert example tables" adds to a workbook file: a small supply chain
// (Stages, Arcs, Settings) and a small machine shop (Operations, Changeovers), with data validation.

import { LOT_SIZE_MODELS, PLACEMENT_METHODS, STAGE_FIELDS } from "../../engine/network/fields";
import type { ExampleSet } from "../../workbook/paneWorkbook";
import type { CellValue, ColumnValidation, ResultSheet } from "../../workbook/port";

const STAGE_COLUMNS = ["id", "owner", "demandRate", "demandSd", "serviceLevel", "processingTime", "holdingCost", "orderCost", "lotSizeModel", "serviceCost", "penaltyCost", "externalInboundTime", "maxServiceTime"];

const STAGES: Record<string, CellValue>[] = [
  { id: "Assembly", owner: "Us", demandRate: 40, demandSd: 12, serviceLevel: 0.98, processingTime: 0.5, holdingCost: 0.45, orderCost: 400, lotSizeModel: "classic", serviceCost: 2, penaltyCost: 8, maxServiceTime: 2 },
  { id: "Painting", owner: "Us", processingTime: 1, holdingCost: 0.3, orderCost: 250, lotSizeModel: "classic", serviceCost: 1.5, penaltyCost: 6 },
  { id: "Frames", owner: "Supplier", processingTime: 2, holdingCost: 0.2, orderCost: 300, lotSizeModel: "production", serviceCost: 1.2, penaltyCost: 5, externalInboundTime: 4 },
];

const NON_NEGATIVE = (column: number): ColumnValidation => ({ column, kind: "decimal", min: 0, error: "Enter a number ≥ 0." });

function networkSheets(): ResultSheet[] {
  const headers = STAGE_COLUMNS.map((name) => STAGE_FIELDS.find((f) => f.name === name)!.header);
  const validations: ColumnValidation[] = STAGE_COLUMNS.flatMap((name, c): ColumnValidation[] => {
    if (name === "lotSizeModel") return [{ column: c, kind: "list", values: [...LOT_SIZE_MODELS], error: "Pick a lot-size model from the list." }];
    if (name === "serviceLevel") return [{ column: c, kind: "decimal", min: 0, max: 1, error: "A service level is between 0 and 1." }];
    return name === "id" || name === "owner" ? [] : [NON_NEGATIVE(c)];
  });
  return [
    {
      name: "Stages", tableName: "Stages", freezeHeader: true, validations,
      columns: headers.map((header) => ({ header, width: Math.max(12, header.length + 2) })),
      rows: STAGES.map((stage) => STAGE_COLUMNS.map((name) => stage[name] ?? null)),
    },
    {
      name: "Arcs", tableName: "Arcs", validations: [{ column: 2, kind: "decimal", min: 0, error: "A quantity is a number > 0." }],
      columns: [{ header: "From", width: 16 }, { header: "To", width: 16 }, { header: "Quantity" }],
      rows: [["Frames", "Painting", 1], ["Painting", "Assembly", 1]],
    },
    {
      name: "Settings", tableName: "Settings",
      validations: [],
      columns: [{ header: "Name", width: 22 }, { header: "Value", width: 16 }],
      rows: [["defaultServiceLevel", 0.95], ["periodsPerYear", 365], ["placementMethod", PLACEMENT_METHODS[0]]],
    },
  ];
}

function scheduleSheets(): ResultSheet[] {
  const jobs: [string, [string, number][], number][] = [
    ["Order 1", [["Saw", 3], ["Lathe", 5], ["Paint", 2]], 12],
    ["Order 2", [["Lathe", 4], ["Saw", 2], ["Paint", 3]], 10],
    ["Order 3", [["Saw", 2], ["Paint", 4], ["Lathe", 3]], 14],
  ];
  const products = ["White", "Grey", "Black"];
  return [
    {
      name: "Operations", tableName: "Operations",
      validations: [{ column: 1, kind: "whole", min: 0, error: "A step is a whole number." }, NON_NEGATIVE(3), NON_NEGATIVE(4), NON_NEGATIVE(5)],
      columns: [{ header: "Job", width: 14 }, { header: "Step" }, { header: "Machine", width: 12 }, { header: "Duration" }, { header: "Due Date" }, { header: "Weight" }],
      rows: jobs.flatMap(([job, steps, due]) => steps.map(([machine, duration], s): CellValue[] => [job, s, machine, duration, due, 1])),
    },
    {
      name: "Changeovers", tableName: "Changeovers", validations: [NON_NEGATIVE(2)],
      columns: [{ header: "From Product", width: 14 }, { header: "To Product", width: 14 }, { header: "Time" }],
      rows: products.flatMap((from, i) => products.filter((to) => to !== from).map((to, k): CellValue[] => [from, to, 5 + ((i * 3 + k * 7) % 11)])),
    },
  ];
}

/** The example sheets of a set (named as the tables they hold). */
export function exampleSheets(set: ExampleSet): ResultSheet[] {
  return set === "network" ? networkSheets() : scheduleSheets();
}
