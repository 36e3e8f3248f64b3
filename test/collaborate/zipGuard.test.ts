// The zip guard on its own: a zip bomb whose headers lie about its size is caught while inflating,
// stopping at the limit instead of filling memory.

import JSZip from "jszip";
import { zipRefusal } from "../../src/workbook/collaborate/zipGuard";

/** Rewrites every declared uncompressed size (local headers and central directory) to `size`. */
function lieAboutSizes(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe("zipRefusal", () => {
  const limits = { maxFileBytes: 1024 * 1024, maxInflatedBytes: 2 * 1024 * 1024, maxParts: 50, maxRatio: 200 };

  it("lets a small honest workbook-shaped zip through", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/workbook.xml", "<workbook/>");
    expect(await zipRefusal(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), limits)).toBeNull();
  });

  it("refuses a part that claims 1,000 bytes but holds 8 MB (damaged, or over the inflate limit), without loading it", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/worksheets/sheet1.xml", new Uint8Array(8 * 1024 * 1024));
    const liar = lieAboutSizes(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }), 1000);
    expect(liar.length).toBeLessThan(limits.maxFileBytes);
    expect(await zipRefusal(liar, limits)).toMatch(/inflate to more than 2\.0 MB \(a zip bomb\?\)|damaged/);
  });

  it("refuses too many parts and an honest high-ratio part", async () => {
    const many = new JSZip();
    for (let k = 0; k < 60; k++) many.file(`p${k}.xml`, "x");
    expect(await zipRefusal(await many.generateAsync({ type: "uint8array" }), limits)).toMatch(/holds 60 parts/);
    const bomb = new JSZip();
    bomb.file("big.xml", new Uint8Array(4 * 1024 * 1024));
    expect(await zipRefusal(await bomb.generateAsync({ type: "uint8array", compression: "DEFLATE" }), limits)).toMatch(/inflates \d+ times/);
  });
});
