// "Did you mean": the known name a user's typed name most likely meant, for every list a user types
// (Settings names, Private Columns, table names, partners), judged as headers are (fields.ts).

import { editDistance, normaliseName } from "./network/fields";

/**
 * The name of `known` that `typed` most likely meant: the same but for case and spaces, else at most
 * 2 edits away (3 for names of 10 letters or more); null when none is that close or `typed` is short.
 * @example closestName("Margn", ["Id", "Margin", "Owner"]) // "Margin"
 */
export function closestName(typed: string, known: readonly string[]): string | null {
  const key = normaliseName(typed);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = normaliseName(name) === key ? 0 : key.length < 3 ? Infinity : editDistance(key, normaliseName(name));
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return bestDistance <= (key.length >= 10 ? 3 : 2) ? best : null;
}

/** ' (did you mean "Margin"?)' or "": the tail of a message about an unknown name. */
export function didYouMean(typed: string, known: readonly string[]): string {
  const meant = closestName(typed, known);
  return meant === null ? "" : ` (did you mean "${meant}"?)`;
}
