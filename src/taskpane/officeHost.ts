// The pane's only contact with office.js: which host it runs in. Never throws, so the pane also
// opens in a plain browser (Office.onReady resolves with host null) or when office.js did not load.

/* global Office */

export interface OfficeHostInfo {
  /** Office.HostType as a string ("Excel", "Word", ...) or null outside Office. */
  host: string | null;
  /** Office.PlatformType as a string ("PC", "Mac", "OfficeOnline", ...) or null. */
  platform: string | null;
}

const OUTSIDE: OfficeHostInfo = { host: null, platform: null };

/**
 * Resolves once office.js knows its host; `{ host: null }` when office.js is missing, fails, or has
 * not answered within `timeoutMs` (a script that loaded half, a blocked network): the pane then
 * works as in a browser rather than waiting for ever.
 */
export async function detectOfficeHost(timeoutMs = 10_000): Promise<OfficeHostInfo> {
  const office = (globalThis as { Office?: Partial<typeof Office> }).Office;
  if (!office || typeof office.onReady !== "function") return OUTSIDE;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const late = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), timeoutMs); });
    const info = await Promise.race([Promise.resolve().then(() => office.onReady!()), late]);
    if (!info) return OUTSIDE;
    // The enums are strings at runtime ("Excel", "PC"); @types/office-js declares them numeric.
    return { host: info?.host ? String(info.host) : null, platform: info?.platform ? String(info.platform) : null };
  } catch {
    return OUTSIDE;
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
