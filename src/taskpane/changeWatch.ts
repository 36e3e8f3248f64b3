// Follows one workbook's changes for the Collaborate tab: subscribes while wanted, moves to another
// workbook when the pane opens one, pauses while the pane is hidden (the shared runtime lives on with
// the pane closed: Office.addin.onVisibilityModeChanged), and tells the reducer whether changes are
// followed (and why not).

import type { ChangeSubscription, PaneWorkbook } from "../workbook/paneWorkbook";
import { STATUS_TABLES } from "../workbook/collaborate/collaborationStatus";
import { notWatching, type WorkbenchAction } from "./workbench";

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class ChangeWatch {
  private wanted = false;
  private visible = true;
  private subscription: Promise<ChangeSubscription> | null = null;

  /** `current` is the pane's workbook now; `onChange` runs for each reported change of the watched one. */
  constructor(
    private readonly dispatch: (action: WorkbenchAction) => void,
    private readonly current: () => PaneWorkbook | null,
    private readonly onChange: () => void,
  ) {}

  async set(on: boolean): Promise<void> {
    this.wanted = on;
    if (on && this.visible) await this.start();
    else await this.stop();
  }

  /** The pane was hidden (changes are no longer followed) or shown again (they are, when wanted). */
  async paneVisible(visible: boolean): Promise<void> {
    this.visible = visible;
    if (visible && this.wanted) await this.start();
    else if (!visible) await this.stop();
  }

  /** Another workbook: the old one's subscription goes, the new one's comes (when wanted). */
  async moved(): Promise<void> {
    await this.stop();
    if (this.wanted && this.visible) await this.start();
  }

  private async start(): Promise<void> {
    const wb = this.current();
    if (this.subscription || !wb) return;
    const pending = wb.subscribeChanges(() => { if (this.current() === wb) this.onChange(); }, { tables: STATUS_TABLES })
      .catch((error): ChangeSubscription => ({ status: "unsupported", reason: messageOf(error) }));
    this.subscription = pending;
    const made = await pending;
    if (this.subscription !== pending) return; // stopped meanwhile: stop() removes it
    this.dispatch({ type: "changeWatch", watch: { state: made.status, reason: made.status === "unsupported" ? made.reason : null } });
  }

  private async stop(): Promise<void> {
    const pending = this.subscription;
    this.subscription = null;
    if (!pending) return;
    const made = await pending;
    if (made.status === "live") await made.unsubscribe().catch(() => undefined);
    if (!this.subscription) this.dispatch({ type: "changeWatch", watch: notWatching });
  }
}
