// Jest runs the TypeScript sources directly; type checking is `npm run typecheck`'s job.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Two workers: the machine has two cores, and jest would otherwise use one.
  maxWorkers: 2,
  // A generous per-test limit: a test states what must hold, never how fast (speed is the benchmarks'
  // to measure), and a loaded 2-core machine can take many seconds for a whole-workbook round trip.
  testTimeout: 120_000,
  roots: ["<rootDir>/test"],
  // One fixed fast-check seed unless FUZZ_SEED says otherwise (test/support/fastCheckSeed.ts).
  setupFiles: ["<rootDir>/test/support/fastCheckSeed.ts"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }],
  },
  moduleNameMapper: {
    // office-addin-manifest pulls an ESM-only dependency that jest cannot import (ADDIN-NOTES.md).
    "^office-addin-manifest$": "<rootDir>/test/support/officeAddinManifestStub.js",
    // jest cannot load `new URL("./worker.ts", import.meta.url)`: the custom functions' worker runs in-process.
    "^(.*/)?createFunctionsWorker$": "<rootDir>/test/support/createFunctionsWorker.ts",
  },
};
