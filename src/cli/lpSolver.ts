// HiGHS (WebAssembly, npm `highs`) for the commands that plan supply over time: loaded once, and only
// when a command needs it (a share or merge of a workbook with a supply plan).

import type { LpSolverModule } from "../engine/supply";

let loaded: Promise<LpSolverModule> | null = null;

/** The HiGHS module, loaded on first use. */
export function loadLpSolver(): Promise<LpSolverModule> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require("highs") as () => Promise<LpSolverModule>)();
  return loaded;
}
