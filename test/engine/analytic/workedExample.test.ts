// docs/model.md §10, the worked example: Casting and Electronics feed Assembly. The three stages are
// wired by hand through the analytic core and every per-stage figure is compared with the
// reference plan (benchmarks/plan/worked-example.plan.json, an independent implementation).
import * as fs from "fs";
import * as path from "path";
import { zFromServiceLevel } from "../../../src/engine/normal";
import { derivedInterarrivalSd, inboundSd, serviceTimeSd } from "../../../src/engine/variability";
import { optimalRate } from "../../../src/engine/rate";
import { kingmanWait, ordersInSystem, utilisation } from "../../../src/engine/queue";
import { inboundServiceTime, productionLeadTime, promisedLeadTime } from "../../../src/engine/leadTime";
import { demandBound, netReplenishmentTime, safetyStock } from "../../../src/engine/safetyStock";
import { lotSize } from "../../../src/engine/lotSizing";
import { inboundLeadTime } from "../../../src/engine/matching";
import { relativeError } from "../../support/numeric";

// The copy of benchmarks/plan/worked-example.plan.json that test/plan uses too.
const reference = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "plan", "worked-example.plan.json"), "utf8")) as {
  stages: Record<string, number | string>[];
  arcs: { from: string; to: string; inboundLeadTime: number }[];
  kpis: Record<string, number>;
};
const ref = (id: string) => reference.stages.find((s) => s.id === id)!;

// docs/model.md §10 inputs.
const inputs = {
  Casting: { T: 4, E: 3, extSd: 0.2, h: 0.5, K: 200, cT: 1, cW: 10, model: "production" as const, S: 0 },
  Electronics: { T: 2, E: 1, extSd: 0, h: 1.2, K: 150, b: 6, cT: 1.5, cW: 12, model: "backorder" as const, S: 0 },
  Assembly: { T: 1.5, E: 0, extSd: 0, h: 4, K: 300, cT: 2, cW: 25, model: "classic" as const, S: 2 },
};

// Demand (docs/model.md §0): Assembly 20 ± 6; arcs Casting → Assembly (Φ 1), Electronics → Assembly (Φ 2).
const demand = { Assembly: { rate: 20, sd: 6 }, Casting: { rate: 1 * 20, sd: Math.sqrt((1 * 6) ** 2) }, Electronics: { rate: 2 * 20, sd: Math.sqrt((2 * 6) ** 2) } };
const z = { Casting: zFromServiceLevel(0.95), Electronics: zFromServiceLevel(0.95), Assembly: zFromServiceLevel(0.97) };

type Id = keyof typeof inputs;
const computed: Record<string, Record<string, number>> = {};

function stage(id: Id, upstream: Id[]) {
  const x = inputs[id];
  const d = demand[id];
  const sdA = derivedInterarrivalSd({ demandRate: d.rate, demandSd: d.sd, z: z[id] });
  const sdIn = inboundSd({ externalInboundSd: x.extSd, upstreamServiceSds: upstream.map((u) => computed[u].serviceSd) });
  const sdS = serviceTimeSd({ inboundSd: sdIn, productionSd: sdA });
  const queue = { arrivalRate: d.rate, interarrivalSd: sdA, serviceSd: sdS };
  const rate = optimalRate({ ...queue, serviceCost: x.cT, penaltyCost: x.cW });
  const wait = kingmanWait({ ...queue, serviceRate: rate });
  const lead = productionLeadTime({ waitInQueue: wait, processingTime: x.T });
  // eq. (7) uses the upstream make-to-order times W_i; §5 uses their committed service times S_i.
  const mtoInbound = inboundServiceTime({ externalInboundTime: x.E, upstreamTimes: upstream.map((u) => computed[u].promisedLeadTime) });
  const si = inboundServiceTime({ externalInboundTime: x.E, upstreamTimes: upstream.map((u) => computed[u].committedServiceTime) });
  const tau = netReplenishmentTime({ inboundServiceTime: si, leadTime: lead, committedServiceTime: x.S });
  const lot = lotSize(x.model, { demandRate: d.rate, orderCost: x.K, holdingCost: x.h, backorderCost: "b" in x ? x.b : undefined, productionRate: rate });
  const ss = safetyStock({ demandSd: d.sd, z: z[id], netReplenishmentTime: tau });
  computed[id] = {
    demandRate: d.rate,
    demandSd: d.sd,
    z: z[id],
    interarrivalSd: sdA,
    serviceSd: sdS,
    rate,
    utilisation: utilisation({ arrivalRate: d.rate, serviceRate: rate }),
    ordersInSystem: ordersInSystem({ ...queue, serviceRate: rate }),
    waitInQueue: wait,
    leadTime: lead,
    promisedLeadTime: promisedLeadTime({ inboundServiceTime: mtoInbound, productionLeadTime: lead }),
    inboundServiceTime: si,
    committedServiceTime: x.S,
    netReplenishmentTime: tau,
    demandBound: demandBound({ demandRate: d.rate, demandSd: d.sd, z: z[id], time: tau }),
    safetyStock: ss,
    safetyStockCost: x.h * ss,
    lotSize: lot.lotSize,
    inventoryHoldingCost: x.h * (lot.lotSize / 2 + ss),
  };
}

stage("Casting", []);
stage("Electronics", []);
stage("Assembly", ["Casting", "Electronics"]);

const figures = Object.keys(computed.Casting);

describe("docs/model.md §10 worked example, stage by stage", () => {
  for (const id of ["Casting", "Electronics", "Assembly"] as Id[]) {
    it.each(figures)(`${id}: %s matches the reference to 1e-6 relative`, (figure) => {
      const expected = ref(id)[figure] as number;
      const got = computed[id][figure];
      if (expected === 0) expect(Math.abs(got)).toBeLessThan(1e-12);
      else expect(relativeError(got, expected)).toBeLessThan(1e-6);
    });
  }

  it("inbound lead times of eq. (15) are 0 on both arcs (the assembly's inbound service time is 0)", () => {
    const a = computed.Assembly;
    const arcs = [
      { from: "Casting", quantity: 1 },
      { from: "Electronics", quantity: 2 },
    ];
    for (const arc of arcs) {
      const got = inboundLeadTime({ quantity: arc.quantity, demandBound: a.demandBound, lotSize: computed[arc.from].lotSize, inboundServiceTime: a.inboundServiceTime });
      const expected = reference.arcs.find((r) => r.from === arc.from)!.inboundLeadTime;
      expect(got).toBe(expected);
    }
  });

  it("plan figures: safety-stock cost, holding cost, cycle time and turns", () => {
    const all = Object.values(computed);
    const ssCost = all.reduce((s, x) => s + x.safetyStockCost, 0);
    const holding = all.reduce((s, x) => s + x.inventoryHoldingCost, 0);
    expect(relativeError(ssCost, reference.kpis.safetyStockHoldingCost)).toBeLessThan(1e-6);
    expect(relativeError(holding, reference.kpis.inventoryHoldingCost)).toBeLessThan(1e-6);
    expect(relativeError(computed.Assembly.promisedLeadTime, reference.kpis.cycleTime)).toBeLessThan(1e-6);
    const turns = (365 * 20 * inputs.Assembly.h) / holding;
    expect(relativeError(turns, reference.kpis.inventoryTurns)).toBeLessThan(1e-6);
  });
});
