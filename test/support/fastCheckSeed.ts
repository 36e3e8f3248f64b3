// Every fast-check property (the fuzz suites included) runs from one fixed seed, so `npm test` and CI
// are repeatable: FUZZ_SEED=<n> replays another seed, FUZZ_SEED=random explores new inputs.
import fc from "fast-check";

const DEFAULT_SEED = 20261201;
const asked = process.env.FUZZ_SEED;
if (asked !== "random") fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: asked === undefined ? DEFAULT_SEED : Number(asked) });
