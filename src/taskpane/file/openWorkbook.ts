// Hands a package to the user inside Excel: Excel for Mac's web view ignores blob downloads (by
// design) and WebView2 limits them, so in Excel an .xlsx opens as a new workbook
// (Excel.createWorkbook, ExcelApi 1.8), which the user saves like any file. Browser mode downloads.
import { downloadBytes, XLSX_MIME } from "./download";

/* global Office */

/** Bytes as base64, in slices (String.fromCharCode with a whole file overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}

interface CreateWorkbookHost {
  createWorkbook(base64?: string): Promise<void>;
}

/** Excel.createWorkbook where this Excel has it (ExcelApi 1.8), else null. */
function createWorkbookApi(): CreateWorkbookHost | null {
  const excel = (globalThis as { Excel?: Partial<CreateWorkbookHost> }).Excel;
  if (!excel || typeof excel.createWorkbook !== "function") return null;
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    if (office?.context?.requirements && !office.context.requirements.isSetSupported("ExcelApi", "1.8")) return null;
  } catch {
    return null;
  }
  return excel as CreateWorkbookHost;
}

/** How the pane offers a file: its button's words and what the button does. */
export interface FileOffer {
  verb: "Open" | "Download";
  offer(bytes: Uint8Array, name: string, mime?: string): Promise<void>;
}

/**
 * In Excel, an .xlsx opens as a new workbook; anything else, in browser mode, or an Excel before
 * ExcelApi 1.8, downloads. `download` and `host` are replaceable for tests.
 */
export function fileOffer(inExcel: boolean, kind: string = XLSX_MIME, download = downloadBytes, host: CreateWorkbookHost | null = inExcel ? createWorkbookApi() : null): FileOffer {
  if (inExcel && host && kind === XLSX_MIME) {
    return { verb: "Open", offer: (bytes) => host.createWorkbook(toBase64(bytes)) };
  }
  return { verb: "Download", offer: async (bytes, name, mime) => download(bytes, name, mime) };
}
