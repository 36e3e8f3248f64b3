// The lint rule that keeps src/engine pure can fail: ESLint (eslint.config.mjs) refuses an engine file
// that imports a Node module, React or ExcelJS, or touches window, document or Office, and accepts
// the same code outside the engine.
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");
const ESLINT = path.join(ROOT, "node_modules", "eslint", "bin", "eslint.js");

/** The rule ids ESLint reports for `code` as if it were the file `file`. */
function lintAs(file: string, code: string): string[] {
  const run = spawnSync(process.execPath, [ESLINT, "--format", "json", "--stdin", "--stdin-filename", file], { cwd: ROOT, input: code, encoding: "utf8" });
  if (run.stdout.trim() === "") throw new Error(run.stderr);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const IMPURE = [
  'import * as fs from "fs";\nexport const a = fs.existsSync("x");',
  'import { readFileSync } from "node:fs";\nexport const a = readFileSync;',
  'import * as React from "react";\nexport const a = React;',
  'import ExcelJS from "exceljs";\nexport const a = ExcelJS;',
  "export const a = (): number => window.innerWidth;",
  "export const a = (): unknown => document.body;",
  "export const a = (): unknown => Office.context;",
].join("\n// next\n");

describe("the engine's purity rule", () => {
  test("refuses Node modules, React, ExcelJS and the DOM's and Office's globals in src/engine", () => {
    const rules = lintAs("src/engine/probe.ts", IMPURE);
    expect(rules.filter((r) => r === "no-restricted-imports")).toHaveLength(4);
    expect(rules.filter((r) => r === "no-restricted-globals")).toHaveLength(3);
  }, 120_000);

  test("accepts the same code in the workbook layer", () => {
    expect(lintAs("src/workbook/probe.ts", IMPURE)).toEqual([]);
  }, 120_000);
});
