// Random multi-partner books for the leak property test and the benchmark: a tree of stages, each
// owned by the buyer or one of the partners, with distinctive private values (costs, a private
// Margin and Notes column) that a test can search for in every part of every package.

import { seededRandom } from "../../src/engine/random";
import type { CellValue, TableData } from "../../src/workbook/port";
import { table } from "./support";

export interface RandomBook {
  tables: Record<string, TableData | null>;
  partners: string[];
  /** Per stage: id, owner, and its private numbers and text. */
  stages: { id: string; owner: string; costs: number[]; figures: number[]; privateText: string[]; privateNumbers: number[] }[];
}

export const STAGE_HEADERS = [
  "Id", "Owner", "Demand Rate", "Demand Sd", "Processing Time", "External Inbound Time", "Holding Cost", "Order Cost", "Backorder Cost",
  "Shortage Cost", "Service Cost", "Penalty Cost", "Lot Size Model", "Max Service Time", "Margin", "Notes",
];

/** A random book of `n` stages and `partnerCount` partners (seeded). */
export function randomBook(n: number, partnerCount: number, seed: number): RandomBook {
  const random = seededRandom(seed);
  const tag = () => Math.floor(random() * 36 ** 5).toString(36).padStart(5, "0");
  const distinct = (base: number) => Number((base + random() * 900).toFixed(6));
  const partners = Array.from({ length: partnerCount }, (_, k) => `Partner${tag()}${k}`);
  const stages: RandomBook["stages"] = [];
  const rows: CellValue[][] = [];
  const arcs: CellValue[][] = [];
  for (let j = 0; j < n; j++) {
    const isProduct = j === 0 || (j < n / 20 && random() < 0.5);
    const owner = isProduct ? "Buyer" : random() < 0.15 ? "Buyer" : partners[Math.floor(random() * partnerCount)];
    const id = `${isProduct ? "Prod" : "Comp"}${tag()}${j}`;
    const costs = [distinct(7000), distinct(6000), distinct(5000), distinct(4000), distinct(3000), distinct(2000)];
    const figures = [Number((0.5 + random() * 3).toFixed(6)), Number((random() * 4).toFixed(6))];
    const privateNumbers = [distinct(8000)];
    const privateText = [`SECRET${tag()}${j}`];
    stages.push({ id, owner, costs, figures, privateText, privateNumbers });
    rows.push([
      id, owner, isProduct ? Math.round(10 + random() * 50) : null, isProduct ? Math.round(2 + random() * 10) : null, figures[0], figures[1],
      costs[0], costs[1], costs[2], costs[3], costs[4], costs[5], "classic", isProduct ? Math.floor(random() * 3) : null, privateNumbers[0], privateText[0],
    ]);
    // A component feeds one earlier stage (its customer): the network is a tree.
    if (j > 0) arcs.push([id, stages[Math.floor(random() * j)].id, 1]);
  }
  return {
    partners: partners.filter((p) => stages.some((s) => s.owner === p)),
    stages,
    tables: {
      Stages: table("Stages", STAGE_HEADERS, rows),
      Arcs: table("Arcs", ["From", "To", "Quantity"], arcs),
      Settings: table("Settings", ["Name", "Value"], [["Buyer", "Buyer"], ["Private Columns", "Margin, Notes"]]),
    },
  };
}
