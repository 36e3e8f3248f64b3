// One replication of a planned network, tick by tick. Each tick: customers first, every stage takes
// its demand, orders up to its base stock in lots and passes Φ·order upstream; then suppliers first,
// every stage releases orders whose parts are in (planned mode: always on time), receives, and ships
// what is due first come, first served. Capacity mode puts each release through the stage's server.

import { demandSource } from "./demandSource";
import { Fifo } from "./fifo";
import { exponential, normalSampler, stream, streamSeed } from "./randomStreams";
import { SingleServer } from "./singleServer";
import type { DemandDistribution, ServiceDistribution, SimNetwork, SimulationMode } from "./types";

/** What one stage counted over the measured window of one replication. */
export interface StageCounters {
  dueUnits: number; onTimeUnits: number; orders: number; onTimeOrders: number;
  customerUnits: number; customerOnTimeUnits: number; customerOrders: number; customerOnTimeOrders: number;
  customerLeadTicks: number; internalDueUnits: number; internalOnTimeUnits: number;
  periods: number; servedPeriods: number; onHandSum: number; backlogSum: number; ticks: number;
  leadHistogram: number[]; customerHistogram: number[];
  waitSum: number; waitUnits: number; replenishSum: number; replenishUnits: number;
}

export interface ReplicationOptions {
  mode: SimulationMode;
  demand: DemandDistribution;
  service: ServiceDistribution;
  warmup: number;
  horizon: number;
  seed: number;
  replication: number;
  /** Mixed into every seed when policies should not share random numbers (independent streams). */
  policyStream?: number;
}

export interface ReplicationOutcome {
  stages: StageCounters[];
  events: number;
}

function counters(): StageCounters {
  return {
    dueUnits: 0, onTimeUnits: 0, orders: 0, onTimeOrders: 0, customerUnits: 0, customerOnTimeUnits: 0, customerOrders: 0,
    customerOnTimeOrders: 0, customerLeadTicks: 0, internalDueUnits: 0, internalOnTimeUnits: 0, periods: 0, servedPeriods: 0,
    onHandSum: 0, backlogSum: 0, ticks: 0, leadHistogram: [], customerHistogram: [], waitSum: 0, waitUnits: 0,
    replenishSum: 0, replenishUnits: 0,
  };
}

function addTo(histogram: number[], bin: number, weight: number): void {
  while (histogram.length <= bin) histogram.push(0);
  histogram[bin] += weight;
}

const EXTERNAL = -1;
const TINY = 1e-9;
/** Most jobs one release is split into at a server (a release of more units serves them in equal parts). */
const MAX_JOBS = 1000;

/** Runs one replication and returns what every stage counted after the warm-up. */
export function runReplication(net: SimNetwork, options: ReplicationOptions): ReplicationOutcome {
  const { stages, order, ticksPerPeriod: m } = net;
  const n = stages.length;
  const warmTicks = options.warmup * m;
  const endTicks = (options.warmup + options.horizon) * m;
  const base = options.policyStream === undefined ? options.seed : streamSeed(options.seed, 7919, options.policyStream);
  const rep = options.replication;
  const propagate = options.mode !== "planned";
  const capacity = options.mode === "capacity";

  const draw = stages.map((s) => (s.external ? demandSource(s.external, options.demand, m, stream(base, rep, s.index, 1)) : null));
  const serviceRandom = stages.map((s) => stream(base, rep, s.index, 2));
  const serviceNormal = serviceRandom.map((r) => normalSampler(r));
  const offsetRandom = stages.map((s) => stream(base, rep, s.index, 3));
  const servers = stages.map(() => new SingleServer());
  const stats = stages.map(() => counters());
  const due = stages.map(() => new Fifo(4, 64)); // arrival tick, due tick, remaining quantity, arc (−1: customers)
  const duePointer = new Float64Array(n);
  const pending = stages.map(() => new Fifo(2, 16)); // order tick, quantity
  const receipts = stages.map(() => new Fifo(2, 64)); // tick, quantity
  const targets = Array.from({ length: net.arcCount }, () => new Fifo(1, 16));
  const cumOrdered = new Float64Array(net.arcCount);
  const cumShipped = new Float64Array(net.arcCount);
  const demandIn = new Float64Array(n);
  const onHand = new Float64Array(n);
  const position = new Float64Array(n);
  const backlog = new Float64Array(n);
  stages.forEach((s, j) => {
    position[j] = s.baseStock + (s.lotSize > 0 ? s.lotSize * stream(base, rep, j, 4)() : 0);
    onHand[j] = position[j];
  });
  let events = 0;
  const measured = (arrival: number, dueTick: number) => arrival >= warmTicks && arrival < endTicks && dueTick < endTicks;
  const countDemand = (j: number, arrival: number, dueTick: number, quantity: number, external: boolean) => {
    if (!measured(arrival, dueTick)) return;
    const c = stats[j];
    c.dueUnits += quantity;
    c.orders++;
    if (external) { c.customerUnits += quantity; c.customerOrders++; } else c.internalDueUnits += quantity;
  };
  const jobTimes: number[] = [];

  for (let k = 0; k < endTicks; k++) {
    // Demand and orders, customers first.
    for (let r = n - 1; r >= 0; r--) {
      const j = order[r];
      const s = stages[j];
      let d = demandIn[j];
      demandIn[j] = 0;
      const source = draw[j];
      if (source !== null) {
        const x = source(k);
        if (x > 0) {
          due[j].push(k, k + s.serviceTicks, x, EXTERNAL);
          countDemand(j, k, k + s.serviceTicks, x, true);
          d += x;
        }
      }
      position[j] -= d;
      if (position[j] < s.baseStock - TINY) {
        const gap = s.baseStock - position[j];
        const o = s.lotSize > 0 ? Math.ceil(gap / s.lotSize - 1e-12) * s.lotSize : gap;
        position[j] += o;
        pending[j].push(k, o);
        for (const up of s.upstream) {
          const amount = up.quantity * o;
          cumOrdered[up.arc] += amount;
          targets[up.arc].push(cumOrdered[up.arc]);
          const i = up.stage;
          const dueTick = k + stages[i].serviceTicks;
          demandIn[i] += amount;
          due[i].push(k, dueTick, amount, up.arc);
          countDemand(i, k, dueTick, amount, false);
        }
      }
    }
    // Release, receive and ship, suppliers first.
    for (let r = 0; r < n; r++) {
      const j = order[r];
      const s = stages[j];
      const c = stats[j];
      events++;
      const p = pending[j];
      let released = 0;
      while (p.length > 0) {
        const placed = p.get(p.head, 0);
        if (placed + s.inboundTicks > k) break;
        if (propagate) {
          let ready = true;
          for (const up of s.upstream) {
            const t = targets[up.arc];
            if (cumShipped[up.arc] < t.get(t.head, 0) - TINY * Math.max(1, cumShipped[up.arc])) { ready = false; break; }
          }
          if (!ready) break;
        }
        for (const up of s.upstream) targets[up.arc].shift();
        released += p.get(p.head, 1);
        p.shift();
      }
      if (released > 0) {
        const measuredRelease = k >= warmTicks && k < endTicks;
        if (!capacity || s.rate === null) {
          receipts[j].push(k + s.leadTicks, released);
          if (measuredRelease) { c.replenishSum += released * (s.leadTicks / m); c.replenishUnits += released; }
        } else {
          const jobs = Math.max(1, Math.min(MAX_JOBS, Math.ceil(released - 1e-9)));
          const size = released / jobs;
          const meanService = size / s.rate;
          const extra = Math.max(0, s.processingTime - 1 / s.rate);
          jobTimes.length = 0;
          const offsets = offsetRandom[j];
          for (let q = 0; q < jobs; q++) jobTimes.push(offsets());
          jobTimes.sort((a, b) => a - b);
          for (let q = 0; q < jobs; q++) {
            const arrival = (k + jobTimes[q]) / m;
            const service = options.service === "exponential"
              ? exponential(serviceRandom[j], meanService)
              : Math.max(0, meanService + s.serviceSd * Math.sqrt(size) * serviceNormal[j]());
            const start = servers[j].serve(arrival, service);
            const ready = start + service + extra;
            receipts[j].push(Math.max(k, Math.ceil(ready * m - 1e-9) - 1), size);
            if (measuredRelease) {
              c.waitSum += (start - arrival) * size; c.waitUnits += size;
              c.replenishSum += (ready - arrival) * size; c.replenishUnits += size;
            }
          }
          events += jobs;
        }
      }
      const rc = receipts[j];
      while (rc.length > 0 && rc.get(rc.head, 0) <= k) { onHand[j] += rc.get(rc.head, 1); rc.shift(); }
      // Demand falling due now joins the backlog; ship first come, first served.
      const q = due[j];
      let pointer = duePointer[j];
      while (pointer < q.tail && q.get(pointer, 1) <= k) { backlog[j] += q.get(pointer, 2); pointer++; }
      duePointer[j] = pointer;
      while (q.length > 0 && onHand[j] > 1e-12) {
        const h = q.head;
        const dueTick = q.get(h, 1);
        if (dueTick > k) break;
        const remaining = q.get(h, 2);
        const amount = remaining < onHand[j] ? remaining : onHand[j];
        onHand[j] -= amount;
        backlog[j] -= amount;
        const arc = q.get(h, 3);
        if (arc >= 0) cumShipped[arc] += amount;
        const arrival = q.get(h, 0);
        const count = measured(arrival, dueTick);
        if (count) {
          const lead = k - arrival;
          addTo(c.leadHistogram, lead, amount);
          if (arc === EXTERNAL) { addTo(c.customerHistogram, lead, amount); c.customerLeadTicks += lead * amount; }
          if (k === dueTick) {
            c.onTimeUnits += amount;
            if (arc === EXTERNAL) c.customerOnTimeUnits += amount; else c.internalOnTimeUnits += amount;
          }
        }
        if (amount >= remaining - 1e-12) {
          q.shift();
          if (count && k === dueTick) { c.onTimeOrders++; if (arc === EXTERNAL) c.customerOnTimeOrders++; }
        } else {
          q.set(h, 2, remaining - amount);
          break;
        }
      }
      const owing = q.length > 0 && q.get(q.head, 1) <= k;
      if (!owing) backlog[j] = 0;
      // A period counts as served when, once its last demand is due, nothing due is still owed.
      const demandTick = k - s.serviceTicks;
      if (demandTick >= warmTicks && demandTick < endTicks && demandTick % m === m - 1) {
        c.periods++;
        if (!owing) c.servedPeriods++;
      }
      if (k >= warmTicks) { c.onHandSum += onHand[j]; c.backlogSum += backlog[j] > 0 ? backlog[j] : 0; c.ticks++; }
    }
  }
  // Orders still open at the end enter the lead-time distribution censored at the horizon.
  stages.forEach((_, j) => {
    const q = due[j];
    for (let h = q.head; h < q.tail; h++) {
      const arrival = q.get(h, 0);
      if (!measured(arrival, q.get(h, 1))) continue;
      const lead = endTicks - arrival;
      addTo(stats[j].leadHistogram, lead, q.get(h, 2));
      if (q.get(h, 3) === EXTERNAL) { addTo(stats[j].customerHistogram, lead, q.get(h, 2)); stats[j].customerLeadTicks += lead * q.get(h, 2); }
    }
  });
  return { stages: stats, events };
}
