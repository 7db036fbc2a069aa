import { createHash, randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { eventsToAppend } from '../libs/ledger/src/common/stream-writer';
import { admin, metadataFor } from '../libs/ledger/src/common/testing/actors';
import type { BankFileReconciled } from '../libs/ledger/src/reconciliations/reconciliation.events';
import * as iconv from 'iconv-lite';
import request from 'supertest';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support/test-app';

/**
 * The bank's file reconciled over HTTP (银行对账): a township pays four households' rents; the
 * bank's file (GBK once, UTF-8 once) says one was returned (退回), one was credited with another
 * amount, one row the ledger lacks, and leaves one payment out. Reconciled, the returns applied
 * twice (recorded once), the returned rent owed again until it is reissued from its row.
 */
describe('reconciliation of a bank file over HTTP', () => {
  let t: TestApp;
  let clerk: string; // 城关镇
  let otherClerk: string; // 温泉镇
  let auditor: string;
  let householdUser: string;
  let entityId: string;
  const households: Record<string, string> = {};
  const leases: Record<string, string> = {};
  const payments: Record<string, string> = {};
  let lastPosition = 0;

  /** 王五 credited, 张三明 returned, 李四 credited with 10 yuan less, a row nobody paid; 赵六 absent. */
  const BANK_FILE = [
    '凭证号,金额,日期,状态,户编号',
    'PZ-1,"2,000.00",2018-02-01,成功,rc-001',
    'PZ-2,2000,2018/2/3,退回,rc-002',
    'PZ-3,1990.00,2018-02-01,成功,rc-003',
    'YH-99,500.5,2018-02-02,成功,rc-404',
    '',
  ].join('\r\n');

  const upload = (query: string, body: Buffer, fileName: string, token = ADMIN_TOKEN): request.Test =>
    request(t.app.getHttpServer())
      .post(`/v1/reconciliations?${query}`)
      .set('Authorization', `Bearer ${token}`)
      .attach('file', body, fileName);

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    entityId = (
      await t
        .post('/v1/entities', { name: '石头村养牛合作社', kind: 'cooperative', township: '城关镇', county: '英山县' })
        .expect(201)
    ).body.id as string;
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    otherClerk = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    auditor = await t.userToken({ role: 'auditor' });
    const heads: [string, string, string | undefined][] = [
      ['rc-001', '王五', 'PZ-1'],
      ['rc-002', '张三明', 'PZ-2'],
      ['rc-003', '李四', 'PZ-3'],
      ['rc-004', '赵六', undefined],
    ];
    for (const [registrationNo, headName, reference] of heads) {
      const householdId = (
        await t
          .post('/v1/households', {
            registrationNo,
            headName,
            members: 3,
            village: '石头村',
            township: '城关镇',
            county: '英山县',
          })
          .expect(201)
      ).body.id as string;
      households[headName] = householdId;
      const leaseId = (
        await t
          .post('/v1/leases', {
            entityId,
            householdId,
            areaMu: '2.50',
            rentPerMuYearFen: 80_000,
            startsOn: '2018-01-01',
            endsOn: '2019-12-31',
            schedule: 'yearly',
          })
          .expect(201)
      ).body.id as string;
      leases[headName] = leaseId;
      payments[headName] = (
        await t
          .post(
            `/v1/leases/${leaseId}/payments`,
            { period: '2018', amountFen: 200_000, paidOn: '2018-02-01', ...(reference ? { reference } : {}) },
            clerk,
          )
          .expect(201)
      ).body.id as string;
    }
    householdUser = await t.userToken({ role: 'household', householdId: households['张三明'] });
  });
  afterAll(async () => {
    await t.close();
  });

  const owedTo = async (headName: string, position: number): Promise<number> => {
    const res = await t
      .get(`/v1/entities/${entityId}/obligations?dueBy=2018-12-31&minPosition=${position}`)
      .expect(200);
    const items = res.body.items as { linkageId: string; period: string; outstandingFen: number }[];
    return items.find((i) => i.linkageId === leases[headName] && i.period === '2018')!.outstandingFen;
  };

  it('reconciles a GBK file: four lists named by household head, nothing returned without apply=returns', async () => {
    const gbk = iconv.encode(BANK_FILE, 'gbk');
    const res = await upload('township=城关镇', gbk, '农商行2018年2月.csv', clerk).expect(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^reconciliation-/),
      position: expect.any(Number),
      township: '城关镇',
      fileName: '农商行2018年2月.csv',
      sha256: createHash('sha256').update(gbk).digest('hex'),
      rows: 4,
      matched: 1,
      appliedReturns: false,
      matchedRows: [{ row: 2, paymentId: payments['王五'], household: { headName: '王五' }, amountFen: 200_000 }],
      returned: [
        {
          row: 3,
          paymentId: payments['张三明'],
          household: { id: households['张三明'], registrationNo: 'rc-002', headName: '张三明' },
          date: '2018-02-03',
          returnRecorded: false,
          status: 'paid',
        },
      ],
      amountMismatches: [
        { row: 4, paymentId: payments['李四'], household: { headName: '李四' }, bankFen: 199_000, ledgerFen: 200_000 },
      ],
      unmatchedBankRows: [
        {
          row: 5,
          reference: 'YH-99',
          amountFen: 50_050,
          date: '2018-02-02',
          status: '成功',
          registrationNo: 'rc-404',
          household: null,
        },
      ],
      unmatchedPayments: [
        { paymentId: payments['赵六'], household: { headName: '赵六' }, paidOn: '2018-02-01', amountFen: 200_000 },
      ],
      totals: { matchedFen: 200_000, returnedFen: 200_000, mismatchBankFen: 199_000, unmatchedBankRowsFen: 50_050 },
    });
    // Nothing was returned: the rent is still counted as paid.
    expect(await owedTo('张三明', res.body.position as number)).toBe(0);
  });

  it('applies the returns from the UTF-8 file once, however often it is posted; the rent is owed again', async () => {
    const utf8 = Buffer.from(`\uFEFF${BANK_FILE}`, 'utf8');
    const first = await upload('township=城关镇&apply=returns', utf8, 'bank.csv', clerk).expect(201);
    expect(first.body.returned).toEqual([
      expect.objectContaining({ paymentId: payments['张三明'], returnRecorded: true, status: 'returned' }),
    ]);
    const again = await upload('township=城关镇&apply=returns', utf8, 'bank.csv', clerk).expect(201);
    expect(again.body.id).not.toBe(first.body.id);
    expect(again.body.returned).toEqual([
      expect.objectContaining({ paymentId: payments['张三明'], returnRecorded: false, status: 'returned' }),
    ]);
    // One return on the payment's stream: the lease shows it once, as the bank's date and reason other.
    const lease = (await t.get(`/v1/leases/${leases['张三明']}`).expect(200)).body;
    expect(lease.payments[0]).toMatchObject({ returned: { returnedOn: '2018-02-03', reason: 'other' } });
    lastPosition = again.body.position as number;
    expect(await owedTo('张三明', lastPosition)).toBe(200_000);
    const statement = await t
      .get(`/v1/households/${households['张三明']}/statement?minPosition=${again.body.position}`)
      .expect(200);
    expect(statement.body.totalFen).toBe(0);
    expect(statement.body.lines).toEqual([
      expect.objectContaining({ paymentId: payments['张三明'], status: 'returned' }),
    ]);
  });

  it('reissues a returned payment from its row; the statement links both lines, nothing owed', async () => {
    const list = await t.get(`/v1/reconciliations?township=城关镇&minPosition=${lastPosition}`, clerk).expect(200);
    expect(list.body.totals).toMatchObject({ reconciliations: 3, rows: 12, returned: 3, returnsRecorded: 1 });
    const latest = list.body.items[0] as { id: string; position: number };
    const row = (await t.get(`/v1/reconciliations/${latest.id}?minPosition=${latest.position}`, clerk).expect(200)).body
      .returned[0] as { paymentId: string; status: string };
    expect(row.status).toBe('returned');
    const reissued = await t
      .post(`/v1/payments/${row.paymentId}/reissue`, { paidOn: '2018-02-10', reference: 'PZ-2R' }, clerk)
      .expect(201);
    expect(await owedTo('张三明', reissued.body.position as number)).toBe(0);
    const statement = await t
      .get(`/v1/households/${households['张三明']}/statement?minPosition=${reissued.body.position}`, householdUser)
      .expect(200);
    expect(statement.body.totalFen).toBe(200_000);
    expect(statement.body.lines).toEqual([
      expect.objectContaining({ paymentId: row.paymentId, status: 'reissued', reissuedAs: reissued.body.id }),
      expect.objectContaining({ paymentId: reissued.body.id, status: 'paid', reissueOf: row.paymentId }),
    ]);
    // Reopened, the reconciliation shows the row's payment reissued.
    const reopened = await t
      .get(`/v1/reconciliations/${latest.id}?minPosition=${reissued.body.position}`, auditor)
      .expect(200);
    expect(reopened.body.returned[0]).toMatchObject({ status: 'reissued', reissuedAs: reissued.body.id });
    expect(reopened.body.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps reconciliations to their township: other clerks and households are refused; lists page', async () => {
    const list = await t.get('/v1/reconciliations?limit=2').expect(200);
    expect(list.body.items).toHaveLength(2);
    const next = await t.get(`/v1/reconciliations?limit=2&cursor=${list.body.nextCursor}`).expect(200);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.nextCursor).toBeUndefined();
    // By year (issue 18): the bank files here are all of 2018.
    expect((await t.get('/v1/reconciliations?year=2018').expect(200)).body.totals.reconciliations).toBe(3);
    expect((await t.get('/v1/reconciliations?year=2019').expect(200)).body).toMatchObject({
      items: [],
      totals: { reconciliations: 0 },
    });
    const badYear = await t.get('/v1/reconciliations?year=2018.5').expect(400);
    expect(badYear.body.errors).toEqual([expect.objectContaining({ path: 'year' })]);
    await t.get('/v1/reconciliations?village=x').expect(400);
    const id = list.body.items[0].id as string;
    await t.get(`/v1/reconciliations/${id}`, otherClerk).expect(403);
    await t.get(`/v1/reconciliations/${id}`, householdUser).expect(403);
    await t.get('/v1/reconciliations?township=城关镇', otherClerk).expect(403);
    expect((await t.get('/v1/reconciliations', otherClerk).expect(200)).body.items).toEqual([]);
    await t.get('/v1/reconciliations/reconciliation-00000000-0000-4000-8000-000000000000').expect(404);
    await t.get('/v1/reconciliations/nonsense').expect(404);
    const file = Buffer.from(BANK_FILE, 'utf8');
    await upload('township=城关镇', file, 'bank.csv', otherClerk).expect(403);
    await upload('township=城关镇', file, 'bank.csv', auditor).expect(403);
  });

  it('answers 400 naming the row and column of every bad cell, and bad query parameters', async () => {
    const bad = ['凭证号,金额,日期,状态', 'PZ-1,20.001,2018-02-30,成功', 'PZ-2,20,2018-02-01,丢失', ''].join('\n');
    const res = await upload('township=城关镇', Buffer.from(bad, 'utf8'), 'bad.csv', clerk).expect(400);
    expect(res.body.errors).toEqual([
      { path: 'file[2].金额', message: expect.stringContaining('第 2 行“金额”（20.001）') },
      { path: 'file[2].日期', message: expect.stringContaining('第 2 行“日期”') },
      { path: 'file[3].状态', message: expect.stringContaining('成功') },
    ]);
    const noColumn = await upload('township=城关镇', Buffer.from('凭证号,金额\nPZ-1,20\n'), 'bad.csv', clerk).expect(
      400,
    );
    expect(noColumn.body.errors.map((e: { path: string }) => e.path)).toEqual(['file[1].日期', 'file[1].状态']);
    await upload('apply=everything', Buffer.from(BANK_FILE), 'bank.csv').expect(400);
    await t.post('/v1/reconciliations?township=城关镇', {}).expect(400);
  });

  /**
   * The state a crash between the record and the return leaves: the record alone, as the handler
   * appends it, deciding to return `headName`'s rent (row 2, 退回 on 2018-02-01).
   */
  const keptAlone = async (
    headName: string,
    fileName: string,
  ): Promise<{ reconciliationId: string; position: number }> => {
    const reconciliationId = `reconciliation-${randomUUID()}`;
    const kept: BankFileReconciled = {
      type: 'BankFileReconciled',
      data: {
        reconciliationId,
        township: '城关镇',
        fileName,
        sha256: createHash('sha256').update(fileName).digest('hex'),
        rows: 1,
        firstDate: '2018-02-01',
        lastDate: '2018-02-01',
        appliedReturns: true,
        matched: [],
        returned: [
          {
            row: 2,
            paymentId: payments[headName],
            householdId: households[headName],
            amountFen: 200_000,
            date: '2018-02-01',
            returnRecorded: true,
            returnedOn: '2018-02-01',
          },
        ],
        amountMismatches: [],
        unmatchedBankRows: [],
        unmatchedPayments: [],
      },
    };
    const metadata = metadataFor(admin, { commandId: randomUUID(), township: '城关镇' });
    const { position } = await t.app
      .get<EventStore>(EVENT_STORE)
      .appendToStream(reconciliationId, eventsToAppend(reconciliationId, [kept], metadata), 'no_stream');
    return { reconciliationId, position };
  };

  it('completes a reconciliation interrupted after its record: the return shows pending, then is applied once', async () => {
    const { reconciliationId, position } = await keptAlone('王五', '中断的对账.csv');
    const reopened = await t.get(`/v1/reconciliations/${reconciliationId}?minPosition=${position}`).expect(200);
    expect(reopened.body.returned).toEqual([
      expect.objectContaining({ paymentId: payments['王五'], returnApplication: 'pending', status: 'paid' }),
    ]);

    await t.post(`/v1/reconciliations/${reconciliationId}/returns`, {}, otherClerk).expect(403);
    await t.post(`/v1/reconciliations/${reconciliationId}/returns`, {}, auditor).expect(403);
    await t.post('/v1/reconciliations/reconciliation-nothing/returns', {}, clerk).expect(404);
    const applied = await t.post(`/v1/reconciliations/${reconciliationId}/returns`, {}, clerk).expect(201);
    expect(applied.body.returned).toEqual([
      expect.objectContaining({ paymentId: payments['王五'], returnApplication: 'applied', status: 'returned' }),
    ]);
    expect(await owedTo('王五', applied.body.position as number)).toBe(200_000);
    const again = await t.post(`/v1/reconciliations/${reconciliationId}/returns`, {}, clerk).expect(201);
    expect(again.body.returned[0]).toMatchObject({ returnApplication: 'applied', status: 'returned' });
    const lease = (await t.get(`/v1/leases/${leases['王五']}`).expect(200)).body;
    expect(lease.payments[0]).toMatchObject({ returned: { returnedOn: '2018-02-01', reason: 'other' } });
    expect(lease.payments).toHaveLength(1);
  });

  it('a decided return whose payment was reversed before it was recorded is void: not pending, and POST …/returns writes nothing', async () => {
    const { reconciliationId } = await keptAlone('赵六', '冲正前的对账.csv');
    const log = t.app.get<EventStore>(EVENT_STORE);
    const reversal = await t
      .post(`/v1/payments/${payments['赵六']}/reversal`, { reason: '重复录入' }, clerk)
      .expect(201);
    const reopened = await t
      .get(`/v1/reconciliations/${reconciliationId}?minPosition=${reversal.body.position as number}`)
      .expect(200);
    expect(reopened.body.returned).toEqual([
      expect.objectContaining({ paymentId: payments['赵六'], returnApplication: 'void', status: 'reversed' }),
    ]);

    const before = (await log.readStream(leases['赵六'])).length;
    const applied = await t.post(`/v1/reconciliations/${reconciliationId}/returns`, {}, clerk).expect(201);
    expect(applied.body.returned[0]).toMatchObject({ returnApplication: 'void', status: 'reversed' });
    expect(await log.readStream(leases['赵六'])).toHaveLength(before);
    expect(await log.readStream(reconciliationId)).toHaveLength(1);
  });
});
