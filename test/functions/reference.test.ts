// The README's function reference shows, for each example, the answer the code computes.
import * as fs from "fs";
import * as path from "path";
import { REFERENCE_EXAMPLES, formatAnswer } from "./referenceExamples";

const doc = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");

describe("README.md: custom functions reference", () => {
  it.each(REFERENCE_EXAMPLES.map((e) => [e.formula, e] as const))("shows the computed answer of %s", (formula, example) => {
    expect(doc).toContain(`\`${formula}\` → **${formatAnswer(example.run())}**`);
  });
  it("lists every custom function of functions.ts", () => {
    const source = fs.readFileSync(path.join(__dirname, "..", "..", "src", "functions", "functions.ts"), "utf8");
    const ids = [...source.matchAll(/@customfunction (\w+)/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    for (const id of ids) expect(doc).toContain(`| \`APS.${id}\` |`);
  });
});
