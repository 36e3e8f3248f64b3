// A browser suite on the pane: one Chromium session shared by the suite's tests (started before them,
// closed after them), and for each test a fresh page on the pane, ready, with a workbook opened if asked.
import type { Page } from "playwright-core";
import { describeWithBrowser } from "./browserSuite";
import { startPaneSession, type PaneSession } from "./launchPane";
import { PaneDriver } from "./paneDriver";

export interface OpenedPane {
  page: Page;
  pane: PaneDriver;
  /** The page's uncaught errors (a test ends expecting none). */
  errors: string[];
  requests: string[];
}

export interface PaneSuite {
  /** The session the suite's tests share (set once beforeAll has run). */
  readonly session: PaneSession;
  /** The Chromium the suite runs, for a test that wants a browser of its own. */
  chromiumPath(): Promise<string>;
  /** A new page on the suite's pane, ready; with `file`, that workbook opened through "Open workbook…". */
  open(prefix: string, file?: string, options?: Parameters<PaneSession["openPane"]>[0]): Promise<OpenedPane>;
}

/** A new page on a session's pane, ready (screenshots named `prefix-NN-…`); with `file`, that workbook opened. */
export async function openPaneOn(session: PaneSession, prefix: string, file?: string, options?: Parameters<PaneSession["openPane"]>[0]): Promise<OpenedPane> {
  const { page, errors, requests } = await session.openPane(options);
  const pane = new PaneDriver(page, prefix);
  await pane.ready();
  if (file) await pane.open(file);
  return { page, pane, errors, requests };
}

/**
 * Declares a browser suite on the pane (skipped without a Chromium, see describeWithBrowser). `setup`
 * runs before the browser starts (output folders); `timeout` bounds the start.
 */
export function describePane(
  name: string,
  body: (suite: PaneSuite) => void,
  options: { viewport?: { width: number; height: number }; timeout?: number; setup?: () => void } = {},
): void {
  describeWithBrowser(name, (chromiumPath) => {
    let session: PaneSession | null = null;
    beforeAll(async () => {
      options.setup?.();
      session = await startPaneSession(await chromiumPath(), options.viewport);
    }, options.timeout ?? 180_000);
    afterAll(async () => {
      await session?.close();
    });
    const suite: PaneSuite = {
      get session() {
        if (!session) throw new Error("the pane session has not started (beforeAll failed?)");
        return session;
      },
      chromiumPath,
      open: (prefix, file, openOptions) => openPaneOn(suite.session, prefix, file, openOptions),
    };
    body(suite);
  });
}
