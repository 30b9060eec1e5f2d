/** Quartiles by linear interpolation between order statistics (the spreadsheet QUARTILE.INC / R type 7 rule). */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

export function quartiles(values: readonly (number | null)[]): { q1: number | null; median: number | null; q3: number | null } {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return { q1: quantile(sorted, 0.25), median: quantile(sorted, 0.5), q3: quantile(sorted, 0.75) };
}

/** Ten bins of 10 points; a share of exactly 1 falls in the last. */
export function histogram(values: readonly (number | null)[]): { from: number; to: number; count: number }[] {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, count: 0 }));
  for (const v of values) if (v !== null) bins[Math.min(9, Math.floor(v * 10 + 1e-9))]!.count++;
  return bins;
}

/** Rank by share, highest first; equal shares share a rank (1, 2, 2, 4); no share, no rank. */
export function ranks(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((o) => o !== null && o > v).length));
}
