// Lays out a schedule's Gantt for the pane: one lane per machine, time along the pane's width (never
// wider), bars coloured by job, and round time ticks. Pure.

import type { GanttBar, GanttFigure } from "../../workbook/jobs/figures";
import { fitText } from "./networkLayout";

export interface BarBox {
  bar: GanttBar;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Index of the job (its colour). */
  jobIndex: number;
  /** The job's name as it fits inside the bar ("" when it does not). */
  text: string;
}

export interface GanttLayout {
  width: number;
  height: number;
  /** Where the lanes start (the machine names are left of it). */
  plotX: number;
  lanes: { machine: string; label: string; y: number }[];
  bars: BarBox[];
  ticks: { x: number; label: string }[];
  axisY: number;
}

export const LANE_HEIGHT = 22;
const PAD = 4;

/** A round step giving about `count` ticks over `span`: 1, 2 or 5 times a power of ten. */
export function tickStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** The Gantt's layout for a drawing `width` pixels wide. */
export function layoutGantt(figure: GanttFigure, width: number): GanttLayout {
  const labelWidth = Math.min(96, Math.max(48, width * 0.26));
  const plotX = PAD + labelWidth;
  const plotWidth = Math.max(10, width - plotX - PAD);
  const span = figure.makespan > 0 ? figure.makespan : 1;
  const scale = plotWidth / span;
  const laneOf = new Map(figure.machines.map((m, k) => [m, k]));
  const jobOf = new Map(figure.jobs.map((j, k) => [j, k]));
  const lanes = figure.machines.map((machine, k) => ({ machine, label: fitText(machine, labelWidth - 6), y: PAD + k * LANE_HEIGHT }));
  const bars: BarBox[] = figure.bars.map((bar) => {
    const x = plotX + bar.start * scale;
    const w = Math.max(1, (bar.end - bar.start) * scale);
    const text = w >= 18 ? fitText(bar.job, w - 4) : "";
    return { bar, x, y: PAD + (laneOf.get(bar.machine) ?? 0) * LANE_HEIGHT + 2, width: w, height: LANE_HEIGHT - 4, jobIndex: jobOf.get(bar.job) ?? 0, text: text.endsWith("…") && w < 30 ? "" : text };
  });
  const axisY = PAD + figure.machines.length * LANE_HEIGHT;
  const step = tickStep(span, Math.max(2, Math.floor(plotWidth / 60)));
  const ticks: GanttLayout["ticks"] = [];
  for (let t = 0; t <= span + 1e-9; t += step) ticks.push({ x: plotX + t * scale, label: String(Number(t.toPrecision(6))) });
  return { width, height: axisY + 18, plotX, lanes, bars, ticks, axisY };
}
