// Classical decomposition (centred moving average of order m) and the seasonality test the M3
// Theta method applies (autocorrelation at lag m against its 90 % limit).

/**
 * Seasonal indices of classical decomposition: the centred moving average (2×m when m is even)
 * gives the trend-cycle; the mean ratio (or difference) of y to it per season position gives the
 * index, normalised to mean 1 (multiplicative) or 0 (additive). index[k] belongs to positions
 * t ≡ k (mod m), t counted from 0. Returns null when y has fewer than 2m values.
 * @example seasonalIndices([1, 3, 1, 3, 1, 3], 2, "multiplicative") // [0.5, 1.5]
 */
export function seasonalIndices(y: ArrayLike<number>, m: number, type: "additive" | "multiplicative"): number[] | null {
  const n = y.length;
  if (m < 2 || n < 2 * m) return null;
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let ma = 0;
    if (m % 2 === 0) {
      for (let k = t - half; k <= t + half; k++) ma += (k === t - half || k === t + half ? 0.5 : 1) * y[k];
    } else for (let k = t - half; k <= t + half; k++) ma += y[k];
    ma /= m;
    const ratio = type === "multiplicative" ? y[t] / ma : y[t] - ma;
    if (!Number.isFinite(ratio)) continue;
    sums[t % m] += ratio;
    counts[t % m]++;
  }
  const index = sums.map((s, k) => (counts[k] > 0 ? s / counts[k] : type === "multiplicative" ? 1 : 0));
  const mean = index.reduce((a, b) => a + b, 0) / m;
  return index.map((v) => (type === "multiplicative" ? v / mean : v - mean));
}

/** Sample autocorrelations r_1..r_maxLag of y. */
export function autocorrelations(y: ArrayLike<number>, maxLag: number): number[] {
  const n = y.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += y[t];
  mean /= n;
  let c0 = 0;
  for (let t = 0; t < n; t++) c0 += (y[t] - mean) ** 2;
  const r: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let c = 0;
    for (let t = k; t < n; t++) c += (y[t] - mean) * (y[t - k] - mean);
    r.push(c0 > 0 ? c / c0 : 0);
  }
  return r;
}

/**
 * The M3 Theta method's seasonality test: |r_m| > z · sqrt((1 + 2 Σ_{k<m} r_k²)/n), z = 1.645
 * (90 %, two-sided). False when m < 2 or there are fewer than 2m values.
 */
export function isSeasonal(y: ArrayLike<number>, m: number, z = 1.645): boolean {
  if (m < 2 || y.length < 2 * m) return false;
  const r = autocorrelations(y, m);
  let sum = 0;
  for (let k = 0; k < m - 1; k++) sum += r[k] * r[k];
  const limit = z * Math.sqrt((1 + 2 * sum) / y.length);
  return Math.abs(r[m - 1]) > limit;
}

/**
 * Season length detected from the data when the dates do not say: among 4, 7, 12, 13, 26 and 52
 * (those with at least three cycles of history), the one whose autocorrelation passes the
 * seasonality test by the widest margin; 1 when none does.
 * @example detectSeasonLength([1, 5, 9, 5, 1, 5, 9, 5, 1, 5, 9, 5, 1, 5, 9, 5]) // 4
 */
export function detectSeasonLength(y: ArrayLike<number>): number {
  let best = 1, bestMargin = 0;
  for (const m of [4, 7, 12, 13, 26, 52]) {
    if (y.length < 3 * m) continue;
    const r = autocorrelations(y, m);
    let sum = 0;
    for (let k = 0; k < m - 1; k++) sum += r[k] * r[k];
    const margin = r[m - 1] / (1.645 * Math.sqrt((1 + 2 * sum) / y.length));
    if (margin > 1 && margin > bestMargin) { best = m; bestMargin = margin; }
  }
  return best;
}
