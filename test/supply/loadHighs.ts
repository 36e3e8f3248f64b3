// Loads HiGHS (WebAssembly) once per test file, as the command line does: the engine takes the module.

import type { LpSolverModule } from "../../src/engine/supply";

let loaded: Promise<LpSolverModule> | null = null;

export function loadHighs(): Promise<LpSolverModule> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require("highs") as () => Promise<LpSolverModule>)();
  return loaded;
}
