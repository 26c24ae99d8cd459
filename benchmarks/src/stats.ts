/** Median of the numbers present (nulls are runs that produced no value); null when there are none. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
}

/** Nearest-rank percentile, p in (0, 100]. */
export function percentile(values: readonly number[], p: number): number | null {
  const xs = [...values].sort((a, b) => a - b);
  if (xs.length === 0) return null;
  return xs[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))] as number;
}

/**
 * The exponent k of y ≈ c·x^k, by least squares on logarithms: the observed complexity of a
 * series. Null with fewer than two usable points.
 */
export function growthExponent(points: readonly [number, number | null][]): number | null {
  const logs = points
    .filter((pt): pt is [number, number] => pt[1] !== null && pt[0] > 0 && pt[1] > 0)
    .map(([x, y]) => [Math.log(x), Math.log(y)] as const);
  if (logs.length < 2) return null;
  const mx = logs.reduce((s, [x]) => s + x, 0) / logs.length;
  const my = logs.reduce((s, [, y]) => s + y, 0) / logs.length;
  const sxy = logs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = logs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? null : sxy / sxx;
}
