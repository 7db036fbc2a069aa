import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import { Client, Pool } from 'pg';
import { migrate, startEmbeddedDatabase, withDatabase, type EmbeddedDatabase } from '@ledger/database';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import { ALL_PROJECTIONS } from '@ledger/ledger/all-projections';
import { ProjectionGroupRunner } from '@ledger/ledger/projections/projection-runner';
import { ledgerMigrations } from '@ledger/ledger/migrations';
import type { Args } from '../args';
import { cityPhases } from '../city/city-phases';
import { CITY_FIGURES } from '../city/city-plan';
import { generateCity } from '../city/generate-city';
import { HttpClient } from '../http-client';
import { WagePayments } from '../measure/commands';
import { Streams, timed } from '../measure/compare';
import { startApi } from '../measure/processes';
import { EventSource } from '../measure/store';
import { CitySeeder } from '../seed/city-seeder';
import { spread } from '../stats';
import { countiesPaying, type BurstResult } from './burst';

const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';
/** Households of one county: the brief's city (12,000) is four counties. */
const HOUSEHOLDS_PER_COUNTY = CITY_FIGURES.households / CITY_FIGURES.counties;
/** Each measurement of the province's busy day runs this long, and the catch-up gets this budget. */
const BURST_SECONDS = 30;
const CATCH_UP_SECONDS = 120;

/**
 * `npm run bench:province`: a province of `--counties` counties (default 100, each 3,000 households
 * with three years of payments) written into one PostgreSQL, then that database asked what the
 * province asks of it: appends beside the same on an empty log, a hundred county clerks paying wages
 * over HTTP at the busy day's rate and at the API's limit, and the read models rebuilt from zero.
 * Slow on purpose (about half an hour at 100 counties): it is run by hand, not in `npm run bench`.
 */
export async function runProvince(args: Args): Promise<void> {
  const started = Date.now();
  const log = (line: string) =>
    process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(1).padStart(7)}s] ${line}\n`);
  Logger.overrideLogger(['error', 'warn']);
  const counties = args.counties ?? 100;
  const tmp = await mkdtemp(join(tmpdir(), 'ledger-province-'));
  let db: EmbeddedDatabase | undefined;
  const pools: Pool[] = [];
  const stops: (() => Promise<void>)[] = [];
  const cleanUp = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    for (const pool of pools) await pool.end().catch(() => undefined);
    await db?.stop().catch(() => undefined);
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
  };
  // Ctrl-C: the API, the database and the temporary folder go too (a province is 10 GB of it).
  const interrupted = () => {
    process.stdout.write('\ninterrupted: stopping the API and the database\n');
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    log(`starting an embedded PostgreSQL (default settings, fsync on) in ${tmp}`);
    db = await startEmbeddedDatabase({ dataDir: tmp, settings: { max_connections: '300' } });
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query('create database ledger_province');
    await admin.query('create database ledger_empty');
    await admin.end();
    const provinceUrl = withDatabase(db.url, 'ledger_province');
    const province = new Pool({ connectionString: provinceUrl, max: 20 });
    const empty = new Pool({ connectionString: withDatabase(db.url, 'ledger_empty'), max: 20 });
    pools.push(province, empty);
    for (const pool of pools) pool.on('error', () => undefined);
    await migrate(province, [...eventStoreMigrations, ...ledgerMigrations]);
    await migrate(empty, eventStoreMigrations);
    const store = new PostgresEventStore(province);

    // 1. The province, written through the ledger's own handlers (as the bench's city is).
    const city = generateCity({ seed: args.seed, scale: (counties * HOUSEHOLDS_PER_COUNTY) / 12_000, counties });
    const phases = cityPhases(city);
    const totalOps = phases.reduce((n, p) => n + p.ops, 0);
    log(
      `province: ${counties} counties, ${city.households.length} households, ${city.employments.length} employments, ` +
        `${city.leases.length} leases, ${city.stakes.length} stakes; ${totalOps} commands`,
    );
    const seeder = new CitySeeder(store, args.seed);
    const seedStart = Date.now();
    let shown = 0;
    let shownAt = Date.now();
    const seeded = await seeder.load(phases, (done) => {
      if (done - shown >= totalOps / 20 || Date.now() - shownAt > 30_000) {
        shown = done;
        shownAt = Date.now();
        log(`  ${Math.round((done * 100) / totalOps)} % written`);
      }
    });
    const seedSeconds = (Date.now() - seedStart) / 1000;
    log(`written: ${seeded.events} events in ${seedSeconds.toFixed(0)} s; vacuum analyze`);
    await province.query('vacuum analyze');
    const size = (
      await province.query<{ events: string; heap: string; indexes: string; database: string }>(
        `select (select count(*) from events) as events, pg_relation_size('events') as heap,
                pg_indexes_size('events') as indexes, pg_database_size(current_database()) as database`,
      )
    ).rows[0];

    // 2. Single-event appends by 8 writers, on the province's log and on an empty one, alternately.
    const { rows: sample } = await province.query<{ type: string; data: unknown; metadata: Record<string, unknown> }>(
      `select event_type as type, data, metadata from events
        where global_position % greatest(1, (select count(*) from events) / 2000) = 0 limit 2000`,
    );
    const events = new EventSource(sample);
    const appends = { province: [] as number[], empty: [] as number[] };
    const writersOn = (pool: Pool, tag: string) => {
      const target = new PostgresEventStore(pool);
      const streams = Array.from({ length: 8 }, (_, w) => new Streams(`${tag}-w${w}`, 200));
      return (caller: number) => {
        const s = streams[caller].next();
        return target.appendToStream(s.streamId, [events.next()], s.expected).then(() => s.advance(1));
      };
    };
    const onProvince = writersOn(province, 'province');
    const onEmpty = writersOn(empty, 'empty');
    for (let round = -1; round < 3; round++) {
      log(round < 0 ? 'appends: warm-up round' : `appends: round ${round + 1} of 3 (province log, then empty log)`);
      const p = await timed(3000, 1, onProvince, 8);
      const e = await timed(3000, 1, onEmpty, 8);
      if (round < 0) continue;
      appends.province.push(p);
      appends.empty.push(e);
    }

    // 3. The busy day: a clerk per county pays wages over HTTP, the API its own process.
    const countyOf = new Map(city.entities.map((e) => [e.key, e.county]));
    const payments = city.counties.map(
      (c) =>
        new WagePayments(
          city.employments
            .filter((e) => !e.endsOn && countyOf.get(e.entity) === c.name)
            .map((e) => ({ id: seeder.ids.id(e.key), rateFen: e.rateFen, daily: e.wageBasis === 'daily' })),
          `${city.firstYear + city.years}-01`,
        ),
    );
    const api = await startApi({
      env: {
        DATABASE_URL: provinceUrl,
        LEDGER_DATA_DIR: join(tmp, 'app'),
        LEDGER_ADMIN_TOKEN: ADMIN_TOKEN,
        LOG_LEVEL: 'warn',
        DATABASE_POOL_SIZE: '20',
      },
      logFile: join(tmp, 'api.log'),
      token: ADMIN_TOKEN,
      // As in docker/: the read models are a projector's (measured below), not the API's.
      inlineProjections: false,
    });
    stops.push(() => api.stop());
    const clerks = new HttpClient(api.baseUrl, ADMIN_TOKEN, counties);
    stops.push(() => Promise.resolve(clerks.close()));
    const bursts: Record<string, BurstResult> = {};
    const yearEvents = seeded.events / city.years;
    // The busy day's rate: a month of the province's payments keyed in 8 working hours, ten times over.
    const busy = Math.max(1, Math.round(((yearEvents / 12 / (8 * 3600)) * 10) / 5) * 5);
    log(`HTTP: warm-up, ${counties} clerks for 5 s`);
    await countiesPaying(clerks, payments, 5);
    for (const [name, rate] of [
      ['busy day', busy],
      ['busy day ×4', busy * 4],
      ['as fast as answered', undefined],
    ] as const) {
      log(
        `HTTP: ${counties} clerks paying wages, ${name} (${rate === undefined ? 'closed loop' : `${rate}/s`}), ${BURST_SECONDS} s`,
      );
      bursts[name] = await countiesPaying(clerks, payments, BURST_SECONDS, rate);
      log(`  ${JSON.stringify(bursts[name])}`);
    }
    await api.stop();
    stops.pop();

    // 4. Every read model from zero over the province's log, for a bounded time.
    log(`projections: all ${ALL_PROJECTIONS.length} from zero over the province's log, ${CATCH_UP_SECONDS} s`);
    const head = Number(
      (await province.query<{ n: string }>('select max(global_position) as n from events')).rows[0].n,
    );
    const reached = async () =>
      Number(
        (await province.query<{ n: string | null }>('select min(position) as n from projection_checkpoints')).rows[0]
          .n ?? 0,
      );
    const catchUpStart = Date.now();
    const stop = new AbortController();
    const running = new ProjectionGroupRunner(ALL_PROJECTIONS, store, province).run({ signal: stop.signal });
    // Stopped at the log's head or at the budget, whichever comes first.
    while (Date.now() - catchUpStart < CATCH_UP_SECONDS * 1000 && (await reached()) < head) await sleep(500);
    const catchUpSeconds = (Date.now() - catchUpStart) / 1000;
    const position = await reached();
    stop.abort();
    await running;
    const applied = Number(
      (await province.query<{ n: string }>('select count(*) as n from events where global_position <= $1', [position]))
        .rows[0].n,
    );

    const doc = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg() },
      province: {
        counties,
        households: city.households.length,
        employments: city.employments.length,
        runningEmployments: payments.reduce((n, p) => n + p.streams, 0),
        years: city.years,
        events: Number(size.events),
      },
      seed: { seconds: seedSeconds, eventsPerSecond: seeded.events / seedSeconds },
      disk: {
        eventsHeapBytes: Number(size.heap),
        eventsIndexBytes: Number(size.indexes),
        databaseBytes: Number(size.database),
        bytesPerEvent: Math.round(Number(size.database) / Number(size.events)),
      },
      appends8: { provinceLog: spread(appends.province), emptyLog: spread(appends.empty) },
      http: { busyDayPerSecond: busy, bursts },
      catchUp: { seconds: catchUpSeconds, events: applied, eventsPerSecond: applied / catchUpSeconds },
      seconds: Math.round((Date.now() - started) / 1000),
    };
    const out = resolve(args.out ?? join('bench', 'results', `${doc.date.slice(0, 10)}-province.json`));
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, `${JSON.stringify(doc, null, 2)}\n`);
    log(`results written to ${out}`);
  } finally {
    await cleanUp();
  }
}
