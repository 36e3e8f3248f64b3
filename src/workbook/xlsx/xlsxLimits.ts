// The limits an .xlsx input is checked against before it is loaded (docs/errors.md): its unpacked
// size, each sheet's declared row count and every part's size and CRC-32, read from the zip. Pure
// (no file system): the CLI and the pane's file worker both call it on the file's bytes. JSZip is
// imported lazily.

import { describeBytes, describeCount, INPUT_LIMITS } from "../../engine/limits";
import { partProblem, unsignedSize } from "../tables/zipPartCheck";

/** What a file that is no zip at all is (an empty file, a CSV renamed, a password-protected workbook, which is an OLE file). */
export const NOT_A_WORKBOOK = "not an .xlsx workbook (password-protected, or another format renamed?)";

/** True when the bytes start as a zip file does (a local file header, or an empty zip's directory end). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

/** The message for a file whose zip cannot be opened: not a workbook at all, or a damaged one. */
export function notWorkbookProblem(file: string, bytes: Uint8Array): string {
  if (!looksLikeZip(bytes)) return `${file}: ${NOT_A_WORKBOOK}.`;
  return `${file}: not a readable .xlsx workbook: its zip structure is damaged (the file may be cut short); save it again from Excel.`;
}

/** Largest total unpacked size of a workbook's parts (a zip can unpack to far more than its size). */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

interface ZipEntry {
  name: string;
  dir: boolean;
  _data?: { uncompressedSize?: number };
  internalStream(type: "string"): {
    on(event: "data", listener: (chunk: string) => void): ReturnType<ZipEntry["internalStream"]>;
    on(event: "end", listener: () => void): ReturnType<ZipEntry["internalStream"]>;
    on(event: "error", listener: (error: Error) => void): ReturnType<ZipEntry["internalStream"]>;
    resume(): void;
    pause(): void;
  };
  async(type: "string"): Promise<string>;
}

/** The first characters of a zip entry (up to `length`), without unpacking the rest. */
function headOf(entry: ZipEntry, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    let done = false;
    const stream = entry.internalStream("string");
    stream
      .on("data", (chunk) => {
        text += chunk;
        if (!done && text.length >= length) {
          done = true;
          stream.pause();
          resolve(text);
        }
      })
      .on("error", (error) => { if (!done) { done = true; reject(error); } })
      .on("end", () => { if (!done) { done = true; resolve(text); } });
    stream.resume();
  });
}

/** Sheet names by worksheet part ("xl/worksheets/sheet2.xml" → "Arcs"), from workbook.xml and its rels. */
async function sheetNames(files: Record<string, ZipEntry>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const workbook = files["xl/workbook.xml"];
  const rels = files["xl/_rels/workbook.xml.rels"];
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  for (const m of (await rels.async("string")).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  for (const m of (await workbook.async("string")).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    if (name && id && targets.has(id)) names.set(targets.get(id)!, name.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"));
  }
  return names;
}

/** Rows a worksheet part declares in its <dimension ref="A1:K20001"/>, or null when it does not say. */
export function declaredRows(head: string): number | null {
  const ref = /<(?:\w+:)?dimension\b[^>]*\bref="([^"]*)"/.exec(head)?.[1];
  if (!ref) return null;
  const rows = ref.split(":").map((cell) => Number(/(\d+)$/.exec(cell)?.[1] ?? NaN));
  if (rows.some((r) => !Number.isFinite(r))) return null;
  return rows.length === 1 ? 1 : Math.abs(rows[1] - rows[0]) + 1;
}

/**
 * Why an .xlsx input cannot be loaded within the limits (the message names `file`), or null: its zip
 * is read and its declared unpacked size and sheet row counts checked, before ExcelJS loads it.
 */
export async function xlsxLimitProblem(file: string, bytes: Uint8Array): Promise<string | null> {
  try {
    return await zipLimitProblem(file, bytes);
  } catch {
    // A damaged part (a size that does not match, bad deflate data) shows while its head is read.
    return `${file}: not a readable .xlsx workbook: a part of it is damaged (it does not unpack); save it again from Excel.`;
  }
}

async function zipLimitProblem(file: string, bytes: Uint8Array): Promise<string | null> {
  const JSZip = (await import("jszip")).default;
  if (!looksLikeZip(bytes)) return `${file}: ${NOT_A_WORKBOOK}.`;
  let zip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return notWorkbookProblem(file, bytes);
  }
  const files = zip.files as unknown as Record<string, ZipEntry>;
  if (!files["[Content_Types].xml"] || !files["xl/workbook.xml"]) return `${file}: not an .xlsx workbook (a zip file without a workbook inside; another format renamed?).`;
  const unpacked = Object.values(files).reduce((sum, entry) => sum + unsignedSize(entry._data?.uncompressedSize ?? 0), 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    return `${file}: the workbook unpacks to ${describeBytes(unpacked)}; aps reads workbooks of at most ${describeBytes(MAX_UNPACKED_BYTES)} unpacked.`;
  }
  const names = await sheetNames(files);
  for (const entry of Object.values(files)) {
    if (entry.dir || !/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    let rows: number | null;
    try {
      rows = declaredRows(await headOf(entry, 4096));
    } catch {
      return `${file}: not a readable .xlsx workbook: part ${entry.name} is damaged (it does not unpack); save it again from Excel.`;
    }
    if (rows !== null && rows > INPUT_LIMITS.sheetRows) {
      const sheet = names.get(entry.name) ?? entry.name;
      return `${file}: sheet "${sheet}" has ${describeCount(rows)} rows; aps reads workbooks of at most ${describeCount(INPUT_LIMITS.sheetRows)} rows per sheet (move other data to another workbook).`;
    }
  }
  // Neither JSZip (by default) nor ExcelJS checks the CRC-32: a part damaged into other well-formed XML
  // would load as other data. Each part inflates once here, stopping past its declared size.
  for (const entry of Object.values(files)) {
    let problem: string | null;
    try {
      problem = await partProblem(entry);
    } catch {
      return `${file}: not a readable .xlsx workbook: part ${entry.name} is damaged (it does not unpack); save it again from Excel.`;
    }
    if (problem !== null) return `${file}: not a readable .xlsx workbook (part ${entry.name} ${problem}).`;
  }
  return null;
}

