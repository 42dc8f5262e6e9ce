/** Median and 95th percentile (nearest rank) of a sample, for benchmark reports. */
export function summarize(samples: readonly number[]): { n: number; median: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), max: sorted.at(-1) ?? NaN };
}

export function formatMs(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
}
