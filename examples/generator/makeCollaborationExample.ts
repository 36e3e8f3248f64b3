// Writes examples/collaboration/: BikeCo's workbook after sharing with FrameWorks and GearTech, the
// two packages, and FrameWorks' filled-in response (as a supplier would send it back).
// Run: npx tsx examples/generator/makeCollaborationExample.ts

import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";

const here = path.join(__dirname, "..");
const out = path.join(here, "collaboration");
const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t) };

async function run(): Promise<void> {
  await fs.mkdir(out, { recursive: true });
  const book = path.join(out, "bikeco.xlsx");
  await fs.copyFile(path.join(here, "supply-chain.xlsx"), book);
  for (const partner of ["FrameWorks", "GearTech"]) {
    const status = await main(["share", book, "--partner", partner, "--out", path.join(out, `${partner}-package.xlsx`), "--now", "2026-12-01T09:00:00Z", "--user", "planner", "--deadline", "2026-12-08"], io);
    if (status !== 0) throw new Error(`share with ${partner} failed`);
  }
  // FrameWorks answers: welding needs 2 days and runs at 55 frames a day; tube cutting as planned.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(out, "FrameWorks-package.xlsx"));
  const sheet = workbook.getWorksheet("Commitments")!;
  const rows: Record<string, (string | number)[]> = {
    "Frame Welding": [55, 2, 20, "Capacity", "Second shift only from January."],
    "Tube Cutting": [180, 0, 160, "As planned", ""],
  };
  for (let r = 2; r <= sheet.rowCount; r++) {
    const answer = rows[String(sheet.getCell(r, 1).value)];
    answer?.forEach((value, c) => { if (value !== "") sheet.getCell(r, c + 2).value = value; });
  }
  await workbook.xlsx.writeFile(path.join(out, "FrameWorks-response.xlsx"));
  console.log(`Wrote ${out}. Try: npx tsx src/cli/main.ts merge examples/collaboration/bikeco.xlsx examples/collaboration/FrameWorks-response.xlsx --out examples/out/bikeco-merged.xlsx`);
}

void run();
