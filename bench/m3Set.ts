// The M3 series the forecast benchmarks score (the competition's data with its published forecasts),
// read once with the benchmarks' common flags: --file F, --dev (the 650-series set), --frequency P, --limit N.

import { readFileSync } from "node:fs";

/** One M3 series: its history, the values that followed, and the forecasts submitted to M3. */
export interface M3Series {
  id: string; period: string; frequency: number; horizon: number; history: number[]; actual: number[];
  theta: number[]; forecastPro: number[]; naive2: number[]; ets: number[];
}

/** Frequencies in the order the tables print them, then the whole set. */
export const ORDER = ["YEARLY", "QUARTERLY", "MONTHLY", "OTHER", "ALL"];

const DIR = "/work/shared/benchmarks/forecast";

/** The value after a flag on the command line, or undefined. */
export function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** The file read, its series by id, and the ids the flags select (the large development set by default), in file order. */
export function m3Set(argv: readonly string[] = process.argv.slice(2)): { file: string; all: Record<string, M3Series>; ids: string[] } {
  const file = flag(argv, "--file") ?? (argv.includes("--dev") ? `${DIR}/m3-dev.json` : `${DIR}/m3-dev-large.json`);
  const all = JSON.parse(readFileSync(file, "utf8")) as Record<string, M3Series>;
  const only = flag(argv, "--frequency")?.toUpperCase();
  const ids = Object.keys(all).filter((id) => !only || all[id].period === only).slice(0, Number(flag(argv, "--limit") ?? Infinity));
  return { file, all, ids };
}
