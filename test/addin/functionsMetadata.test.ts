// The build's functions.json, the runtime associations of the built functions chunk and the JSDoc of
// src/functions/functions.ts must agree: same ids, same parameters. Also evaluates the pane's examples.
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata, type ICustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";
import { FORMULA_EXAMPLES } from "../../src/taskpane/content";
import { FakeCustomFunctionError, loadFunctionsBundle, type LoadedFunctions } from "./support/functionsBundle";
import { built, ROOT } from "./support/paths";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { finishFunctionsMetadata } = require("../../scripts/addin-build") as { finishFunctionsMetadata: (json: string, publicUrl?: string) => string };

const SOURCE = path.join(ROOT, "src", "functions", "functions.ts");

let metadata: ICustomFunctionsMetadata;
let fromSource: ICustomFunctionsMetadata;
let runtime: LoadedFunctions;

beforeAll(async () => {
  metadata = JSON.parse(fs.readFileSync(built("functions.json"), "utf8")) as ICustomFunctionsMetadata;
  runtime = loadFunctionsBundle(built("functions.js"));
  const generated = await generateCustomFunctionsMetadata(SOURCE, false);
  if (generated.errors.length > 0) throw new Error(`JSDoc errors in functions.ts:\n${generated.errors.join("\n")}`);
  // The build finishes the generated file (scripts/addin-build.js): the same step here.
  fromSource = JSON.parse(finishFunctionsMetadata(generated.metadataJson)) as ICustomFunctionsMetadata;
}, 120_000);

/** Everything about a parameter that decides how Excel calls the function. */
function signature(fn: IFunction): unknown {
  return {
    id: fn.id,
    name: fn.name,
    parameters: fn.parameters.map((p) => ({
      name: p.name,
      optional: p.optional ?? false,
      repeating: p.repeating ?? false,
      type: p.type,
      dimensionality: p.dimensionality ?? "scalar",
    })),
  };
}

/** True when Excel passes an invocation object after the declared parameters. */
function takesInvocation(fn: IFunction): boolean {
  const o = fn.options ?? {};
  return Boolean(o.cancelable || o.requiresAddress || o.stream || o.requiresParameterAddresses || o.capturesCallingObject);
}

describe("custom functions: functions.json <-> runtime <-> JSDoc", () => {
  test("functions.json declares functions with unique ids and names", () => {
    expect(metadata.functions.length).toBeGreaterThan(0);
    const ids = metadata.functions.map((f) => f.id.toUpperCase());
    const names = metadata.functions.map((f) => f.name.toUpperCase());
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
  });

  test("the built chunk associates exactly the ids of functions.json, each once, each with a function", () => {
    expect(runtime.duplicates).toEqual([]);
    const associated = [...runtime.associations.keys()].sort();
    expect(associated).toEqual(metadata.functions.map((f) => f.id).sort());
    for (const [id, value] of runtime.associations) expect([id, typeof value]).toEqual([id, "function"]);
  });

  test("functions.json is what the JSDoc of src/functions/functions.ts declares (the build is current)", () => {
    expect(metadata.functions.map(signature)).toEqual(fromSource.functions.map(signature));
    expect(metadata).toEqual(fromSource);
  });

  test("each runtime function takes no more arguments than Excel passes", () => {
    for (const fn of metadata.functions) {
      const impl = runtime.associations.get(fn.id) as (...args: unknown[]) => unknown;
      const passed = fn.parameters.length + (takesInvocation(fn) ? 1 : 0);
      expect([fn.id, impl.length <= passed]).toEqual([fn.id, true]);
    }
  });
});

describe("functions.json as Excel reads it", () => {
  test("Excel calls the functions with error values and data types in their arguments", () => {
    const flags = metadata as unknown as Record<string, unknown>;
    expect(flags.allowErrorForDataTypeAny).toBe(true);
    expect(flags.allowCustomDataForDataTypeAny).toBe(true);
  });

  test("every function has a help URL into docs/functions.md, at a heading of its own", () => {
    const reference = fs.readFileSync(path.join(ROOT, "docs", "functions.md"), "utf8");
    // GitHub's anchors: the heading in lower case, without the dot.
    const anchors = new Set([...reference.matchAll(/^## (.+)$/gm)].map((m) => m[1].toLowerCase().replace(/[^a-z0-9_ -]/g, "").replace(/ /g, "-")));
    for (const fn of metadata.functions) {
      expect([fn.id, fn.helpUrl]).toEqual([fn.id, `https://localhost:3000/docs/functions.md#aps${fn.name.toLowerCase()}`]);
      expect([fn.id, anchors.has(`aps${fn.name.toLowerCase()}`)]).toEqual([fn.id, true]);
    }
    expect(fs.existsSync(path.join(ROOT, "dist", "docs", "functions.md"))).toBe(true);
  });

  test("a public URL moves every help URL off localhost", () => {
    const moved = finishFunctionsMetadata(fs.readFileSync(built("functions.json"), "utf8"), "https://example.org/aps");
    expect(moved).not.toMatch(/localhost/);
    const first = (JSON.parse(moved) as ICustomFunctionsMetadata).functions[0];
    expect(first.helpUrl).toBe(`https://example.org/aps/docs/functions.md#aps${first.name.toLowerCase()}`);
  });

  test("the heavy functions return promises (they run in the functions worker)", () => {
    for (const id of ["PLAN", "FORECAST", "FORECAST_RATE", "FORECAST_ERROR_SD", "FORECAST_MODEL"]) {
      const fn = metadata.functions.find((f) => f.id === id)!;
      expect([id, runtime.associations.get(id)?.constructor.name]).toEqual([id, "AsyncFunction"]);
      expect(fn).toBeDefined();
    }
  });
});

describe("the task pane's example formulas", () => {
  const parse = (formula: string) => {
    const match = /^=APS\.([A-Z0-9_.]+)\((.*)\)$/i.exec(formula);
    if (!match) throw new Error(`not an =APS.NAME(...) formula: ${formula}`);
    const args = match[2].trim() === "" ? [] : match[2].split(",").map((a) => Number(a.trim()));
    return { name: match[1].toUpperCase(), args };
  };

  test.each(FORMULA_EXAMPLES.map((e) => [e.formula, e] as const))("%s gives the result the pane shows", async (_formula, example) => {
    const { name, args } = parse(example.formula);
    const fn = metadata.functions.find((f) => f.name.toUpperCase() === name);
    expect(fn).toBeDefined();
    const required = fn!.parameters.filter((p) => !p.optional && !p.repeating).length;
    expect(args.length).toBeGreaterThanOrEqual(required);
    expect(args.length).toBeLessThanOrEqual(fn!.parameters.some((p) => p.repeating) ? Infinity : fn!.parameters.length);
    // Excel passes a range argument (any[][]) a typed scalar as [[x]], and null for omitted optional ones.
    const cells = fn!.parameters.map((p, i) => (i >= args.length ? null : p.dimensionality === "matrix" ? [[args[i]]] : args[i]));
    const impl = runtime.associations.get(fn!.id) as (...a: unknown[]) => unknown;
    const returned = await impl(...cells, ...(takesInvocation(fn!) ? [{}] : []));
    const value = fn!.result?.dimensionality === "matrix" ? (returned as unknown[][])[0][0] : returned;
    if (value instanceof FakeCustomFunctionError) throw new Error(`${example.formula} shows ${value.code}: ${value.message}`);
    expect(typeof value).toBe("number");
    const tolerance = 1e-4 * Math.max(1, Math.abs(example.result));
    expect(Math.abs((value as number) - example.result)).toBeLessThanOrEqual(tolerance);
  });
});
