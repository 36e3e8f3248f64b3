// The admissibility test of seasonal ETS parameters (Hyndman et al. 2008 §10.2, as R's
// forecast::ets checks it): simple inequalities, then the roots of the characteristic polynomial.

/** Largest |root| of a polynomial c₀ + c₁x + … + c_d x^d, from its companion matrix's powers (repeated squaring). */
export function largestRootModulus(coefficients: number[]): number {
  let d = coefficients.length - 1;
  while (d > 0 && coefficients[d] === 0) d--;
  if (d < 1) return 0;
  const lead = coefficients[d];
  // Companion matrix C (d×d): sub-diagonal ones, last column −c_i/c_d.
  let c: number[][] = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (j === d - 1 ? -coefficients[i] / lead : i === j + 1 ? 1 : 0)));
  let logScale = 0, power = 1;
  for (let k = 0; k < 12; k++) {
    const next: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < d; i++) for (let l = 0; l < d; l++) { const a = c[i][l]; if (a !== 0) for (let j = 0; j < d; j++) next[i][j] += a * c[l][j]; }
    let norm = 0;
    for (const row of next) for (const v of row) norm = Math.max(norm, Math.abs(v));
    if (norm === 0) return 0;
    c = next.map((row) => row.map((v) => v / norm));
    power *= 2;
    logScale = 2 * logScale + Math.log(norm);
  }
  return Math.exp(logScale / power);
}

/**
 * True when seasonal parameters (α, β, γ, φ; β = 0 without trend, φ = 1 without damping) give a
 * forecastable model: R's `admissible` inequalities and all roots of
 * φ(1−α−γ) + (α+β−αφ+γ−1)x + (α+β−αφ)(x² + … + x^{m−1}) + (α+β−φ)x^m + x^{m+1} within the unit circle.
 * @example seasonalAdmissible(0.3, 0, 0.1, 1, 4) // true
 */
export function seasonalAdmissible(alpha: number, beta: number, gamma: number, phi: number, m: number): boolean {
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  const p = [phi * (1 - alpha - gamma), alpha + beta - alpha * phi + gamma - 1];
  for (let i = 0; i < m - 2; i++) p.push(alpha + beta - alpha * phi);
  p.push(alpha + beta - phi, 1);
  return largestRootModulus(p) <= 1 + 3e-3; // the squaring estimate overshoots by up to ~log(4096)/4096 on unit roots
}
