// Lays out the planned network for the pane's picture: one column per BOM level (suppliers left,
// customer-facing stages right) fitted to the pane's width, stages stacked down each column in an
// order that keeps arcs short, so a deep or wide network grows downwards, never sideways. Pure.

import type { FigureStage, NetworkFigure } from "../../workbook/jobs/figures";

export interface NodeBox {
  stage: FigureStage;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The id as it fits in the box, on one or two lines. */
  title: string[];
  /** Owner and safety stock, as they fit. */
  detail: string;
  /** Index of the owner among the network's owners (its colour), -1 without one. */
  ownerIndex: number;
}

export interface ArcPath {
  from: string;
  to: string;
  /** SVG path data, supplier's right edge to customer's left edge. */
  d: string;
  /** The committed service time shown on the arc, and where (null: not labelled, too many arcs). */
  label: string | null;
  labelX: number;
  labelY: number;
}

export interface NetworkLayout {
  width: number;
  height: number;
  nodes: NodeBox[];
  arcs: ArcPath[];
  owners: string[];
}

export const NODE_HEIGHT = 46;
const ROW_GAP = 10;
const PAD = 6;
/** An average character's width at the picture's 11 px font. */
const CHAR_PX = 6.2;
/** Above this many arcs, their numbers would pile up: each stage's own box says its service time instead. */
export const MAX_LABELLED_ARCS = 80;

/** A number as the picture shows it (3 significant figures at most). */
export function shortNumber(x: number | null): string {
  if (x === null || !Number.isFinite(x)) return "–";
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString("en-US");
  return String(Number(x.toPrecision(3)));
}

/** The text cut to fit `px` pixels, with an ellipsis when cut. */
export function fitText(text: string, px: number): string {
  const room = Math.max(1, Math.floor(px / CHAR_PX));
  return text.length <= room ? text : `${text.slice(0, Math.max(1, room - 1))}…`;
}

/** The text on at most `lines` lines of `px` pixels, broken between words, cut with an ellipsis where it does not fit. */
export function wrapText(text: string, px: number, lines = 2): string[] {
  const room = Math.max(1, Math.floor(px / CHAR_PX));
  const out: string[] = [];
  let rest = text.trim().split(/\s+/).filter((w) => w !== "");
  while (rest.length > 0 && out.length < lines) {
    let line = rest[0];
    let used = 1;
    while (used < rest.length && `${line} ${rest[used]}`.length <= room) line = `${line} ${rest[used++]}`;
    rest = rest.slice(used);
    const last = out.length === lines - 1;
    out.push(last && rest.length > 0 ? fitText(`${line} ${rest.join(" ")}`, px) : fitText(line, px));
  }
  return out.length > 0 ? out : [""];
}

/** The stages of each column, ordered: the customer-facing column as listed, each column further left by its customers' mean position. */
function orderColumns(figure: NetworkFigure, columns: number, columnOf: (s: FigureStage) => number): FigureStage[][] {
  const byColumn: FigureStage[][] = Array.from({ length: columns }, () => []);
  for (const s of figure.stages) byColumn[columnOf(s)].push(s);
  const customers = new Map<string, string[]>();
  for (const a of figure.arcs) customers.set(a.from, [...(customers.get(a.from) ?? []), a.to]);
  const position = new Map<string, number>();
  const place = (list: FigureStage[]) => list.forEach((s, k) => position.set(s.id, (k + 0.5) / list.length));
  place(byColumn[columns - 1]);
  for (let c = columns - 2; c >= 0; c--) {
    const mean = (s: FigureStage) => {
      const ps = (customers.get(s.id) ?? []).map((id) => position.get(id)).filter((p): p is number => p !== undefined);
      return ps.length === 0 ? 0.5 : ps.reduce((a, b) => a + b, 0) / ps.length;
    };
    const keyed = byColumn[c].map((s, k) => ({ s, k, m: mean(s) }));
    keyed.sort((a, b) => a.m - b.m || a.k - b.k);
    byColumn[c] = keyed.map((e) => e.s);
    place(byColumn[c]);
  }
  return byColumn;
}

/** The picture's layout for a drawing `width` pixels wide. */
export function layoutNetwork(figure: NetworkFigure, width: number): NetworkLayout {
  const maxLevel = Math.max(0, ...figure.stages.map((s) => s.level));
  const columns = maxLevel + 1;
  const columnOf = (s: FigureStage) => maxLevel - Math.min(maxLevel, Math.max(0, s.level));
  const byColumn = orderColumns(figure, columns, columnOf);
  const columnWidth = (width - 2 * PAD) / columns;
  const gap = Math.min(36, Math.max(10, columnWidth * 0.22));
  const nodeWidth = Math.max(8, columnWidth - gap);
  const tallest = Math.max(1, ...byColumn.map((c) => c.length));
  const rowHeight = NODE_HEIGHT + ROW_GAP;
  const owners = [...new Set(figure.stages.map((s) => s.owner).filter((o): o is string => o !== null && o !== ""))];
  const nodes: NodeBox[] = [];
  const at = new Map<string, NodeBox>();
  byColumn.forEach((list, c) => {
    const top = PAD + ((tallest - list.length) * rowHeight) / 2;
    list.forEach((stage, k) => {
      // Safety stock first: the owner is also the colour of the box's left edge.
      const detailParts = [stage.stock ? `SS ${shortNumber(stage.safetyStock)}` : "", stage.owner ?? ""].filter((t) => t !== "");
      const box: NodeBox = {
        stage, x: PAD + c * columnWidth, y: top + k * rowHeight, width: nodeWidth, height: NODE_HEIGHT,
        title: wrapText(stage.id, nodeWidth - 10), detail: fitText(detailParts.join(" · "), nodeWidth - 10),
        ownerIndex: stage.owner ? owners.indexOf(stage.owner) : -1,
      };
      nodes.push(box);
      at.set(stage.id, box);
    });
  });
  const labelled = figure.arcs.length <= MAX_LABELLED_ARCS;
  const arcs: ArcPath[] = [];
  for (const a of figure.arcs) {
    const from = at.get(a.from);
    const to = at.get(a.to);
    if (!from || !to) continue;
    const x1 = from.x + from.width;
    const y1 = from.y + from.height / 2;
    const x2 = to.x;
    const y2 = to.y + to.height / 2;
    const bend = Math.max(12, (x2 - x1) / 2);
    arcs.push({
      from: a.from, to: a.to,
      d: `M${r(x1)},${r(y1)} C${r(x1 + bend)},${r(y1)} ${r(x2 - bend)},${r(y2)} ${r(x2)},${r(y2)}`,
      label: labelled ? shortNumber(a.serviceTime) : null,
      labelX: r((x1 + x2) / 2), labelY: r((y1 + y2) / 2),
    });
  }
  return { width, height: PAD * 2 + tallest * rowHeight - ROW_GAP, nodes, arcs, owners };
}

const r = (x: number) => Math.round(x * 10) / 10;
