// Copies a formula to the clipboard. Kept apart from the components (a side effect); throws with a
// message the pane can show when the browser or Office webview refuses clipboard access.

export async function copyText(text: string): Promise<void> {
  if (typeof navigator === "undefined" || !navigator.clipboard?.writeText) {
    throw new Error("This window cannot use the clipboard: select the formula and press Ctrl+C.");
  }
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    throw new Error("The clipboard is blocked here: select the formula and press Ctrl+C.");
  }
}
