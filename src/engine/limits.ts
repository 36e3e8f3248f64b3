// The limits every command checks its input against (docs/errors.md): file sizes (checked before a
// file is loaded), row counts, text lengths, the size of each number, and how many errors are shown.

const MIB = 1024 * 1024;

export const INPUT_LIMITS = {
  /** Input errors listed in full; the rest are counted ("… and 12 more"). */
  errorsShown: 50,
  /** Largest input file, by kind, checked with a stat before the file is read. */
  fileBytes: { json: 64 * MIB, xlsx: 32 * MIB, text: 64 * MIB } as const,
  /** Most rows in any one sheet of an .xlsx input (read from the file before it is loaded). */
  sheetRows: 200_000,
  /** Most rows per table or list. */
  rows: {
    stages: 50_000,
    arcs: 200_000,
    settings: 1_000,
    operations: 200_000,
    changeovers: 1_000_000,
    /** Each supply table: Demands, Resources, Resource Capacity, Resource Loads, Open Supply, Period Commitments, Customers. */
    supply: 200_000,
  } as const,
  /** Most stages × periods of a supply plan over time (its LP has a few columns per stage and period). */
  supplyStagePeriods: 500_000,
  /** Most jobs × machines of a job-shop text, products of a changeover table, nodes of a TSPLIB matrix. */
  jobShopOperations: 200_000,
  sequenceProducts: 2_000,
  /** Longest name (stage id, owner, job, machine, product). */
  textLength: 200,
  /** Total demand a stage may see once the bill of materials is propagated (units per time unit). */
  totalDemand: 1e12,
  /** Largest quantity of one period of a demand history (larger figures overflow a forecast's sums of squares). */
  historyQuantity: 1e12,
  /** Nonzero numbers smaller than this in size are refused as noise (they only make figures overflow). */
  smallestNonzero: 1e-9,
} as const;

/** The kind of file a command reads, for its size limit. */
export type InputFileKind = keyof typeof INPUT_LIMITS.fileBytes;

/** The kind of an input file from its name: .json, .xlsx, or text (job shop, TSPLIB, anything else). */
export function inputFileKind(fileName: string): InputFileKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return "text";
}

/** "64 MiB", "1.5 KiB", "312 bytes": a size for messages. */
export function describeBytes(bytes: number): string {
  if (bytes >= MIB) return `${+(bytes / MIB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** "200,000": a count for messages. */
export function describeCount(count: number): string {
  return count.toLocaleString("en-US");
}

/** The message when a file is over its size limit, or null when it is within. */
export function fileSizeProblem(fileName: string, bytes: number): string | null {
  const kind = inputFileKind(fileName);
  const limit = INPUT_LIMITS.fileBytes[kind];
  if (bytes <= limit) return null;
  return `${fileName}: the file is ${describeBytes(bytes)}; aps reads ${kind === "text" ? "text" : `.${kind}`} files of at most ${describeBytes(limit)}.`;
}

/**
 * The first `cap` messages, then one line counting the rest: every error at once, but readable.
 * @example capMessages(["a", "b", "c"], 2) // ["a", "b", "… and 1 more input error not shown (fix these and run again)."]
 */
export function capMessages(messages: readonly string[], cap: number = INPUT_LIMITS.errorsShown): string[] {
  if (messages.length <= cap) return [...messages];
  const rest = messages.length - cap;
  return [...messages.slice(0, cap), `… and ${describeCount(rest)} more input error${rest === 1 ? "" : "s"} not shown (fix these and run again).`];
}

/** Characters that cannot sit in a name: control characters, and what XML (so .xlsx) cannot hold. */
const UNWRITABLE = /[\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const PRINTABLE = /^[\x20-\x7e\u00a0-\ud7ff]*$/;

/** Why a name cannot be used (too long, control characters), or null when it can. */
export function textProblem(text: string): string | null {
  if (text.length <= INPUT_LIMITS.textLength && PRINTABLE.test(text)) return null; // the common case, fast
  if (text.length > INPUT_LIMITS.textLength) {
    return `must be at most ${INPUT_LIMITS.textLength} characters long (got ${describeCount(text.length)})`;
  }
  const bad = UNWRITABLE.exec(text);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return `must not contain control characters (got U+${code} at character ${bad.index + 1})`;
  }
  return null;
}

/** A text quoted for a message: shortened to 40 characters, control characters shown as \u escapes. */
export function quoteText(text: string): string {
  return `"${plainText(text)}"`;
}

/** A text for a message, unquoted: shortened to `max` characters, control characters shown as \u escapes. */
export function plainText(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return short.replace(/[\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Why a history quantity cannot be read (what it must be, or the limit it passes), or null when it can.
 * @example historyQuantityProblem(1e300, "Quantity") // "Quantity 1e+300 is above the limit of 1e+12 per period (larger figures overflow the forecast)"
 */
export function historyQuantityProblem(value: unknown, name: string): string | null {
  if (typeof value === "number" && Number.isFinite(value)) {
    if (Math.abs(value) > INPUT_LIMITS.historyQuantity) return `${name} ${value.toPrecision(3).replace(/\.?0+e/, "e")} is ${value > 0 ? "above" : "below"} the limit of ${value > 0 ? "" : "-"}${INPUT_LIMITS.historyQuantity.toExponential(0)} per period (larger figures overflow the forecast)`;
    return null;
  }
  if (typeof value === "number") return `${name} must be a number within ±${INPUT_LIMITS.historyQuantity.toExponential(0)} (got ${Number.isNaN(value) ? "NaN" : "a number too large to hold"})`;
  return null; // not a number at all: the caller says what it must be
}
