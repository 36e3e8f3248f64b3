// Offers bytes as a file download (a Blob and a temporary link): browser mode only, never inside Office.

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const JSON_MIME = "application/json";

/** The name a saved copy gets: "supply-chain.xlsx" → "supply-chain (planned).xlsx". */
export function savedName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base} (planned).xlsx`;
}

/** The name a run's JSON result gets: "supply-chain.xlsx", "plan" → "supply-chain (plan).json". */
export function resultJsonName(name: string, jobId: string): string {
  return `${name.replace(/\.xlsx$/i, "")} (${jobId}).json`;
}

export function downloadBytes(bytes: Uint8Array, name: string, mime = XLSX_MIME): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
