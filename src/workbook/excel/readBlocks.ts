// Reads the values of input ranges in row blocks so that no response passes Excel on the web's 5 MB
// limit: each block is sized from its column count and the bytes per cell measured on the blocks
// before it, blocks of several ranges share a sync when they fit, and a refused response is read
// again in smaller blocks. Nothing is written; the values come back exactly as one load gives them.

import { columnLetters } from "../port";
import type { RequestContext, Worksheet } from "./officeApi";

/** What the values loaded in one sync should stay under (Excel on the web refuses 5 MB). */
export const RESPONSE_BUDGET = 2_500_000;
/**
 * Bytes per cell assumed before a range's first block is measured: a long number is ~20, short text
 * less; a first block of text averaging twice this still stays under the 5 MB limit.
 */
export const FIRST_CELL_BYTES = 128;
/** The least bytes per cell ever assumed (a blank is `"",`). */
const LEAST_CELL_BYTES = 4;
/** A measured density is raised by this much for the next block: text further down may be longer. */
const MARGIN = 1.25;
/** Every platform caps a range read at 5,000,000 cells; blocks stay far below. */
const MOST_BLOCK_CELLS = 1_000_000;

/** A range to read: its sheet, the 1-based sheet row and column of its top-left cell, and its size. */
export interface RangeToRead {
  /** How messages name it: `the table "Operations" on sheet "Shop"`. */
  label: string;
  worksheet: Worksheet;
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** One block read: which range, its first and last sheet rows, the bytes its values measured, its sync (1-based). */
export interface ReadBlock {
  range: number;
  firstRow: number;
  lastRow: number;
  bytes: number;
  sync: number;
}

export interface ReadStatistics {
  /** Syncs that loaded values (refused ones included). */
  syncs: number;
  blocks: ReadBlock[];
  /** Syncs Excel refused as too large, read again in smaller blocks. */
  refused: number;
}

/** A read that failed: the message names the table, its sheet and the sheet rows being read. */
export class TableReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TableReadError";
  }
}

interface Progress {
  /** Rows of the range read so far (0-based offset of the next block). */
  next: number;
  /** Bytes per cell assumed for the next block. */
  cellBytes: number;
  parts: unknown[][][];
}

interface Planned {
  range: number;
  offset: number;
  rows: number;
}

/** The length in UTF-8 bytes of the JSON of a block of values (what the response carries). */
export function jsonBytes(values: unknown): number {
  const text = JSON.stringify(values);
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** The blocks of the next sync: each unfinished range in turn, as many rows as the budget has room for (at least one block). */
function planSync(ranges: readonly RangeToRead[], progress: readonly Progress[], budget: number): Planned[] {
  const planned: Planned[] = [];
  let room = budget;
  ranges.forEach((range, i) => {
    const left = range.rows - progress[i].next;
    if (left <= 0) return;
    const rowBytes = range.columns * progress[i].cellBytes;
    const fit = Math.min(Math.floor(room / rowBytes), Math.floor(MOST_BLOCK_CELLS / range.columns));
    if (fit < 1 && planned.length > 0) return;
    const rows = Math.max(1, Math.min(left, fit));
    planned.push({ range: i, offset: progress[i].next, rows });
    room -= rows * rowBytes;
  });
  return planned;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Excel's refusal of a request or response over its size limit (Excel.ErrorCodes *PayloadSizeLimitExceeded). */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (typeof code === "string" && /PayloadSizeLimitExceeded/i.test(code)) || /PayloadSizeLimitExceeded|payload size has exceeded/i.test(messageOf(error));
}

function rowsText(range: RangeToRead, block: Planned): string {
  const first = range.top + block.offset;
  const last = first + block.rows - 1;
  return first === last ? `row ${first}` : `rows ${first}–${last}`;
}

/** Reads every range's values (rows in sheet order, as one `range.values` load would give them). */
export async function readValuesInBlocks(context: RequestContext, ranges: readonly RangeToRead[], budget = RESPONSE_BUDGET): Promise<{ values: unknown[][][]; statistics: ReadStatistics }> {
  budget = Math.min(budget, Number.MAX_SAFE_INTEGER); // "no budget" (one load per range) stays finite for the halving below
  const progress: Progress[] = ranges.map(() => ({ next: 0, cellBytes: FIRST_CELL_BYTES, parts: [] }));
  const statistics: ReadStatistics = { syncs: 0, blocks: [], refused: 0 };
  for (;;) {
    const planned = planSync(ranges, progress, budget);
    if (planned.length === 0) break;
    const loads = planned.map((block) => {
      const range = ranges[block.range];
      const top = range.top + block.offset;
      const address = `${columnLetters(range.left)}${top}:${columnLetters(range.left + range.columns - 1)}${top + block.rows - 1}`;
      return range.worksheet.getRange(address).load("values");
    });
    statistics.syncs++;
    try {
      await context.sync();
    } catch (error) {
      const single = planned.length === 1 && planned[0].rows === 1;
      if (isPayloadTooLarge(error) && !single) {
        // Read the same rows again, in blocks at most half as large.
        statistics.refused++;
        for (const block of planned) {
          const p = progress[block.range];
          p.cellBytes = Math.max(2 * p.cellBytes, (2 * budget) / (block.rows * ranges[block.range].columns));
        }
        continue;
      }
      const where = planned.map((block) => `${ranges[block.range].label}, ${rowsText(ranges[block.range], block)}`).join("; ");
      const reason = isPayloadTooLarge(error) ? "the row holds more than Excel can send at once (5 MB)" : messageOf(error);
      throw new TableReadError(`Excel could not read ${where}: ${reason}. Nothing was read; run again.`);
    }
    planned.forEach((block, k) => {
      const values = loads[k].values;
      const range = ranges[block.range];
      const p = progress[block.range];
      const bytes = jsonBytes(values);
      p.parts.push(values);
      p.next += block.rows;
      p.cellBytes = Math.max(LEAST_CELL_BYTES, (MARGIN * bytes) / (block.rows * range.columns));
      statistics.blocks.push({ range: block.range, firstRow: range.top + block.offset, lastRow: range.top + block.offset + block.rows - 1, bytes, sync: statistics.syncs });
    });
  }
  return { values: progress.map((p) => p.parts.flat()), statistics };
}
