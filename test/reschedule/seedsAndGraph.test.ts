// The starts of the least-disruption search as worked examples — the cheapest insertion of an
// urgent job into the published order, the re-anchoring of a schedule towards the published one —
// and the free operations as a job shop with releases (the weighted-tardiness tabu search's view),
// whose machine order the decoder turns back into a schedule no later than the graph's.
import { checkReschedule } from "../../src/engine/reschedule/check";
import { decode, decodeScratch, evaluate } from "../../src/engine/reschedule/decode";
import { candidateFromLinks, freeJobShop, linksFromStarts, machineRelease } from "../../src/engine/reschedule/graph";
import { buildProblem } from "../../src/engine/reschedule/problem";
import { reschedule, scheduled } from "../../src/engine/reschedule/reschedule";
import { price } from "../../src/engine/reschedule/search";
import { insertionCandidate, reanchor, repairCandidate } from "../../src/engine/reschedule/seeds";
import type { Shop } from "../../src/engine/reschedule/shop";
import { computeHeads, graphScratch } from "../../src/engine/schedule/jobShop/disjunctiveGraph";
import { moveAfter } from "../../src/engine/schedule/jobShop/machineMoves";
import { seededRandom } from "../../src/engine/random";
import { publish, randomShop } from "./support";

const weights = { moveWeight: 1, shiftWeight: 0 };
const startsOf = (shop: Shop, ops: { job: number; start: number }[]) => Object.fromEntries(ops.map((op) => [shop.jobs[op.job].id, op.start]));

describe("the insertion seed: an urgent job goes where it costs least", () => {
  // One saw, four planned jobs of 2 h back to back (A 0–2, B 2–4, C 4–6, D 6–8), each due when it
  // ends; the urgent U (2 h, due 6, weight 5) arrives at time 0.
  const planned = (id: string, due: number) => ({ id, operations: [{ machine: 0, duration: 2 }], due, weight: 1 });
  const shop: Shop = {
    machines: ["Saw"], downtime: [],
    jobs: [planned("A", 2), planned("B", 4), planned("C", 6), planned("D", 8), { id: "U", operations: [{ machine: 0, duration: 2 }], due: 6, weight: 5 }],
  };
  const published = [0, 1, 2, 3].map((job) => ({ job, step: 0, machine: 0, start: 2 * job, end: 2 * job + 2 }));
  const p = buildProblem(shop, published, { now: 0, frozen: 0, objective: "totalWeightedTardiness" });
  const outcome = (c: ReturnType<typeof repairCandidate>) => {
    const s = price(p, c, weights);
    return { starts: startsOf(shop, scheduled(p, s.start)), tardiness: s.evaluation.primary, moved: s.evaluation.movedOperations, cost: s.evaluation.cost };
  };

  it("puts U in C's slot 4–6: only C and D move (2 h later), cost 4 + 2 moves = 6", () => {
    // In front of B (or A) U would push three (four) jobs; after D it would be 4 h late (× 5).
    expect(outcome(insertionCandidate(p, weights))).toEqual({ starts: { A: 0, B: 2, U: 4, C: 6, D: 8 }, tardiness: 4, moved: 2, cost: 6 });
  });

  it("beats both right-shift repairs: merged by earliest start (B, C, D move) and only into gaps (U 4 h late)", () => {
    expect(outcome(repairCandidate(p, false))).toEqual({ starts: { A: 0, U: 2, B: 4, C: 6, D: 8 }, tardiness: 6, moved: 3, cost: 9 });
    expect(outcome(repairCandidate(p, true))).toEqual({ starts: { A: 0, B: 2, C: 4, D: 6, U: 8 }, tardiness: 20, moved: 0, cost: 20 });
  });

  it("and the reschedule then does better still: D keeps its slot, only C moves (to 8–10), cost 4 + 1 = 5", () => {
    const r = reschedule(shop, published, { at: 0, frozen: 0, maxIterations: 3000 });
    expect(checkReschedule(shop, published, r.operations, { now: 0, frozen: 0 }).violations).toEqual([]);
    expect(startsOf(shop, r.operations)).toEqual({ A: 0, B: 2, C: 8, D: 6, U: 4 });
    expect([r.totalWeightedTardiness, r.disruption.movedOperations]).toEqual([4, 1]);
  });
});

describe("re-anchoring a schedule towards the published one", () => {
  // A 0–2, B 2–4, C 4–6 on one machine; B is cancelled, so C could start at 2.
  const shop = (dueC: number): Shop => ({
    machines: ["Lathe"], downtime: [],
    jobs: [
      { id: "A", operations: [{ machine: 0, duration: 2 }], due: 2 },
      { id: "B", operations: [{ machine: 0, duration: 2 }], due: 4, cancelled: true },
      { id: "C", operations: [{ machine: 0, duration: 2 }], due: dueC },
    ],
  });
  const published = [0, 1, 2].map((job) => ({ job, step: 0, machine: 0, start: 2 * job, end: 2 * job + 2 }));
  const unanchored = (s: Shop) => {
    const p = buildProblem(s, published, { now: 1, frozen: 0, objective: "totalWeightedTardiness" });
    return { p, c: { ...repairCandidate(p, false), anchor: new Uint8Array(p.operationCount) } };
  };

  it("puts C back at its published 4 when it is not late there (one move less)", () => {
    const { p, c } = unanchored(shop(6));
    expect(price(p, c, weights).start[2]).toBe(2); // unanchored: C moves up into B's slot
    const back = price(p, reanchor(p, c, weights), weights);
    expect([back.start[2], back.evaluation.movedOperations, back.evaluation.cost]).toEqual([4, 0, 0]);
  });

  it("keeps C moved up when it is due at 4: 2 h of tardiness cost more than one move", () => {
    const { p, c } = unanchored(shop(4));
    const kept = price(p, reanchor(p, c, weights), weights);
    expect([kept.start[2], kept.evaluation.primary, kept.evaluation.cost]).toEqual([2, 0, 1]);
  });
});

describe("the free operations as a job shop with releases", () => {
  // Saw: X's first step is kept (published 1–5, now + frozen = 3); Mill is down 2–4.
  const shop: Shop = {
    machines: ["Saw", "Mill"], downtime: [{ machine: 1, from: 2, to: 4 }],
    jobs: [
      { id: "X", operations: [{ machine: 0, duration: 4 }, { machine: 1, duration: 1 }], due: 9 },
      { id: "Y", operations: [{ machine: 1, duration: 2 }, { machine: 0, duration: 2 }], due: 9 },
    ],
  };
  const published = [
    { job: 0, step: 0, machine: 0, start: 1, end: 5 }, { job: 0, step: 1, machine: 1, start: 5, end: 6 },
    { job: 1, step: 0, machine: 1, start: 6, end: 8 }, { job: 1, step: 1, machine: 0, start: 8, end: 10 },
  ];
  const p = buildProblem(shop, published, { now: 2, frozen: 1, objective: "totalWeightedTardiness" });

  it("each machine is released after its kept work and a downtime over now + frozen: Saw 5, Mill 4", () => {
    expect(Array.from(machineRelease(p))).toEqual([5, 4]);
  });

  it("each operation's release: its job's ready time, its machine's release, and anchored its published start", () => {
    // Free: X step 1 (Mill), Y step 0 (Mill), Y step 1 (Saw). X is ready at 5, when its kept step ends.
    expect(Array.from(freeJobShop(p, false).flat.release!)).toEqual([5, 4, 5]);
    expect(Array.from(freeJobShop(p, true).flat.release!)).toEqual([5, 6, 8]);
  });

  it("the machine order of the published starts decodes back to the published schedule", () => {
    const g = freeJobShop(p, true);
    const c = candidateFromLinks(p, g, linksFromStarts(g, p.publishedStart), true);
    const start = decode(p, c, decodeScratch(p));
    expect(Array.from(start)).toEqual(published.map((op) => op.start));
  });

  it("property: on random shops with an urgent job and shuffled machine orders, the decoded schedule starts no operation later than the graph's heads", () => {
    let earlier = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const base = randomShop(seed, 5, 4);
      const published = publish(base, seed);
      const shop: Shop = { ...base, jobs: [...base.jobs, { id: "Rush", operations: [{ machine: seed % 4, duration: 5 }, { machine: (seed + 1) % 4, duration: 3 }], due: 8, weight: 5 }] };
      const now = seed % 7, frozen = seed % 3;
      const p = buildProblem(shop, published, { now, frozen, objective: "totalWeightedTardiness" });
      for (const anchored of [false, true]) {
        const g = freeJobShop(p, anchored);
        const links = linksFromStarts(g, price(p, repairCandidate(p, seed % 2 === 0), weights).start);
        const head = new Float64Array(g.flat.operationCount);
        const random = seededRandom(seed);
        for (let k = 0; k < 6; k++) { // a few swaps of machine neighbours, so the graph's schedule leaves gaps
          const u = Math.floor(random() * g.flat.operationCount), v = links.mSucc[u];
          if (v < 0) continue;
          moveAfter(links, u, v);
          if (computeHeads(g.flat, links, head, graphScratch(g.flat)) < 0) moveAfter(links, v, u);
        }
        expect(computeHeads(g.flat, links, head, graphScratch(g.flat))).toBeGreaterThanOrEqual(0);
        const start = decode(p, candidateFromLinks(p, g, links, anchored), decodeScratch(p));
        let graphTardiness = 0;
        g.global.forEach((o, i) => {
          expect(start[o]).toBeLessThanOrEqual(head[i] + 1e-9);
          if (start[o] < head[i] - 1e-9) earlier++;
          if (anchored && head[i] === p.publishedStart[o]) expect(start[o]).toBe(head[i]); // unmoved in the graph: unmoved
          const j = p.job[o];
          if (o === p.jobFirst[j + 1] - 1) graphTardiness += p.weight[j] * Math.max(0, head[i] + p.duration[o] - p.due[j]);
        });
        const ops = scheduled(p, start);
        expect(checkReschedule(shop, published, ops, { now, frozen }).violations).toEqual([]);
        expect(evaluate(p, start, weights).totalWeightedTardiness).toBeLessThanOrEqual(graphTardiness + 1e-9 + tardinessOfKeptJobs(p, start));
      }
    }
    expect(earlier).toBeGreaterThan(100); // the decoder fills gaps the graph leaves
  });
});

/** Tardiness of jobs with no free operation (the graph does not see them). */
function tardinessOfKeptJobs(p: ReturnType<typeof buildProblem>, start: Float64Array): number {
  let sum = 0;
  for (let j = 0; j < p.shop.jobs.length; j++) {
    const last = p.jobFirst[j + 1] - 1;
    if (p.state[last] !== 1) continue;
    sum += p.weight[j] * Math.max(0, start[last] + p.duration[last] - p.due[j]);
  }
  return sum;
}
