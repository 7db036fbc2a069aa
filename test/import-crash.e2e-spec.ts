import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The CLI importer killed with SIGKILL at random points of a few-thousand-row wage roster, several
 * times, then run again to the end: the ledger must be identical to one clean import of the same
 * file into an identical ledger (same payment ids, amounts, streams and revisions, same number of
 * events), and a further run must write nothing. On PostgreSQL the write pass is one transaction,
 * so after each kill the ledger holds none of the roster's payments (or, had it finished, all).
 * Needs the built CLI (`npm run build`).
 */

const cliMain = join(__dirname, '..', 'dist/apps/ledger-cli/src/main.js');
// 3,000 rows, more than one append call of the commit; few workers, so that setting up the two
// ledgers over HTTP (a household and a job each) is not most of the test's time.
const WORKERS = Number(process.env.IMPORT_CRASH_WORKERS ?? 100);
const MONTHS = Number(process.env.IMPORT_CRASH_MONTHS ?? 30);
const ROWS = WORKERS * MONTHS;
const KILLS = 5;

const registrationNo = (i: number) => `42112701${String(i).padStart(5, '0')}`;
const monthOf = (m: number) => `${2017 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/** The roster: month by month, every worker, amounts that differ so a swap would show. */
function roster(): string {
  const lines = ['户编号,姓名,月份,金额,发放日期,凭证号'];
  for (let m = 0; m < MONTHS; m++) {
    for (let w = 0; w < WORKERS; w++) {
      const yuan = 1800 + ((w * 7 + m * 13) % 400) + ((w + m) % 100) / 100;
      lines.push(`${registrationNo(w)},工人${w},${monthOf(m)},${yuan.toFixed(2)},${monthOf(m)}-28,GZ-${m}-${w}`);
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The same village in two ledgers: ids come from idempotency keys, so they are equal in both. */
async function setUp(t: TestApp): Promise<string> {
  const entity = await t
    .post(
      '/v1/entities',
      { name: '桃园服装卫星工厂', kind: 'satellite_factory', township: '城关镇', county: '英山县' },
      undefined,
      {
        'Idempotency-Key': 'factory',
      },
    )
    .expect(201);
  const entityId = entity.body.id as string;
  for (let start = 0; start < WORKERS; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, WORKERS - start) }, async (_, k) => {
        const w = start + k;
        const household = await t
          .post('/v1/households', {
            registrationNo: registrationNo(w),
            headName: `户主${w}`,
            members: 3,
            village: '桃园村',
            township: '城关镇',
            county: '英山县',
          })
          .expect(201);
        await t
          .post(
            '/v1/employments',
            {
              entityId,
              householdId: household.body.id,
              workerName: `工人${w}`,
              startsOn: '2017-01-01',
              wageBasis: 'monthly',
              rateFen: 200000,
            },
            undefined,
            { 'Idempotency-Key': `employment-${w}` },
          )
          .expect(201);
      }),
    );
  }
  return entityId;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function cli(databaseUrl: string, dataDir: string, args: string[]): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [cliMain, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<Run>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

interface EventRow {
  stream_id: string;
  stream_revision: string;
  event_type: string;
  data: { paymentId?: string; amountFen?: number; period?: string; employmentId?: string };
}

async function events(client: Client): Promise<EventRow[]> {
  const { rows } = await client.query<EventRow>(
    `select stream_id, stream_revision, event_type, data from events
      where event_type in ('WagePaid', 'EmploymentStarted', 'HouseholdRegistered', 'EntityRegistered')
      order by stream_id, stream_revision`,
  );
  // Personal fields are sealed with a fresh nonce under each ledger's own household key: two ledgers
  // that hold the same name store different ciphertexts, so a sealed field compares as sealed.
  const sealed = (value: unknown) => (typeof value === 'string' && value.startsWith('pd1.') ? '<sealed>' : value);
  return rows.map((row) => ({
    ...row,
    data: Object.fromEntries(Object.entries(row.data).map(([k, v]) => [k, sealed(v)])),
  }));
}

/** Rows the running commit reports appended (in its transaction, not yet visible in the ledger). */
const rowsWritten = async (client: Client): Promise<number> =>
  Number(
    (
      await client.query<{ n: number | null }>(
        "select max(written) as n from imports where not dry_run and status = 'processing' and phase = 'writing'",
      )
    ).rows[0].n ?? 0,
  );

const wagesPaid = async (client: Client): Promise<number> =>
  Number(
    (await client.query<{ n: string }>("select count(*) as n from events where event_type = 'WagePaid'")).rows[0].n,
  );

describe('an import killed at random points, then resumed', () => {
  let crashed: TestApp;
  let clean: TestApp;
  let crashedDb: Client;
  let cleanDb: Client;
  let entityId: string;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    if (!existsSync(cliMain)) throw new Error(`${cliMain} is missing: run "npm run build" first`);
    dir = await mkdtemp(join(tmpdir(), 'import-crash-'));
    file = join(dir, '工资表.csv');
    await writeFile(file, roster(), 'utf8');
    clean = await startTestApp();
    crashed = await startTestApp();
    const [a, b] = await Promise.all([setUp(clean), setUp(crashed)]);
    expect(a).toBe(b);
    entityId = a;
    cleanDb = new Client({ connectionString: clean.databaseUrl });
    crashedDb = new Client({ connectionString: crashed.databaseUrl });
    await Promise.all([cleanDb.connect(), crashedDb.connect()]);
  }, 300_000);

  afterAll(async () => {
    await Promise.all([cleanDb?.end(), crashedDb?.end()]);
    await Promise.all([clean?.close(), crashed?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('ends identical to one clean import: lost 0, duplicated 0', async () => {
    const args = ['import', 'wages', file, '--entity', entityId, '--json'];

    // One clean import, timed, with a dry run first.
    let started = Date.now();
    const dry = await cli(clean.databaseUrl, dir, [...args, '--dry-run']).done;
    const drySeconds = (Date.now() - started) / 1000;
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ status: 'validated', rows: ROWS, accepted: ROWS });
    started = Date.now();
    const first = await cli(clean.databaseUrl, dir, args).done;
    const commitSeconds = (Date.now() - started) / 1000;
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'committed', rows: ROWS });

    // The same import, killed at random points: during start-up and validation, and mid-write.
    const kills: string[] = [];
    for (let k = 0; k < KILLS; k++) {
      const run = cli(crashed.databaseUrl, dir, args);
      let exited = false;
      void run.done.then(() => (exited = true));
      if (k === 0) {
        // Somewhere in start-up or validation, before anything is written.
        await new Promise((r) => setTimeout(r, 300 + Math.random() * 1500));
      } else {
        // Mid-write: once the commit reports rows appended (it saves progress after each append call,
        // of about 2,000 rows; so a target in the first half is reached before the last call).
        const target = 1 + Math.floor((Math.random() * ROWS) / 2);
        while (!exited && (await rowsWritten(crashedDb)) < target) await new Promise((r) => setTimeout(r, 10));
      }
      const written = await rowsWritten(crashedDb);
      if (!exited) run.child.kill('SIGKILL');
      const result = await run.done;
      const visible = await wagesPaid(crashedDb);
      kills.push(
        `${result.signal ?? `exit ${result.code}`} with ${written} of ${ROWS} appended, ${visible} in the ledger`,
      );
      // All or none: a killed commit leaves none of its payments.
      if (result.signal === 'SIGKILL') expect(visible).toBe(0);
    }
    const resumed = await cli(crashed.databaseUrl, dir, args).done;
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    const report = JSON.parse(resumed.stdout) as { id: string; status: string; rows: number; wrote: unknown[] };
    expect(report).toMatchObject({ status: 'committed', rows: ROWS });
    expect(report.wrote).toHaveLength(ROWS);

    // Identical ledgers: every wage payment with the same id, stream, revision and amount.
    const [expected, actual] = await Promise.all([events(cleanDb), events(crashedDb)]);
    expect(actual.length).toBe(expected.length);
    expect(actual).toEqual(expected);
    const payments = actual.filter((e) => e.event_type === 'WagePaid');
    const perMonth = new Map<string, number>();
    for (const p of payments) {
      const key = `${p.data.employmentId}|${p.data.period}`;
      perMonth.set(key, (perMonth.get(key) ?? 0) + 1);
    }
    const duplicated = [...perMonth.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const lost = ROWS - perMonth.size;
    const [allClean, allCrashed] = await Promise.all(
      [cleanDb, crashedDb].map(async (c) =>
        Number((await c.query<{ n: string }>('select count(*) as n from events')).rows[0].n),
      ),
    );
    expect(allCrashed).toBe(allClean);

    // Importing it once more writes nothing.
    const again = await cli(crashed.databaseUrl, dir, args).done;
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'duplicate', duplicateOf: report.id });
    expect(await wagesPaid(crashedDb)).toBe(ROWS);

    console.log(
      [
        `import crash: ${ROWS} rows, killed ${kills.join('; ')}`,
        `resumed to ${payments.length} payments, ${allCrashed} events (clean import: ${allClean}): lost ${lost}, duplicated ${duplicated}`,
        `clean import via CLI: dry run ${drySeconds.toFixed(1)} s (${Math.round(ROWS / drySeconds)} rows/s), commit ${commitSeconds.toFixed(1)} s (${Math.round(ROWS / commitSeconds)} rows/s), process start-up included`,
      ].join('\n'),
    );
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  }, 600_000);
});
