import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@ledger/database';

const root = join(__dirname, '..');
const apiMain = join(root, 'dist/apps/ledger-api/src/main.js');
const cliMain = join(root, 'dist/apps/ledger-cli/src/main.js');

/** Services still running: a failed expectation must not leave one behind (it would hold jest open). */
const running = new Set<ChildProcess>();

/** The built service, started the way `npm start` starts it: no DATABASE_URL, embedded PostgreSQL. */
async function startService(
  dataDir: string,
  port: number,
): Promise<{ child: ChildProcess; output: () => string; readyMs: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LEDGER_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.LEDGER_ADMIN_TOKEN;
  const started = Date.now();
  const child = spawn(process.execPath, [apiMain], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited early with ${child.exitCode}:\n${output}`);
    if (Date.now() - started > 60_000) throw new Error(`service not healthy after 60 s:\n${output}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) return { child, output: () => output, readyMs: Date.now() - started };
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

describe('the service as `npm start` runs it', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-service-'));
  });
  afterAll(async () => {
    await Promise.all([...running].map((child) => stop(child, 'SIGKILL')));
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on an embedded database, prints an admin token, keeps data across restarts and stops cleanly', async () => {
    const port = await freePort();
    const first = await startService(dataDir, port);
    console.log(`first start healthy after ${first.readyMs} ms`);
    expect(first.readyMs).toBeLessThan(30_000);
    const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
    expect(first.output()).toContain(token);

    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', database: 'up' });

    const created = await fetch(`http://127.0.0.1:${port}/v1/households`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        registrationNo: 'restart-1',
        headName: '王五',
        members: 3,
        village: '桃园村',
        township: '城关镇',
        county: '英山县',
      }),
    });
    expect(created.status).toBe(201);
    const { id, position } = (await created.json()) as { id: string; position: number };

    // The CLI shares the running embedded server instead of starting a second one.
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [cliMain, ...args], {
        env: { ...process.env, DATABASE_URL: '', LEDGER_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
    const sealed = cli('seal', '--json');
    expect(sealed.status).toBe(0);
    expect(JSON.parse(sealed.stdout)).toMatchObject({ sealed: true, latest: { sealNo: 1 } });
    const verify = cli('verify', '--json');
    expect(verify.status).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({
      ok: true,
      seals: { sealsChecked: 1, unsealedEvents: 0, latestSeal: { upToPosition: position } },
    });

    expect(await stop(first.child)).toBe(0);

    const second = await startService(dataDir, port);
    console.log(`restart healthy after ${second.readyMs} ms`);
    expect(second.output()).not.toContain(token);
    const read = await fetch(`http://127.0.0.1:${port}/v1/households/${id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { position: number }).position).toBe(position);
    expect(await stop(second.child, 'SIGINT')).toBe(0);
  }, 180_000);
});
