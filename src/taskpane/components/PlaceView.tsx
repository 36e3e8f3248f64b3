// Browser mode cannot select a cell, so the pane shows the one a problem points at and what it holds.
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { WorkbenchState } from "../workbench";

export function PlaceView({ place }: { place: WorkbenchState["place"] }): React.JSX.Element | null {
  if (!place) return null;
  const shown = place.value === null ? "an empty cell" : `“${String(place.value)}”`;
  return (
    // Multiline always: the automatic layout measures its single line once and, after the pane narrows, could keep it wider than the pane.
    <MessageBar intent="info" role="status" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{place.sheet}!{place.address}</MessageBarTitle>
        holds {shown}. Fix it in the workbook, open it again and re-run.
      </MessageBarBody>
    </MessageBar>
  );
}
