import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { Importer, type ImportProgress } from '@ledger/ledger/imports/importer';
import { ADMIN_USER_ID } from '@ledger/ledger/auth/user.events';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * "Commit: all rows or none" when the ledger changes under a running commit: a wage roster is
 * validated, and while it is, another writer records one of its months as paid. The write pass then
 * meets that payment after it has appended more than one call's worth of rows (other workers' rows
 * come first in the file): the import ends failed, naming the row, and the ledger holds none of the
 * roster's payments. With the row fixed, the roster imports in full.
 */

const WORKERS = 25;
const MONTHS = 96;
/** Rows before the last worker's: more than one append call (2,000 events) and one validation window. */
const BEFORE = WORKERS * MONTHS;
const LAST_WORKER_MONTHS = 12;
const REGISTRATION_NO = '4211270101001';

const monthOf = (m: number) => `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

function roster(lastWorkerMonths: number[]): string {
  const lines = ['户编号,姓名,月份,金额,发放日期'];
  for (let w = 1; w <= WORKERS; w++) {
    for (let m = 0; m < MONTHS; m++)
      lines.push(`${REGISTRATION_NO},工人${w},${monthOf(m)},2000.00,${monthOf(m + 1)}-10`);
  }
  for (const m of lastWorkerMonths)
    lines.push(`${REGISTRATION_NO},工人${WORKERS + 1},${monthOf(m)},2000.00,${monthOf(m + 1)}-10`);
  return `${lines.join('\n')}\n`;
}

describe('a commit that meets a concurrent change half-way', () => {
  let t: TestApp;
  let db: Client;
  let dir: string;
  let entityId: string;
  const employments: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    dir = await mkdtemp(join(tmpdir(), 'import-commit-'));
    const household = (
      await t
        .post('/v1/households', {
          registrationNo: REGISTRATION_NO,
          headName: '张三',
          members: 3,
          village: '桃园村',
          township: '城关镇',
          county: '英山县',
        })
        .expect(201)
    ).body.id as string;
    entityId = (
      await t
        .post('/v1/entities', {
          name: '桃园服装卫星工厂',
          kind: 'satellite_factory',
          township: '城关镇',
          county: '英山县',
        })
        .expect(201)
    ).body.id as string;
    for (let w = 1; w <= WORKERS + 1; w++) {
      const res = await t
        .post('/v1/employments', {
          entityId,
          householdId: household,
          workerName: `工人${w}`,
          startsOn: '2000-01-01',
          wageBasis: 'monthly',
          rateFen: 200000,
        })
        .expect(201);
      employments.push(res.body.id as string);
    }
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const wagesPaid = async (): Promise<number> =>
    Number((await db.query<{ n: string }>("select count(*) as n from events where event_type = 'WagePaid'")).rows[0].n);

  const importRoster = async (fileName: string, text: string, onProgress?: (p: ImportProgress) => void) => {
    const filePath = join(dir, fileName);
    await writeFile(filePath, text, 'utf8');
    const job = await t.app.get(Importer).start({
      kind: 'wages',
      params: { entityId },
      dryRun: false,
      filePath,
      fileName,
      actor: { userId: ADMIN_USER_ID, role: 'admin', townships: [] },
      onProgress,
    });
    return job.done;
  };

  it('ends failed with nothing written, and imports in full once the row is fixed', async () => {
    const lastWorker = employments[WORKERS];
    const months = Array.from({ length: LAST_WORKER_MONTHS }, (_, m) => m);
    const { householdId } = (await t.get(`/v1/employments/${lastWorker}`).expect(200)).body as { householdId: string };
    // Another writer: it holds the last worker's employment from before the import starts, so the
    // import's write pass cannot append to it before this writer is done, whatever the timing.
    const writer = new Client({ connectionString: t.databaseUrl });
    await writer.connect();
    await writer.query('begin');
    await writer.query('select 1 from streams where stream_id = $1 for update', [lastWorker]);
    let paying: Promise<unknown> | undefined;
    let appendedBeforeFailure = 0;
    const report = await importRoster('工资表.csv', roster(months), (p) => {
      // Once validation has read the last worker's employment (its window starts after BEFORE
      // rows), the other writer records month 6 as paid: the roster's row for it is now refused.
      if (p.phase === 'validating' && p.rows > BEFORE && !paying) {
        const commandId = randomUUID();
        paying = writer
          .query(
            `select * from append_to_stream($1, 0, array[$2::uuid], array['WagePaid'], array[$3::jsonb], array[$4::jsonb])`,
            [
              lastWorker,
              randomUUID(),
              JSON.stringify({
                employmentId: lastWorker,
                paymentId: `${lastWorker}.p1`,
                householdId,
                workerName: `工人${WORKERS + 1}`,
                period: monthOf(5),
                amountFen: 200000,
                paidOn: `${monthOf(6)}-05`,
                supplementary: false,
              }),
              JSON.stringify({
                userId: 'admin',
                role: 'admin',
                township: '城关镇',
                commandId,
                correlationId: commandId,
              }),
            ],
          )
          .then(() => writer.query('commit'));
      }
      if (p.phase === 'writing') appendedBeforeFailure = Math.max(appendedBeforeFailure, p.written);
    });
    await paying;
    await writer.end();
    // More than a whole append call was written in the unit before the refused row…
    expect(appendedBeforeFailure).toBeGreaterThanOrEqual(2000);
    const failedRow = BEFORE + 6 + 1; // the header is row 1; month 6 is the worker's sixth row
    expect(report).toMatchObject({ status: 'failed', written: 0, rows: BEFORE + LAST_WORKER_MONTHS });
    expect(report.failure).toContain(`row ${failedRow}`);
    expect(report.failure).toContain('Nothing was written');
    expect(report.errors).toEqual([expect.objectContaining({ row: failedRow, code: 'EMPLOYMENT.MONTH_ALREADY_PAID' })]);
    // …and none of it is in the ledger: only the other writer's payment.
    expect(await wagesPaid()).toBe(1);
    expect((await t.get(`/v1/imports/${report.id}`).expect(200)).body.wrote).toEqual([]);

    // The fixed roster (without the month already paid) imports in full.
    const fixed = await importRoster('工资表-改.csv', roster(months.filter((m) => m !== 5)));
    expect(fixed).toMatchObject({ status: 'committed', rows: BEFORE + LAST_WORKER_MONTHS - 1 });
    expect(await wagesPaid()).toBe(1 + BEFORE + LAST_WORKER_MONTHS - 1);
    const paid = (await t.get(`/v1/employments/${lastWorker}`).expect(200)).body.payments as { period: string }[];
    expect(paid.map((p) => p.period).sort()).toEqual(months.map(monthOf));
  }, 300_000);

  it('ends failed with nothing written when the rows it wrote cannot be saved', async () => {
    const before = await wagesPaid();
    // From row 1,000 on, no written row can be saved: a constraint added for this test, then dropped.
    await db.query('alter table import_rows add constraint test_rows_unsaved check (row < 1000) not valid');
    const lines = ['户编号,姓名,月份,金额,发放日期'];
    for (let w = 1; w <= WORKERS; w++) {
      for (let m = 200; m < 260; m++)
        lines.push(`${REGISTRATION_NO},工人${w},${monthOf(m)},2000.00,${monthOf(m + 1)}-10`);
    }
    try {
      const report = await importRoster('工资表-存不下.csv', `${lines.join('\n')}\n`);
      expect(report).toMatchObject({ status: 'failed', written: 0, rows: WORKERS * 60 });
      expect(report.failure).toContain('test_rows_unsaved');
      expect((await t.get(`/v1/imports/${report.id}`).expect(200)).body.wrote).toEqual([]);
      expect(await wagesPaid()).toBe(before);
    } finally {
      await db.query('alter table import_rows drop constraint test_rows_unsaved');
    }
  });
});
