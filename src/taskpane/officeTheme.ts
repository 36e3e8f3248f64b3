// The pane follows Office's theme (File → Account → Office Theme, dark themes included): Fluent UI's
// dark theme when Office.context.officeTheme says dark (isDarkTheme, or a dark body background),
// the light one otherwise and outside Office.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/* global Office */

/** What office.js reports of the theme (every field optional: older hosts give fewer). */
export interface OfficeThemeLike {
  isDarkTheme?: boolean;
  bodyBackgroundColor?: string;
}

/** Relative luminance (0 black … 1 white) of a "#rrggbb" colour; null when it is not one. */
export function luminance(colour: string | undefined): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(colour?.trim() ?? "");
  if (!match) return null;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(match[1].slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** True for a dark Office theme (Black, Dark Gray, dark mode on the web). */
export function isDarkOfficeTheme(theme: OfficeThemeLike | null | undefined): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = luminance(theme.bodyBackgroundColor);
  return l !== null && l < 0.2;
}

/** The Fluent theme for an Office theme. */
export function fluentThemeFor(theme: OfficeThemeLike | null | undefined): Theme {
  return isDarkOfficeTheme(theme) ? webDarkTheme : webLightTheme;
}

/** Office's theme now, or null outside Office (never throws). */
export function currentOfficeTheme(): OfficeThemeLike | null {
  try {
    return typeof Office !== "undefined" ? ((Office.context as unknown as { officeTheme?: OfficeThemeLike })?.officeTheme ?? null) : null;
  } catch {
    return null;
  }
}
