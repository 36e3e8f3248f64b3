// Runs the `aps` command in-process and captures what it prints.

import { main } from "../../src/cli/main";

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runAps(...args: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const status = await main(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { status, stdout, stderr };
}
