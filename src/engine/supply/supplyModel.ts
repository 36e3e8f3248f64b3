// The LP of the supply plan over time (MODEL.md §11) built sparse, column by column (CSC), with the
// maps from (stage, period) to columns and rows that reading the solution and explaining it need.

import type { SupplyProblem } from "./types";

/** A demand stream: one stage's demand of one tier, per period (D_j,k,t summed over customers). */
export interface DemandStream {
  stage: number;
  tier: number;
  quantity: Float64Array;
}

/** Column and row of each modelled quantity; −1 where the variable or row does not exist. */
export interface SupplyModelIndex {
  /** x_j,t at [j·T + t − 1]. */
  release: Int32Array;
  /** I_j,t at [j·T + t − 1]. */
  inventory: Int32Array;
  /** y_s,t and B_s,t at [s·T + t − 1] for demand stream s. */
  delivery: Int32Array;
  backlog: Int32Array;
  /** V_j,t at [j·T + t − 1]. */
  shortfall: Int32Array;
  /** O_r,t at [r·T + t − 1]. */
  overtime: Int32Array;
  /** Material balance row of (j, t), backlog row of (s, t), capacity row of (r, t), safety-stock row of (j, t). */
  materialRow: Int32Array;
  backlogRow: Int32Array;
  capacityRow: Int32Array;
  safetyRow: Int32Array;
  /** With lot sizing: setup z_j,t (binary) and lot count n_j,t (integer) at [j·T + t − 1]. */
  setup: Int32Array;
  lots: Int32Array;
}

export interface SupplyModel {
  numCols: number;
  numRows: number;
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Cost level: c_j x + h_j P I + o_r O (MODEL.md §11, level 3). */
  cost: Float64Array;
  streams: DemandStream[];
  /** Tiers with demand, ascending. */
  tiers: number[];
  index: SupplyModelIndex;
  /** 1 for integer columns (setups, lot counts); null for an LP. */
  integrality: Int32Array | null;
}

/** True when stage j's releases are lots (lotSizing = mip): an order cost, a minimum lot or a lot multiple. */
export function hasLots(problem: SupplyProblem, j: number): boolean {
  const s = problem.stages[j];
  return s.orderCost > 0 || s.minLot > 0 || s.lotMultiple !== null;
}

/**
 * A release no plan needs to exceed in one period: the stage's whole demand, its safety-stock target
 * and what its consumers could need, through the bill of materials (a big M for x ≤ M z).
 */
export function releaseCeilings(problem: SupplyProblem): number[] {
  const J = problem.stages.length;
  const need = problem.stages.map((s) => s.safetyStockTarget);
  for (const d of problem.demands) need[d.stage] += d.quantity;
  const consumers: { consumer: number; quantity: number }[][] = problem.stages.map(() => []);
  for (const a of problem.arcs) consumers[a.component].push({ consumer: a.consumer, quantity: a.quantity });
  const total = new Array<number | null>(J).fill(null);
  const visit = (j: number): number => {
    if (total[j] !== null) return total[j]!;
    let sum = need[j];
    for (const c of consumers[j]) sum += c.quantity * visit(c.consumer);
    return (total[j] = sum);
  };
  return problem.stages.map((s, j) => visit(j) + (s.lotMultiple ?? 0) + s.minLot);
}

/** Demand streams: demand lines added up by stage, tier and period (FORMATS.md §10: rows of one stage, period and tier add up). */
export function demandStreams(problem: SupplyProblem): DemandStream[] {
  const T = problem.horizon;
  const byKey = new Map<string, DemandStream>();
  for (const d of problem.demands) {
    const key = `${d.stage}\u0000${d.tier}`;
    let stream = byKey.get(key);
    if (!stream) byKey.set(key, (stream = { stage: d.stage, tier: d.tier, quantity: new Float64Array(T) }));
    stream.quantity[d.period - 1] += d.quantity;
  }
  return [...byKey.values()].sort((a, b) => a.tier - b.tier || a.stage - b.stage);
}

/** True when stage j may release in period t: t > F and t + L_j ≤ T (MODEL.md §11, variables). */
export function releasable(problem: SupplyProblem, j: number, t: number): boolean {
  return t > problem.frozenPeriods && t + problem.stages[j].leadTimePeriods <= problem.horizon;
}

/** Upper bound of x_j,t: min(cap_j,t, com_j,t+L_j) (MODEL.md §11, capacity). */
export function releaseBound(problem: SupplyProblem, j: number, t: number): number {
  const stage = problem.stages[j];
  const cap = stage.releaseCap[t - 1];
  const commitment = stage.commitments[t + stage.leadTimePeriods - 1];
  return Math.min(cap ?? Infinity, commitment ?? Infinity);
}

/** Builds the LP of MODEL.md §11: material balance, backlog, capacity with overtime, safety stock. */
export function buildSupplyModel(problem: SupplyProblem, infinity: number, options: { lots?: boolean } = {}): SupplyModel {
  const T = problem.horizon;
  const J = problem.stages.length;
  const R = problem.resources.length;
  const streams = demandStreams(problem);
  const S = streams.length;
  const minus1 = (n: number) => new Int32Array(n).fill(-1);
  const index: SupplyModelIndex = {
    release: minus1(J * T), inventory: minus1(J * T), delivery: minus1(S * T), backlog: minus1(S * T),
    shortfall: minus1(J * T), overtime: minus1(R * T),
    materialRow: minus1(J * T), backlogRow: minus1(S * T), capacityRow: minus1(R * T), safetyRow: minus1(J * T),
    setup: minus1(J * T), lots: minus1(J * T),
  };
  const lotted = problem.stages.map((_, j) => options.lots === true && hasLots(problem, j));
  const ceilings = options.lots ? releaseCeilings(problem) : [];
  /** Lot rows of (j, t): x − M z ≤ 0, x − minLot z ≥ 0, x − m n = 0 (MODEL.md §11, lot sizes over time). */
  const setupRow = minus1(J * T);
  const minLotRow = minus1(J * T);
  const multipleRow = minus1(J * T);
  const componentsOf: { component: number; quantity: number }[][] = problem.stages.map(() => []);
  for (const arc of problem.arcs) componentsOf[arc.consumer].push({ component: arc.component, quantity: arc.quantity });
  const loadsOf: { resource: number; usage: number }[][] = problem.stages.map(() => []);
  for (const load of problem.loads) if (load.usage > 0) loadsOf[load.stage].push({ resource: load.resource, usage: load.usage });

  // Rows.
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const addRow = (lower: number, upper: number) => (rowLower.push(lower), rowUpper.push(upper), rowLower.length - 1);
  problem.stages.forEach((stage, j) => {
    for (let t = 1; t <= T; t++) {
      const rhs = stage.openSupply[t - 1] + (t === 1 ? stage.onHand : 0);
      index.materialRow[j * T + t - 1] = addRow(rhs, rhs);
    }
  });
  streams.forEach((stream, s) => {
    for (let t = 1; t <= T; t++) index.backlogRow[s * T + t - 1] = addRow(stream.quantity[t - 1], stream.quantity[t - 1]);
  });
  for (let j = 0; j < J; j++) {
    for (let t = 1; t <= T; t++) {
      if (!releasable(problem, j, t)) continue;
      for (const { resource } of loadsOf[j]) {
        const k = resource * T + t - 1;
        if (index.capacityRow[k] < 0) index.capacityRow[k] = addRow(-infinity, problem.resources[resource].capacity[t - 1]);
      }
    }
  }
  problem.stages.forEach((stage, j) => {
    if (stage.safetyStockTarget > 0) for (let t = 1; t <= T; t++) index.safetyRow[j * T + t - 1] = addRow(stage.safetyStockTarget, infinity);
  });
  problem.stages.forEach((stage, j) => {
    if (!lotted[j]) return;
    for (let t = 1; t <= T; t++) {
      if (!releasable(problem, j, t)) continue;
      const k = j * T + t - 1;
      setupRow[k] = addRow(-infinity, 0);
      if (stage.minLot > 0) minLotRow[k] = addRow(0, infinity);
      if (stage.lotMultiple !== null) multipleRow[k] = addRow(0, 0);
    }
  });

  // Columns, in blocks: releases, inventory, deliveries, backlog, shortfall, overtime.
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const cost: number[] = [];
  const entry = (row: number, value: number) => { if (row >= 0) { indices.push(row); values.push(value); } };
  const close = (up: number, c: number) => { lower.push(0); upper.push(up); cost.push(c); starts.push(indices.length); return lower.length - 1; };
  problem.stages.forEach((stage, j) => {
    for (let t = 1; t <= T; t++) {
      if (!releasable(problem, j, t)) continue;
      entry(index.materialRow[j * T + t + stage.leadTimePeriods - 1], -1);
      for (const { component, quantity } of componentsOf[j]) entry(index.materialRow[component * T + t - 1], quantity);
      for (const { resource, usage } of loadsOf[j]) entry(index.capacityRow[resource * T + t - 1], usage);
      for (const row of [setupRow, minLotRow, multipleRow]) entry(row[j * T + t - 1], 1);
      const bound = releaseBound(problem, j, t);
      index.release[j * T + t - 1] = close(Number.isFinite(bound) ? bound : infinity, stage.unitCost);
    }
  });
  problem.stages.forEach((stage, j) => {
    for (let t = 1; t <= T; t++) {
      entry(index.materialRow[j * T + t - 1], 1);
      if (t < T) entry(index.materialRow[j * T + t], -1);
      entry(index.safetyRow[j * T + t - 1], 1);
      index.inventory[j * T + t - 1] = close(infinity, stage.holdingCost * problem.periodLength);
    }
  });
  streams.forEach((stream, s) => {
    for (let t = 1; t <= T; t++) {
      entry(index.materialRow[stream.stage * T + t - 1], 1);
      entry(index.backlogRow[s * T + t - 1], 1);
      index.delivery[s * T + t - 1] = close(infinity, 0);
    }
  });
  streams.forEach((_, s) => {
    for (let t = 1; t <= T; t++) {
      entry(index.backlogRow[s * T + t - 1], 1);
      if (t < T) entry(index.backlogRow[s * T + t], -1);
      index.backlog[s * T + t - 1] = close(infinity, 0);
    }
  });
  problem.stages.forEach((stage, j) => {
    if (stage.safetyStockTarget <= 0) return;
    for (let t = 1; t <= T; t++) {
      entry(index.safetyRow[j * T + t - 1], 1);
      index.shortfall[j * T + t - 1] = close(infinity, 0);
    }
  });
  problem.resources.forEach((resource, r) => {
    for (let t = 1; t <= T; t++) {
      const row = index.capacityRow[r * T + t - 1];
      if (row < 0 || resource.overtimeCapacity[t - 1] <= 0) continue;
      entry(row, -1);
      index.overtime[r * T + t - 1] = close(resource.overtimeCapacity[t - 1], resource.overtimeCost);
    }
  });
  const integer: number[] = [];
  problem.stages.forEach((stage, j) => {
    for (let t = 1; t <= T; t++) {
      const k = j * T + t - 1;
      if (setupRow[k] < 0) continue;
      const bound = releaseBound(problem, j, t);
      const big = Math.max(Math.min(bound, ceilings[j]), stage.minLot);
      entry(setupRow[k], -big);
      entry(minLotRow[k], -stage.minLot);
      index.setup[k] = close(1, stage.orderCost);
      integer.push(index.setup[k]);
      if (multipleRow[k] < 0) continue;
      entry(multipleRow[k], -stage.lotMultiple!);
      index.lots[k] = close(Math.floor(big / stage.lotMultiple! + 1e-9), 0);
      integer.push(index.lots[k]);
    }
  });
  let integrality: Int32Array | null = null;
  if (options.lots) {
    integrality = new Int32Array(lower.length);
    for (const col of integer) integrality[col] = 1;
  }
  const tiers = [...new Set(streams.map((s) => s.tier))].sort((a, b) => a - b);
  return {
    numCols: lower.length, numRows: rowLower.length,
    starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values),
    colLower: Float64Array.from(lower), colUpper: Float64Array.from(upper),
    rowLower: Float64Array.from(rowLower), rowUpper: Float64Array.from(rowUpper),
    cost: Float64Array.from(cost), streams, tiers, index, integrality,
  };
}

/** Objective of a lateness level: Σ_j Σ_t B_j,k,t for tier k (MODEL.md §11, level 1). */
export function latenessObjective(model: SupplyModel, tier: number, T: number): Float64Array {
  const c = new Float64Array(model.numCols);
  model.streams.forEach((stream, s) => {
    if (stream.tier !== tier) return;
    for (let t = 0; t < T; t++) c[model.index.backlog[s * T + t]] = 1;
  });
  return c;
}

/** Objective of the shortfall level: Σ_j Σ_t V_j,t (MODEL.md §11, level 2). */
export function shortfallObjective(model: SupplyModel): Float64Array {
  const c = new Float64Array(model.numCols);
  for (const col of model.index.shortfall) if (col >= 0) c[col] = 1;
  return c;
}
