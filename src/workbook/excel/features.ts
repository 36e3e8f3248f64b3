// Which Excel API sets this Excel offers, checked once (isSetSupported), and what is missing in plain words.

export interface ExcelFeatures {
  /** ExcelApi 1.4: named items and settings, null objects, used ranges: the pane cannot work without them. */
  base: boolean;
  /** 1.6: calculation suspended while writing. */
  suspendCalculation: boolean;
  /** 1.7: hyperlinks, frozen headers, chart axes and series, named-item formulas. */
  links: boolean;
  /** 1.8: data validation. */
  validation: boolean;
  /** 1.9: filters on result sheets; screen updating suspended while writing. */
  autoFilter: boolean;
  /** 1.9: change events of every worksheet at once (the pane follows the workbook's changes). */
  changeEvents: boolean;
  /** 1.12: worksheet custom properties (marks the sheets the add-in owns; else workbook settings). */
  sheetProperties: boolean;
  /** 1.14: a change event says when this add-in made it (triggerSource). */
  eventTrigger: boolean;
  /** 1.17: an event when a worksheet is renamed. */
  renameEvents: boolean;
}

export function detectFeatures(isSetSupported: (name: string, version: string) => boolean): ExcelFeatures {
  const has = (version: string) => {
    try {
      return isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
  return { base: has("1.4"), suspendCalculation: has("1.6"), links: has("1.7"), validation: has("1.8"), autoFilter: has("1.9"), changeEvents: has("1.9"), sheetProperties: has("1.12"), eventTrigger: has("1.14"), renameEvents: has("1.17") };
}

/** The first line says the pane cannot read or write at all; the others name what is left out. */
export const TOO_OLD = "This version of Excel is too old for APS for Excel: its formulas and pane share one runtime (SharedRuntime 1.1), which needs Microsoft 365 or Excel 2021 or later on Windows or Mac, or Excel on the web. Update Excel, or open the workbook in the browser page of the add-in.";

/** What this Excel lacks, one sentence each (empty when all is there). */
export function missingFeatureMessages(features: ExcelFeatures): string[] {
  if (!features.base) return [TOO_OLD];
  const missing: string[] = [];
  if (!features.links) missing.push("This Excel lacks Excel API 1.7: exceptions are not links, headers are not frozen and no charts are drawn.");
  if (!features.validation) missing.push("This Excel lacks Excel API 1.8: example tables are added without data validation.");
  if (!features.autoFilter) missing.push("This Excel lacks Excel API 1.9: result sheets get no filter buttons, and the partner status follows the workbook's changes only when you come back to the pane or press Refresh status.");
  return missing;
}
