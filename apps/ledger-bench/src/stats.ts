/** Rates and latencies over repeated runs. */

export interface Spread {
  min: number;
  median: number;
  max: number;
  runs: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function spread(values: readonly number[]): Spread {
  return {
    min: Math.min(...values),
    median: median(values),
    max: Math.max(...values),
    runs: values.length,
  };
}

/** The p-th percentile (0..100) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** Milliseconds since `start` (from `process.hrtime.bigint()`). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `work` and answers how many items per second it did. */
export async function ratePerSecond(items: number, work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return (items * 1000) / msSince(start);
}

/** Repeats a measurement (after one untimed warm-up when asked) and answers the spread of its results. */
export async function repeat(runs: number, measure: (run: number) => Promise<number>, warmup = false): Promise<Spread> {
  if (warmup) await measure(-1);
  const values: number[] = [];
  for (let run = 0; run < runs; run++) values.push(await measure(run));
  return spread(values);
}

/** Runs `tasks` with at most `concurrency` at once. */
export async function inParallel<T>(
  items: Iterable<T>,
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failed: unknown;
  const worker = async () => {
    for (;;) {
      if (failed !== undefined) return;
      const next = iterator.next();
      if (next.done) return;
      try {
        await task(next.value);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failed !== undefined) throw failed instanceof Error ? failed : new Error(JSON.stringify(failed));
}
