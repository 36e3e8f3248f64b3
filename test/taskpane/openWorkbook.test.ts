// Packages leave Excel as new workbooks (Excel.createWorkbook, ExcelApi 1.8), since blob downloads do
// nothing in Excel for Mac's web view; browser mode, other files and older Excel download.
import { fileOffer, toBase64 } from "../../src/taskpane/file/openWorkbook";
import { XLSX_MIME } from "../../src/taskpane/file/download";

describe("fileOffer", () => {
  const bytes = new Uint8Array(70_000).map((_, i) => (i * 37) % 256);

  it("in Excel an .xlsx opens as a new workbook from its base64; nothing downloads", async () => {
    const opened: string[] = [];
    const downloaded: string[] = [];
    const offer = fileOffer(true, XLSX_MIME, (_b, name) => downloaded.push(name), { createWorkbook: async (b64) => { opened.push(b64 ?? ""); } });
    expect(offer.verb).toBe("Open");
    await offer.offer(bytes, "FrameWorks.xlsx", XLSX_MIME);
    expect(downloaded).toEqual([]);
    expect(opened).toEqual([Buffer.from(bytes).toString("base64")]);
  });

  it("browser mode, an Excel without createWorkbook, or another kind of file: a download", async () => {
    for (const offer of [fileOffer(false, XLSX_MIME, () => undefined, null), fileOffer(true, XLSX_MIME, () => undefined, null), fileOffer(true, "application/json", () => undefined, { createWorkbook: async () => undefined })]) {
      expect(offer.verb).toBe("Download");
    }
    const downloaded: string[] = [];
    await fileOffer(false, XLSX_MIME, (_b, name) => downloaded.push(name), null).offer(bytes, "a.xlsx");
    expect(downloaded).toEqual(["a.xlsx"]);
  });

  it("base64 in slices equals Node's for a file larger than one slice", () => {
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(toBase64(new Uint8Array())).toBe("");
  });
});
