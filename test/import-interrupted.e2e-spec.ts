import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { Client } from 'pg';
import { InterruptedImports } from '../libs/ledger/src/imports/interrupted-imports';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support/test-app';

/**
 * An import whose process died (a crash, kill -9, a lost connection) used to stay `processing` for
 * ever. Its run holds a lock on its id for as long as it runs, so an import still `processing` whose
 * lock is free has provably no owner: the next start of the service, or the next read of the
 * import, marks it `failed`, and importing the same file again resumes and commits it. One whose
 * run is alive stays `processing`.
 */
describe('an import interrupted by a crash', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
  });
  afterAll(() => t.close());

  const roster = Buffer.from(
    '\uFEFF户编号,户主姓名,人口,村,乡镇,县区\r\n421127010109901,张一,3,桃园村,城关镇,英山县\r\n421127010109902,李二,4,桃园村,城关镇,英山县\r\n',
    'utf8',
  );
  const sha256 = createHash('sha256').update(roster).digest('hex');

  /** What a process killed mid-run leaves behind: the record, `processing`, and nobody running it. */
  async function leftBehind(id: string, phase: 'validating' | 'writing'): Promise<void> {
    const admin = (await t.get('/v1/me').expect(200)).body as { id: string };
    const client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    await client.query(
      `insert into imports (id, caller_id, caller_role, kind, params, params_key, dry_run, file_name, sha256, status, phase)
       values ($1, $2, 'admin', 'households', '{}', '', false, 'roster.csv', $3, 'processing', $4)`,
      [id, admin.id, sha256, phase],
    );
    await client.end();
  }

  const crashedAtStart = `import-${randomUUID()}`;
  const ownerAlive = `import-${randomUUID()}`;

  it('becomes failed at the next start of the service', async () => {
    await leftBehind(crashedAtStart, 'writing');
    await t.app.get(InterruptedImports).onApplicationBootstrap();
    const res = await t.get(`/v1/imports/${crashedAtStart}`).expect(200);
    expect(res.body).toMatchObject({ status: 'failed', failure: expect.stringContaining('interrupted') as unknown });
  });

  it('stays processing while its run is alive, and becomes failed when read once its owner is gone', async () => {
    await leftBehind(ownerAlive, 'validating');
    // A live run: a session holding the import's lock, as the importer's run does.
    const owner = new Client({ connectionString: t.databaseUrl });
    owner.on('error', () => undefined);
    await owner.connect();
    await owner.query('select pg_advisory_lock(hashtextextended($1, 0))', [`import-run\u001f${ownerAlive}`]);
    await t.app.get(InterruptedImports).onApplicationBootstrap();
    expect((await t.get(`/v1/imports/${ownerAlive}`).expect(200)).body.status).toBe('processing');
    await owner.end(); // the owner's process dies
    const res = await t.get(`/v1/imports/${ownerAlive}`).expect(200);
    expect(res.body).toMatchObject({ status: 'failed' });
    process.stdout.write(`an orphaned import, read: ${res.body.status} (${res.body.failure})\n`);
  });

  it('can be run again: the same file resumes the failed import and commits it', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/v1/imports?kind=households&dryRun=false')
      .set('Authorization', `Bearer ${ADMIN_TOKEN}`)
      .attach('file', roster, 'roster.csv')
      .expect(201);
    expect(res.body).toMatchObject({ status: 'committed', rows: 2, accepted: 2 });
    expect(res.body.id).toBe(crashedAtStart);
    const list = await t.get(`/v1/households?q=421127010109901&minPosition=${res.body.position}`).expect(200);
    expect(list.body.items).toHaveLength(1);
  });
});
