import { startTestApp, type TestApp } from './support/test-app';

const zhang = {
  registrationNo: '421127010100101',
  headName: '张三',
  members: 4,
  village: '桃园村',
  township: '城关镇',
  county: '英山县',
};

describe('households over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
  });
  afterAll(() => t.close());

  it('registers a household once and reads it back', async () => {
    const created = await t.post('/v1/households', zhang).expect(201);
    expect(created.body).toEqual({ id: expect.stringMatching(/^household-/), position: expect.any(Number) });
    const read = await t.get(`/v1/households/${created.body.id}`).expect(200);
    expect(read.body).toMatchObject({ ...zhang, id: created.body.id, status: 'enrolled' });

    const again = await t.post('/v1/households', { ...zhang, headName: '李四' }).expect(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body).toMatchObject({ status: 409, code: 'HOUSEHOLD.REGISTRATION_NO_TAKEN' });
  });

  it('refuses bad input naming every field, and writes nothing', async () => {
    const res = await t
      .post('/v1/households', {
        registrationNo: '999',
        headName: '',
        members: 2.5,
        village: 1,
        township: '城关镇',
        county: '英山县',
        extra: true,
      })
      .expect(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['extra', 'headName', 'members', 'village']));
    await t.post('/v1/households', { ...zhang, registrationNo: '999' }).expect(201);
  });

  it('refuses malformed JSON with a problem', async () => {
    const res = await t.http
      .post('/v1/households')
      .set({ Authorization: 'Bearer admin-token-for-tests-0123456789', 'Content-Type': 'application/json' })
      .send('{"registrationNo": ')
      .expect(400);
    expect(res.body).toMatchObject({ status: 400, errors: [{ path: 'body' }] });
  });

  it('answers 401 without a token and 404 for an unknown or malformed id', async () => {
    await t.http.get('/v1/households/x').expect(401);
    await t.get('/v1/households/not-an-id').expect(404);
    await t.get('/v1/households/household-00000000-0000-5000-8000-000000000000').expect(404);
  });

  it('records a status change, and refuses an unchanged one', async () => {
    const { body } = await t.post('/v1/households', { ...zhang, registrationNo: 'status-1' }).expect(201);
    await t
      .post(`/v1/households/${body.id}/status`, {
        status: 'exited',
        effectiveOn: '2018-12-31',
        reason: '人均收入超过标准',
      })
      .expect(201);
    const read = await t.get(`/v1/households/${body.id}`).expect(200);
    expect(read.body.status).toBe('exited');
    const again = await t
      .post(`/v1/households/${body.id}/status`, { status: 'exited', effectiveOn: '2019-01-31', reason: 'x' })
      .expect(422);
    expect(again.body.code).toBe('HOUSEHOLD.STATUS_UNCHANGED');
    await t
      .post(`/v1/households/${body.id}/status`, { status: 'gone', effectiveOn: '2019-02-30', reason: 'x' })
      .expect(400);
  });

  it('lets a clerk write only in their townships, and an auditor not at all', async () => {
    const clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    const auditor = await t.userToken({ role: 'auditor' });
    await t.post('/v1/households', { ...zhang, registrationNo: 'c-1' }, clerk).expect(201);
    await t.post('/v1/households', { ...zhang, registrationNo: 'c-2', township: '温泉镇' }, clerk).expect(403);
    await t.post('/v1/households', { ...zhang, registrationNo: 'c-3' }, auditor).expect(403);
  });

  it('replays an idempotent request and refuses the key with another body', async () => {
    const key = { 'Idempotency-Key': 'register-zhang-once' };
    const first = await t.post('/v1/households', { ...zhang, registrationNo: 'idem-1' }, undefined, key).expect(201);
    const replay = await t.post('/v1/households', { ...zhang, registrationNo: 'idem-1' }, undefined, key).expect(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const other = await t.post('/v1/households', { ...zhang, registrationNo: 'idem-2' }, undefined, key).expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('lists the register a page at a time, filtered by place and name, within the caller’s townships', async () => {
    let position = 0;
    for (let n = 1; n <= 5; n++) {
      const res = await t
        .post('/v1/households', { ...zhang, registrationNo: `list-${n}`, headName: `列表${n}`, village: '杏花村' })
        .expect(201);
      position = res.body.position;
    }
    const first = await t.get(`/v1/households?village=杏花村&limit=2&minPosition=${position}`).expect(200);
    expect(first.body.items.map((h: { registrationNo: string }) => h.registrationNo)).toEqual(['list-1', 'list-2']);
    // Every page says how many match in all, so a search is never silently capped at its first page.
    expect(first.body.total).toBe(5);
    const second = await t.get(`/v1/households?village=杏花村&limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items.map((h: { registrationNo: string }) => h.registrationNo)).toEqual(['list-3', 'list-4']);
    const third = await t.get(`/v1/households?village=杏花村&limit=2&cursor=${second.body.nextCursor}`).expect(200);
    expect(third.body.items.map((h: { registrationNo: string }) => h.registrationNo)).toEqual(['list-5']);
    expect(third.body.nextCursor).toBeUndefined();
    expect(third.body.total).toBe(5);

    const named = await t.get('/v1/households?q=列表3').expect(200);
    expect(named.body.items).toEqual([
      expect.objectContaining({ registrationNo: 'list-3', headName: '列表3', status: 'enrolled' }),
    ]);
    const elsewhere = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    expect((await t.get('/v1/households?village=杏花村', elsewhere).expect(200)).body).toEqual({ items: [], total: 0 });
    await t.get('/v1/households?cursor=nonsense').expect(400);
    await t.get('/v1/households?limit=0').expect(400);
    await t.get('/v1/households?sort=total').expect(400);
  });

  it('verifies the log for auditors and admins only', async () => {
    const res = await t.get('/v1/audit/verify').expect(200);
    expect(res.body).toMatchObject({ ok: true, seals: { sealsChecked: 0 } });
    expect(res.body.eventsChecked).toBeGreaterThan(5);
    expect(res.body.seals.unsealedEvents).toBe(res.body.eventsChecked);
    const auditor = await t.userToken({ role: 'auditor' });
    await t.get('/v1/audit/verify', auditor).expect(200);
    const clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    await t.get('/v1/audit/verify', clerk).expect(403);
  });
});
