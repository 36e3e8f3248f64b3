// Puts a plan's messages in the user's own words: the engine's formulas name their arguments
// (arrivalRate, unitCost, …); a user wrote the network's fields, as JSON keys or workbook headers.

import { ARC_FIELDS, SETTING_FIELDS, STAGE_FIELDS } from "./fields";
import type { FieldNaming } from "./readField";

/** Arguments of the engine's formulas that are no field of the network, and what the user knows them as. */
const INTERNAL_WORDS: Record<string, string> = {
  arrivalRate: "demandRate",
  serviceRate: "productionRate",
  unitCost: "the safety-stock cost per unit (Holding Cost × z × demand deviation)",
  inboundSd: "the inbound service deviation",
  productionSd: "the interarrival deviation",
  upstreamTimes: "the suppliers' make-to-order lead times",
  upstreamServiceSds: "the suppliers' service deviations",
  waitInQueue: "the queue wait",
  productionLeadTime: "the production lead time",
  inboundServiceTime: "the inbound service time",
  promisedLeadTime: "the make-to-order lead time W",
  demandBound: "the demand bound",
  lotSize: "the lot size",
  backorderLevel: "the backorder level",
  netReplenishmentTime: "the net replenishment time",
};

const HEADERS = new Map([...STAGE_FIELDS, ...ARC_FIELDS].map((f) => [f.name, f.header]));
const SETTING_NAMES = new Set(SETTING_FIELDS.map((f) => f.name));

function translate(word: string, naming: FieldNaming): string {
  const internal = INTERNAL_WORDS[word];
  const field = internal ?? word;
  if (naming === "workbook" && HEADERS.has(field) && !SETTING_NAMES.has(field)) return HEADERS.get(field)!;
  return internal ?? word;
}

/**
 * A message with engine argument names replaced by the user's words (Title Case headers for a
 * workbook, JSON keys for a JSON file). Text in double quotes (the user's own ids) is left alone.
 * @example userWords("productionRate must be greater than demandRate (got 5).", "workbook") // "Production Rate must be greater than Demand Rate (got 5)."
 */
export function userWords(message: string, naming: FieldNaming): string {
  return message
    .split(/("[^"]*")/)
    .map((part, k) => (k % 2 === 1 ? part : part.replace(/\b[a-z]+(?:[A-Z][a-z]*)+\b/g, (word) => translate(word, naming))))
    .join("");
}
