// Seasonal-trend decomposition by loess (STL, Cleveland et al. 1990), without robustness
// iterations, as R's stl() with the settings forecast's mstl() gives it; used for the seasonal
// strength that sets auto.arima's seasonal difference (nsdiffs, arimaTests.ts).

export interface StlSettings {
  /** Span of the cycle-subseries smoother (odd), degree 0. */
  seasonalWindow: number;
  /** Span of the trend smoother (odd), degree 1. */
  trendWindow: number;
  /** Span of the low-pass smoother (odd), degree 1. */
  lowPassWindow: number;
  /** Inner iterations (R: 2 without robustness). */
  inner: number;
}

export interface StlResult { seasonal: number[]; trend: number[]; remainder: number[] }

const nextOdd = (x: number) => { const r = Math.round(x); return r % 2 === 0 ? r + 1 : r; };

/** mstl()'s call of stl() for a series of season m: s.window = 11, R's default trend and low-pass windows. */
export function mstlSettings(m: number): StlSettings {
  const seasonalWindow = 11;
  return { seasonalWindow, trendWindow: nextOdd(Math.ceil((1.5 * m) / (1 - 1.5 / seasonalWindow))), lowPassWindow: nextOdd(m), inner: 2 };
}

/**
 * Local fit at xs (1-based positions) from y[nleft..nright] with tricube weights over the half
 * width h (stl.f's stlest); null when every weight is 0.
 */
function localFit(y: ArrayLike<number>, n: number, len: number, degree: number, xs: number, nleft: number, nright: number, w: Float64Array): number | null {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.floor((len - n) / 2);
  const h9 = 0.999 * h, h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    w[j] = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      w[j] = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      a += w[j];
    }
  }
  if (a <= 0) return null;
  for (let j = nleft; j <= nright; j++) w[j] /= a;
  if (h > 0 && degree > 0) {
    let mean = 0;
    for (let j = nleft; j <= nright; j++) mean += w[j] * j;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j] * (j - mean) ** 2;
    if (Math.sqrt(c) > 0.001 * range) {
      const b = (xs - mean) / c;
      for (let j = nleft; j <= nright; j++) w[j] *= b * (j - mean) + 1;
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j] * y[j - 1];
  return ys;
}

/** Loess smoothing of y (length n) with span len, evaluated every `jump` points and interpolated between (stl.f's stless). */
function loess(y: ArrayLike<number>, len: number, degree: number, jump: number): number[] {
  const n = y.length;
  const ys = new Array<number>(n).fill(0);
  if (n < 2) { ys[0] = y[0]; return ys; }
  const w = new Float64Array(n + 1);
  const step = Math.min(jump, n - 1);
  const half = Math.floor((len + 1) / 2);
  let nleft = 1, nright = Math.min(len, n);
  const at = (i: number) => { ys[i - 1] = localFit(y, n, len, degree, i, nleft, nright, w) ?? y[i - 1]; };
  if (len >= n) {
    nleft = 1; nright = n;
    for (let i = 1; i <= n; i += step) at(i);
  } else if (step === 1) {
    nleft = 1; nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > half && nright !== n) { nleft++; nright++; }
      at(i);
    }
  } else {
    for (let i = 1; i <= n; i += step) {
      if (i < half) { nleft = 1; nright = len; } else if (i >= n - half + 1) { nleft = n - len + 1; nright = n; } else { nleft = i - half + 1; nright = len + i - half; }
      at(i);
    }
  }
  if (step !== 1) {
    for (let i = 1; i <= n - step; i += step) {
      const delta = (ys[i + step - 1] - ys[i - 1]) / step;
      for (let j = i + 1; j <= i + step - 1; j++) ys[j - 1] = ys[i - 1] + delta * (j - i);
    }
    const k = Math.floor((n - 1) / step) * step + 1;
    if (k !== n) {
      at(n);
      if (k !== n - 1) {
        const delta = (ys[n - 1] - ys[k - 1]) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) ys[j - 1] = ys[k - 1] + delta * (j - k);
      }
    }
  }
  return ys;
}

/** Moving averages of `len` consecutive values (stl.f's stlma). */
function movingAverage(x: readonly number[], len: number): number[] {
  const out: number[] = [];
  let s = 0;
  for (let i = 0; i < len; i++) s += x[i];
  out.push(s / len);
  for (let j = len; j < x.length; j++) { s += x[j] - x[j - len]; out.push(s / len); }
  return out;
}

/**
 * Each cycle-subseries smoothed by loess of degree 0 and extended by one value at each end
 * (stl.f's stlss): n + 2m values.
 */
function cycleSubseries(y: readonly number[], m: number, len: number, jump: number): number[] {
  const n = y.length;
  const out = new Array<number>(n + 2 * m).fill(0);
  for (let j = 0; j < m; j++) {
    const sub: number[] = [];
    for (let t = j; t < n; t += m) sub.push(y[t]);
    const k = sub.length;
    const smooth = loess(sub, len, 0, jump);
    const w = new Float64Array(k + 1);
    const first = localFit(sub, k, len, 0, 0, 1, Math.min(len, k), w) ?? smooth[0];
    const last = localFit(sub, k, len, 0, k + 1, Math.max(1, k - len + 1), k, w) ?? smooth[k - 1];
    const extended = [first, ...smooth, last];
    extended.forEach((v, i) => { out[i * m + j] = v; });
  }
  return out;
}

/**
 * STL of y with season m (y.length > 2m), non-robust: `inner` passes of detrend, smooth the
 * cycle-subseries, remove their low-pass part, deseasonalise, smooth the trend.
 * @example stl([1, 3, 2, 4, 2, 4, 3, 5, 3, 5, 4, 6], 2, mstlSettings(2)).seasonal.length // 12
 */
export function stl(y: readonly number[], m: number, settings: StlSettings): StlResult {
  const n = y.length;
  const ns = Math.max(3, settings.seasonalWindow), nt = Math.max(3, settings.trendWindow), nl = Math.max(3, settings.lowPassWindow);
  const sJump = Math.ceil(ns / 10), tJump = Math.ceil(nt / 10), lJump = Math.ceil(nl / 10);
  let trend = new Array<number>(n).fill(0);
  let seasonal = new Array<number>(n).fill(0);
  for (let pass = 0; pass < settings.inner; pass++) {
    const cycle = cycleSubseries(y.map((v, t) => v - trend[t]), m, ns, sJump);
    const lowPass = loess(movingAverage(movingAverage(movingAverage(cycle, m), m), 3), nl, 1, lJump);
    seasonal = lowPass.map((l, t) => cycle[m + t] - l);
    trend = loess(y.map((v, t) => v - seasonal[t]), nt, 1, tJump);
  }
  return { seasonal, trend, remainder: y.map((v, t) => v - seasonal[t] - trend[t]) };
}
