// Where the supply run gets HiGHS (WebAssembly): by default the npm module as Node loads it; the
// pane's worker sets its own loader (the .wasm file served beside the bundle, found by locateFile).

import type { LpSolverModule } from "../../engine/supply";

type HighsLoader = () => Promise<LpSolverModule>;

/** The module's factory, whichever way the bundler or Node hands it over (CommonJS or ES default). */
export function highsFactory(module: unknown): (settings?: { locateFile?: (file: string) => string }) => Promise<LpSolverModule> {
  const m = module as { default?: unknown };
  return (typeof m === "function" ? m : m.default) as (settings?: { locateFile?: (file: string) => string }) => Promise<LpSolverModule>;
}

let loader: HighsLoader = async () => highsFactory(await import("highs"))();
let loaded: Promise<LpSolverModule> | null = null;

/** Replaces how HiGHS is loaded (the worker does, once, before any job runs). */
export function setHighsLoader(next: HighsLoader): void {
  loader = next;
  loaded = null;
}

/** HiGHS, loaded once per process or worker; a failed load is tried again next time. */
export function loadHighsModule(): Promise<LpSolverModule> {
  loaded ??= loader().catch((error: unknown) => {
    loaded = null;
    throw error;
  });
  return loaded;
}
