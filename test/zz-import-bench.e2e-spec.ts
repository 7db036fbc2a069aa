import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from './support/test-app';

const cliMain = join(__dirname, '..', 'dist/apps/ledger-cli/src/main.js');
const WORKERS = Number(process.env.BENCH_WORKERS ?? 250);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 12);
const ROWS = WORKERS * MONTHS;
const no = (i: number) => `42112701${String(i).padStart(5, '0')}`;
const month = (m: number) => `${2010 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

function cli(url: string, dir: string, args: string[], extra: string[] = []): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, ...extra, cliMain, ...args], {
      env: { ...process.env, DATABASE_URL: url, LEDGER_DATA_DIR: dir, LOG_LEVEL: 'warn' },
      cwd: dir,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, out, err, ms: Date.now() - started }));
  });
}

describe('bench', () => {
  let t: TestApp;
  it('measures', async () => {
    t = await startTestApp();
    const dir = await mkdtemp(join(tmpdir(), 'bench-'));
    const entity = await t.post('/v1/entities', { name: '厂', kind: 'satellite_factory', township: '城关镇', county: '英山县' }).expect(201);
    for (let s = 0; s < WORKERS; s += 50) {
      await Promise.all(Array.from({ length: Math.min(50, WORKERS - s) }, async (_, k) => {
        const w = s + k;
        const h = await t.post('/v1/households', { registrationNo: no(w), headName: `户${w}`, members: 3, village: '村', township: '城关镇', county: '英山县' }).expect(201);
        await t.post('/v1/employments', { entityId: entity.body.id, householdId: h.body.id, workerName: `工人${w}`, startsOn: '2010-01-01', wageBasis: 'monthly', rateFen: 200000 }).expect(201);
      }));
    }
    const lines = ['户编号,姓名,月份,金额,发放日期'];
    for (let m = 0; m < MONTHS; m++) for (let w = 0; w < WORKERS; w++) lines.push(`${no(w)},工人${w},${month(m)},${1800 + (w % 400)}.5,${month(m)}-28`);
    const file = join(dir, 'w.csv');
    await writeFile(file, lines.join('\n') + '\n');
    const args = ['import', 'wages', file, '--entity', entity.body.id];
    const prof = process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [];
    const noop = await cli(t.databaseUrl, dir, ['import', 'template', 'wages']);
    const dry = await cli(t.databaseUrl, dir, [...args, '--dry-run'], prof);
    const commit = process.env.BENCH_COMMIT === '0' ? { ms: 0, out: '', err: '' } : await cli(t.databaseUrl, dir, args, prof);
    console.log(JSON.stringify({ rows: ROWS, startupMs: noop.ms, dry: { ms: dry.ms, out: dry.out.slice(0, 200), err: dry.err.slice(-300) }, commit: { ms: commit.ms, out: commit.out.slice(0, 200), err: commit.err.slice(-300) } }, null, 1));
    await t.close();
  }, 3_600_000);
});
