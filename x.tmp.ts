import { openXlsxWorkbook } from "./src/workbook/xlsx/xlsxWorkbook";
import { shareWithPartner } from "./src/workbook/collaborate/share";
(async () => {
  const book = await openXlsxWorkbook("examples/supply-chain.xlsx");
  console.log(book.workbook.worksheets.map((w) => w.name));
  for (const p of ["FrameWorks", "GearTech", "Nobody"]) {
    const t = Date.now();
    const out = await shareWithPartner(book, { partner: p, now: "2026-12-01T10:00:00.000Z", user: "ann", newWorkbookId: "abcdef0123456789" });
    if (!out.ok) { console.log(out.errors); continue; }
    console.log(Date.now() - t, "ms", out.fileName, out.package.role, JSON.stringify(out.package.tables));
    console.log(out.sheets.map((s) => [s.name, s.rows]));
  }
})();
