// Checks a file from outside before ExcelJS sees it: size, zip signature, number of parts, declared
// uncompressed sizes and ratios, and then the real inflated size (a zip bomb may lie in its headers) and
// each part's CRC-32 (a damaged part may still inflate, to other bytes).

import JSZip from "jszip";
import { crc32, unsignedSize } from "../tables/zipPartCheck";
import { NOT_A_WORKBOOK } from "../xlsx/xlsxLimits";

export interface ZipLimits {
  /** Largest file accepted, bytes (checked before anything is read). */
  maxFileBytes: number;
  /** Largest total of the parts once inflated, bytes. */
  maxInflatedBytes: number;
  maxParts: number;
  /** Largest inflated / compressed ratio of a part bigger than 1 MB. */
  maxRatio: number;
}

export const RESPONSE_LIMITS: ZipLimits = { maxFileBytes: 10 * 1024 * 1024, maxInflatedBytes: 100 * 1024 * 1024, maxParts: 2000, maxRatio: 200 };

interface ZipEntryData {
  compressedSize?: number;
  uncompressedSize?: number;
  crc32?: number;
}

interface ZipStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): ZipStream;
  on(event: "error", listener: (error: Error) => void): ZipStream;
  on(event: "end", listener: () => void): ZipStream;
  pause(): void;
  resume(): void;
}

/** The inflated size of a part (stopping once over `budget`) and whether its CRC-32 is the stored one. */
function inflatedSize(entry: JSZip.JSZipObject, budget: number): Promise<{ size: number; crcMatches: boolean }> {
  return new Promise((resolve, reject) => {
    let total = 0, crc = 0, over = false;
    // jszip's internal stream (not in its typings) lets the inflating stop once over budget.
    const stream = (entry as unknown as { internalStream(type: "uint8array"): ZipStream }).internalStream("uint8array");
    stream.on("data", (chunk: Uint8Array) => {
      if (over) return;
      total += chunk.length;
      crc = crc32(chunk, crc);
      if (total > budget) {
        over = true;
        stream.pause();
        resolve({ size: total, crcMatches: true });
      }
    });
    stream.on("error", (error: Error) => reject(error));
    stream.on("end", () => {
      const stored = (entry as unknown as { _data?: ZipEntryData })._data?.crc32;
      if (!over) resolve({ size: total, crcMatches: stored === undefined || crc === stored >>> 0 });
    });
    stream.resume();
  });
}

/** Why the bytes are refused (one sentence), or null when they may be loaded. */
export async function zipRefusal(bytes: Uint8Array, limits: ZipLimits = RESPONSE_LIMITS): Promise<string | null> {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (bytes.length > limits.maxFileBytes) return `the file is ${mb(bytes.length)}, over the limit of ${mb(limits.maxFileBytes)}`;
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return `it is ${NOT_A_WORKBOOK}`;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    return "it is damaged: its zip structure does not read (the file may be cut short)";
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > limits.maxParts) return `it holds ${entries.length} parts, more than the ${limits.maxParts} a workbook needs`;
  let declared = 0;
  for (const entry of entries) {
    const data = (entry as unknown as { _data?: ZipEntryData })._data ?? {};
    const inflated = unsignedSize(data.uncompressedSize ?? 0);
    const packed = Math.max(1, unsignedSize(data.compressedSize ?? 1));
    declared += inflated;
    if (inflated > 1024 * 1024 && inflated / packed > limits.maxRatio) return `part "${entry.name}" inflates ${Math.round(inflated / packed)} times (a zip bomb?)`;
  }
  if (declared > limits.maxInflatedBytes) return `its parts inflate to ${mb(declared)}, over the limit of ${mb(limits.maxInflatedBytes)} (a zip bomb?)`;
  let real = 0;
  try {
    for (const entry of entries) {
      const { size, crcMatches } = await inflatedSize(entry, limits.maxInflatedBytes - real);
      real += size;
      if (real > limits.maxInflatedBytes) return `its parts inflate to more than ${mb(limits.maxInflatedBytes)} (a zip bomb?)`;
      if (!crcMatches) return `it is damaged (part "${entry.name}" fails its CRC-32 check)`;
    }
  } catch {
    return "it is damaged: a part of it does not unpack";
  }
  if (!zip.file("[Content_Types].xml") || !zip.file("xl/workbook.xml")) return "it is not an .xlsx workbook (a zip file without a workbook inside; another format renamed?)";
  return null;
}
