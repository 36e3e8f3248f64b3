// The leak check's shared number index (built once per share run) finds exactly what the plain list
// of every forbidden number finds: given another partner's package, both report the same figures.

import { partnerPackage } from "../../src/engine/collaborate";
import { memoryPort } from "../../src/workbook/jobs/memoryPort";
import { readBookContext } from "../../src/workbook/collaborate/bookContext";
import { findPackageLeaks, type LeakRules } from "../../src/workbook/collaborate/leakCheck";
import { packageBytes } from "../../src/workbook/collaborate/packageWorkbook";
import { leakRulesFor } from "../../src/workbook/collaborate/share";
import { randomBook } from "./randomBook";

const COSTS = ["holdingCost", "orderCost", "backorderCost", "shortageCost", "serviceCost", "penaltyCost"];

function numbersOf(value: unknown, out: number[]): void {
  if (typeof value === "number" && Number.isFinite(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => numbersOf(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => numbersOf(v, out));
}

describe("the shared forbidden-number index", () => {
  it("gives the same findings as the full list of forbidden numbers, for a clean and a leaky package", async () => {
    const book = randomBook(40, 3, 7);
    const read = await readBookContext(memoryPort(book.tables));
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const context = read.context;
    const records = context.network.stages as Record<string, unknown>[];
    const header = (partner: string) => ({ id: "P-01234567-0001", workbookId: "0123456789abcdef", version: 1, partner, issued: "2026-12-01T10:00:00Z", deadline: "2026-12-08" });
    const packageOf = (partner: string) => partnerPackage({ plan: context.plan, stages: context.shareStages, arcs: context.arcs, buyer: context.buyer }, header(partner));
    const [first, second] = context.partners;
    const own = packageOf(first);
    const rules = leakRulesFor(context, own);
    // The list as it was: every cost, and every figure of a stage neither the partner nor the buyer owns.
    const list: number[] = [];
    records.forEach((record, j) => {
      for (const field of COSTS) numbersOf(record[field], list);
      const owner = context.shareStages[j].owner?.trim() || context.buyer;
      if (owner !== first && owner !== context.buyer) {
        numbersOf(record, list);
        numbersOf(context.plan.stages[j], list);
      }
    });
    const plain: LeakRules = { ...rules, forbiddenNumbers: list, forbiddenNumberIndex: undefined };
    const numbers = (findings: { message: string }[]) => findings.filter((f) => /the number/.test(f.message)).map((f) => f.message).sort();

    expect(await findPackageLeaks(await packageBytes(own), rules)).toEqual([]);
    expect(await findPackageLeaks(await packageBytes(own), plain)).toEqual([]);
    // The second partner's package checked as if it were the first's: its figures are forbidden there.
    const other = await packageBytes(packageOf(second));
    const byIndex = numbers(await findPackageLeaks(other, { ...rules, forbiddenText: [] }));
    const byList = numbers(await findPackageLeaks(other, { ...plain, forbiddenText: [] }));
    expect(byIndex.length).toBeGreaterThan(0);
    expect(byIndex).toEqual(byList);
  });
});
