import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from './support/test-app';

const run = promisify(execFile);
const cliMain = join(__dirname, '..', 'dist/apps/ledger-cli/src/main.js');

/**
 * `ledger-cli import distributions <file> --distribution <id>`: a village collective's second
 * distribution paid from a roster on the command line, as the HTTP import does it (api.md part 2).
 */
describe('ledger-cli import distributions', () => {
  let t: TestApp;
  let dir: string;
  let distribution: { id: string; allocations: { householdId: string; amountFen: number }[] };
  const cli = (...args: string[]) =>
    run(process.execPath, [cliMain, ...args], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, LOG_LEVEL: 'silent' },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    t = await startTestApp();
    dir = await mkdtemp(join(tmpdir(), 'ledger-distributions-'));
    const place = { township: '石头镇', county: '英山县' };
    const collective = (
      await t.post('/v1/entities', { name: '石头村股份经济合作社', kind: 'village_collective', ...place }).expect(201)
    ).body.id as string;
    const complex = (await t.post('/v1/entities', { name: '桃花谷旅游综合体', kind: 'company', ...place }).expect(201))
      .body.id as string;
    const projectId = (
      await t
        .post('/v1/projects', { name: '桃花谷乡村旅游扶贫项目', industry: 'tourism', county: '英山县' })
        .expect(201)
    ).body.id as string;
    await t
      .post(`/v1/projects/${projectId}/funds`, {
        source: 'county',
        amountFen: 1_000_000_00,
        documentRef: '英财农〔2018〕30号',
        receivedOn: '2018-01-10',
      })
      .expect(201);
    await t
      .post(`/v1/projects/${projectId}/disbursements`, {
        entityId: complex,
        amountFen: 1_000_000_00,
        purpose: '建设游客中心',
        disbursedOn: '2018-01-20',
      })
      .expect(201);
    const households: string[] = [];
    for (const i of [1, 2]) {
      const body = { registrationNo: `cli-d-${i}`, headName: `户主${i}`, members: 3, village: '石头村', ...place };
      households.push((await t.post('/v1/households', body).expect(201)).body.id as string);
    }
    await t
      .post('/v1/stakes', {
        entityId: complex,
        collectiveId: collective,
        projectId,
        source: 'fiscal_fund',
        principalFen: 1_000_000_00,
        shares: 100,
        startsOn: '2018-01-20',
      })
      .expect(201);
    const declared = await t
      .post(`/v1/entities/${complex}/dividends`, {
        period: '2018',
        declaredOn: '2018-12-20',
        recordDate: '2018-12-20',
        poolFen: 10_000_00,
      })
      .expect(201);
    await t
      .post(`/v1/dividends/${declared.body.id}/payments`, {
        collectiveId: collective,
        amountFen: 10_000_00,
        paidOn: '2018-12-25',
      })
      .expect(201);
    distribution = (
      await t
        .post(`/v1/collectives/${collective}/distributions`, {
          period: '2018',
          declaredOn: '2018-12-28',
          poolFen: 10_000_00,
          basis: 'per_household',
          households: households.map((householdId) => ({ householdId })),
        })
        .expect(201)
    ).body as typeof distribution;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('needs --distribution, checks with --dry-run, then pays the roster once', async () => {
    const file = join(dir, '二次分配发放表.csv');
    // Each household's share is 5,000 yuan (1,000,000 fen over two).
    await writeFile(
      file,
      '户编号,金额,发放日期,凭证号\ncli-d-1,5000.00,2019-01-10,二次-1\ncli-d-2,5000.00,2019-01-10,二次-2\n',
    );
    expect(distribution.allocations.map((a) => a.amountFen)).toEqual([5_000_00, 5_000_00]);

    // Side by side where nothing is written: each run is mostly the CLI's own start.
    const [missing, misplaced] = await Promise.all([
      cli('import', 'distributions', file),
      cli('import', 'wages', file, '--entity', 'x', '--distribution', distribution.id),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--distribution');
    expect(misplaced.code).toBe(2);

    const dry = await cli('import', 'distributions', file, '--distribution', distribution.id, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ status: 'validated', rows: 2, accepted: 2, rejected: 0 });
    const committed = await cli('import', 'distributions', file, '--distribution', distribution.id);
    expect(committed.code).toBe(0);
    expect(committed.stdout).toContain('已导入');
    const [again, help] = await Promise.all([
      cli('import', 'distributions', file, '--distribution', distribution.id, '--json'),
      cli('import', '--help'),
    ]);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'duplicate' });
    expect(help.stdout).toContain('--distribution');
    // Every kind stands apart from its title, the longest included.
    expect(help.stdout).toMatch(/^ {2}loan-repayments +扶贫小额信贷还款清单/m);
    expect(help.stdout).toMatch(/^ {2}distributions +村集体二次分配发放表 --distribution ID/m);
  });
});
