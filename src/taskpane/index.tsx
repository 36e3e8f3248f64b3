// Task pane entry: mounts the React app at once (showing "Connecting to Excel…") rather than waiting
// for Office.onReady, so it also opens outside Office; once office.js is ready the Fluent theme
// follows Office's (light or dark), checked again whenever the pane is shown.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { Root } from "./Root";
import { detectOfficeHost } from "./officeHost";
import { currentOfficeTheme, fluentThemeFor } from "./officeTheme";

function ThemedRoot(): React.JSX.Element {
  const [theme, setTheme] = React.useState<Theme>(webLightTheme);
  React.useEffect(() => {
    const follow = () => setTheme(fluentThemeFor(currentOfficeTheme()));
    void detectOfficeHost().then(({ host }) => { if (host !== null) follow(); });
    document.addEventListener("visibilitychange", follow);
    return () => document.removeEventListener("visibilitychange", follow);
  }, []);
  React.useEffect(() => {
    document.body.style.backgroundColor = theme.colorNeutralBackground2;
    document.documentElement.style.colorScheme = theme === webLightTheme ? "light" : "dark";
  }, [theme]);
  return (
    <FluentProvider theme={theme}>
      <Root />
    </FluentProvider>
  );
}

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <React.StrictMode>
      <ThemedRoot />
    </React.StrictMode>,
  );
}
