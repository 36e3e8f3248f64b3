// Generated output targets and argument vectors: where a careless user points --out (a folder that
// does not exist, a path under a file, an existing folder, the input itself or through a link, odd
// names), and flags as typed in a hurry (negative numbers, unknown options, impossible dates).

import fc from "fast-check";
import * as fs from "node:fs";
import * as path from "node:path";

/** How a bad target is made next to the input; `refused` is false for the one good kind. */
export type TargetKind = "missing folder" | "under a file" | "a folder" | "the input" | "input through a link" | "link to the input" | "hard link to the input" | "fine";

export interface TargetSpec {
  kind: TargetKind;
  /** The file name asked for (odd characters allowed). */
  name: string;
}

/** Names a user types: spaces, unicode, dots, a leading dash. */
const targetName = fc.oneof(
  fc.constantFrom("out", "my plan", "résumé", "漢字", "a.b", "-out", "out ", "..out"),
  fc.stringMatching(/^[A-Za-z0-9 _.-]{1,12}$/).filter((n) => n.trim() !== "" && n !== "." && n !== ".."),
);

/** A bad (or, one time in eight, good) --out target. */
export const targetSpec: fc.Arbitrary<TargetSpec> = fc.record({
  kind: fc.constantFrom<TargetKind>("missing folder", "under a file", "a folder", "the input", "input through a link", "link to the input", "hard link to the input", "fine"),
  name: targetName,
});

/**
 * Makes the target in `folder` next to `input` (a real file there); returns the path to give as
 * --out and the input path to give to the command (the link when the kind asks for one).
 */
export function makeTarget(folder: string, input: string, spec: TargetSpec, extension: string): { out: string; input: string } {
  const file = `${spec.name}${extension}`;
  switch (spec.kind) {
    case "missing folder": return { out: path.join(folder, "no such folder", file), input };
    case "under a file": {
      fs.writeFileSync(path.join(folder, "a file"), "x");
      return { out: path.join(folder, "a file", file), input };
    }
    case "a folder": {
      fs.mkdirSync(path.join(folder, file), { recursive: true });
      return { out: path.join(folder, file), input };
    }
    case "the input": return { out: input, input };
    case "input through a link": {
      const link = path.join(folder, `link ${path.basename(input)}`);
      fs.symlinkSync(input, link);
      return { out: input, input: link };
    }
    case "link to the input": {
      const link = path.join(folder, file);
      fs.symlinkSync(input, link);
      return { out: link, input };
    }
    case "hard link to the input": {
      const link = path.join(folder, file);
      fs.linkSync(input, link);
      return { out: link, input };
    }
    case "fine": return { out: path.join(folder, file), input };
  }
}

/** Numbers typed after a flag, negative ones first. */
const flagNumber = fc.constantFrom("-5", "-0", "-0.5", "-.5", "-1e3", "-Infinity", "-NaN", "0", "1", "1e999", "2.5", "abc", "");

/** Dates and times, real and impossible. */
const flagDate = fc.constantFrom("2027-02-30", "2028-02-29", "2027-13-01", "2027-00-10", "2026-12-01T25:00:00Z", "2026-12-01T10:00:00Z", "yesterday", "2027-2-3", "-5");

/** The flags of each command (values drawn from flagNumber or flagDate), and unknown ones. */
const FLAGS: Record<string, string[]> = {
  plan: ["--out", "--json", "--scenarios", "--placement-method", "--rate-method", "--placement-time-limit", "--default-service-level"],
  compare: ["--out", "--json"],
  schedule: ["--time-limit", "--iterations", "--seed", "--objective", "--out", "--json"],
  reschedule: ["--now", "--frozen", "--time-limit", "--iterations", "--seed", "--disruption-weight", "--promise", "--quantity", "--objective", "--out", "--json"],
  simulate: ["--replications", "--horizon", "--warmup", "--seed", "--mode", "--demand", "--service", "--policies", "--out", "--json"],
  forecast: ["--horizon", "--season-length", "--out", "--json"],
  share: ["--partner", "--out", "--book-out", "--deadline", "--now", "--user"],
  merge: ["--out", "--now", "--user"],
  supply: ["--out", "--json", "--time-limit", "--promise", "--period", "--quantity", "--horizon", "--frozen-periods", "--lot-sizing"],
  audit: [],
};

export const COMMANDS = Object.keys(FLAGS);

/** A vector of arguments for `command`: its flags with odd values, unknown flags, stray words. */
export function argumentVector(command: string): fc.Arbitrary<string[]> {
  const flag = fc.constantFrom(...FLAGS[command], "--bogus", "-x", "--Out", "--out=", "--", "--json=1", "--help=no");
  const pair = fc.tuple(flag, fc.oneof(flagNumber, flagDate)).map(([f, v]) => [f, v]);
  return fc.array(fc.oneof({ weight: 3, arbitrary: pair }, { weight: 1, arbitrary: flag.map((f) => [f]) }, { weight: 1, arbitrary: flagNumber.map((v) => [v]) }), { maxLength: 4 })
    .map((parts) => parts.flat());
}
