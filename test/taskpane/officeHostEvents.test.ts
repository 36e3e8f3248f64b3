// The pane follows Office: its theme (dark themes included) and whether Excel shows or hides it.
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { fluentThemeFor, isDarkOfficeTheme, luminance } from "../../src/taskpane/officeTheme";
import { watchPaneVisibility } from "../../src/taskpane/paneVisibility";

describe("Office theme → Fluent theme", () => {
  it("isDarkTheme decides when Office gives it; else a dark body background", () => {
    expect(fluentThemeFor({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe(webDarkTheme);
    expect(fluentThemeFor({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe(webLightTheme);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#262626" })).toBe(true); // Black theme
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#444444" })).toBe(true); // Dark Gray
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#E6E6E6" })).toBe(false); // Colorful / White
    expect(fluentThemeFor(null)).toBe(webLightTheme);
    expect(luminance("not a colour")).toBeNull();
  });
});

describe("pane visibility", () => {
  afterEach(() => { delete (globalThis as { Office?: unknown }).Office; });

  it("Office.addin.onVisibilityModeChanged: Hidden → false, Taskpane → true, repeats ignored; unsubscribing removes the handler", async () => {
    let handler: ((args: { visibilityMode: string }) => void) | null = null;
    let removed = 0;
    (globalThis as { Office?: unknown }).Office = {
      addin: { onVisibilityModeChanged: async (h: typeof handler) => { handler = h; return async () => { removed++; }; } },
    };
    const seen: boolean[] = [];
    const stop = watchPaneVisibility((visible) => seen.push(visible));
    await Promise.resolve();
    handler!({ visibilityMode: "Hidden" });
    handler!({ visibilityMode: "Hidden" });
    handler!({ visibilityMode: "Taskpane" });
    expect(seen).toEqual([false, true]);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(removed).toBe(1);
  });

  it("outside Office (no Office global) it subscribes to nothing and never throws", () => {
    const stop = watchPaneVisibility(() => undefined);
    expect(() => stop()).not.toThrow();
  });
});
