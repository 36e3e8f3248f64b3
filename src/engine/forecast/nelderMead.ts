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
  const along = (t: number, worst: number[]): number[] => centroid.map((c, i) => c + t * (worst[i] - c));
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
    const best = order[0], worst = order[d], second = order[d - 1];
    const spread = Math.abs(values[worst] - values[best]);
    if (Number.isFinite(values[worst]) && spread <= tolerance * (Math.abs(values[best]) + tolerance)) break;
    centroid.fill(0);
    for (let k = 0; k <= d; k++) if (k !== worst) for (let i = 0; i < d; i++) centroid[i] += points[k][i] / d;
    const reflected = along(-1, points[worst]);
    const fr = f(reflected);
    if (fr < values[best]) {
      const expanded = along(-2, points[worst]);
      const fe = f(expanded);
      if (fe < fr) { points[worst] = expanded; values[worst] = fe; } else { points[worst] = reflected; values[worst] = fr; }
      continue;
    }
    if (fr < values[second]) { points[worst] = reflected; values[worst] = fr; continue; }
    const outside = fr < values[worst];
    const contracted = along(outside ? -0.5 : 0.5, points[worst]);
    const fc = f(contracted);
    if (fc < (outside ? fr : values[worst])) { points[worst] = contracted; values[worst] = fc; continue; }
    for (let k = 0; k <= d; k++) {
      if (k === best) continue;
      points[k] = points[k].map((v, i) => points[best][i] + 0.5 * (v - points[best][i]));
      values[k] = f(points[k]);
    }
  }
  let bestIndex = 0;
  for (let k = 1; k <= d; k++) if (values[k] < values[bestIndex]) bestIndex = k;
  return { x: points[bestIndex], value: values[bestIndex], evaluations };
}
