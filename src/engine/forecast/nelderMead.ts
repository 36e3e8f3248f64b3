// Nelder–Mead simplex minimisation (derivative-free), used to fit forecasting models by maximum
// likelihood. Infeasible points are signalled by the cost returning Infinity.

export interface NelderMeadOptions {
  /** Initial step per coordinate (the simplex's edge lengths). */
  steps: number[];
  /** Stop after this many cost evaluations. */
  maxEvaluations?: number;
  /** Stop when the simplex's cost spread falls below this (relative to |best| + tol). */
  tolerance?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
}

/**
 * Minimises `cost` from `start` with the standard reflection / expansion / contraction / shrink
 * moves (coefficients 1, 2, 0.5, 0.5).
 * @example nelderMead(([a, b]) => (a - 1) ** 2 + (b + 2) ** 2, [0, 0], { steps: [0.5, 0.5] }).x // ≈ [1, -2]
 */
export function nelderMead(cost: (x: number[]) => number, start: number[], options: NelderMeadOptions): NelderMeadResult {
  const d = start.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * (d + 1);
  const tolerance = options.tolerance ?? 1e-8;
  let evaluations = 0;
  const f = (x: number[]): number => {
    evaluations++;
    const v = cost(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  const points: number[][] = [start.slice()];
  for (let i = 0; i < d; i++) {
    const p = start.slice();
    p[i] += options.steps[i] || 0.1;
    points.push(p);
  }
  const values = points.map(f);
  if (d === 0) return { x: start.slice(), value: values[0], evaluations };
  const centroid = new Array<number>(d);
  // Trial points are written into scratch arrays; an accepted one is swapped with the worst point's.
  let reflected = new Array<number>(d).fill(0), expanded = new Array<number>(d).fill(0), contracted = new Array<number>(d).fill(0);
  const along = (t: number, worst: number[], out: number[]): number[] => {
    for (let i = 0; i < d; i++) out[i] = centroid[i] + t * (worst[i] - centroid[i]);
    return out;
  };
  const accept = (k: number, point: number[], value: number): number[] => {
    const old = points[k];
    points[k] = point; values[k] = value;
    return old;
  };
  while (evaluations < maxEvaluations) {
    // best: least value (first index on ties); worst, second: the last two in (value, index) order,
    // as a stable sort by value would give them, without allocating.
    let best = 0, worst = -1, second = -1;
    for (let k = 1; k <= d; k++) if (values[k] < values[best]) best = k;
    for (let k = 0; k <= d; k++) {
      if (worst < 0 || !(values[k] < values[worst])) { second = worst; worst = k; }
      else if (second < 0 || !(values[k] < values[second])) second = k;
    }
    const spread = Math.abs(values[worst] - values[best]);
    if (Number.isFinite(values[worst]) && spread <= tolerance * (Math.abs(values[best]) + tolerance)) break;
    centroid.fill(0);
    for (let k = 0; k <= d; k++) if (k !== worst) for (let i = 0; i < d; i++) centroid[i] += points[k][i] / d;
    const fr = f(along(-1, points[worst], reflected));
    if (fr < values[best]) {
      const fe = f(along(-2, points[worst], expanded));
      if (fe < fr) expanded = accept(worst, expanded, fe); else reflected = accept(worst, reflected, fr);
      continue;
    }
    if (fr < values[second]) { reflected = accept(worst, reflected, fr); continue; }
    const outside = fr < values[worst];
    const fc = f(along(outside ? -0.5 : 0.5, points[worst], contracted));
    if (fc < (outside ? fr : values[worst])) { contracted = accept(worst, contracted, fc); continue; }
    for (let k = 0; k <= d; k++) {
      if (k === best) continue;
      const point = points[k];
      for (let i = 0; i < d; i++) point[i] = points[best][i] + 0.5 * (point[i] - points[best][i]);
      values[k] = f(point);
    }
  }
  let bestIndex = 0;
  for (let k = 1; k <= d; k++) if (values[k] < values[bestIndex]) bestIndex = k;
  return { x: points[bestIndex], value: values[bestIndex], evaluations };
}
