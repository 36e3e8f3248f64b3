// The `aps` binary as a user runs it (bin/aps.js, a separate process): both commands, exit statuses,
// and the README's first command's example workbook.

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.join(__dirname, "..", "..");
const bin = path.join(root, "bin", "aps.js");

function aps(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("bin/aps.js", () => {
  it("plans the bundled example workbook into a copy with the four result sheets", () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aps-bin-")), "plan.xlsx");
    const run = aps("plan", "examples/supply-chain.xlsx", "--out", out);
    // Standard error carries only progress lines (printed when a step passes half a second, as on a
    // loaded machine), never an error.
    for (const line of run.stderr.split("\n").filter(Boolean)) expect(line).toMatch(/^aps plan: [a-z ]+ \(\d+(\.\d+)? s\)$/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Plan of 6 stage\(s\) and 5 arc\(s\)/);
    expect(run.stdout).toMatch(/Placement\s+tree-dp, proven optimal/);
    expect(fs.statSync(out).size).toBeGreaterThan(10_000);
  });

  it("`npm run plan` (the README's first command) works where examples/out does not exist yet, as in a fresh clone", () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "aps-fresh-"));
    fs.mkdirSync(path.join(fresh, "examples"));
    fs.copyFileSync(path.join(root, "examples", "supply-chain.xlsx"), path.join(fresh, "examples", "supply-chain.xlsx"));
    fs.symlinkSync(path.join(root, "bin"), path.join(fresh, "bin"));
    const script = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts.plan as string;
    const run = spawnSync("sh", ["-c", script], { cwd: fresh, encoding: "utf8", timeout: 120_000 });
    expect(run.stderr.split("\n").filter((l) => l && !/^aps plan: /.test(l))).toEqual([]);
    expect(run.status).toBe(0);
    expect(fs.statSync(path.join(fresh, "examples", "out", "supply-chain.plan.xlsx")).size).toBeGreaterThan(10_000);
    fs.rmSync(fresh, { recursive: true, force: true });
  });

  it("schedules a job-shop file and prints the aps-schedule/1 JSON", () => {
    const run = aps("schedule", "test/fixtures/jobshop/ft06.txt", "--iterations", "2000", "--seed", "3", "--json");
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.format).toBe("aps-schedule/1");
    expect(result.makespan).toBe(55);
  });

  it("exits 2 with the file named on bad input, and 2 with usage on an unknown command", () => {
    const missing = aps("plan", "no-such-file.xlsx");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no-such-file\.xlsx: no such file/);
    const unknown = aps("optimise");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "optimise"/);
  });
});
