// Checks one part of a zip as it inflates, keeping nothing: its size against the size the zip declares
// and its CRC-32 against the stored one. A part can inflate to well-formed XML that is not what was
// written (a changed byte in its deflated data); only the checksum tells, and JSZip skips it by default.

/** The CRC-32 (IEEE 802.3, as in zip) lookup table. */
const TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/**
 * The CRC-32 of `bytes` continued from `crc` (0 to start), as an unsigned 32-bit number.
 * @example crc32(new TextEncoder().encode("123456789")) // 0xcbf43926
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * A size from a zip directory as the unsigned 32-bit number it is: JSZip reads the 4 bytes as a signed
 * int, so a part declared to unpack to 2 GB or more shows a negative size and would pass any limit.
 * @example unsignedSize(-1073741824) // 3221225472 (3 GB)
 */
export function unsignedSize(size: number): number {
  return size >>> 0;
}

/** What a JSZip entry offers (its internal stream and the directory's figures are not in JSZip's typings). */
interface CheckedEntry {
  name: string;
  dir: boolean;
  _data?: { uncompressedSize?: number; crc32?: number };
  internalStream(type: "uint8array"): {
    on(event: "data", listener: (chunk: Uint8Array) => void): unknown;
    on(event: "error", listener: (error: Error) => void): unknown;
    on(event: "end", listener: () => void): unknown;
    pause(): void;
    resume(): void;
  };
}

/**
 * Inflates `entry` and says what is wrong with it (one phrase), or null when its size and CRC-32 are
 * those the zip declares. Stops as soon as it inflates past its declared size. Rejects when the
 * deflated data itself is broken.
 * @example await partProblem(zip.files["xl/worksheets/sheet1.xml"]) // "is damaged: its CRC-32 check fails"
 */
export function partProblem(entry: unknown): Promise<string | null> {
  const part = entry as CheckedEntry;
  const size32 = part._data?.uncompressedSize;
  const stored = part._data?.crc32;
  if (part.dir || size32 === undefined || stored === undefined) return Promise.resolve(null);
  const declared = unsignedSize(size32);
  return new Promise((resolve, reject) => {
    let size = 0, crc = 0, done = false;
    const finish = (problem: string | null) => { if (!done) { done = true; resolve(problem); } };
    const stream = part.internalStream("uint8array");
    stream.on("data", (chunk: Uint8Array) => {
      if (done) return;
      size += chunk.length;
      if (size > declared) {
        stream.pause();
        finish(`unpacks to more than the ${declared} bytes it declares`);
        return;
      }
      crc = crc32(chunk, crc);
    });
    stream.on("error", (error: Error) => { if (!done) { done = true; reject(error); } });
    stream.on("end", () => {
      if (size !== declared) finish(`unpacks to ${size} bytes, not the ${declared} it declares`);
      else finish(crc === stored >>> 0 ? null : "is damaged: its CRC-32 check fails");
    });
    stream.resume();
  });
}
