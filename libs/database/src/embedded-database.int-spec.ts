import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DATABASE_SECRET_FILE, NoLedgerError, startEmbeddedDatabase } from './embedded-database';
import { postgresAccount } from './embedded/postgres-account';
import { placeEmbeddedDatabase } from './embedded/placement';
import { runToEnd, type Program } from './embedded/postgres-process';

const query = async (url: string, sql: string) => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
};

/** Connecting with a password that is not the secret must fail, whatever the listening address. */
const refused = async (url: string, password: string) => {
  const parsed = new URL(url);
  parsed.password = password;
  const client = new Client({ connectionString: parsed.toString() });
  client.on('error', () => undefined);
  await expect(client.connect()).rejects.toThrow(/password authentication failed/);
};

describe('the embedded database', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ledger-embedded-'));
    // an ordinary checkout's parent: searchable by others (the private case has its own test)
    await chmod(dir, 0o755);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('given a cluster made with the old constant password, it starts with a new random secret and the old password stops working', async () => {
    // what earlier versions made: initdb with a fixed password, password login
    const dataDir = join(dir, 'data');
    await mkdir(dataDir);
    const account = postgresAccount();
    const { nativeDir, clusterDir } = await placeEmbeddedDatabase(dataDir, account);
    const program: Program = { nativeDir, account };
    const legacy = 'legacy-constant';
    const pwfile = join(dataDir, 'pw');
    await writeFile(pwfile, `${legacy}\n`, { mode: 0o644 });
    await mkdir(clusterDir, { mode: 0o700 });
    if (account.switched) {
      const { chown } = await import('node:fs/promises');
      await chown(clusterDir, account.uid, account.gid);
      await chown(pwfile, account.uid, account.gid);
    }
    await runToEnd(program, 'initdb', [
      `--pgdata=${clusterDir}`,
      '--auth=password',
      '--username=postgres',
      `--pwfile=${pwfile}`,
    ]);
    await runToEnd(
      program,
      'postgres',
      ['--single', '-D', clusterDir, 'postgres'],
      "create table kept (note text);\ninsert into kept values ('from before');\n",
    );

    const db = await startEmbeddedDatabase({ dataDir });
    try {
      const secretFile = join(dataDir, DATABASE_SECRET_FILE);
      expect((await stat(secretFile)).mode & 0o777).toBe(0o600);
      const secret = (await readFile(secretFile, 'utf8')).trim();
      expect(secret).toHaveLength(43);
      expect(db.url).not.toContain(legacy);
      expect(await query(db.url, 'select note from kept')).toEqual([{ note: 'from before' }]);
      await refused(db.url, legacy);
    } finally {
      await db.stop();
    }
  }, 60_000);

  it('given a data directory too deep for a Unix socket, it listens on 127.0.0.1 and only the secret gets in', async () => {
    const dataDir = join(dir, 'd'.repeat(60), 'e'.repeat(40));
    const db = await startEmbeddedDatabase({ dataDir });
    try {
      expect(db.url).toMatch(/@127\.0\.0\.1:\d+\//);
      expect(await query(db.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      await refused(db.url, 'guess');
      // a second process (the CLI) joins the running server with the same secret
      const joined = await startEmbeddedDatabase({ dataDir, create: false });
      expect(joined.url).toBe(db.url);
    } finally {
      await db.stop();
    }
  }, 60_000);

  it('given root in a private directory (mode 0700), it keeps the cluster where PostgreSQL’s account can reach it, one per data directory', async () => {
    if (process.getuid?.() !== 0)
      return console.log('not root: PostgreSQL runs as this user, nothing to place elsewhere');
    await chmod(dir, 0o700);
    const [a, b] = [join(dir, 'checkout-a', '.data'), join(dir, 'checkout-b', '.data')];
    const first = await startEmbeddedDatabase({ dataDir: a });
    const second = await startEmbeddedDatabase({ dataDir: b });
    try {
      console.log(`clusters: ${first.clusterDir}, ${second.clusterDir}`);
      expect(first.clusterDir).not.toBe(second.clusterDir);
      expect(first.clusterDir.startsWith(dir)).toBe(false);
      expect((await readFile(join(a, 'cluster-location'), 'utf8')).split('\n')[0]).toBe(first.clusterDir);
      expect(await query(first.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      expect(await query(second.url, 'select 2 as two')).toEqual([{ two: 2 }]);
    } finally {
      await Promise.all([first.stop(), second.stop()]);
      await Promise.all([first, second].map((d) => rm(join(d.clusterDir, '..'), { recursive: true, force: true })));
    }
  }, 90_000);

  it('given a data directory that holds no ledger and no leave to create one, it refuses and creates nothing', async () => {
    const dataDir = join(dir, 'wrong-folder');
    await expect(startEmbeddedDatabase({ dataDir, create: false })).rejects.toThrow(NoLedgerError);
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  });
});
