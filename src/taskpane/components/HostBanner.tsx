// Tells the user whether the pane runs inside Excel, and what to do when it does not.
import * as React from "react";
import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { HostStatus } from "../state";

export interface HostBannerProps {
  host: HostStatus;
}

const PLATFORM_NAMES: Record<string, string> = { PC: "Windows", Mac: "Mac", OfficeOnline: "the web", iOS: "iPad" };

export function HostBanner({ host }: HostBannerProps): React.JSX.Element {
  switch (host.kind) {
    case "checking":
      return <Spinner size="tiny" label="Connecting to Excel…" />;
    case "excel": {
      // One caption line, not a banner: in Excel the first screen belongs to the next action.
      const where = host.platform ? PLATFORM_NAMES[host.platform] ?? host.platform : null;
      return <Caption1 role="status">Connected to Excel{where ? ` on ${where}` : ""}.</Caption1>;
    }
    case "otherHost":
      return (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>This add-in works in Excel.</MessageBarTitle>
            It is running in {host.host}, where the APS formulas and plans are not available.
          </MessageBarBody>
        </MessageBar>
      );
    case "outsideOffice":
      return (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Not in Excel.</MessageBarTitle>
            Open an .xlsx workbook here to check, plan and schedule it.
          </MessageBarBody>
        </MessageBar>
      );
  }
}
