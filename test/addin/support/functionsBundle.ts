// Runs the built functions chunk (dist/functions.js) in a Node vm with stand-ins for what Excel's
// shared runtime provides (CustomFunctions, Office), and records what it associates.
import * as fs from "fs";
import * as vm from "vm";

/** Stand-in for CustomFunctions.Error: keeps the code and message a cell would show. */
export class FakeCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

export const FAKE_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export interface LoadedFunctions {
  /** Associated id (as given to associate) -> value. */
  associations: Map<string, unknown>;
  /** Ids associated more than once. */
  duplicates: string[];
}

/** Evaluates the bundle once; throws what the bundle throws at load (a cell would show #NAME?). */
export function loadFunctionsBundle(file: string): LoadedFunctions {
  const associations = new Map<string, unknown>();
  const duplicates: string[] = [];
  const associate = (idOrMap: string | Record<string, unknown>, fn?: unknown): void => {
    const pairs = typeof idOrMap === "string" ? [[idOrMap, fn] as const] : Object.entries(idOrMap);
    for (const [id, value] of pairs) {
      if (associations.has(id)) duplicates.push(id);
      associations.set(id, value);
    }
  };
  const office = {
    onReady: (callback?: (info: unknown) => void) => {
      const info = { host: null, platform: null };
      callback?.(info);
      return Promise.resolve(info);
    },
    actions: { associate: () => undefined },
    HostType: { Excel: "Excel" },
  };
  const sandbox: Record<string, unknown> = {
    CustomFunctions: { associate, Error: FakeCustomFunctionError, ErrorCode: FAKE_ERROR_CODES },
    Office: office,
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    URL,
    performance,
  };
  // Excel loads the chunk with a <script> tag of taskpane.html: webpack finds its public path (where
  // the functions worker's script lives) from that tag.
  sandbox.document = { currentScript: { tagName: "SCRIPT", src: "https://localhost:3000/functions.js" }, baseURI: "https://localhost:3000/taskpane.html" };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  const context = vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  return { associations, duplicates };
}
