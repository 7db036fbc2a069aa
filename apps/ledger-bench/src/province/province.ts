import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { ledgerMigrations } from '@ledger/ledger/migrations';
import type { Args } from '../args';
import { cityPhases } from '../city/city-phases';
import { CITY_FIGURES } from '../city/city-plan';
import { generateCity } from '../city/generate-city';
import { startApi } from '../measure/processes';
import { withThrowawayServer } from '../measure/throwaway-server';
import type { CityRefs } from '../city/city-refs';
import { CitySeeder } from '../seed/city-seeder';
import { BENCH_ADMIN_TOKEN, runLog, seedWithProgress } from '../run-log';
import { countiesPaying, type BurstResult } from './burst';
import { appendsBesideEmpty, catchUpWithin, countyClerks, paymentEvents } from './steps';

/** Each measurement of the province's busy day runs this long; the catch-up gets at most the budget. */
const BURST_SECONDS = 30;
// Four minutes: a province's registrations and linkages take about three, and the payments after
// them are what compares with a smaller log (steps.ts, `payments`).
const CATCH_UP_BUDGET_MS = 240_000;

/**
 * `npm run bench:province`: a province of `--counties` counties (default 100, each the brief's city's
 * quarter: 3,000 households with three years of payments) written into one PostgreSQL, then that
 * database asked what the province asks of it: a clerk per county paying wages over HTTP at the busy
 * day's rate and at the API's limit, the read models rebuilt from zero, and appends beside the same on
 * an empty log (last: they add events of their own). Slow on purpose (about half an hour at 100
 * counties): it is run by hand, not by `npm run bench`.
 */
export async function runProvince(args: Args): Promise<void> {
  const started = Date.now();
  const log = runLog(started);
  Logger.overrideLogger(['error', 'warn']);
  const counties = args.counties ?? 100;
  const out = resolve(args.out ?? join('bench', 'results', `${new Date().toISOString().slice(0, 10)}-province.json`));
  await mkdir(dirname(out), { recursive: true });
  const buffers: Record<string, string> = args.sharedBuffers ? { shared_buffers: args.sharedBuffers } : {};
  const databases = {
    ledger_province: [...eventStoreMigrations, ...ledgerMigrations],
    ledger_empty: eventStoreMigrations,
  };
  const settings = { max_connections: '300', ...buffers };
  await withThrowawayServer({ prefix: 'ledger-province-', settings, databases, log }, async (server) => {
    const province = server.pools.ledger_province;
    const provinceUrl = server.urlOf('ledger_province');
    const store = new PostgresEventStore(province);

    // 1. The province, written through the ledger's own handlers (as the bench's city is).
    const city = generateCity({ seed: args.seed, scale: counties / CITY_FIGURES.counties, counties });
    const phases = cityPhases(city);
    const totalOps = phases.reduce((n, p) => n + p.ops, 0);
    log(
      `province: ${counties} counties, ${city.households.length} households, ${city.employments.length} employments, ` +
        `${city.leases.length} leases, ${city.stakes.length} stakes; ${totalOps} commands`,
    );
    const { ids, seeded } = await written(new CitySeeder(store, args.seed), phases, log);
    const seedSeconds = seeded.seconds;
    // What the bench itself holds while it measures (its clients and the rebuild run in this process),
    // after a full collection when node runs with --expose-gc (as `npm run bench:province` does).
    (globalThis as { gc?: () => void }).gc?.();
    const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
    log(`written: ${seeded.events} events in ${seedSeconds.toFixed(0)} s (bench heap ${heapMb} MiB); vacuum analyze`);
    await province.query('vacuum analyze');
    const size = (
      await province.query<{ heap: string; indexes: string; database: string }>(
        `select pg_relation_size('events') as heap, pg_indexes_size('events') as indexes,
                pg_database_size(current_database()) as database`,
      )
    ).rows[0];
    const payments = await paymentEvents(province);

    // 2. The busy day: a clerk per county pays wages over HTTP, the API its own process.
    const api = await startApi({
      env: {
        DATABASE_URL: provinceUrl,
        LEDGER_DATA_DIR: join(server.dir, 'app'),
        LEDGER_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
        DATABASE_POOL_SIZE: '20',
      },
      // Beside the results, so that it outlives the temporary folder when the run fails.
      logFile: `${out}.api.log`,
      token: BENCH_ADMIN_TOKEN,
      // As in docker/: the read models are a projector's (measured below), not the API's.
      inlineProjections: false,
      adopt: server.adopt,
    });
    const clerks = await countyClerks(api.client, city, ids);
    const bursts: Record<string, BurstResult> = {};
    // A month of the province's payments keyed in 8 working hours, ten times over, to the nearest 5 a second.
    const busy = Math.max(1, Math.round((payments / city.years / 12 / (8 * 3600)) * 2) * 5);
    try {
      log(`HTTP: warm-up, ${counties} clerks for 5 s`);
      await countiesPaying(clerks, 5);
      // Last, the closed loop with as many clerks as a 4-county run has: the same load on a bigger log.
      const four = clerks.slice(0, 4);
      for (const [name, rate, paying] of [
        ['busy day', busy, clerks],
        ['busy day ×4', busy * 4, clerks],
        ['as fast as answered', undefined, clerks],
        ['as fast as answered, 4 clerks', undefined, four],
      ] as const) {
        const how = rate === undefined ? 'closed loop' : `${rate}/s`;
        log(`HTTP: ${paying.length} clerks paying wages, ${name} (${how}), ${BURST_SECONDS} s`);
        bursts[name] = await countiesPaying(paying, BURST_SECONDS, rate);
        log(`  ${JSON.stringify(bursts[name])}`);
      }
    } finally {
      for (const clerk of clerks) clerk.client.close();
    }
    await api.stop();

    // 3. Every read model from zero over the province's log, within a budget.
    log(`projections: every one from zero over the province's log, for at most ${CATCH_UP_BUDGET_MS / 1000} s`);
    const catchUp = await catchUpWithin(store, province, CATCH_UP_BUDGET_MS);
    log(`  ${JSON.stringify(catchUp)}`);

    // 4. Last, since they add events of their own: appends on this log beside an empty one.
    const appends8 = await appendsBesideEmpty(province, server.pools.ledger_empty, 3, log);

    const doc = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg() },
      postgres: { sharedBuffers: server.settings.sharedBuffers },
      province: {
        counties,
        households: city.households.length,
        employments: city.employments.length,
        leases: city.leases.length,
        stakes: city.stakes.length,
        runningEmployments: clerks.reduce((n, c) => n + c.payments.streams, 0),
        years: city.years,
        events: seeded.events,
        paymentEvents: payments,
      },
      seed: { seconds: seedSeconds, eventsPerSecond: seeded.events / seedSeconds, benchHeapAfterMb: heapMb },
      disk: {
        eventsHeapBytes: Number(size.heap),
        eventsIndexBytes: Number(size.indexes),
        databaseBytes: Number(size.database),
        bytesPerEvent: Math.round(Number(size.database) / seeded.events),
      },
      http: { busyDayPerSecond: busy, bursts },
      catchUp,
      appends8,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    await writeFile(out, `${JSON.stringify(doc, null, 2)}\n`);
    log(`results written to ${out}`);
  });
}

/**
 * Writes the province and lets go of the seeder: it keeps every stream it wrote folded in memory
 * (about 6 GB for a province), and the measurements after it run in this process, the clerks'
 * clients and the rebuild among them. Held on to, that heap's garbage collection stalled them for
 * seconds at a time. Only the ids of the plan's records are kept.
 */
async function written(
  seeder: CitySeeder,
  phases: ReturnType<typeof cityPhases>,
  log: (line: string) => void,
): Promise<{ ids: CityRefs; seeded: Awaited<ReturnType<typeof seedWithProgress>> }> {
  const seeded = await seedWithProgress(seeder, phases, log);
  return { ids: seeder.ids, seeded };
}
