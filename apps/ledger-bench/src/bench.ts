import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, release, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { eventStoreMigrations } from '@ledger/event-store/postgres/event-store.migrations';
import { PostgresEventStore } from '@ledger/event-store/postgres/postgres-event-store';
import type { SyntheticCity } from './city/city-plan';
import { cityPhases } from './city/city-phases';
import { generateCity } from './city/generate-city';
import { ledgerMigrations } from '@ledger/ledger/migrations';
import type { Args } from './args';
import { CitySeeder } from './seed/city-seeder';
import { measureBus, startLedgerContext, WagePayments } from './measure/commands';
import { measureHttpWrites, measureLatency } from './measure/http';
import { measureLoad, type LoadResult } from './measure/load';
import { measureImport, prepareImport, type ImportResults } from './measure/import';
import { memoryOf, startApi, startProjector, waitForProjections } from './measure/processes';
import { measureProjections } from './measure/projections';
import { measureBulkPrint } from './measure/cards';
import { compareReads, compareWrites } from './measure/compare';
import { RowSource } from './measure/raw';
import { withThrowawayServer } from './measure/throwaway-server';
import { measureWeb } from './measure/web';
import { appendVia, EventSource, installUnhashedAppend, measureStoreReads, sampleOfLog } from './measure/store';
import { checkTargets, emptyResults, renderTable } from './report';
import { humanTable, writeBenchmarks } from './benchmarks-md';
import type { Spread } from './stats';
import { BENCH_ADMIN_TOKEN, runLog, seedWithProgress } from './run-log';

/** How much each measurement does per run, by scale: the default finishes in minutes, --scale 0.1 in about one. */
function sizesFor(scale: number) {
  const quick = scale < 0.5;
  return {
    runs: quick ? 3 : 5,
    // Each write measurement runs for a fixed time, so a slow disk lengthens nothing.
    writes: quick ? { ms: 700, copy: 20_000 } : { ms: 1500, copy: 50_000 },
    readStreams: quick ? 300 : 1000,
    bus: quick ? { bus: 200, bus8: 400 } : { bus: 500, bus8: 1000 },
    http: quick ? 400 : 1000,
    queries: quick
      ? { statement: 300, obligations: 100, fundFlow: 100 }
      : { statement: 1000, obligations: 300, fundFlow: 300 },
    projectionRuns: quick ? 3 : 2,
    // A single import run varied by ±3 s between otherwise equal runs: three give a median and a spread.
    importRuns: quick ? 1 : 3,
    // The issue's load: statements by 100 concurrent clients, PDFs by 20; each bounded in count and time.
    load: quick ? { statement: 1000, pdf: 100, maxMs: 30_000 } : { statement: 2000, pdf: 200, maxMs: 60_000 },
    // Bulk printing of cards: one PDF each, a fresh process each; the growth is read at the largest.
    cards: quick ? [100, 500] : [100, 500, 1000],
  };
}

function versionOf(pkg: string): string | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return undefined;
  }
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

export async function runBench(args: Args): Promise<void> {
  const started = Date.now();
  const log = runLog(started);
  const wants = (name: string) =>
    !args.only || args.only.has(name) || (name === 'projections' && args.only.has('projections-each'));
  const sizes = sizesFor(args.scale);
  const runs = args.runs ?? sizes.runs;
  const loadBefore = loadavg();
  const results = emptyResults();
  const spreads: Record<string, Spread | undefined> = {};
  const details: Record<string, unknown> = {};
  const put = (path: string, s: Spread | undefined) => {
    spreads[path] = s;
  };

  Logger.overrideLogger(['error', 'warn']);
  const databases = {
    ledger_city: [...eventStoreMigrations, ...ledgerMigrations],
    ledger_scratch: eventStoreMigrations,
  };
  await withThrowawayServer(
    { prefix: 'ledger-bench-', settings: { max_connections: '200' }, databases, log },
    async (server) => {
      const cityPool = server.pools.ledger_city;
      const scratchPool = server.pools.ledger_scratch;
      const cityUrl = server.urlOf('ledger_city');
      const cityStore = new PostgresEventStore(cityPool);

      // 1. The city.
      log(`generating the synthetic city (seed ${args.seed}, scale ${args.scale})`);
      const city = generateCity({ seed: args.seed, scale: args.scale });
      const phases = cityPhases(city);
      const totalOps = phases.reduce((n, p) => n + p.ops, 0);
      log(
        `city: ${city.households.length} households, ${city.entities.length} entities, ${city.projects.length} projects, ` +
          `${city.stakes.length} stakes, ${city.leases.length} leases, ${city.employments.length} employments, ` +
          `${city.orders.length} orders, ${city.declarations.length} declarations; ${totalOps} commands`,
      );
      const seeder = new CitySeeder(cityStore, args.seed);
      const seeded = await seedWithProgress(seeder, phases, log);
      const seedSeconds = seeded.seconds;
      await cityPool.query('vacuum analyze');
      const logEvents = Number((await cityPool.query<{ n: string }>('select count(*) as n from events')).rows[0].n);
      log(
        `city written: ${seeded.events} events by ${seeded.commands} commands in ${seedSeconds.toFixed(1)} s ` +
          `(handlers in memory ${(seeded.decideMs / 1000).toFixed(1)} s, ${seeded.appends} batched appends ${(seeded.appendMs / 1000).toFixed(1)} s)`,
      );
      details.seed = {
        commands: seeded.commands,
        events: seeded.events,
        appends: seeded.appends,
        seconds: seedSeconds,
        decideSeconds: seeded.decideMs / 1000,
        appendSeconds: seeded.appendMs / 1000,
        appendEventsPerSecond: seeded.events / (seeded.appendMs / 1000),
      };

      // Payload templates: a sample of the city's own events, so raw rows weigh what events weigh.
      const sample = await sampleOfLog(cityPool);
      const bytes = (
        await cityPool.query<{ b: string }>(
          'select avg(octet_length(data::text) + octet_length(metadata::text)) as b from events',
        )
      ).rows[0].b;
      details.log = { events: logEvents, meanPayloadBytes: Math.round(Number(bytes)) };

      // 2. The raw limit and 3. the event store, measured alternately round by round.
      const rows = new RowSource(
        sample.map((x) => ({ type: x.type, data: JSON.stringify(x.data), metadata: JSON.stringify(x.metadata) })),
      );
      if (wants('raw') || wants('store')) {
        const events = new EventSource(sample);
        await installUnhashedAppend(scratchPool);
        const w = await compareWrites(
          scratchPool,
          rows,
          events,
          new PostgresEventStore(scratchPool),
          appendVia(scratchPool, 'append_to_stream_unhashed'),
          sizes.writes,
          runs,
          log,
        );
        const r = await compareReads(scratchPool, rows, cityStore, logEvents, runs, log);
        results.raw = {
          single: w.rawSingle.median,
          single8: w.rawSingle8.median,
          unnest100: w.rawUnnest100.median,
          copy: w.rawCopy.median,
          readAll: r.rawReadAll.median,
        };
        results.store.single = w.storeSingle.median;
        results.store.single8 = w.storeSingle8.median;
        results.store.batch100 = w.storeBatch100.median;
        results.store.readAll = r.storeReadAll.median;
        put('raw.single', w.rawSingle);
        put('raw.single8', w.rawSingle8);
        put('raw.unnest100', w.rawUnnest100);
        put('raw.copy', w.rawCopy);
        put('raw.readAll', r.rawReadAll);
        put('store.single', w.storeSingle);
        put('store.single8', w.storeSingle8);
        put('store.batch100', w.storeBatch100);
        put('store.readAll', r.storeReadAll);
        details.variants = {
          rawUnnest100IntoTableWithTheLogsIndexes: w.rawUnnest100Indexed,
          storeSingleWithoutHashChain: w.unhashedSingle,
          storeBatch100WithoutHashChain: w.unhashedBatch100,
        };
        const streamIds = [...city.employments, ...city.leases, ...city.orders, ...city.declarations].map((x) =>
          seeder.ids.id(x.key),
        );
        const reads = await measureStoreReads(cityStore, streamIds, sizes.readStreams, runs, log);
        results.store.readStream = reads.readStream.median;
        put('store.readStream', reads.readStream);
        details.readStream = { streamsPerSecond: reads.readStreamStreams, meanEventsPerStream: reads.meanStreamLength };
      }

      // 4. Projections from zero over the whole log.
      if (wants('projections')) {
        const projections = await measureProjections(cityStore, cityPool, logEvents, sizes.projectionRuns, log, {
          each: args.only?.has('projections-each') ?? false,
        });
        results.projections.catchUp = projections.catchUp.median;
        put('projections.catchUp', projections.catchUp);
        details.projectionsFinishedAfterSeconds = projections.finishedAfter;
        if (Object.keys(projections.each).length > 0) details.projectionsAlone = projections.each;
      } else {
        // Queries and the API need caught-up read models.
        await measureProjections(cityStore, cityPool, logEvents, 1, log, { each: false });
      }

      // 5. The command path in process: the Nest command bus with the real handlers.
      const running = city.employments
        .filter((e) => !e.endsOn)
        .map((e) => ({ id: seeder.ids.id(e.key), rateFen: e.rateFen, daily: e.wageBasis === 'daily' }));
      const payments = new WagePayments(running, `${city.firstYear + city.years}-01`);
      const appEnv = {
        DATABASE_URL: cityUrl,
        LEDGER_DATA_DIR: join(server.dir, 'app'),
        LEDGER_ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      };
      let importPlan: Awaited<ReturnType<typeof prepareImport>> | undefined;
      if (wants('bus') || wants('import')) {
        const app = await startLedgerContext(appEnv);
        try {
          if (wants('bus')) {
            const bus = await measureBus(app, payments, sizes.bus, runs, log);
            results.commands.bus = bus.bus.median;
            results.commands.bus8 = bus.bus8.median;
            put('commands.bus', bus.bus);
            put('commands.bus8', bus.bus8);
          }
          if (wants('import'))
            importPlan = await prepareImport(app, city, seeder, join(server.dir, 'import'), log, sizes.importRuns);
        } finally {
          await app.close();
        }
      }

      // 6. The API as its own process: HTTP writes, query latency, its peak memory.
      if (wants('http') || wants('queries') || wants('web')) {
        if (args.projector) {
          log('the read models in a projector process of their own (--projector)');
          server.adopt(
            startProjector({ env: { ...appEnv, LOG_LEVEL: 'warn' }, logFile: join(server.dir, 'projector.log') }),
          );
        }
        const api = await startApi({
          env: { ...appEnv, LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20' },
          logFile: join(server.dir, 'api.log'),
          token: BENCH_ADMIN_TOKEN,
          profileDir: args.profileApi,
          inlineProjections: !args.projector,
          adopt: server.adopt,
        });
        try {
          await waitForProjections(api.client);
          if (wants('http')) {
            const http = await measureHttpWrites(api.client, payments, sizes.http, runs, log);
            results.commands.http1 = http.http1.median;
            results.commands.http8 = http.http8.median;
            put('commands.http1', http.http1);
            put('commands.http8', http.http8);
            details.http8WithoutIdempotencyKey = http.http8NoKey;
            details.httpErrors = http.errors;
            log('waiting for the projections to catch up with the HTTP writes');
            await waitForProjections(api.client);
          }
          if (wants('queries')) {
            await queries(api.client, city, seeder, sizes.queries, results, details, log);
            const loads = await statementsUnderLoad(api, BENCH_ADMIN_TOKEN, city, seeder, sizes.load, log);
            results.queries.statementLoadP99Ms = round1(loads.statement.p99Ms);
            results.queries.pdfLoadP99Ms = round1(loads.pdf.p99Ms);
            const [first, last] = [loads.statement.rssBeforeMb, loads.pdf.rssAfterMb];
            results.memory.apiLoadGrowthMb = first === null || last === null ? null : last - first;
            details.load = loads;
          }
          if (wants('web')) {
            const web = await phoneAndConsole(api.client, api.baseUrl, city, seeder, log);
            results.web.phoneStatementMs = web.phoneStatementMs ?? null;
            results.web.consoleFirstScreenKb = web.consoleFirstScreenKb ?? null;
            details.web = web;
            if (!web.available) log(`web: ${web.reason}`);
          }
          const memory = await memoryOf(api.child.pid!);
          results.memory.apiPeakMb = memory ? Math.round(memory.peakMb) : null;
          details.apiRssAtEndMb = memory ? Math.round(memory.rssMb) : null;
        } finally {
          await api.stop();
        }
      }

      // 7. The roster importer as its own process.
      if (importPlan) {
        const imported: ImportResults = await measureImport(importPlan, appEnv, log);
        details.import = imported;
        if (imported.peakMb !== undefined) results.memory.importerPeakMb = Math.round(imported.peakMb);
        if (imported.available) {
          results.commands.import100k = imported.rowsPerSecond ?? null;
          if (imported.runs) put('commands.import100k', imported.runs);
        } else {
          log(`import: ${imported.reason}`);
        }
      }

      // 8. Bulk printing of cards into one PDF (no database: the cards are the fixtures').
      if (wants('cards')) {
        const printed = await measureBulkPrint(sizes.cards, log);
        const largest = printed[printed.length - 1];
        details.bulkPrint = printed;
        if (largest) {
          results.printing = {
            cards: largest.cards,
            msPerCard: largest.msPerCard,
            heapPerCardKb: round1(largest.heapPerCardBytes / 1024),
            rssGrowthMb: largest.rssGrowthMb,
          };
        }
      }

      // The report.
      const loadAfter = loadavg();
      const checks = checkTargets(results, args.scale);
      const table = renderTable(results, spreads, checks);
      process.stdout.write(`\n${table}\n\n`);
      const doc = {
        date: new Date().toISOString(),
        machine: {
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model,
          memoryGb: Math.round(totalmem() / 2 ** 30),
          os: `${platform()} ${release()}`,
          loadAverageBefore: loadBefore.map((x) => Number(x.toFixed(2))),
          loadAverageAfter: loadAfter.map((x) => Number(x.toFixed(2))),
        },
        versions: {
          node: process.version,
          postgres: server.settings.version,
          pg: versionOf('pg'),
          nest: versionOf('@nestjs/core'),
          ledger: versionOf('../../../../package.json') ?? undefined,
          commit: gitCommit(),
        },
        parameters: {
          scale: args.scale,
          seed: args.seed,
          runs,
          sizes,
          postgres: {
            embedded: true,
            fsync: server.settings.fsync,
            synchronousCommit: server.settings.synchronousCommit,
            sharedBuffers: server.settings.sharedBuffers,
          },
          city: {
            households: city.households.length,
            counties: city.counties.length,
            entities: city.entities.length,
            projects: city.projects.length,
            stakes: city.stakes.length,
            declarations: city.declarations.length,
            leases: city.leases.length,
            employments: city.employments.length,
            orders: city.orders.length,
            years: `${city.firstYear}-${city.firstYear + city.years - 1}`,
            events: logEvents,
          },
        },
        results,
        spread: spreads,
        targets: checks,
        details,
        seconds: Math.round((Date.now() - started) / 1000),
      };
      const out = resolve(args.out ?? join('bench', 'results', `${new Date().toISOString().slice(0, 10)}.json`));
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, `${JSON.stringify(doc, null, 2)}\n`);
      log(`results written to ${out}`);
      if (args.writeBenchmarks) {
        const about =
          `Run of ${doc.date.slice(0, 16).replace('T', ' ')} UTC, scale ${args.scale}, seed ${args.seed}, ${runs} rounds, ` +
          `commit ${doc.versions.commit ?? 'unknown'}, ${doc.machine.cpus} cores (load ${doc.machine.loadAverageBefore[0]} before).`;
        await writeBenchmarks(resolve('BENCHMARKS.md'), humanTable(results, checks, about));
        log('the table in BENCHMARKS.md rewritten from this run');
      }
    },
  );
}

async function queries(
  client: import('./http-client').HttpClient,
  city: SyntheticCity,
  seeder: CitySeeder,
  sizes: { statement: number; obligations: number; fundFlow: number },
  results: ReturnType<typeof emptyResults>,
  details: Record<string, unknown>,
  log: (line: string) => void,
): Promise<void> {
  const households = city.households.map((h) => `/v1/households/${seeder.ids.id(h.key)}/statement`);
  log(`queries: statements of ${sizes.statement} random households`);
  const statement = await measureLatency(client, households, sizes.statement, 'statements');
  if (statement.errors < statement.requests) {
    results.queries.statementP50Ms = round1(statement.p50Ms);
    results.queries.statementP99Ms = round1(statement.p99Ms);
  }
  const owing = new Set([...city.leases.map((l) => l.entity), ...city.declarations.map((d) => d.entity)]);
  const entities = city.entities
    .filter((e) => owing.has(e.key))
    .map((e) => `/v1/entities/${seeder.ids.id(e.key)}/obligations`);
  log(`queries: obligations of ${sizes.obligations} random entities`);
  const obligations = await measureLatency(client, entities, sizes.obligations, 'obligations');
  if (obligations.errors < obligations.requests) results.queries.obligationsP99Ms = round1(obligations.p99Ms);
  const projects = city.projects.map((p) => `/v1/audit/fund-flow?projectId=${seeder.ids.id(p.key)}`);
  log(`queries: fund flow of ${sizes.fundFlow} random projects`);
  const fundFlow = await measureLatency(client, projects, sizes.fundFlow, 'fund-flow');
  if (fundFlow.errors < fundFlow.requests) results.queries.fundFlowP99Ms = round1(fundFlow.p99Ms);
  details.queries = { statement, obligations, fundFlow };
  for (const [name, l] of Object.entries({ statement, obligations, fundFlow })) {
    if (l.errors > 0) log(`  ${name}: ${l.errors} of ${l.requests} requests failed; first: ${l.firstError}`);
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The slow-3G figures: a household user for the household with the most statement lines' worth of
 * linkages is registered, and its phone link opened; then the console's sign-in screen.
 */
async function phoneAndConsole(
  client: import('./http-client').HttpClient,
  baseUrl: string,
  city: SyntheticCity,
  seeder: CitySeeder,
  log: (line: string) => void,
) {
  const householdId = seeder.ids.id(city.households[0].key);
  const user = await client.post('/v1/users', { name: 'bench household', role: 'household', householdId });
  const statement = await client.get(`/v1/households/${householdId}/statement`);
  if (user.status !== 201 || statement.status !== 200) {
    return { available: false, reason: `could not open a household's statement (${user.status}, ${statement.status})` };
  }
  const { token } = user.json<{ token: string }>();
  const { totalFen } = statement.json<{ totalFen: number }>();
  return measureWeb(baseUrl, { householdId, token, totalFen }, log);
}

/** Statements of random households by 100 concurrent clients, then their PDFs by 20. */
async function statementsUnderLoad(
  api: { baseUrl: string; child: { pid?: number } },
  token: string,
  city: SyntheticCity,
  seeder: CitySeeder,
  sizes: { statement: number; pdf: number; maxMs: number },
  log: (line: string) => void,
): Promise<{ statement: LoadResult; pdf: LoadResult }> {
  const paths = city.households.map((h) => `/v1/households/${seeder.ids.id(h.key)}/statement`);
  const pid = api.child.pid!;
  log(`load: ${sizes.statement} statements from 100 concurrent clients`);
  const statement = await measureLoad(api.baseUrl, token, pid, paths, {
    clients: 100,
    requests: sizes.statement,
    maxMs: sizes.maxMs,
    seed: 'statement-load',
  });
  log(`load: ${sizes.pdf} statement PDFs from 20 concurrent clients`);
  const pdf = await measureLoad(
    api.baseUrl,
    token,
    pid,
    paths.map((p) => `${p}.pdf`),
    { clients: 20, requests: sizes.pdf, maxMs: sizes.maxMs, seed: 'pdf-load' },
  );
  for (const [name, l] of Object.entries({ statement, pdf })) {
    log(
      `  ${name}: p50 ${l.p50Ms.toFixed(1)} ms, p99 ${l.p99Ms.toFixed(1)} ms, ${l.requestsPerSecond.toFixed(0)}/s, ` +
        `RSS ${l.rssBeforeMb} → ${l.rssAfterMb} MiB${l.errors ? `, ${l.errors} errors (${l.firstError})` : ''}`,
    );
  }
  return { statement, pdf };
}
