// The pane's only contact with office.js: which host it runs in. Never throws, so the pane also
// opens in a plain browser (Office.onReady resolves with host null) or when office.js did not load.

/* global Office */

export interface OfficeHostInfo {
  /** Office.HostType as a string ("Excel", "Word", ...) or null outside Office. */
  host: string | null;
  /** Office.PlatformType as a string ("PC", "Mac", "OfficeOnline", ...) or null. */
  platform: string | null;
}

/** Resolves once office.js knows its host; `{ host: null }` when office.js is missing or fails. */
export async function detectOfficeHost(): Promise<OfficeHostInfo> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { host: null, platform: null };
  }
  try {
    const info = await Office.onReady();
    // The enums are strings at runtime ("Excel", "PC"); @types/office-js declares them numeric.
    return { host: info?.host ? String(info.host) : null, platform: info?.platform ? String(info.platform) : null };
  } catch {
    return { host: null, platform: null };
  }
}
