// Small measurement helpers for the benchmarks.
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return 0;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)]!;
}

export function timeEach<T>(items: T[], run: (item: T) => unknown): number[] {
  const durations: number[] = [];
  for (const item of items) {
    const started = performance.now();
    run(item);
    durations.push(performance.now() - started);
  }
  return durations.sort((a, b) => a - b);
}

export const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;
export const megabytes = (bytes: number) => round(bytes / 1024 / 1024, 1);
