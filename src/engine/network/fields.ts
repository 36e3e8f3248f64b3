// The fields of the aps-network/1 stage and arc records (docs/formats.md §1): their kinds and the
// values each accepts, in one table that validation and both adapters share.

export type FieldKind = "text" | "number" | "lotSizeModel" | "date";
export type NumberRule = "any" | "nonNegative" | "positive" | "probability";

export interface FieldSpec {
  /** camelCase name, as in JSON. */
  name: string;
  /** Title Case header, as in a workbook table. */
  header: string;
  kind: FieldKind;
  rule: NumberRule;
  /** Largest size a number may have (docs/errors.md); beyond it the plan's figures would overflow. */
  max?: number;
}

function spec(name: string, kind: FieldKind, rule: NumberRule = "any", max?: number): FieldSpec {
  return { name, header: titleCase(name), kind, rule, ...(max === undefined ? {} : { max }) };
}

/** Limits on the size of numbers, by what they measure (docs/errors.md). */
export const NUMBER_LIMITS = {
  rate: 1e9,
  productionRate: 1e12,
  time: 1e6,
  cost: 1e9,
  z: 10,
  quantity: 1e6,
  periodsPerYear: 1e8,
  placementTimeLimit: 86_400,
  /** Units on hand, on order, demanded or released per period (FORMATS.md §10). */
  units: 1e9,
  /** Periods of a supply plan's horizon (and its lead times in periods). */
  periods: 1_000,
  supplyTimeLimit: 86_400,
} as const;

/** "demandRate" → "Demand Rate", "z" → "Z". */
export function titleCase(camel: string): string {
  const spaced = camel.replace(/([a-z0-9])([A-Z])/g, "$1 $2");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Stage fields in the order docs/formats.md §1 lists them. */
export const STAGE_FIELDS: readonly FieldSpec[] = [
  spec("id", "text"),
  spec("owner", "text"),
  spec("demandRate", "number", "nonNegative", NUMBER_LIMITS.rate),
  spec("demandSd", "number", "nonNegative", NUMBER_LIMITS.rate),
  spec("serviceLevel", "number", "probability"),
  spec("z", "number", "any", NUMBER_LIMITS.z),
  spec("processingTime", "number", "nonNegative", NUMBER_LIMITS.time),
  spec("holdingCost", "number", "nonNegative", NUMBER_LIMITS.cost),
  spec("orderCost", "number", "nonNegative", NUMBER_LIMITS.cost),
  spec("backorderCost", "number", "nonNegative", NUMBER_LIMITS.cost),
  spec("shortageCost", "number", "nonNegative", NUMBER_LIMITS.cost),
  spec("productionRate", "number", "positive", NUMBER_LIMITS.productionRate),
  spec("lotSizeModel", "lotSizeModel"),
  spec("serviceCost", "number", "positive", NUMBER_LIMITS.cost),
  spec("penaltyCost", "number", "nonNegative", NUMBER_LIMITS.cost),
  spec("interarrivalSd", "number", "nonNegative", NUMBER_LIMITS.time),
  spec("leadTime", "number", "nonNegative", NUMBER_LIMITS.time),
  spec("externalInboundTime", "number", "nonNegative", NUMBER_LIMITS.time),
  spec("externalInboundSd", "number", "nonNegative", NUMBER_LIMITS.time),
  spec("maxServiceTime", "number", "nonNegative", NUMBER_LIMITS.time),
  spec("predictedLeadTime", "number", "positive", NUMBER_LIMITS.time),
  // The supply plan over time (FORMATS.md §10).
  spec("leadTimePeriods", "number", "nonNegative", NUMBER_LIMITS.periods),
  spec("onHand", "number", "nonNegative", NUMBER_LIMITS.units),
  spec("unitCost", "number", "nonNegative", NUMBER_LIMITS.cost),
  spec("safetyStockTarget", "number", "nonNegative", NUMBER_LIMITS.units),
  spec("capacityPerPeriod", "number", "nonNegative", NUMBER_LIMITS.units),
  spec("minLot", "number", "nonNegative", NUMBER_LIMITS.units),
  spec("lotMultiple", "number", "positive", NUMBER_LIMITS.units),
];

export const ARC_FIELDS: readonly FieldSpec[] = [
  spec("from", "text"),
  spec("to", "text"),
  spec("quantity", "number", "positive", NUMBER_LIMITS.quantity),
];

/** Settings (a workbook's Settings table of Name / Value rows). */
export const SETTING_FIELDS: readonly FieldSpec[] = [
  spec("defaultServiceLevel", "number", "probability"),
  spec("periodsPerYear", "number", "positive", NUMBER_LIMITS.periodsPerYear),
  spec("placementMethod", "text"),
  spec("rateMethod", "text"),
  spec("placementTimeLimit", "number", "positive", NUMBER_LIMITS.placementTimeLimit),
  // The supply plan over time (FORMATS.md §10).
  spec("horizon", "number", "positive", NUMBER_LIMITS.periods),
  spec("periodLength", "number", "positive", NUMBER_LIMITS.time),
  spec("frozenPeriods", "number", "nonNegative", NUMBER_LIMITS.periods),
  spec("planStart", "date"),
  spec("lotSizing", "text"),
  spec("supplyTimeLimit", "number", "positive", NUMBER_LIMITS.supplyTimeLimit),
];

export const LOT_SIZING_MODES = ["none", "mip"] as const;

export const LOT_SIZE_MODELS = ["classic", "backorder", "production", "production-backorder", "lead-time"] as const;
export const PLACEMENT_METHODS = ["auto", "paper-rule", "tree-dp", "branch-and-bound", "all-stock", "make-to-order"] as const;
export const RATE_METHODS = ["closed-form", "exact"] as const;

/** Header or name, normalised for matching: case, spaces, underscores and hyphens do not count. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

const byNormalName = new WeakMap<readonly FieldSpec[], Map<string, FieldSpec>>();

/** The field a header names ("Demand Rate", "demand rate", "demandRate"), or null. */
export function fieldForHeader(fields: readonly FieldSpec[], header: string): FieldSpec | null {
  let index = byNormalName.get(fields);
  if (!index) {
    index = new Map(fields.map((f) => [normaliseName(f.name), f]));
    byNormalName.set(fields, index);
  }
  return index.get(normaliseName(header)) ?? null;
}

/** Edit distance, for "did you mean" on misspelt headers. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** The known field a misspelt header most likely meant (distance ≤ 2, or ≤ 3 for long names), else null. */
export function likelyMeant(fields: readonly FieldSpec[], header: string): FieldSpec | null {
  const key = normaliseName(header);
  if (key.length < 3) return null;
  let best: FieldSpec | null = null;
  let bestDistance = Infinity;
  for (const field of fields) {
    const d = editDistance(key, normaliseName(field.name));
    if (d < bestDistance) {
      best = field;
      bestDistance = d;
    }
  }
  const allowed = key.length >= 10 ? 3 : 2;
  return bestDistance <= allowed ? best : null;
}
