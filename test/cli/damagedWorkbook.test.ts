// A damaged .xlsx given to any command that reads workbooks (the compare fuzz suite once found one that
// crashed): a valid workbook built with ExcelJS, damaged in specific ways at the zip level, must give
// exit 2 with a message naming the file, no stack trace, and nothing written — for plan, schedule,
// forecast, compare and merge (the buyer's workbook and the partner's response).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runAps } from "../support/runCli";
import { crc32, unsignedSize } from "../../src/workbook/tables/zipPartCheck";

/** The workbook every command can read: a two-stage network, its demand history and a small job shop. */
async function validWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const table = (sheet: string, name: string, headers: string[], rows: unknown[][]) =>
    book.addWorksheet(sheet).addTable({ name, ref: "A1", headerRow: true, columns: headers.map((h) => ({ name: h })), rows });
  // Sheet 1 (xl/worksheets/sheet1.xml): the part the damages below aim at.
  table("Stages", "Stages", ["Id", "Owner", "Demand Rate", "Demand Sd", "Processing Time", "Holding Cost", "Order Cost", "External Inbound Time", "Service Cost", "Penalty Cost"], [
    ["Frame Welding", "FrameWorks", null, null, 2, 0.22, 300, 1, 1.2, 5],
    ["Final Assembly", "BikeCo", 40, 12, 0.5, 0.45, 400, null, 2, 8],
  ]);
  table("Arcs", "Arcs", ["From", "To", "Quantity"], [["Frame Welding", "Final Assembly", 1]]);
  table("Demand History", "DemandHistory", ["Stage", "Period", "Quantity"],
    Array.from({ length: 24 }, (_, t) => ["Final Assembly", t + 1, 40 + ((t * 7) % 11)]));
  table("Operations", "Operations", ["Job", "Step", "Machine", "Duration"], [
    ["Order 1", 0, "Saw", 3], ["Order 1", 1, "Lathe", 2], ["Order 2", 0, "Lathe", 4], ["Order 2", 1, "Saw", 1],
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Where a part sits in the zip: its central-directory record, local header and compressed data. */
function locate(zip: Buffer, name: string) {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const recordLength = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (zip.toString("utf8", at + 46, at + 46 + nameLength) === name) {
      const local = zip.readUInt32LE(at + 42);
      const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      return { central: at, local, data, compressedSize: zip.readUInt32LE(at + 20), method: zip.readUInt16LE(at + 10), centralStart: zip.readUInt32LE(eocd + 16), eocd };
    }
    at += recordLength;
  }
  throw new Error(`no part ${name}`);
}

const SHEET = "xl/worksheets/sheet1.xml";

/** Sets the size a part declares it unpacks to, in its central-directory record and its local header. */
function declareSize(valid: Buffer, name: string, bytes: number): Buffer {
  const part = locate(valid, name);
  const damaged = Buffer.from(valid);
  damaged.writeUInt32LE(bytes, part.central + 24);
  damaged.writeUInt32LE(bytes, part.local + 22);
  return damaged;
}

/** The damages, each made from valid bytes, and what the refusal says (besides the file's name). */
const DAMAGES: [string, (valid: Buffer) => Promise<Buffer>, RegExp][] = [
  ["truncated in the middle of sheet1.xml", async (valid) => {
    const part = locate(valid, SHEET);
    return valid.subarray(0, part.data + Math.floor(part.compressedSize / 2));
  }, /damaged|central directory/],
  ["sheet1.xml's deflated data changed to another valid sheet (a digit of a value), so only its CRC-32 tells", async (valid) => {
    const crc = valid.readUInt32LE(locate(valid, SHEET).central + 16);
    const zip = await JSZip.loadAsync(valid);
    const xml = await zip.file(SHEET)!.async("string");
    const changed = xml.replace(/<v>(\d)/, (_all, d: string) => `<v>${(Number(d) + 1) % 10}`);
    expect(changed).not.toBe(xml);
    zip.file(SHEET, changed);
    const damaged = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const part = locate(damaged, SHEET);
    // The old checksum stays in both headers: the part inflates to well-formed XML that is not what was written.
    damaged.writeUInt32LE(crc, part.central + 16);
    damaged.writeUInt32LE(crc, part.local + 14);
    return damaged;
  }, /CRC-32/],
  ["bytes flipped in the middle of sheet1.xml's deflated data", async (valid) => {
    const part = locate(valid, SHEET);
    const damaged = Buffer.from(valid);
    for (let k = 0; k < 8; k++) damaged[part.data + Math.floor(part.compressedSize / 2) + k] ^= 0xff;
    return damaged;
  }, /damaged|readable/],
  ["the central directory overwritten with garbage", async (valid) => {
    const { centralStart, eocd } = locate(valid, SHEET);
    const damaged = Buffer.from(valid);
    damaged.fill(0xa5, centralStart, Math.min(eocd, centralStart + 200));
    return damaged;
  }, /damaged|central dir/],
  ["sharedStrings.xml that is not XML", async (valid) => {
    const zip = await JSZip.loadAsync(valid);
    expect(zip.file("xl/sharedStrings.xml")).not.toBeNull();
    zip.file("xl/sharedStrings.xml", "this is not XML <<< & >>> \u0000\u0001");
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }, /damaged|readable/],
  // 3 GB is above 2³¹: JSZip reads it as a negative size, which once slipped past the size limits.
  ["sheet1.xml declared to unpack to 3 GB", async (valid) => declareSize(valid, SHEET, 3 * 1024 ** 3), /unpacks to 3072 MiB|inflates \d+ times/],
  ["sheet1.xml declared to unpack to 1.5 GB", async (valid) => declareSize(valid, SHEET, 1.5 * 1024 ** 3), /unpacks to 1536 MiB|inflates \d+ times/],
];

let folder: string;
let valid: Buffer;
/** The buyer's workbook after `aps share` (its Shares table lists the package) and the package itself. */
let sharedBook: Buffer;
let response: Buffer;

beforeAll(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "aps-damaged-"));
  valid = await validWorkbook();
  // The partner's response to the buyer's workbook: the package `aps share` writes for FrameWorks.
  const book = path.join(folder, "book.xlsx");
  const bookOut = path.join(folder, "book-shared.xlsx");
  const pkg = path.join(folder, "package.xlsx");
  fs.writeFileSync(book, valid);
  const shared = await runAps("share", book, "--partner", "FrameWorks", "--out", pkg, "--book-out", bookOut, "--now", "2026-12-01T10:00:00Z", "--user", "test");
  expect(shared.stderr).toBe("");
  sharedBook = fs.readFileSync(bookOut);
  response = fs.readFileSync(pkg);
  for (const f of [book, bookOut, pkg]) fs.rmSync(f);
}, 30_000);
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** A command on a damaged file: its argument vector, given the damaged path, an intact one and an out path. */
interface CommandCase { label: string; intact: () => Buffer; args: (damaged: string, intact: string, out: string) => string[] }
const COMMANDS: CommandCase[] = [
  { label: "aps plan", intact: () => valid, args: (d, _i, out) => ["plan", d, "--out", out] },
  { label: "aps schedule", intact: () => valid, args: (d, _i, out) => ["schedule", d, "--iterations", "50", "--seed", "1", "--out", out] },
  { label: "aps forecast", intact: () => valid, args: (d, _i, out) => ["forecast", d, "--out", out] },
  { label: "aps compare (damaged base)", intact: () => valid, args: (d, i, out) => ["compare", d, i, "--out", out] },
  { label: "aps compare (damaged variant)", intact: () => valid, args: (d, i, out) => ["compare", i, d, "--out", out] },
  { label: "aps merge (damaged book)", intact: () => response, args: (d, i, out) => ["merge", d, i, "--out", out, "--now", "2026-12-02T10:00:00Z"] },
  { label: "aps merge (damaged response)", intact: () => sharedBook, args: (d, i, out) => ["merge", i, d, "--out", out, "--now", "2026-12-02T10:00:00Z"] },
];

/** What a command case damages: merge the shared book or the package, the others the workbook. */
const damageSource = (command: CommandCase) =>
  command.label === "aps merge (damaged response)" ? response : command.label === "aps merge (damaged book)" ? sharedBook : valid;

let counter = 0;
/** Writes the inputs into a fresh folder and returns their paths and the out path. */
function inputs(damagedBytes: Buffer, intactBytes: Buffer) {
  const dir = path.join(folder, `case-${counter++}`);
  fs.mkdirSync(dir);
  const damaged = path.join(dir, "damaged.xlsx");
  const intact = path.join(dir, "intact.xlsx");
  fs.writeFileSync(damaged, damagedBytes);
  fs.writeFileSync(intact, intactBytes);
  return { dir, damaged, intact, out: path.join(dir, "out.xlsx") };
}

describe("the intact inputs are read (so the refusals below come from the damage)", () => {
  it.each(COMMANDS.map((c) => [c.label, c] as const))("%s exits 0 on the undamaged files", async (_label, command) => {
    const { damaged, intact, out } = inputs(damageSource(command), command.intact());
    const run = await runAps(...command.args(damaged, intact, out));
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 30_000);
});

describe.each(DAMAGES)("a workbook with %s", (_damage, damage, says) => {
  it.each(COMMANDS.map((c) => [c.label, c] as const))("%s: exit 2, the file named, no stack trace, nothing written", async (_label, command) => {
    const { dir, damaged, intact, out } = inputs(await damage(damageSource(command)), command.intact());
    const before = fs.readdirSync(dir).sort();
    const bytes = fs.readFileSync(damaged);
    const run = await runAps(...command.args(damaged, intact, out));
    if (process.env.SHOW_MESSAGES) console.log(`${_label}: ${run.stderr}`);
    expect(run.stderr).not.toMatch(/\n\s+at .+[(:]\d+/);
    expect(run.stderr).not.toMatch(/internal error|TypeError|RangeError/);
    expect(run.status).toBe(2);
    const lines = run.stderr.split("\n").filter((line) => line.trim() !== "" && !/^nothing was written\.?$/i.test(line.trim()));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toContain(damaged);
    expect(run.stderr).toMatch(says);
    expect(fs.readdirSync(dir).sort()).toEqual(before); // no output, no temporary file left behind
    expect(fs.readFileSync(damaged).equals(bytes)).toBe(true);
  }, 30_000);
});

describe("the part check under the opener", () => {
  it("crc32 gives the standard check value 0xCBF43926 for \"123456789\", also in two pieces", () => {
    const bytes = new TextEncoder().encode("123456789");
    expect(crc32(bytes)).toBe(0xcbf43926);
    expect(crc32(bytes.subarray(4), crc32(bytes.subarray(0, 4)))).toBe(0xcbf43926);
  });

  it("unsignedSize reads JSZip's negative 32-bit sizes back as the sizes declared (3 GB, not −1 GB)", () => {
    expect(unsignedSize(-1073741824)).toBe(3 * 1024 ** 3);
    expect(unsignedSize(1234)).toBe(1234);
  });
});
