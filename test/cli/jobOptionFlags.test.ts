// The flags of the pane's Plan and Supply options: a bad value exits 2 with a message naming the flag
// and why, before any file is read; the help names every flag and says a Settings row wins.
import * as path from "path";
import { flagOf, optionFlagValue } from "../../src/cli/jobOptionFlags";
import { planJob } from "../../src/workbook/plan/planJob";
import { supplyJob } from "../../src/workbook/supply/supplyJob";
import { runAps } from "../support/runCli";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const option = (job: typeof planJob, name: string) => job.options.find((o) => o.name === name)!;

describe("flagOf", () => {
  it.each([["placementMethod", "placement-method"], ["placementTimeLimit", "placement-time-limit"], ["horizon", "horizon"]])("flagOf(%s) = %s", (name, flag) => {
    expect(flagOf(name)).toBe(flag);
  });
});

describe("optionFlagValue: the option's choices and range, then its Settings rule", () => {
  it("takes the pane's values", () => {
    expect(optionFlagValue(option(planJob, "placementMethod"), "tree-dp")).toEqual({ value: "tree-dp" });
    expect(optionFlagValue(option(planJob, "defaultServiceLevel"), "0.9")).toEqual({ value: 0.9 });
    expect(optionFlagValue(option(supplyJob, "horizon"), "1000")).toEqual({ value: 1000 });
    expect(optionFlagValue(option(supplyJob, "frozenPeriods"), "0")).toEqual({ value: 0 });
  });

  it("refuses what the pane's run refuses, saying why", () => {
    expect(optionFlagValue(option(planJob, "rateMethod"), "Exact")).toEqual({ problem: 'must be one of closed-form, exact (got "Exact")' });
    expect(optionFlagValue(option(planJob, "defaultServiceLevel"), "1")).toEqual({ problem: "must be strictly between 0 and 1 (got 1)" });
    expect(optionFlagValue(option(planJob, "placementTimeLimit"), "0")).toEqual({ problem: "must be greater than 0 (got 0)" });
    expect(optionFlagValue(option(supplyJob, "horizon"), "1001")).toEqual({ problem: "must be at most 1,000 (got 1001): larger figures overflow the plan" });
    expect(optionFlagValue(option(supplyJob, "frozenPeriods"), "1.5")).toEqual({ problem: "must be a whole number ≥ 0 (got 1.5)" });
    expect(optionFlagValue(option(supplyJob, "horizon"), "")).toEqual({ problem: 'must be a whole number (got "")' });
  });
});

describe("a bad value exits 2 naming the flag", () => {
  const cases: [string, string, string, RegExp][] = [
    ["plan", "--placement-method", "fastest", /^--placement-method must be one of auto, paper-rule, tree-dp, branch-and-bound, all-stock, make-to-order \(got "fastest"\)\.$/],
    ["plan", "--rate-method", "approx", /^--rate-method must be one of closed-form, exact \(got "approx"\)\.$/],
    ["plan", "--placement-time-limit", "-5", /^--placement-time-limit must be greater than 0 \(got -5\)\.$/],
    ["plan", "--placement-time-limit", "100000", /^--placement-time-limit must be at most 86,400 \(got 100000\)/],
    ["plan", "--default-service-level", "95", /^--default-service-level must be strictly between 0 and 1 \(got 95\) \(for 95 % write 0\.95\)\.$/],
    ["plan", "--default-service-level", "high", /^--default-service-level must be a number \(got "high"\)\.$/],
    ["supply", "--horizon", "0", /^--horizon must be greater than 0 \(got 0\)\.$/],
    ["supply", "--horizon", "12.5", /^--horizon must be a whole number from 1 to 1000 \(got 12\.5\)\.$/],
    ["supply", "--frozen-periods", "-1", /^--frozen-periods must not be negative \(got -1\)\.$/],
    ["supply", "--lot-sizing", "MIP", /^--lot-sizing must be one of none, mip \(got "MIP"\)\.$/],
  ];
  it.each(cases)("aps %s FILE %s %s", async (command, flag, value, message) => {
    const file = path.join(EXAMPLES, command === "plan" ? "supply-chain.xlsx" : "supply-plan.xlsx");
    const run = await runAps(command, file, flag, value, "--json");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.split("\n")[0]).toMatch(message);
  });

  it("a flag without its value is named too", async () => {
    const run = await runAps("supply", path.join(EXAMPLES, "supply-plan.xlsx"), "--horizon");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^--horizon needs a value/);
  });
});

describe("--help", () => {
  it.each([
    ["plan", ["--placement-method", "--rate-method", "--placement-time-limit", "--default-service-level"]],
    ["supply", ["--time-limit", "--horizon", "--frozen-periods", "--lot-sizing"]],
  ])("aps %s --help names %j and says a Settings row wins", async (command, flags) => {
    const run = await runAps(command, "--help");
    for (const flag of flags) expect(run.stderr + run.stdout).toContain(flag);
    expect(run.stderr + run.stdout).toMatch(/row of FILE's\s+Settings \(its "settings" in \.json\)\s+wins over the flag/);
  });
});
