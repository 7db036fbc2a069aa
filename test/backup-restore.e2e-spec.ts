import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@ledger/database';
import { copyPristineDataDir } from './support/pristine-cluster';
import { aHousehold, cliMain, startService, stopService, stopAllServices } from './support/service-process';

/**
 * The CLI as an operator runs it: the embedded database of `dataDir` (or none set at all), no
 * DATABASE_URL. Asynchronous, so that this process keeps serving its keep-alive sockets meanwhile.
 */
function cli(
  args: string[],
  { dataDir, cwd }: { dataDir?: string; cwd?: string } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.LEDGER_DATA_DIR;
  if (dataDir) env.LEDGER_DATA_DIR = dataDir;
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [cliMain, ...args],
      { env, cwd, encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('operating the ledger: data directory, backup and restore', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ledger-ops-'));
    // an ordinary place, reachable by the postgres account (root in a private one has its own test)
    await chmod(dir, 0o755);
  });
  afterAll(async () => {
    await stopAllServices();
    await rm(dir, { recursive: true, force: true });
  });

  it('the CLI refuses a folder with no ledger in it (one line, exit 2, nothing created) unless given --init', async () => {
    const wrong = await mkdtemp(join(dir, 'wrong-folder-'));
    await chmod(wrong, 0o755);
    const refused = await cli(['verify'], { cwd: wrong });
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('holds no ledger');
    expect(await readdir(wrong)).toEqual([]);

    const created = await cli(['verify', '--json', '--init'], { cwd: wrong });
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ ok: true, eventsChecked: 0 });
    expect(existsSync(join(wrong, '.data', 'database-secret'))).toBe(true);
    expect((await cli(['verify'], { cwd: wrong })).status).toBe(0); // now it holds one
  }, 120_000);

  it('backs up a running ledger, restores it into a new data directory, verifies it, answers the same, and goes on', async () => {
    const source = join(dir, 'source');
    // An empty cluster copied in, not made: the test above has the CLI make one, restore makes another.
    await copyPristineDataDir(source);
    const port = await freePort();
    const service = await startService(source, port);
    let token = (await readFile(join(source, 'admin-token'), 'utf8')).trim();
    const call = (p: number, path: string, init: RequestInit = {}) =>
      fetch(`http://127.0.0.1:${p}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
      });
    const created: { id: string; position: number }[] = [];
    for (let i = 0; i < 12; i++) {
      const answer = await call(port, '/v1/households', {
        method: 'POST',
        headers: { 'Idempotency-Key': `backup-${i}` },
        body: JSON.stringify(aHousehold(`backup-${i}`)),
      });
      expect(answer.status).toBe(201);
      created.push((await answer.json()) as { id: string; position: number });
    }
    const last = Math.max(...created.map((c) => c.position));
    expect((await cli(['seal'], { dataDir: source })).status).toBe(0);
    const listBefore = await (await call(port, `/v1/households?limit=50&minPosition=${last}`)).json();
    const oneBefore = await (await call(port, `/v1/households/${created[5].id}`)).json();

    const file = join(dir, 'ledger.backup');
    const backup = await cli(['backup', file, '--json'], { dataDir: source });
    expect(backup.stderr).toMatch(/^(backup: position \d+ of \d+\n)*$/); // progress only
    expect(backup.status).toBe(0);
    const backedUp = JSON.parse(backup.stdout) as { events: number; latestSeal: { hash: string } };
    console.log(`backed up ${backedUp.events} events, latest seal ${backedUp.latestSeal.hash}`);
    expect((await stat(file)).mode & 0o077).toBe(0);
    expect(await stopService(service.child)).toBe(0);

    const target = join(dir, 'restored');
    const restore = await cli(['restore', file], { dataDir: target });
    console.log(restore.stdout.trim());
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('every hash chain and seal verified');
    expect(restore.stdout).toContain(backedUp.latestSeal.hash);
    const verify = await cli(['verify', '--json'], { dataDir: target });
    expect(verify.status).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({
      ok: true,
      eventsChecked: backedUp.events,
      seals: { latestSeal: { hash: backedUp.latestSeal.hash } },
    });
    expect((await cli(['restore', file], { dataDir: target })).status).toBe(1); // never over a ledger

    const restored = await startService(target, port);
    // Secrets are not in a backup: the restored ledger's admin gets a token of its own (an event says so).
    const oldToken = token;
    token = (await readFile(join(target, 'admin-token'), 'utf8')).trim();
    expect(token).not.toBe(oldToken);
    expect(
      (await fetch(`http://127.0.0.1:${port}/v1/me`, { headers: { Authorization: `Bearer ${oldToken}` } })).status,
    ).toBe(401);
    expect(await (await call(port, `/v1/households?limit=50&minPosition=${last}`)).json()).toEqual(listBefore);
    expect(await (await call(port, `/v1/households/${created[5].id}`)).json()).toEqual(oneBefore);
    // the idempotency answers came along: a retry is recognised, not written twice
    const retried = await call(port, '/v1/households', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'backup-3' },
      body: JSON.stringify(aHousehold('backup-3')),
    });
    expect(((await retried.json()) as { id: string }).id).toBe(created[3].id);
    // and it goes on: a new write, projected
    const next = await call(port, '/v1/households', {
      method: 'POST',
      body: JSON.stringify(aHousehold('after-restore')),
    });
    expect(next.status).toBe(201);
    const { id, position } = (await next.json()) as { id: string; position: number };
    expect(position).toBeGreaterThan(last);
    const list = (await (await call(port, `/v1/households?limit=50&minPosition=${position}`)).json()) as {
      items: { id: string }[];
    };
    expect(list.items.map((h) => h.id)).toContain(id);
    expect(await stopService(restored.child)).toBe(0);
    expect((await cli(['verify'], { dataDir: target })).status).toBe(0);
  }, 240_000);
});
