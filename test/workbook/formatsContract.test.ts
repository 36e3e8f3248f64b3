// docs/formats.md §1 and §2 as contracts: every network field survives a workbook round trip, and
// every plan field is in the JSON result and in the Plan sheet, which reads back to the same values.

import ExcelJS from "exceljs";
import { readNetwork } from "../../src/engine/network/readNetwork";
import { STAGE_FIELDS, ARC_FIELDS } from "../../src/engine/network/fields";
import { planRecord } from "../../src/engine/plan";
import { readWorkbookNetwork } from "../../src/workbook/plan/networkTables";
import { planSheets, PLAN_COLUMNS } from "../../src/workbook/plan/planSheets";
import { loadXlsxWorkbook, xlsxWorkbookFrom } from "../../src/workbook/xlsx/xlsxWorkbook";
import { networkWorkbook } from "../../examples/generator/makeExamples";

/** The field names of docs/formats.md §1 and §2, as the contract lists them. */
const NETWORK_STAGE_FIELDS = [
  "id", "owner", "demandRate", "demandSd", "serviceLevel", "processingTime", "holdingCost", "orderCost", "backorderCost",
  "shortageCost", "productionRate", "lotSizeModel", "serviceCost", "penaltyCost", "interarrivalSd", "leadTime",
  "externalInboundTime", "externalInboundSd", "maxServiceTime", "predictedLeadTime", "z",
  // §10: the supply plan over time.
  "leadTimePeriods", "onHand", "unitCost", "safetyStockTarget", "capacityPerPeriod", "minLot", "lotMultiple",
];
const PLAN_STAGE_FIELDS = [
  "id", "demandRate", "demandSd", "z", "interarrivalSd", "serviceSd", "rate", "utilisation", "ordersInSystem", "waitInQueue",
  "leadTime", "promisedLeadTime", "inboundServiceTime", "committedServiceTime", "netReplenishmentTime", "demandBound",
  "safetyStock", "safetyStockCost", "lotSize", "inventoryHoldingCost",
];
const PLAN_KPI_FIELDS = ["leadTimeToCustomer", "cycleTime", "inventoryHoldingCost", "safetyStockHoldingCost", "inventoryTurns"];

/** A network that gives every §1 field a value (z and serviceLevel both: z wins). */
const everyField = {
  format: "aps-network/1",
  stages: [
    { id: "Assembly", owner: "Buyer", demandRate: 40, demandSd: 12, serviceLevel: 0.95, z: 1.7, processingTime: 2, holdingCost: 5,
      orderCost: 120, backorderCost: 9, shortageCost: 0.5, productionRate: 60, lotSizeModel: "lead-time", serviceCost: 1.5,
      penaltyCost: 20, interarrivalSd: 0.01, leadTime: 2.5, externalInboundTime: 1, externalInboundSd: 0.1, maxServiceTime: 1,
      predictedLeadTime: 6, leadTimePeriods: 1, onHand: 30, unitCost: 12.5, safetyStockTarget: 20, capacityPerPeriod: 400,
      minLot: 50, lotMultiple: 10 },
    { id: "Motor", owner: "SupplierA", demandRate: null, demandSd: null, serviceLevel: 0.9, z: null, processingTime: 1, holdingCost: 2,
      orderCost: 80, backorderCost: null, shortageCost: null, productionRate: null, lotSizeModel: "production", serviceCost: 1,
      penaltyCost: 10, interarrivalSd: null, leadTime: null, externalInboundTime: 3, externalInboundSd: 0.05, maxServiceTime: null,
      predictedLeadTime: null, leadTimePeriods: null, onHand: null, unitCost: null, safetyStockTarget: null,
      capacityPerPeriod: null, minLot: null, lotMultiple: null },
  ],
  arcs: [{ from: "Motor", to: "Assembly", quantity: 2 }],
  settings: {
    defaultServiceLevel: 0.9, periodsPerYear: 250, placementMethod: "auto",
    horizon: 13, periodLength: 7, frozenPeriods: 1, planStart: "2026-01-05", lotSizing: "mip", supplyTimeLimit: 30,
  },
};

describe("docs/formats.md §1: the network tables", () => {
  it("the test network gives every field of the contract, and the engine knows each one", () => {
    expect(Object.keys(everyField.stages[0]).sort()).toEqual([...NETWORK_STAGE_FIELDS].sort());
    expect(STAGE_FIELDS.map((f) => f.name).sort()).toEqual([...NETWORK_STAGE_FIELDS].sort());
    expect(ARC_FIELDS.map((f) => f.name)).toEqual(["from", "to", "quantity"]);
  });

  it("every field written to Stages / Arcs / Settings tables reads back as the JSON reads", async () => {
    const bytes = await networkWorkbook(everyField, ["contract test"]).xlsx.writeBuffer();
    const workbook = await loadXlsxWorkbook(bytes as ArrayBuffer);
    const stagesTable = await workbook.readTable("Stages");
    expect(stagesTable!.headers).toContain("Demand Rate");
    expect(stagesTable!.headers).toContain("External Inbound Sd");
    const tables = await readWorkbookNetwork(workbook);
    expect(tables.problems).toEqual([]);
    const fromWorkbook = readNetwork(tables.raw, "workbook");
    const fromJson = readNetwork(everyField, "json");
    expect(fromWorkbook.issues).toEqual([]);
    expect(fromWorkbook.network).toEqual(fromJson.network);
    expect(fromJson.network!.settings.periodsPerYear).toBe(250);
    expect(fromJson.network!.stages[0].predictedLeadTime).toBe(6);
    expect(fromJson.network!.stages[0].lotMultiple).toBe(10);
    expect(fromJson.network!.settings).toMatchObject({ horizon: 13, planStart: "2026-01-05", lotSizing: "mip" });
  });
});

describe("docs/formats.md §2: the plan result", () => {
  const outcome = planRecord(everyField);
  if (!outcome.ok) throw new Error(outcome.errors.join("\n"));
  const plan = outcome.plan;

  it("has every field of the contract, each a number, text or null", () => {
    expect(plan.format).toBe("aps-plan/1");
    for (const stage of plan.stages) {
      for (const field of PLAN_STAGE_FIELDS) expect(stage).toHaveProperty(field);
    }
    expect(Object.keys(plan.arcs[0])).toEqual(expect.arrayContaining(["from", "to", "inboundLeadTime"]));
    expect(Object.keys(plan.placement!)).toEqual(expect.arrayContaining(["method", "optimal", "safetyStockCost"]));
    expect(Object.keys(plan.kpis).sort()).toEqual([...PLAN_KPI_FIELDS].sort());
    // severity, where and message always; stage (added) when the exception is about one stage.
    for (const e of plan.exceptions) {
      expect(Object.keys(e).filter((k) => k !== "stage").sort()).toEqual(["message", "severity", "where"]);
      if (e.stage !== undefined) expect(plan.stages.map((s) => s.id)).toContain(e.stage);
    }
    expect(plan.exceptions.some((e) => e.stage !== undefined)).toBe(true);
    // z wins over serviceLevel; a given lead time replaces wait + processing time.
    expect(plan.stages[0].z).toBe(1.7);
    expect(plan.stages[0].leadTime).toBe(2.5);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it("the Plan sheet holds every stage field and reads back to the same values", async () => {
    for (const field of PLAN_STAGE_FIELDS) expect(PLAN_COLUMNS.map((c) => c.field)).toContain(field);
    const target = xlsxWorkbookFrom(new ExcelJS.Workbook());
    await target.writeResultSheets(planSheets(plan));
    const reread = await loadXlsxWorkbook(await target.toBuffer());
    for (const name of ["Plan", "Matching", "KPIs", "Exceptions"]) expect(reread.workbook.getWorksheet(name)).toBeDefined();
    const sheet = reread.workbook.getWorksheet("Plan")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    const headerRow = sheet.getRow(3);
    plan.stages.forEach((stage, r) => {
      PLAN_COLUMNS.forEach((column, c) => {
        expect(headerRow.getCell(c + 1).value).toBe(column.header);
        const value = sheet.getCell(4 + r, c + 1).value;
        expect(value ?? null).toEqual(stage[column.field] ?? null);
      });
    });
  });
});
