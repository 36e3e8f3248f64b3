// What one stage counts over the measured window of a replication, and the bookkeeping of the
// ticks in which nothing happens at a stage (its stock and backlog stay as they were).

/** What one stage counted over the measured window of one replication. */
export interface StageCounters {
  dueUnits: number; onTimeUnits: number; orders: number; onTimeOrders: number;
  customerUnits: number; customerOnTimeUnits: number; customerOrders: number; customerOnTimeOrders: number;
  customerLeadTicks: number; internalDueUnits: number; internalOnTimeUnits: number;
  periods: number; servedPeriods: number; onHandSum: number; backlogSum: number; ticks: number;
  leadHistogram: number[]; customerHistogram: number[];
  waitSum: number; waitUnits: number; replenishSum: number; replenishUnits: number;
}

export function emptyCounters(): StageCounters {
  return {
    dueUnits: 0, onTimeUnits: 0, orders: 0, onTimeOrders: 0, customerUnits: 0, customerOnTimeUnits: 0, customerOrders: 0,
    customerOnTimeOrders: 0, customerLeadTicks: 0, internalDueUnits: 0, internalOnTimeUnits: 0, periods: 0, servedPeriods: 0,
    onHandSum: 0, backlogSum: 0, ticks: 0, leadHistogram: [], customerHistogram: [], waitSum: 0, waitUnits: 0,
    replenishSum: 0, replenishUnits: 0,
  };
}

export function addTo(histogram: number[], bin: number, weight: number): void {
  while (histogram.length <= bin) histogram.push(0);
  histogram[bin] += weight;
}

/** Demand ticks u in [lo, hi] that end a period (u mod m = m − 1). */
function periodEnds(lo: number, hi: number, m: number): number {
  if (hi < lo) return 0;
  return Math.floor((hi + 1) / m) - Math.floor(lo / m);
}

/**
 * Accounts ticks first..last (inclusive) in which the stage's state stayed as given: stock and
 * backlog for the averages, and the periods whose last demand fell due then (served unless owing).
 */
export function accountTicks(
  c: StageCounters, first: number, last: number, onHand: number, backlog: number, owing: boolean,
  serviceTicks: number, m: number, warmTicks: number, endTicks: number,
): void {
  const a = Math.max(first, warmTicks);
  if (last >= a) {
    const n = last - a + 1;
    c.onHandSum += onHand * n;
    c.backlogSum += backlog > 0 ? backlog * n : 0;
    c.ticks += n;
  }
  const periods = periodEnds(Math.max(first - serviceTicks, warmTicks), Math.min(last - serviceTicks, endTicks - 1), m);
  c.periods += periods;
  if (!owing) c.servedPeriods += periods;
}
