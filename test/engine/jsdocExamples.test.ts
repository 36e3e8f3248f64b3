// Runs every `@example` of the engine's JSDoc that is code, `fn(args) // value` or `expr === value`,
// against the module that documents it, and checks the value shown (numbers to the digits shown;
// `…` in an object or array: the rest not shown). Examples in prose, or that name a variable of their
// surroundings (an instance, a shop), are counted apart: they document, they cannot run alone.
// SHOW_EXAMPLES=1 lists the examples that did not run, and why.
import * as fs from "fs";
import * as path from "path";
import { freeNames, parseExpected, sameValue, splitExample, type Expected } from "./support/jsdocExamples";

const ENGINE = path.join(__dirname, "..", "..", "src", "engine");

interface Example {
  file: string;
  line: number;
  text: string;
}

function engineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? engineFiles(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

function examples(): Example[] {
  return engineFiles(ENGINE).flatMap((file) => fs.readFileSync(file, "utf8").split("\n").flatMap((l, k) => {
    const m = /^\s*\*\s*@example\s+(.*)$/.exec(l);
    return m ? [{ file, line: k + 1, text: m[1].trim() }] : [];
  }));
}

type Outcome = { kind: "ok" } | { kind: "context"; why: string } | { kind: "prose" } | { kind: "wrong"; why: string };

/** Evaluates the example's code with the module's exports in scope. */
function evaluate(code: string, scope: Record<string, unknown>): unknown {
  const statements = code.split(/;\s+(?=[^;]*$)/);
  const body = statements.length === 2 ? `${statements[0]}; return (${statements[1]});` : `return (${code});`;
  return new Function(...Object.keys(scope), body)(...Object.values(scope));
}

function run(example: Example): Outcome {
  const split = splitExample(example.text);
  if (!split) return { kind: "prose" };
  let expected: Expected | null = null;
  if (split.expected !== null) {
    expected = parseExpected(split.expected);
    if (!expected) return { kind: "prose" };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const scope = require(example.file) as Record<string, unknown>;
  const free = freeNames(split.code, new Set(Object.keys(scope)));
  if (free.length > 0) return { kind: "context", why: `names ${free.join(", ")}` };
  let actual: unknown;
  try {
    actual = evaluate(split.code, scope);
  } catch (error) {
    if (error instanceof ReferenceError || error instanceof SyntaxError) return { kind: "context", why: error.message };
    return { kind: "wrong", why: `throws ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!expected) return actual === true ? { kind: "ok" } : { kind: "wrong", why: `is ${JSON.stringify(actual)}, not true` };
  return sameValue(actual, expected) ? { kind: "ok" } : { kind: "wrong", why: `gives ${JSON.stringify(actual)}, the example says ${split.expected}` };
}

describe("the engine's JSDoc examples", () => {
  const all = examples();
  const outcomes = all.map((e) => ({ e, o: run(e) }));

  test("every example that runs alone gives the value it shows", () => {
    const wrong = outcomes.filter(({ o }) => o.kind === "wrong").map(({ e, o }) => `${path.relative(ENGINE, e.file)}:${e.line} ${e.text}\n    ${(o as { why: string }).why}`);
    expect(wrong).toEqual([]);
  });

  test("most examples run (the others are prose or name their surroundings' variables)", () => {
    const ran = outcomes.filter(({ o }) => o.kind === "ok").length;
    if (process.env.SHOW_EXAMPLES) console.log(outcomes.filter(({ o }) => o.kind !== "ok").map(({ e, o }) => `${o.kind} ${e.text.slice(0, 90)}`).join("\n"), ran, all.length);
    expect(all.length).toBeGreaterThan(100);
    expect(ran).toBeGreaterThanOrEqual(85);
  });
});
