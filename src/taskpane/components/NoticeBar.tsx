// The one line of news above a page (the workbench's, the respond view's): an error is an alert, the
// rest a status; nothing when there is no notice.
import * as React from "react";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export interface NoticeBarProps {
  notice: { intent: "success" | "info" | "warning" | "error"; text: string } | null;
}

export function NoticeBar({ notice }: NoticeBarProps): React.JSX.Element | null {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" role={notice.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}
