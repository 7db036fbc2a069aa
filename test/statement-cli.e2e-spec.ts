import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pdfText } from '../libs/ledger/src/statements/printable/testing/pdf-text';
import { startTestApp, type TestApp } from './support/test-app';

const run = promisify(execFile);
const cliMain = join(__dirname, '..', 'dist/apps/ledger-cli/src/main.js');

/** `ledger-cli statement …` against the same database the API wrote, as a township clerk would run it. */
describe('ledger-cli statement', () => {
  let t: TestApp;
  let out: string;
  const cli = (...args: string[]) =>
    run(process.execPath, [cliMain, ...args], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    t = await startTestApp();
    out = await mkdtemp(join(tmpdir(), 'ledger-cards-'));
    const place = { village: '桃园村', township: '城关镇', county: '英山县' };
    const zhang = await t
      .post('/v1/households', { registrationNo: 'cli-1', headName: '张三', members: 4, ...place })
      .expect(201);
    await t.post('/v1/households', { registrationNo: 'cli-2', headName: '李四', members: 2, ...place }).expect(201);
    const factory = await t
      .post('/v1/entities', {
        name: '英山服装卫星工厂',
        kind: 'satellite_factory',
        township: '城关镇',
        county: '英山县',
      })
      .expect(201);
    const job = await t
      .post('/v1/employments', {
        entityId: factory.body.id,
        householdId: zhang.body.id,
        workerName: '张三',
        startsOn: '2018-01-01',
        wageBasis: 'monthly',
        rateFen: 200_000,
      })
      .expect(201);
    await t
      .post(`/v1/employments/${job.body.id}/payments`, { period: '2018-07', amountFen: 686_429, paidOn: '2018-08-05' })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    await rm(out, { recursive: true, force: true });
  });

  it('prints one household’s card by registration number, and verifies its code', async () => {
    const file = join(out, '张三-2018.pdf');
    const printed = await cli('statement', '--household', 'cli-1', '--year', '2018', '--out', file, '--json');
    expect(printed.code).toBe(0);
    const summary = JSON.parse(printed.stdout) as { code?: string; verificationCode?: string };
    const { text } = await pdfText(await readFile(file));
    expect(text).toContain('张三');
    expect(text).toContain('6,864.29');
    const code = summary.verificationCode ?? summary.code ?? /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(text)?.[0];
    expect(code).toBeDefined();
    // Independent runs side by side: each CLI start is mostly waiting for its own process and database.
    const [verified, unknown] = await Promise.all([
      cli('statement', 'verify', code!),
      cli('statement', 'verify', 'AAAA-BBBB-CCCC'),
    ]);
    expect(verified.code).toBe(0);
    expect(unknown.code).toBe(1);
  });

  it('prints a whole village, one PDF per household', async () => {
    const dir = join(out, 'village');
    const printed = await cli('statement', '--village', '桃园村', '--year', '2018', '--out', dir);
    expect(printed.code).toBe(0);
    expect((await readdir(dir)).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
  });

  it('prints a whole village as one PDF, a card per household in registration order, with progress', async () => {
    const file = join(out, '桃园村.pdf');
    const printed = await cli('statement', '--village', '桃园村', '--out', file, '--json');
    expect(printed.code).toBe(0);
    expect(printed.stderr).toMatch(/\[1\/2\] cli-1 张三/);
    expect(printed.stderr).toMatch(/\[2\/2\] cli-2 李四/);
    const summary = JSON.parse(printed.stdout) as { printed: { registrationNo: string; code: string }[] };
    expect(summary.printed.map((p) => p.registrationNo)).toEqual(['cli-1', 'cli-2']);
    const { pages } = await pdfText(await readFile(file));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('张三');
    expect(pages[0]).toContain(summary.printed[0].code);
    expect(pages[1]).toContain('李四');
    expect(pages[1]).toContain(summary.printed[1].code);
    // Each card is recorded and can be checked like any other.
    expect((await cli('statement', 'verify', summary.printed[1].code)).code).toBe(0);
  });

  it('serves a village’s cards as one PDF over HTTP, to an admin or the township’s clerk', async () => {
    const url = `/v1/villages/${encodeURIComponent('城关镇')}/${encodeURIComponent('桃园村')}/cards.pdf`;
    const binary = (req: ReturnType<TestApp['get']>) =>
      req.buffer(true).parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    const res = await binary(t.get(url)).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-statement-cards']).toBe('2');
    const { pages } = await pdfText(res.body as Buffer);
    expect(pages).toHaveLength(2);
    const clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    await binary(t.get(url, clerk)).expect(200);
    await t.get(url, await t.userToken({ role: 'clerk', townships: ['温泉镇'] })).expect(403);
    await t.get(url, await t.userToken({ role: 'auditor' })).expect(403);
    await t.get(`/v1/villages/${encodeURIComponent('城关镇')}/${encodeURIComponent('无此村')}/cards.pdf`).expect(404);
  });

  it('refuses usage errors with exit code 2', async () => {
    expect((await cli('statement', '--bogus')).code).toBe(2);
  });

  it('holds its arguments to the ledger’s input domain (exit 2 naming the flag)', async () => {
    const dir = out;
    const [asOf, year, village] = await Promise.all([
      cli(
        'statement',
        '--household',
        '421127010100101',
        '--as-of',
        '0000-01-01T00:00:00Z',
        '--out',
        join(dir, 'x.pdf'),
      ),
      cli('statement', '--village', '石头村', '--year', '9999', '--out', dir),
      cli('statement', '--village', '石头\u0001村', '--out', dir),
    ]);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toContain('--as-of');
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('--year');
    expect(village.code).toBe(2);
    expect(village.stderr).toContain('--village');
  });
});

/** Asking how to use the CLI needs no ledger: no database is started or touched, nothing is created. */
describe('ledger-cli --help', () => {
  it('lists the commands and exits 0, with no database and an empty data directory left empty', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'ledger-help-'));
    try {
      const env = { ...process.env, LEDGER_DATA_DIR: dataDir, DATABASE_URL: '' };
      const runs = await Promise.all(
        [['--help'], ['statement', '--help'], ['import', '--help']].map((args) =>
          run(process.execPath, [cliMain, ...args], { env }).catch(
            (e: { code: number; stdout: string; stderr: string }) => e,
          ),
        ),
      );
      for (const r of runs) {
        expect(r.stderr).toBe('');
        expect(r.stdout).toContain('Usage: ledger-cli');
      }
      expect(await readdir(dataDir)).toEqual([]);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
