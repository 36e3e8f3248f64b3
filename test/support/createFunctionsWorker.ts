// jest's stand-in for src/functions/worker/createFunctionsWorker.ts (moduleNameMapper): the same
// worker body, in-process, with messages copied as between threads.
export { inProcessFunctionsWorker as createFunctionsWorker } from "../../src/functions/worker/inProcessWorker";
