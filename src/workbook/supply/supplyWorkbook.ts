// The supply run of `aps supply` and the pane's supply job: tables (or an aps-network/1 record) in,
// the aps-supply/1 plan, its result sheets and cards out (docs/supply.md, docs/formats.md §10).
// The caller passes HiGHS already loaded (Node: require("highs"); the pane's worker: its own loader).

import type { NetworkInput } from "../../engine/network/types";
import { promiseRecord, refusedProblems, solveSupply, supplyJsonPath, supplyProblemOf } from "../../engine/supply";
import type { LotSizingMode, LpSolverModule, PromiseOutcome, SupplyException, SupplyLocation, SupplyProblem, SupplyRecordOptions, SupplyRefused, SupplyResult } from "../../engine/supply";
import type { WorkbookPort } from "../port";
import { readWorkbookHistory } from "../forecast/forecastTables";
import { demandFromHistory, needsDemandFromHistory } from "../plan/planDemandFromHistory";
import { recordHorizon, supplyForecasts } from "./supplyForecasts";
import { readWorkbookSupply } from "./supplyTables";

export interface SupplyRunOptions {
  /** Seconds for the whole solve; wins over the Settings' supplyTimeLimit. */
  timeLimit?: number;
  lotSizing?: LotSizingMode;
  /** Told at each step: reading, each level solved (fraction of the levels done). */
  onProgress?: (step: string, fraction: number) => void;
  isCancelled?: () => boolean;
  /** The pane's options as Settings rows the workbook's Settings table lacks (supplyJob.ts). */
  settings?: (given: Record<string, unknown>) => Record<string, unknown>;
}

/** A solved supply plan with what its sheets need: the validated problem and the network (owners). */
export interface SupplyRun {
  ok: true;
  result: SupplyResult;
  problem: SupplyProblem;
  network: NetworkInput;
  /** The place of an input: a cell ("Demands!C4") or a JSON path ("demands[3].period"). */
  where: (location: SupplyLocation | null) => string;
}

/** A refusal: every input problem as a record, and the lines the command prints. */
export type SupplyRefusal = SupplyRefused;

export type SupplyRunOutcome = SupplyRun | SupplyRefusal;

/** A record ready for the engine: the raw record and how its places are named. */
export interface PreparedInput {
  raw: unknown;
  record: SupplyRecordOptions;
  /** Remarks found while preparing (demand from Demand History). */
  exceptions: SupplyException[];
}

/** Reads a workbook's tables into a record for the engine, or the problems with the tables themselves. */
export async function prepareWorkbook(port: WorkbookPort, options: SupplyRunOptions): Promise<PreparedInput | SupplyRefusal> {
  const tables = await readWorkbookSupply(port);
  if (!tables.raw || tables.unreadable) return refusedProblems(tables.records);
  if (options.settings) tables.raw.settings = options.settings((tables.raw.settings ?? {}) as Record<string, unknown>);
  // The steady-state plan behind the defaults is aps plan's: blank Demand Rate / Sd from Demand History.
  // Demand History read once, for both (when either needs it).
  const history = needsDemandFromHistory(tables.raw) || !tables.hasDemands ? await readWorkbookHistory(port) : null;
  const planned = demandFromHistory(history, tables.raw);
  const fromHistory = tables.hasDemands ? null : supplyForecasts(history, recordHorizon(tables.raw));
  return {
    raw: planned.raw,
    record: {
      naming: "workbook",
      where: tables.where,
      earlier: tables.records,
      figures: fromHistory && Object.keys(fromHistory.forecasts).length > 0 ? { forecasts: fromHistory.forecasts } : undefined,
    },
    exceptions: [...planned.exceptions, ...(fromHistory?.exceptions ?? [])],
  };
}

/** Validates and solves a prepared record (the levels of MODEL.md §11 in order). */
function solvePrepared(input: PreparedInput, highs: LpSolverModule, options: SupplyRunOptions): SupplyRunOutcome {
  const progress = options.onProgress ?? (() => undefined);
  progress("Checking the inputs and planning the network in steady state", 0);
  const read = supplyProblemOf(input.raw, input.record);
  if (!read.ok) return read;
  const settings = read.network.settings;
  const where = (input.record.where ?? supplyJsonPath) as (location: SupplyLocation | null) => string;
  const result = solveSupply(read.problem, highs, {
    lotSizing: options.lotSizing ?? settings.lotSizing ?? "none",
    timeLimit: options.timeLimit ?? settings.supplyTimeLimit ?? 60,
    isCancelled: options.isCancelled,
    onProgress: (p) => progress(`Solved the ${p.name} level (${p.status}, ${p.seconds.toFixed(2)} s)`, (p.level + 1) / p.levels),
  }, where);
  result.exceptions.push(...input.exceptions);
  return { ok: true, result, problem: read.problem, network: read.network, where };
}

/**
 * The supply run of a workbook: reads Stages / Arcs / Settings and the supply tables, fills the
 * defaults (steady-state plan, Demand History forecasts), solves with HiGHS. Every input error comes
 * back at once, each naming its cell ("Demands!C4").
 * @example await supplyWorkbookTables(port, await require("highs")()) // { ok: true, result: { format: "aps-supply/1", … } }
 */
export async function supplyWorkbookTables(port: WorkbookPort, highs: LpSolverModule, options: SupplyRunOptions = {}): Promise<SupplyRunOutcome> {
  options.onProgress?.("Reading the tables", 0);
  const input = await prepareWorkbook(port, options);
  if ("ok" in input) return input;
  return solvePrepared(input, highs, options);
}

/** The same run on an aps-network/1 record (a JSON file); places named as JSON paths ("demands[3].period"). */
export function supplyRecordRun(raw: unknown, highs: LpSolverModule, options: SupplyRunOptions = {}): SupplyRunOutcome {
  return solvePrepared({ raw, record: { naming: "json", where: supplyJsonPath }, exceptions: [] }, highs, options);
}

export interface PromiseRequestInput {
  stage: string;
  /** A whole period, or a date counted from planStart. */
  period: unknown;
  quantity?: number | null;
}

/** Capable to promise on a workbook's tables (MODEL.md §11): the aps-supply-promise/1 answer, or the input problems. */
export async function promiseWorkbookTables(port: WorkbookPort, highs: LpSolverModule, request: PromiseRequestInput, options: SupplyRunOptions = {}): Promise<PromiseOutcome> {
  const input = await prepareWorkbook(port, options);
  if ("ok" in input) return input;
  return tidyPromise(promiseRecord(input.raw, highs, request, { ...input.record, timeLimit: options.timeLimit, isCancelled: options.isCancelled }));
}

/** Capable to promise on an aps-network/1 record. */
export function promiseRecordRun(raw: unknown, highs: LpSolverModule, request: PromiseRequestInput, options: SupplyRunOptions = {}): PromiseOutcome {
  return tidyPromise(promiseRecord(raw, highs, request, { timeLimit: options.timeLimit, isCancelled: options.isCancelled }));
}

/** Solver noise below a millionth of a unit shows as 0 units (the LP's tolerance, not a promise). */
function tidyPromise(outcome: PromiseOutcome): PromiseOutcome {
  if (!outcome.ok || Math.abs(outcome.promise.maxOnTime) >= 1e-6) return outcome;
  return { ok: true, promise: { ...outcome.promise, maxOnTime: 0 } };
}

/**
 * The supply tables' input problems without solving (the pane's Check): every error with its cell,
 * or none. Only worth asking when the network tables themselves read cleanly.
 */
export async function supplyInputProblems(port: WorkbookPort): Promise<SupplyRefusal | null> {
  const input = await prepareWorkbook(port, {});
  if ("ok" in input) return input;
  const read = supplyProblemOf(input.raw, input.record);
  return read.ok ? null : read;
}
