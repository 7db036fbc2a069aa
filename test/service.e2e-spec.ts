import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@ledger/database';
import { cliMain, startService, stopService as stop, stopAllServices } from './support/service-process';

describe('the service as `npm start` runs it', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ledger-service-'));
  });
  afterAll(async () => {
    await stopAllServices();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on an embedded database, prints an admin token, keeps data across restarts and stops cleanly', async () => {
    const port = await freePort();
    const first = await startService(dataDir, port);
    console.log(`first start healthy after ${first.readyMs} ms`);
    expect(first.readyMs).toBeLessThan(30_000);
    const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
    expect(first.output()).toContain(token);

    // Only the ledger can write: the secret is the ledger's alone, the server listens on a socket in its
    // private cluster directory and on no TCP address, and the old constant password no longer opens it.
    expect((await stat(join(dataDir, 'database-secret'))).mode & 0o777).toBe(0o600);
    const lock = (await readFile(join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n');
    expect(lock[4].trim()).toBe(join(dataDir, 'pg'));
    expect(lock[5].trim()).toBe('');
    expect((await stat(join(dataDir, 'pg'))).mode & 0o077).toBe(0);
    const intruder = new Client({ host: lock[4].trim(), port: 5432, user: 'postgres', password: 'ledger-local' });
    intruder.on('error', () => undefined);
    await expect(intruder.connect()).rejects.toThrow(/password authentication failed/);

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
