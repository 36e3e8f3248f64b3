// One replication of a planned network, tick by tick. Each tick: customers first, every stage takes
// its demand, orders up to its base stock in lots and passes Φ·order upstream; then suppliers first,
// every stage with something due releases orders whose parts are in (planned mode: always on time),
// receives, and ships what is due first come, first served. Capacity mode puts each release through
// the stage's server. A stage is only visited at ticks where something happens to it.

import { demandSource } from "./demandSource";
import { Fifo } from "./fifo";
import { gamma, normalSampler, stream, streamSeed } from "./randomStreams";
import { SingleServer } from "./singleServer";
import { accountTicks, addTo, emptyCounters, StageCounters } from "./stageCounters";
import { highestBit, lowestBit, PositionSet, TickCalendar } from "./tickCalendar";
import type { DemandDistribution, ServiceDistribution, SimNetwork, SimulationMode } from "./types";

export type { StageCounters } from "./stageCounters";

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
  /** Stage reviews (a stage visited at a tick) plus jobs served in capacity mode. */
  events: number;
}

const EXTERNAL = -1;
const TINY = 1e-9;
/** Most jobs one release is split into at a server; a larger release is served in equal parts. */
const MAX_JOBS = 16;

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
  const stats = stages.map(() => emptyCounters());
  const due = stages.map(() => new Fifo(4, 64)); // arrival tick, due tick, remaining quantity, arc (−1: customers)
  const duePointer = new Float64Array(n); // first entry not yet due
  const pending = stages.map(() => new Fifo(2, 16)); // order tick, quantity
  const receipts = stages.map(() => new Fifo(2, 64)); // tick, quantity
  const targets = Array.from({ length: net.arcCount }, () => new Fifo(1, 16));
  const arcTo = new Int32Array(net.arcCount);
  for (const s of stages) for (const up of s.upstream) arcTo[up.arc] = s.index;
  const cumOrdered = new Float64Array(net.arcCount);
  const cumShipped = new Float64Array(net.arcCount);
  const demandIn = new Float64Array(n);
  const onHand = new Float64Array(n);
  const position = new Float64Array(n);
  const backlog = new Float64Array(n);
  const owing = new Uint8Array(n);
  const wake = new Float64Array(n).fill(Infinity); // next tick at which the stage has something to do
  const accounted = new Float64Array(n).fill(-1); // last tick whose state is in the counters
  stages.forEach((s, j) => {
    position[j] = s.baseStock + (s.lotSize > 0 ? s.lotSize * stream(base, rep, j, 4)() : 0);
    onHand[j] = position[j];
  });
  const position_ = new Int32Array(n); // topological position of each stage
  order.forEach((j, r) => { position_[j] = r; });
  const customers = new PositionSet(n);
  stages.forEach((s, j) => { if (s.external) customers.add(position_[j]); });
  const demandSet = new PositionSet(n); // stages that took demand from a customer stage this tick
  const visitSet = new PositionSet(n); // stages to visit in the supply pass this tick
  const calendar = new TickCalendar();
  const visitIfDue = (j: number) => { if (wake[j] <= now) visitSet.add(position_[j]); };
  let now = 0;
  const wakeAt = (j: number, tick: number) => {
    if (tick >= wake[j]) return;
    wake[j] = tick;
    if (tick === now) visitSet.add(position_[j]); // this tick's supply pass: no need for the calendar
    else calendar.push(tick, j);
  };
  /** A shipment reached stage j: visit it now (it comes later in the supply pass). */
  const visitNow = (j: number, k: number) => {
    wake[j] = k;
    visitSet.add(position_[j]);
  };
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

  /** Puts a release of `released` units through the stage's server (capacity mode) or its fixed lead time. */
  const release = (j: number, k: number, released: number) => {
    const s = stages[j];
    const c = stats[j];
    const counted = k >= warmTicks && k < endTicks;
    if (!capacity || s.rate === null) {
      receipts[j].push(k + s.leadTicks, released);
      if (counted) { c.replenishSum += released * (s.leadTicks / m); c.replenishUnits += released; }
      return;
    }
    const jobs = Math.max(1, Math.min(MAX_JOBS, Math.ceil(released - 1e-9)));
    const size = released / jobs;
    const extra = Math.max(0, s.processingTime - 1 / s.rate);
    jobTimes.length = 0;
    for (let q = 0; q < jobs; q++) jobTimes.push(offsetRandom[j]());
    jobTimes.sort((a, b) => a - b);
    for (let q = 0; q < jobs; q++) {
      const arrival = (k + jobTimes[q]) / m;
      const service = options.service === "exponential"
        ? gamma(serviceRandom[j], serviceNormal[j], size, 1 / s.rate)
        : Math.max(0, size / s.rate + s.serviceSd * Math.sqrt(size) * serviceNormal[j]());
      const start = servers[j].serve(arrival, service);
      const ready = start + service + extra;
      receipts[j].push(Math.max(k, Math.ceil(ready * m - 1e-9) - 1), size);
      if (counted) {
        c.waitSum += (start - arrival) * size; c.waitUnits += size;
        c.replenishSum += (ready - arrival) * size; c.replenishUnits += size;
      }
    }
    events += jobs;
  };

  /** Stage j takes tick k's demand (its customers' and its downstream stages' orders) and orders in lots. */
  const demand = (j: number, k: number) => {
    const source = draw[j];
    let d = demandIn[j];
    const s = stages[j];
    demandIn[j] = 0;
    if (source !== null) {
      const x = source(k);
      if (x > 0) {
        due[j].push(k, k + s.serviceTicks, x, EXTERNAL);
        countDemand(j, k, k + s.serviceTicks, x, true);
        d += x;
      }
    }
    if (d === 0) return;
    wakeAt(j, k + s.serviceTicks);
    position[j] -= d;
    if (position[j] < s.baseStock - TINY) {
      const gap = s.baseStock - position[j];
      const o = s.lotSize > 0 ? Math.ceil(gap / s.lotSize - 1e-12) * s.lotSize : gap;
      position[j] += o;
      pending[j].push(k, o);
      wakeAt(j, k + s.inboundTicks);
      const ups = s.upstream;
      for (let u = 0; u < ups.length; u++) {
        const up = ups[u];
        const amount = up.quantity * o;
        cumOrdered[up.arc] += amount;
        targets[up.arc].push(cumOrdered[up.arc]);
        const i = up.stage;
        const dueTick = k + stages[i].serviceTicks;
        demandIn[i] += amount;
        due[i].push(k, dueTick, amount, up.arc);
        countDemand(i, k, dueTick, amount, false);
        wakeAt(i, dueTick);
        demandSet.add(position_[i]);
      }
    }
  };

  /** Stage j's supply at tick k: release orders whose parts are in, receive, ship first come first served. */
  const supply = (j: number, k: number) => {
    const s = stages[j];
    const c = stats[j];
    events++;
    if (accounted[j] + 1 < k) accountTicks(c, accounted[j] + 1, k - 1, onHand[j], backlog[j], owing[j] === 1, s.serviceTicks, m, warmTicks, endTicks);
    const p = pending[j];
    let released = 0;
    while (p.length > 0) {
      if (p.get0(p.head) + s.inboundTicks > k) break;
      if (propagate) {
        let ready = true;
        for (const up of s.upstream) {
          const t = targets[up.arc];
          if (cumShipped[up.arc] < t.get0(t.head) - TINY * Math.max(1, cumShipped[up.arc])) { ready = false; break; }
        }
        if (!ready) break;
      }
      for (const up of s.upstream) targets[up.arc].shift();
      released += p.get1(p.head);
      p.shift();
    }
    if (released > 0) release(j, k, released);
    const rc = receipts[j];
    while (rc.length > 0 && rc.get0(rc.head) <= k) { onHand[j] += rc.get1(rc.head); rc.shift(); }
    // Demand falling due now joins the backlog; ship first come, first served.
    const q = due[j];
    let pointer = duePointer[j];
    while (pointer < q.tail && q.get1(pointer) <= k) { backlog[j] += q.get2(pointer); pointer++; }
    duePointer[j] = pointer;
    while (q.length > 0 && onHand[j] > 1e-12) {
      const h = q.head;
      const dueTick = q.get1(h);
      if (dueTick > k) break;
      const remaining = q.get2(h);
      const amount = remaining < onHand[j] ? remaining : onHand[j];
      onHand[j] -= amount;
      backlog[j] -= amount;
      const arc = q.get3(h);
      if (arc >= 0) { cumShipped[arc] += amount; if (propagate) visitNow(arcTo[arc], k); }
      const arrival = q.get0(h);
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
    owing[j] = q.length > 0 && q.get1(q.head) <= k ? 1 : 0;
    if (owing[j] === 0) backlog[j] = 0;
    // A period counts as served when, once its last demand is due, nothing due is still owed.
    if (k >= warmTicks) { c.onHandSum += onHand[j]; if (backlog[j] > 0) c.backlogSum += backlog[j]; c.ticks++; }
    const demandTick = k - s.serviceTicks;
    if (demandTick >= warmTicks && demandTick < endTicks && demandTick % m === m - 1) { c.periods++; if (owing[j] === 0) c.servedPeriods++; }
    accounted[j] = k;
    // The next tick with something to do: a receipt, a demand falling due, an order to release.
    let next = Infinity;
    if (rc.length > 0) next = rc.get0(rc.head);
    if (pointer < q.tail && q.get1(pointer) < next) next = q.get1(pointer);
    if (p.length > 0) {
      const releaseAt = p.get0(p.head) + s.inboundTicks;
      if (releaseAt > k && releaseAt < next) next = releaseAt; // else it waits for its parts: a shipment wakes it
    }
    wake[j] = Infinity;
    if (next < Infinity) wakeAt(j, next);
  };

  for (let k = 0; k < endTicks; k++) {
    now = k;
    // Demand and orders, customers first (highest topological position first).
    for (let w = demandSet.words.length - 1; w >= 0; w--) {
      let word = customers.words[w] | demandSet.words[w];
      demandSet.words[w] = 0;
      while (word !== 0) {
        const b = highestBit(word);
        word &= ~(1 << b);
        const j = order[w * 32 + b];
        demand(j, k);
        word |= demandSet.words[w];
        demandSet.words[w] = 0;
      }
    }
    // Release, receive and ship, suppliers first, at the stages with something to do now.
    calendar.take(k, visitIfDue);
    for (let w = 0; w < visitSet.words.length; w++) {
      let word = visitSet.words[w];
      visitSet.words[w] = 0;
      while (word !== 0) {
        const b = lowestBit(word);
        word &= ~(1 << b);
        supply(order[w * 32 + b], k);
        word |= visitSet.words[w];
        visitSet.words[w] = 0;
      }
    }
  }
  stages.forEach((s, j) => {
    accountTicks(stats[j], accounted[j] + 1, endTicks - 1, onHand[j], backlog[j], owing[j] === 1, s.serviceTicks, m, warmTicks, endTicks);
    // Orders still open at the end enter the lead-time distribution censored at the horizon.
    const q = due[j];
    for (let h = q.head; h < q.tail; h++) {
      const arrival = q.get0(h);
      if (!measured(arrival, q.get1(h))) continue;
      const lead = endTicks - arrival;
      addTo(stats[j].leadHistogram, lead, q.get2(h));
      if (q.get3(h) === EXTERNAL) { addTo(stats[j].customerHistogram, lead, q.get2(h)); stats[j].customerLeadTicks += lead * q.get2(h); }
    }
  });
  return { stages: stats, events };
}
