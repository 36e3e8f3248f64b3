// Task pane entry: mounts the React app in Fluent UI's light theme. Renders at once (showing
// "Connecting to Excel…") rather than waiting for Office.onReady, so it also opens outside Office.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Root } from "./Root";

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme}>
        <Root />
      </FluentProvider>
    </React.StrictMode>,
  );
}
