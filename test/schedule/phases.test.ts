import { flattenJobShop } from "../../src/engine/schedule/jobShop";
import { activeSchedule, evaluateSequences } from "../../src/engine/schedule/dispatch";
import { jobShopLowerBound } from "../../src/engine/schedule/oneMachineBound";
import { linksFromSequences } from "../../src/engine/schedule/disjunctiveGraph";
import { tabuSearchTardiness } from "../../src/engine/schedule/tardinessSearch";
import { tabuSearchMakespan } from "../../src/engine/schedule/tabuMakespan";
import { searchClock } from "../../src/engine/schedule/searchControl";
import { seededRandom } from "../../src/engine/schedule/random";
import { bigJobShop } from "../../bench/bigJobShop";
const sizes = (process.env.SIZES ?? "100x100,500x20,1000x10,200x100").split(",").map((s) => s.split("x").map(Number));
const due = process.env.DUE === "1";
const its = Number(process.env.ITS ?? 10);
it("phases", () => { for (const [j, m] of sizes) {
  const inst = bigJobShop(1, j, m, due);
  const T: Record<string, number> = {};
  const time = <X>(k: string, f: () => X): X => { const t = performance.now(); const x = f(); T[k] = (T[k] ?? 0) + performance.now() - t; return x; };
  const flat = time("flatten", () => flattenJobShop(inst));
  time("bound", () => jobShopLowerBound(flat));
  const random = seededRandom(1);
  let seq: number[][] = [];
  for (const rule of ["mwkr", "mopnr", "spt", "lpt", "random", "random"] as const) { seq = time("dispatch", () => activeSchedule(flat, rule, random)); time("evaluate", () => evaluateSequences(flat, seq)); time("links", () => linksFromSequences(flat, seq)); }
  const links = linksFromSequences(flat, seq);
  if (due) time(`tardiness ${its} it`, () => tabuSearchTardiness(flat, links, searchClock({ maxIterations: its }), random));
  else time(`makespan ${its} it`, () => tabuSearchMakespan(flat, links, searchClock({ maxIterations: its }), random));
  console.log(`${j}x${m}`, Object.entries(T).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", "));
} });
