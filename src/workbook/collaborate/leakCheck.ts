// The leak check run on every package after it is written: its zip parts must be on an allow-list,
// no sheet may be hidden, no defined name, comment or external link may exist, and no value the partner
// must not see (other partners' stage ids and figures, costs, private columns) may be in any XML part.

import JSZip from "jszip";

export interface LeakRules {
  /** Text that must not appear (other partners' names and stage ids, private text). */
  forbiddenText: string[];
  /** Numbers that must not appear (costs, other partners' figures, private numbers). */
  forbiddenNumbers: number[];
  /** Text the package legitimately holds (issued values, fixed labels): never a finding. */
  allowedText: string[];
  /** Numbers the package legitimately holds (issued values): never a finding. */
  allowedNumbers: number[];
  /** More numbers that must not appear, indexed once for several packages (see `ForbiddenNumberIndex`). */
  forbiddenNumberIndex?: ForbiddenNumberIndex;
}

/**
 * Forbidden numbers kept in an index built once and shared by several packages' checks: whether a
 * value is forbidden, and the distinct candidate values that round to a written token's text.
 */
export interface ForbiddenNumberIndex {
  has(value: number): boolean;
  /** Every indexed value (forbidden or not) whose `toFixed(decimals)` is `text`. */
  roundingTo(decimals: number, text: string): readonly number[];
}

export interface LeakFinding {
  part: string;
  message: string;
}

/** The parts a package may hold: what ExcelJS writes for sheets, tables, styles and properties. */
const ALLOWED_PARTS = [
  /^\[Content_Types\]\.xml$/, /^_rels\/\.rels$/, /^docProps\/(app|core)\.xml$/, /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/, /^xl\/styles\.xml$/, /^xl\/theme\/theme1\.xml$/, /^xl\/sharedStrings\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/, /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/, /^xl\/tables\/table\d+\.xml$/,
];

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? "";
  });
}

/** Text nodes and attribute values of an XML part (shared-string cell indexes left out). */
function xmlStrings(xml: string): { texts: string[]; attributes: string[] } {
  const body = xml.replace(/<c\b[^>]*?\bt="s"[^>]*?>\s*<v>\d+<\/v>\s*<\/c>/g, "");
  const texts: string[] = [];
  for (const m of body.matchAll(/>([^<]+)</g)) texts.push(unescapeXml(m[1]).normalize("NFC"));
  const attributes: string[] = [];
  for (const m of body.matchAll(/\s[\w:]+="([^"]*)"/g)) attributes.push(unescapeXml(m[1]).normalize("NFC"));
  return { texts, attributes };
}

/**
 * Where figures can be: numeric cell values and inline strings of sheets, shared strings, and the
 * free-text document properties (structural numbers such as a sheet count or a column width are not).
 */
function numberTokens(part: string, xml: string): { text: string }[] {
  const out: { text: string }[] = [];
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) {
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      if (m[2] === undefined || /\bt="s"/.test(m[1])) continue;
      for (const v of m[2].matchAll(/<(?:v|t)(?:\s[^>]*)?>([^<]*)</g)) out.push({ text: unescapeXml(v[1]).normalize("NFC") });
    }
  } else if (part === "xl/sharedStrings.xml") {
    for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)</g)) out.push({ text: unescapeXml(m[1]).normalize("NFC") });
  } else if (part === "docProps/core.xml") {
    for (const m of xml.matchAll(/<(dc:\w+|cp:\w+)>([^<]*)</g)) out.push({ text: unescapeXml(m[2]).normalize("NFC") });
  }
  return out;
}

const NUMBER_TOKEN = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;

/** Forbidden numbers indexed for fast look-up: exact values, and (built when first needed) their forms rounded to 2-6 decimals. */
class NumberIndex {
  private readonly exact: Set<number>;
  private readonly rounded = new Map<number, Set<string>>();
  constructor(private readonly values: readonly number[], private readonly shared: ForbiddenNumberIndex | undefined, private readonly allowed: ReadonlySet<number>) {
    this.exact = new Set(values);
  }
  /** True when a written token could be a forbidden number, exactly or rounded to the token's decimals. */
  matches(token: string, value: number): boolean {
    if (this.exact.has(value) || (this.shared?.has(value) && !this.allowed.has(value))) return true;
    const decimals = /\.(\d+)/.exec(token)?.[1].length ?? 0;
    if (decimals < 2 || decimals > 6 || /e/i.test(token)) return false;
    let set = this.rounded.get(decimals);
    if (!set) this.rounded.set(decimals, (set = new Set(this.values.map((v) => v.toFixed(decimals)))));
    const text = value.toFixed(decimals);
    if (set.has(text)) return true;
    const shared = this.shared;
    return shared !== undefined && shared.roundingTo(decimals, text).some((f) => shared.has(f) && !this.allowed.has(f));
  }
}

const ALNUM = /[\p{L}\p{N}]/u;

/** Forbidden text indexed by value: a text holds one where a run of it between word boundaries equals it (3+ characters), or all of it does. */
class TextIndex {
  private readonly words: Set<string>;
  private readonly longest: number;
  constructor(words: readonly string[]) {
    this.words = new Set(words);
    this.longest = words.reduce((n, w) => Math.max(n, w.length), 0);
  }
  /** The forbidden text found in `text`, or undefined. */
  find(text: string): string | undefined {
    if (this.words.has(text)) return text;
    const starts: number[] = [];
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const here = ALNUM.test(text[i]);
      if (!(here && i > 0 && ALNUM.test(text[i - 1]))) starts.push(i);
      if (!(here && i + 1 < text.length && ALNUM.test(text[i + 1]))) ends.push(i + 1);
    }
    for (const a of starts) {
      for (const b of ends) {
        if (b <= a) continue;
        if (b - a > this.longest) break;
        const piece = text.slice(a, b);
        if (piece.length >= 3 && this.words.has(piece)) return piece;
      }
    }
    return undefined;
  }
}

/**
 * Unzips a package and lists every leak: a part off the allow-list, a hidden sheet, a defined name,
 * forbidden text in any text node or attribute, a forbidden number in any text node. Empty: clean.
 */
export async function findPackageLeaks(bytes: Uint8Array, rules: LeakRules): Promise<LeakFinding[]> {
  const zip = await JSZip.loadAsync(bytes);
  const findings: LeakFinding[] = [];
  const allowedText = new Set(rules.allowedText.map((t) => t.normalize("NFC")));
  const forbiddenText = new TextIndex(rules.forbiddenText.map((t) => t.normalize("NFC")).filter((t) => t.trim() !== "" && !allowedText.has(t)));
  const allowedNumbers = new Set(rules.allowedNumbers.filter(Number.isFinite));
  const forbiddenNumbers = new NumberIndex([...new Set(rules.forbiddenNumbers.filter(Number.isFinite))].filter((f) => !allowedNumbers.has(f)), rules.forbiddenNumberIndex, allowedNumbers);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    if (!ALLOWED_PARTS.some((p) => p.test(name))) {
      findings.push({ part: name, message: `part "${name}" is not one a package may hold` });
      continue;
    }
    const xml = await entry.async("string");
    if (name === "xl/workbook.xml") {
      if (/state="(hidden|veryHidden)"/.test(xml)) findings.push({ part: name, message: "a sheet is hidden" });
      if (/<definedName\b/.test(xml)) findings.push({ part: name, message: "the workbook has defined names" });
      if (/<externalReference/.test(xml)) findings.push({ part: name, message: "the workbook links to another workbook" });
    }
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) {
      if (/<f[\s>]/.test(xml)) findings.push({ part: name, message: "a cell holds a formula" });
      if (/\bhidden="1"/.test(xml)) findings.push({ part: name, message: "a row or column is hidden" });
    }
    if (name === "xl/theme/theme1.xml") continue;
    const { texts, attributes } = xmlStrings(xml);
    for (const text of [...texts, ...attributes]) {
      if (allowedText.has(text)) continue;
      const secret = forbiddenText.find(text);
      if (secret !== undefined) findings.push({ part: name, message: `it holds "${secret}", which this partner must not see` });
    }
    for (const token of numberTokens(name, xml)) {
      if (allowedText.has(token.text) && !/^-?[\d.eE+]+$/.test(token.text)) continue;
      for (const m of token.text.matchAll(NUMBER_TOKEN)) {
        const value = Number(m[0]);
        if (!Number.isFinite(value) || allowedNumbers.has(value)) continue;
        if (forbiddenNumbers.matches(m[0], value)) findings.push({ part: name, message: `it holds the number ${m[0]}, a figure this partner must not see` });
      }
    }
  }
  return findings;
}
