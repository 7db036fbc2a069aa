import type { CityPhase } from './city/city-plan';
import type { CitySeeder, SeedResult } from './seed/city-seeder';

/** The admin token of the API the bench and the province start (a throwaway database of their own). */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

/** A line to stdout, stamped with the seconds since `started` (a run's progress). */
export function runLog(started: number): (line: string) => void {
  return (line) => process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(7)}s] ${line}\n`);
}

/**
 * Writes the phases through the seeder, logging the share written every 10 % or 30 s (a province
 * takes twenty minutes); answers what was written and how long it took.
 */
export async function seedWithProgress(
  seeder: CitySeeder,
  phases: readonly CityPhase[],
  log: (line: string) => void,
): Promise<SeedResult & { seconds: number }> {
  const totalOps = phases.reduce((n, p) => n + p.ops, 0);
  const start = Date.now();
  let shown = 0;
  let shownAt = start;
  const seeded = await seeder.load(phases, (done) => {
    if (done - shown < totalOps / 10 && Date.now() - shownAt < 30_000) return;
    shown = done;
    shownAt = Date.now();
    log(`  ${Math.round((done * 100) / totalOps)} % written`);
  });
  return { ...seeded, seconds: (Date.now() - start) / 1000 };
}
