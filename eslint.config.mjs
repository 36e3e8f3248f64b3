// ESLint (flat config, typescript-eslint): a few sane defaults for every TypeScript file, and the rule
// the architecture rests on: src/engine stays pure (no Office, DOM, React, files or other Node modules).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Modules the engine must not import: Office, the DOM's frameworks, files and processes. */
const ENGINE_FORBIDDEN_MODULES = [
  "react", "react-dom", "react-dom/*", "@fluentui/*", "exceljs", "jszip", "@microsoft/office-js", "office-js",
  "fs", "fs/*", "path", "os", "child_process", "worker_threads", "http", "https", "net", "url", "crypto", "stream", "zlib", "util",
  "node:*",
];

/** Globals of Office and the browser the engine must not touch. */
const ENGINE_FORBIDDEN_GLOBALS = [
  "Office", "Excel", "CustomFunctions", "OfficeRuntime", "window", "document", "navigator", "localStorage", "sessionStorage",
  "fetch", "XMLHttpRequest", "Worker", "self", "process", "require", "__dirname", "__filename", "Buffer",
].map((name) => ({ name, message: "src/engine is pure TypeScript: no Office, DOM or Node (see docs/architecture.md)." }));

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "test-output/**", "coverage/**", "bin/**", "examples/out/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: "module" },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      ...js.configs.recommended.rules,
      // TypeScript checks names and types itself (tsc --noEmit); these core rules misread TS.
      "no-undef": "off",
      "no-unused-vars": "off",
      "no-redeclare": "off",
      "no-dupe-class-members": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      "no-var": "error",
      "prefer-const": ["error", { destructuring: "all" }],
      "no-debugger": "error",
      "no-console": "off",
      "@typescript-eslint/no-require-imports": "error",
      // The input guards match control characters on purpose (sheet names, text cells, canonical JSON).
      "no-control-regex": "off",
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ENGINE_FORBIDDEN_MODULES, message: "src/engine is pure TypeScript: no Office, DOM, React or Node modules (see docs/architecture.md)." }] }],
      "no-restricted-globals": ["error", ...ENGINE_FORBIDDEN_GLOBALS],
      "no-console": "error",
    },
  },
);
