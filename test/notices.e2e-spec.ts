import { addDays, dateInChina } from '../libs/ledger/src/primitives/calendar';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A village's dividend list posted (公示), objected to while it holds the payments, the objection
 * upheld and the list corrected by a further declaration with its own notice, closed, paid; then a
 * household's acknowledgement of its card: accepted, refused once a later payment changed the total,
 * and a dispute that opens a grievance a clerk answers.
 */
describe('public notices, objections and acknowledgements over HTTP', () => {
  let t: TestApp;
  let clerk: string; // 城关镇
  let otherClerk: string; // 温泉镇
  let zhangUser: string;
  let wangUser: string;
  const ids: Record<'zhang' | 'li' | 'wang' | 'entity', string> = { zhang: '', li: '', wang: '', entity: '' };
  const today = dateInChina(new Date());

  const register = async (registrationNo: string, headName: string, village: string) =>
    (
      await t
        .post('/v1/households', { registrationNo, headName, members: 3, village, township: '城关镇', county: '英山县' })
        .expect(201)
    ).body.id as string;
  const stake = (householdId: string, shares: number) =>
    t
      .post('/v1/stakes', {
        entityId: ids.entity,
        householdId,
        source: 'cash',
        principalFen: shares * 100_00,
        shares,
        startsOn: '2018-01-01',
      })
      .expect(201);
  const pay = (declarationId: string, householdId: string, amountFen: number, paidOn = '2018-12-28') =>
    t.post(`/v1/dividends/${declarationId}/payments`, { householdId, amountFen, paidOn }, clerk);
  const notice = (declarationId: string, opensOn: string, closesOn: string) =>
    t.post(
      '/v1/notices',
      {
        village: '桃园村',
        township: '城关镇',
        title: '桃园村2018年合作社分红公示',
        subject: { declarationId },
        opensOn,
        closesOn,
      },
      clerk,
    );

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    ids.zhang = await register('421127010100101', '张三明', '桃园村');
    ids.li = await register('421127010100102', '李四', '桃园村');
    ids.wang = await register('421127010200103', '王五', '杏花村');
    ids.entity = (
      await t
        .post('/v1/entities', { name: '桃园村果业合作社', kind: 'cooperative', township: '城关镇', county: '英山县' })
        .expect(201)
    ).body.id as string;
    await stake(ids.zhang, 10);
    await stake(ids.li, 20);
    await stake(ids.wang, 30);
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    otherClerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    zhangUser = await t.userToken({ role: 'household', householdId: ids.zhang });
    wangUser = await t.userToken({ role: 'household', householdId: ids.wang });
  });
  afterAll(async () => {
    await t.close();
  });

  it('posts a list, holds its payments through an objection, and pays once the corrected list has closed', async () => {
    const declared = await t
      .post(`/v1/entities/${ids.entity}/dividends`, {
        period: '2018',
        declaredOn: '2018-12-20',
        recordDate: '2018-12-15',
        poolFen: 6_000_00,
      })
      .expect(201);
    const declarationId = declared.body.id as string;

    // A window shorter than seven days is refused, naming closesOn.
    const short = await notice(declarationId, addDays(today, -5), today).expect(422);
    expect(short.body).toMatchObject({ code: 'NOTICE.WINDOW_TOO_SHORT', field: 'closesOn' });
    await t
      .post('/v1/notices', {
        village: '桃园村',
        township: '城关镇',
        title: 'x',
        subject: {},
        opensOn: today,
        closesOn: today,
      })
      .expect(400);
    await notice(declarationId, addDays(today, -6), today).set('Authorization', `Bearer ${otherClerk}`).expect(403);

    // The clerk previews the rows before posting; nothing is recorded.
    const preview = await t
      .get(
        `/v1/notices/preview?village=${encodeURIComponent('桃园村')}&township=${encodeURIComponent('城关镇')}&declarationId=${declarationId}`,
        clerk,
      )
      .expect(200);
    expect(preview.body.rows).toHaveLength(2);

    // Open through today: the rows are frozen, masked, this village's only.
    const posted = await notice(declarationId, addDays(today, -6), today).expect(201);
    const noticeId = posted.body.id as string;
    expect(posted.body.rows).toEqual([
      { rowId: 'r1', household: { maskedName: '张*明', maskedRegistrationNo: '***********0101' }, amountFen: 1_000_00 },
      { rowId: 'r2', household: { maskedName: '李*', maskedRegistrationNo: '***********0102' }, amountFen: 2_000_00 },
    ]);

    // The hold: the village's households are not paid on the declaration; another village's are.
    const held = await pay(declarationId, ids.zhang, 1_000_00).expect(422);
    expect(held.body.type).toMatch(/notice-hold$/);
    expect(held.body.noticeId).toBe(noticeId);
    await pay(declarationId, ids.wang, 3_000_00).expect(201);
    // A roster import obeys the hold too: the row is refused, nothing is written.
    const roster = await t.http
      .post(`/v1/imports?kind=dividends&dryRun=false&declarationId=${declarationId}`)
      .set('Authorization', `Bearer ${clerk}`)
      .attach('file', Buffer.from('户编号,金额,发放日期\n421127010100102,2000.00,2018-12-28\n', 'utf8'), 'roster.csv');
    expect(roster.body).toMatchObject({ status: 'rejected', rejected: 1 });
    expect(roster.body.errors[0].message).toContain(noticeId);

    // Objections: 王 lives in another village (403); 张 objects to its own row.
    await t.post(`/v1/notices/${noticeId}/objections`, { text: '我要提异议' }, wangUser).expect(403);
    await t.post(`/v1/notices/${noticeId}/objections`, { rowId: 'r9', text: '无此行' }, clerk).expect(422);
    const objected = await t
      .post(
        `/v1/notices/${noticeId}/objections`,
        { rowId: 'r1', text: '我家入股是15股，名单上按10股分。', contact: '13800001234' },
        zhangUser,
      )
      .expect(201);
    expect(objected.body.id).toBe(`${noticeId}.o1`);

    const read = await t.get(`/v1/notices/${noticeId}`, clerk).expect(200);
    expect(read.body).toMatchObject({ status: 'open', objections: { open: 1, upheld: 0, rejected: 0 } });
    expect((await t.get(`/v1/notices/${noticeId}/objections`, clerk).expect(200)).body.items).toEqual([
      expect.objectContaining({ id: `${noticeId}.o1`, rowId: 'r1', status: 'open', contact: '13800001234' }),
    ]);

    // The printable notice: no token, masked data only, readable Chinese.
    const html = await t.http.get(`/v1/notices/${noticeId}.html`).expect(200);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.text).toContain('张*明');
    expect(html.text).not.toContain('张三明');
    expect(html.text).toContain('1,000.00');
    expect(html.text).toContain('12317');

    // Upheld; answered once only. The notice still holds the list until it has closed.
    await t
      .post(
        `/v1/objections/${noticeId}.o1/resolution`,
        { outcome: 'upheld', response: '经核实属实，已补登5股并追加分红，重新公示。' },
        otherClerk,
      )
      .expect(403);
    await t
      .post(
        `/v1/objections/${noticeId}.o1/resolution`,
        { outcome: 'upheld', response: '经核实属实，已补登5股并追加分红，重新公示。' },
        clerk,
      )
      .expect(201);
    await t
      .post(`/v1/objections/${noticeId}.o1/resolution`, { outcome: 'rejected', response: '再答一次' }, clerk)
      .expect(422);
    expect((await pay(declarationId, ids.li, 2_000_00).expect(422)).body.noticeId).toBe(noticeId);

    // The correction as the ledger makes it: the missing shares recorded, a further (补充) declaration.
    await stake(ids.zhang, 5);
    const further = await t
      .post(`/v1/entities/${ids.entity}/dividends`, {
        period: '2018',
        declaredOn: '2018-12-21',
        recordDate: '2018-12-15',
        poolFen: 650_00,
        supplementary: true,
      })
      .expect(201);
    const furtherId = further.body.id as string;
    // Its notice was on the wall for seven days already (recorded afterwards): closed, nothing objected.
    const second = await notice(furtherId, addDays(today, -10), addDays(today, -3)).expect(201);
    expect(second.body.rows.map((r: { amountFen: number }) => r.amountFen)).toEqual([50_00 + 100_00, 200_00]);
    const closed = await t.get(`/v1/notices/${second.body.id as string}`, zhangUser).expect(200);
    expect(closed.body.status).toBe('closed');
    await t.post(`/v1/notices/${second.body.id as string}/objections`, { text: '太晚了' }, zhangUser).expect(422);
    await pay(furtherId, ids.zhang, 150_00).expect(201);

    const list = await t
      .get(
        `/v1/notices?township=${encodeURIComponent('城关镇')}&village=${encodeURIComponent('桃园村')}&limit=1&minPosition=${second.body.position as number}`,
        clerk,
      )
      .expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.nextCursor).toEqual(expect.any(String));
    expect(list.body.totals).toEqual({ notices: 2, rows: 4, totalFen: 3_000_00 + 350_00, openObjections: 0 });
    // By the year a notice opened (issue 18).
    const place = `township=${encodeURIComponent('城关镇')}&village=${encodeURIComponent('桃园村')}`;
    const every = (await t.get(`/v1/notices?${place}&limit=100`, clerk).expect(200)).body.items as {
      opensOn: string;
    }[];
    const year = today.slice(0, 4);
    const ofYear = (await t.get(`/v1/notices?${place}&year=${year}&limit=100`, clerk).expect(200)).body;
    expect(ofYear.totals.notices).toBe(every.filter((n) => n.opensOn.startsWith(year)).length);
    expect(ofYear.items.every((n: { opensOn: string }) => n.opensOn.startsWith(year))).toBe(true);
    expect((await t.get(`/v1/notices?${place}&year=2001`, clerk).expect(200)).body.totals.notices).toBe(0);
    const badYear = await t.get(`/v1/notices?year=1999`, clerk).expect(400);
    expect(badYear.body.errors).toEqual([expect.objectContaining({ path: 'year' })]);
    const csv = await t
      .get(`/v1/notices?township=${encodeURIComponent('城关镇')}`, clerk)
      .set('Accept', 'text/csv')
      .expect(200);
    expect(csv.text.split('\n')[0]).toContain(
      'id,township,village,title,subject,opensOn,closesOn,status,rowCount,totalFen',
    );
    expect(csv.text).toContain('桃园村2018年合作社分红公示');
  });

  it('accepts an acknowledgement, refuses one whose figures changed, and answers a dispute as a grievance', async () => {
    const through = '2018-12-31';
    const before = await t.get(`/v1/households/${ids.wang}/statement?to=${through}`, wangUser).expect(200);
    const totalFen = before.body.totalFen as number;
    expect(totalFen).toBe(3_000_00);
    const ack = { through, totalFen, method: 'online', acknowledgedOn: today };

    const confirmed = await t.post(`/v1/households/${ids.wang}/acknowledgements`, ack, wangUser).expect(201);
    await t.post(`/v1/households/${ids.zhang}/acknowledgements`, ack, wangUser).expect(403);
    const statement = await t
      .get(`/v1/households/${ids.wang}/statement?minPosition=${confirmed.body.position as number}`, wangUser)
      .expect(200);
    expect(statement.body.acknowledgement).toEqual({
      id: confirmed.body.id,
      through,
      totalFen,
      method: 'online',
      acknowledgedOn: today,
      disputed: false,
    });

    // A later payment (the further declaration, 杏花村 holds nothing) changes the total: print again.
    const further = (await t.get(`/v1/households/${ids.wang}/statement`, clerk).expect(200)).body;
    expect(further.totalFen).toBe(3_000_00);
    const declarations = await t.get(`/v1/entities/${ids.entity}/obligations`, clerk).expect(200);
    const owedWang = (
      declarations.body.items as { householdId: string; linkageId: string; outstandingFen: number }[]
    ).find((i) => i.householdId === ids.wang && i.outstandingFen > 0)!;
    await pay(owedWang.linkageId, ids.wang, owedWang.outstandingFen).expect(201);
    const changed = await t.post(`/v1/households/${ids.wang}/acknowledgements`, ack, clerk).expect(422);
    expect(changed.body).toMatchObject({ code: 'ACKNOWLEDGEMENT.FIGURES_CHANGED', field: 'totalFen' });

    // A dispute with the figures as they stand: a grievance, answered like an objection.
    const disputed = await t
      .post(
        `/v1/households/${ids.wang}/acknowledgements`,
        { ...ack, totalFen: totalFen + owedWang.outstandingFen, disputed: true, comment: '追加分红的金额不对。' },
        wangUser,
      )
      .expect(201);
    const grievanceId = disputed.body.id as string;
    expect((await t.get(`/v1/households/${ids.wang}/grievances`, wangUser).expect(200)).body.items).toEqual([
      expect.objectContaining({ id: grievanceId, status: 'open', disputed: true, comment: '追加分红的金额不对。' }),
    ]);
    await t
      .post(
        `/v1/objections/${grievanceId}/resolution`,
        { outcome: 'rejected', response: '按股份比例计算无误，已当面解释。' },
        wangUser,
      )
      .expect(403);
    await t
      .post(
        `/v1/objections/${grievanceId}/resolution`,
        { outcome: 'rejected', response: '按股份比例计算无误，已当面解释。' },
        clerk,
      )
      .expect(201);
    expect((await t.get(`/v1/households/${ids.wang}/grievances`, clerk).expect(200)).body.items).toEqual([
      expect.objectContaining({ id: grievanceId, status: 'rejected', response: '按股份比例计算无误，已当面解释。' }),
    ]);
    await t
      .post(
        `/v1/objections/notice-00000000-0000-4000-8000-000000000000.o1/resolution`,
        { outcome: 'rejected', response: 'x' },
        clerk,
      )
      .expect(404);
  });
  it('never lets a payment slip past a notice posted at the same moment (20 races)', async () => {
    let paidFirst = 0;
    let held = 0;
    for (let round = 0; round < 20; round++) {
      const entity = (
        await t
          .post('/v1/entities', {
            name: `桃园村合作社${round}`,
            kind: 'cooperative',
            township: '城关镇',
            county: '英山县',
          })
          .expect(201)
      ).body.id as string;
      await t
        .post('/v1/stakes', {
          entityId: entity,
          householdId: ids.li,
          source: 'cash',
          principalFen: 100_00,
          shares: 1,
          startsOn: '2018-01-01',
        })
        .expect(201);
      const declarationId = (
        await t
          .post(`/v1/entities/${entity}/dividends`, {
            period: '2018',
            declaredOn: '2018-12-20',
            recordDate: '2018-12-15',
            poolFen: 100_00,
          })
          .expect(201)
      ).body.id as string;
      const [payment, posted] = await Promise.all([
        pay(declarationId, ids.li, 100_00),
        notice(declarationId, addDays(today, -6), today),
      ]);
      expect(posted.status).toBe(201);
      if (payment.status === 201) {
        // Decided before the hold was recorded: its event comes before the hold in the declaration's stream.
        expect(payment.body.position).toBeLessThan(posted.body.position);
        paidFirst++;
      } else {
        expect(payment.status).toBe(422);
        expect(payment.body.noticeId).toBe(posted.body.id);
        held++;
      }
    }
    expect(paidFirst + held).toBe(20);
  });
  it('answers bad input with 400 naming every field', async () => {
    const paths = async (res: Promise<{ status: number; body: { errors?: { path: string }[] } }>) => {
      const { status, body } = await res;
      expect(status).toBe(400);
      return (body.errors ?? []).map((e) => e.path).sort();
    };
    expect(
      await paths(
        t.post('/v1/notices', {
          village: '桃园村',
          township: '城关镇',
          title: '',
          subject: { period: '2018-H3' },
          opensOn: '2018-02-30',
          closesOn: '2018-03-07',
          extra: 1,
        }),
      ),
    ).toEqual(expect.arrayContaining(['extra', 'opensOn', 'subject.period', 'title']));
    expect(
      await paths(
        t.post('/v1/notices/notice-00000000-0000-4000-8000-000000000000/objections', { rowId: 'x', text: ' ' }),
      ),
    ).toEqual(['rowId', 'text']);
    expect(
      await paths(
        t.post(`/v1/objections/notice-00000000-0000-4000-8000-000000000000.o1/resolution`, { outcome: 'maybe' }),
      ),
    ).toEqual(['outcome', 'response']);
    expect(
      await paths(
        t.post(`/v1/households/${ids.zhang}/acknowledgements`, {
          through: '2018-13-01',
          totalFen: -1,
          method: 'fax',
          acknowledgedOn: '2019-01-01',
          disputed: 'yes',
        }),
      ),
    ).toEqual(['disputed', 'method', 'through', 'totalFen']);
  });
});
