// Native charts over a result sheet's columns (ChartSpec): a Gantt is a stacked bar whose first series
// (the start) is invisible, categories read top to bottom, the value axis on the plan window.

import { columnLetters, ChartSpec } from "../port";
import type { SheetLayout } from "../sheetLayout";
import type { Worksheet } from "./officeApi";

const CHART_TYPES: Record<ChartSpec["kind"], string> = {
  gantt: "BarStacked",
  bar: "BarClustered",
  column: "ColumnClustered",
  line: "Line",
  scatter: "XYScatter",
};

/** The smallest start and the largest start + duration of a Gantt's rows. */
export function ganttWindow(layout: SheetLayout, spec: ChartSpec): { minimum: number; maximum: number } | null {
  const [start, duration] = spec.valueColumns;
  let minimum = Infinity;
  let maximum = -Infinity;
  for (const row of layout.rows) {
    const s = row[start];
    const d = row[duration];
    if (typeof s !== "number" || typeof d !== "number") continue;
    minimum = Math.min(minimum, s);
    maximum = Math.max(maximum, s + d);
  }
  return Number.isFinite(minimum) ? { minimum, maximum } : null;
}

/** Queues one chart (ExcelApi 1.7: series ranges, reversePlotOrder). */
export function drawChart(sheet: Worksheet, layout: SheetLayout, spec: ChartSpec): void {
  const first = layout.headerRow + 1;
  const last = layout.headerRow + layout.rows.length;
  const column = (c: number) => sheet.getRange(`${columnLetters(c + 1)}${first}:${columnLetters(c + 1)}${last}`);
  const categories = column(spec.categoryColumn);
  const chart = sheet.charts.add(CHART_TYPES[spec.kind], column(spec.valueColumns[0]), "Columns");
  chart.title.text = spec.title;
  spec.valueColumns.forEach((c, k) => {
    const series = k === 0 ? chart.series.getItemAt(0) : chart.series.add(layout.headers[c]);
    if (k > 0) series.setValues(column(c));
    series.setXAxisValues(categories);
    series.name = layout.headers[c];
  });
  if (spec.kind === "gantt") {
    chart.series.getItemAt(0).format.fill.clear();
    chart.axes.categoryAxis.reversePlotOrder = true;
    chart.legend.visible = false;
    const window = ganttWindow(layout, spec);
    if (window) {
      chart.axes.valueAxis.minimum = window.minimum;
      chart.axes.valueAxis.maximum = window.maximum;
    }
  }
  const anchor = spec.anchorColumn ?? layout.headers.length + 1;
  chart.setPosition(`${columnLetters(anchor + 1)}${layout.headerRow}`, `${columnLetters(anchor + 9)}${layout.headerRow + 20}`);
}
