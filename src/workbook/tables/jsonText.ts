// JSON text from outside (a file the user gave): parsed with a leading byte-order mark allowed, and
// a one-line reason naming line and column when it is not JSON. Pure: the CLI and the pane share it.

import { plainText } from "../../engine/limits";

/** Why a text is not JSON, in one line: what was found and where (line and column when known). */
export function jsonProblem(text: string, error: Error): string {
  const message = error.message.replace(/\s+/g, " ");
  const position = /position (\d+)/.exec(message);
  const at = position ? Number(position[1]) : null;
  if (/Unexpected end of JSON input/.test(message) || (at !== null && at >= text.trimEnd().length)) return "the JSON ends too early (is the file cut short?)";
  let where = "";
  if (at !== null) {
    const before = text.slice(0, at);
    where = ` at line ${before.split("\n").length}, column ${before.length - before.lastIndexOf("\n")}`;
  }
  const reason = message.replace(/ in JSON at position \d+.*$/, "").replace(/,? ".*" is not valid JSON$/, "").trim() || "this is not JSON";
  return `${plainText(reason, 100)}${where}`;
}

/** Parses JSON text of `file`; the message names the file and where the JSON breaks. */
export function parseJsonText(file: string, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const body = text.replace(/^\ufeff/, "");
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    return { ok: false, message: `${file}: not valid JSON (${jsonProblem(body, error as Error)}).` };
  }
}
