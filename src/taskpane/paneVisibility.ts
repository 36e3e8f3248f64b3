// Tells the pane when Excel hides or shows it. In a shared runtime closing the pane does not unload
// the page (no pagehide): Office.addin.onVisibilityModeChanged says "Hidden" / "Taskpane" instead.
// The page's own visibilitychange counts too (a minimised window, a browser tab).

/* global Office */

type VisibilityArgs = { visibilityMode?: string };
interface AddinLike {
  onVisibilityModeChanged?(handler: (args: VisibilityArgs) => void): Promise<() => Promise<void>>;
}

/** Calls `onChange(false)` when the pane is hidden and `onChange(true)` when it shows again; returns the unsubscribe. */
export function watchPaneVisibility(onChange: (visible: boolean) => void): () => void {
  const removers: (() => void)[] = [];
  let last: boolean | null = null;
  const report = (visible: boolean) => {
    if (visible === last) return;
    last = visible;
    onChange(visible);
  };
  const addin = (typeof Office !== "undefined" ? (Office as unknown as { addin?: AddinLike }).addin : undefined);
  if (addin && typeof addin.onVisibilityModeChanged === "function") {
    const registered = addin.onVisibilityModeChanged((args) => report(args?.visibilityMode !== "Hidden")).catch(() => null);
    removers.push(() => void registered.then((remove) => remove?.().catch(() => undefined)));
  }
  if (typeof document !== "undefined") {
    const onVisibility = () => report(document.visibilityState !== "hidden");
    document.addEventListener("visibilitychange", onVisibility);
    removers.push(() => document.removeEventListener("visibilitychange", onVisibility));
  }
  return () => removers.forEach((remove) => remove());
}
