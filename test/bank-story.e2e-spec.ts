import * as iconv from 'iconv-lite';
import { addDays, dateInChina } from '../libs/ledger/src/primitives/calendar';
import { type TestApp, startTestApp } from './support/test-app';
import { leaseFixture } from './support/lease-fixture';

/**
 * Issue 16's whole bank story over HTTP, one village, one declaration, in the order it happens:
 * the dividend list posted as a notice (公示), objected to and answered, the window closing, the
 * households paid (one amount mistyped and reversed); the bank's GBK file with a returned payment
 * and a mismatched amount reconciled with the returns applied; the list posted again for the
 * re-payment, which waits for it as a first payment does; the returned payment reissued; and the
 * household acknowledging its statement (明白卡) with its own token. The statement, the entity's
 * obligations and the county's arrears are checked at each step.
 *
 * The notice's window is a matter of dates (China time), so the test moves the clock forward, a
 * day at a time from today: only `Date` is faked, and it keeps ticking; timers, the database and the
 * HTTP server run for real. The faked clock stays ahead of the database's own, which stamps when
 * each event was recorded (ten minutes, the whole run takes well under one): a query's `asOf` (now,
 * by default) then sees everything recorded.
 */
const start = Date.now() + 10 * 60_000;
const today = dateInChina(new Date(start));
/** The China-time date `n` days from today. */
const day = (n: number): string => addDays(today, n);
describe('the payment loop with people and banks, told through HTTP', () => {
  let t: TestApp;
  let clerk: string;
  let zhangUser: string;
  let zhang: string;
  let li: string;
  let entityId: string;
  let declarationId: string;
  let position = 0;
  const paid: Record<string, string> = {};

  /** Moves the clock `n` days past the test's start. */
  const on = (n: number) => jest.setSystemTime(start + n * 86_400_000);
  /** Remembers the ledger position a write answered, for the next query's `minPosition`. */
  const after = <Res extends { body: unknown }>(res: Res): Res => {
    position = Math.max(position, (res.body as { position?: number }).position ?? 0);
    return res;
  };
  const statementOf = async (householdId: string) =>
    (await t.get(`/v1/households/${householdId}/statement?minPosition=${position}`).expect(200)).body;
  const outstanding = async () => {
    const obligations = (await t.get(`/v1/entities/${entityId}/obligations?minPosition=${position}`).expect(200)).body;
    const byHousehold = Object.fromEntries(
      (obligations.items as { householdId: string; outstandingFen: number }[]).map((i) => [
        i.householdId,
        i.outstandingFen,
      ]),
    );
    const arrears = (await t.get(`/v1/audit/arrears?county=英山县&minPosition=${position}`).expect(200)).body;
    const arrearsOf = (arrears.entities as { entity: { id: string }; outstandingFen: number }[]).find(
      (e) => e.entity.id === entityId,
    );
    return { zhang: byHousehold[zhang], li: byHousehold[li], arrearsFen: arrearsOf?.outstandingFen ?? 0 };
  };
  const pay = (householdId: string, amountFen: number, paidOn: string, reference: string) =>
    t.post(`/v1/dividends/${declarationId}/payments`, { householdId, amountFen, paidOn, reference }, clerk);
  const postNotice = (opensOn: string, closesOn: string) =>
    t.post(
      '/v1/notices',
      {
        village: '石头村',
        township: '城关镇',
        title: '石头村养牛合作社分红公示',
        subject: { declarationId },
        opensOn,
        closesOn,
      },
      clerk,
    );

  beforeAll(async () => {
    jest.useFakeTimers({
      now: start,
      advanceTimers: true,
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    t = await startTestApp({ replayOpenApi: true });
    const village = await leaseFixture(t, '4211270101000');
    ({ clerk, entityId } = village);
    zhang = village.householdId; // 张三明, 42112701010001
    li = await village.household('城关镇', '李四'); // 42112701010002
    zhangUser = await t.userToken({ role: 'household', householdId: zhang });
    for (const [householdId, shares] of [
      [zhang, 10],
      [li, 20],
    ] as const) {
      await t
        .post('/v1/stakes', {
          entityId,
          householdId,
          source: 'cash',
          principalFen: shares * 100_00,
          shares,
          startsOn: day(-30),
        })
        .expect(201);
    }
    const declared = await t
      .post(`/v1/entities/${entityId}/dividends`, {
        period: today.slice(0, 4),
        declaredOn: day(0),
        recordDate: day(-1),
        poolFen: 3_000_00,
      })
      .expect(201);
    declarationId = after(declared).body.id as string;
  });
  afterAll(async () => {
    await t?.close();
    jest.useRealTimers();
  });

  it('posts the list, holds the money while an objection is open, and pays once the window has closed', async () => {
    expect(await outstanding()).toEqual({ zhang: 1_000_00, li: 2_000_00, arrearsFen: 3_000_00 });

    on(0);
    const notice = after(await postNotice(day(0), day(6)).expect(201));
    const noticeId = notice.body.id as string;
    expect(notice.body.rows).toEqual([
      { rowId: 'r1', household: { maskedName: '张*明', maskedRegistrationNo: '**********0001' }, amountFen: 1_000_00 },
      { rowId: 'r2', household: { maskedName: '李*', maskedRegistrationNo: '**********0002' }, amountFen: 2_000_00 },
    ]);
    const held = await pay(zhang, 1_000_00, day(0), 'PZ-1').expect(422);
    expect(held.body).toMatchObject({ type: expect.stringMatching(/notice-hold$/), noticeId });

    // 张 objects to his own row with his own token; the clerk answers (rejected: the shares are right).
    const objection = after(
      await t
        .post(`/v1/notices/${noticeId}/objections`, { rowId: 'r1', text: '我家分红是不是少了？' }, zhangUser)
        .expect(201),
    );
    on(7);
    // The window is over, but an objection is unanswered: still held.
    expect((await t.get(`/v1/notices/${noticeId}`, clerk).expect(200)).body).toMatchObject({
      status: 'closed',
      objections: { open: 1 },
    });
    await pay(zhang, 1_000_00, day(7), 'PZ-1').expect(422);
    after(
      await t
        .post(
          `/v1/objections/${objection.body.id as string}/resolution`,
          { outcome: 'rejected', response: '经核实，张三明户入股10股，按股分红1,000.00元，无误。' },
          clerk,
        )
        .expect(201),
    );

    // Paid: 张 in full; 李's amount mistyped (200.00), reversed (冲销) and paid again right.
    paid.zhang = after(await pay(zhang, 1_000_00, day(7), 'PZ-1').expect(201)).body.id as string;
    const mistyped = after(await pay(li, 200_00, day(7), 'PZ-2').expect(201)).body.id as string;
    after(await t.post(`/v1/payments/${mistyped}/reversal`, { reason: '金额录错，应为2,000.00元' }, clerk).expect(201));
    paid.li = after(await pay(li, 2_000_00, day(7), 'PZ-3').expect(201)).body.id as string;

    expect(await outstanding()).toEqual({ zhang: 0, li: 0, arrearsFen: 0 });
    const liStatement = await statementOf(li);
    expect(liStatement.totalFen).toBe(2_000_00);
    expect(liStatement.lines).toEqual([
      expect.objectContaining({ paymentId: mistyped, status: 'reversed' }),
      expect.objectContaining({ paymentId: paid.li, status: 'paid', reference: 'PZ-3' }),
    ]);
  });

  it('reconciles the bank’s GBK file: 张’s payment returned (applied, owed again), 李’s credited 10 yuan short', async () => {
    on(9);
    const file = iconv.encode(
      [
        '凭证号,金额,日期,状态,户编号',
        `PZ-1,1000.00,${day(9)},退回,42112701010001`,
        `PZ-3,1990.00,${day(7)},成功,42112701010002`,
        '',
      ].join('\r\n'),
      'gbk',
    );
    const reconciled = await t.http
      .post('/v1/reconciliations?township=城关镇&apply=returns')
      .set('Authorization', `Bearer ${clerk}`)
      .attach('file', file, '农商行对账单.csv')
      .expect(201);
    after(reconciled);
    expect(reconciled.body).toMatchObject({
      rows: 2,
      matched: 0,
      returned: [
        {
          row: 2,
          paymentId: paid.zhang,
          returnRecorded: true,
          returnApplication: 'applied',
          status: 'returned',
          household: { headName: '张三明' },
        },
      ],
      amountMismatches: [{ row: 3, paymentId: paid.li, bankFen: 1_990_00, ledgerFen: 2_000_00 }],
      unmatchedBankRows: [],
      unmatchedPayments: [],
    });
    // The auditor's reopened record says the same.
    const reopened = await t
      .get(`/v1/reconciliations/${reconciled.body.id as string}?minPosition=${position}`)
      .expect(200);
    expect(reopened.body.returned).toEqual([
      expect.objectContaining({ paymentId: paid.zhang, returnApplication: 'applied', status: 'returned' }),
    ]);

    const zhangStatement = await statementOf(zhang);
    expect(zhangStatement.totalFen).toBe(0);
    expect(zhangStatement.lines).toEqual([
      expect.objectContaining({
        paymentId: paid.zhang,
        status: 'returned',
        returned: expect.objectContaining({ returnedOn: day(9), reason: 'other' }),
      }),
    ]);
    expect(await outstanding()).toEqual({ zhang: 1_000_00, li: 0, arrearsFen: 1_000_00 });
  });

  it('reissues the returned payment only once the list posted again for it has closed unobjected', async () => {
    on(10);
    const again = after(await postNotice(day(10), day(16)).expect(201));
    const reissue = () => t.post(`/v1/payments/${paid.zhang}/reissue`, { paidOn: day(17), reference: 'PZ-4' }, clerk);
    const held = await reissue().expect(422);
    expect(held.body).toMatchObject({
      type: expect.stringMatching(/notice-hold$/),
      code: 'PAYMENT.REISSUE_NOTICE-HOLD',
      field: 'paymentId',
      noticeId: again.body.id,
    });

    on(17);
    const reissued = after(await reissue().expect(201));
    const newId = reissued.body.id as string;
    const zhangStatement = await statementOf(zhang);
    expect(zhangStatement.totalFen).toBe(1_000_00);
    expect(zhangStatement.lines).toEqual([
      expect.objectContaining({ paymentId: paid.zhang, status: 'reissued', reissuedAs: newId }),
      expect.objectContaining({ paymentId: newId, status: 'paid', reissueOf: paid.zhang, reference: 'PZ-4' }),
    ]);
    expect(await outstanding()).toEqual({ zhang: 0, li: 0, arrearsFen: 0 });
  });

  it('has 张 acknowledge his statement with his own token, refused while the figures differ', async () => {
    on(18);
    const ack = { through: day(18), totalFen: 1_000_00, method: 'phone', acknowledgedOn: day(18) };
    const wrong = await t
      .post(`/v1/households/${zhang}/acknowledgements`, { ...ack, totalFen: 0 }, zhangUser)
      .expect(422);
    expect(wrong.body).toMatchObject({ code: 'ACKNOWLEDGEMENT.FIGURES_CHANGED', field: 'totalFen' });
    const confirmed = after(await t.post(`/v1/households/${zhang}/acknowledgements`, ack, zhangUser).expect(201));
    const statement = (await t.get(`/v1/households/${zhang}/statement?minPosition=${position}`, zhangUser).expect(200))
      .body;
    expect(statement.acknowledgement).toEqual({ id: confirmed.body.id, ...ack, disputed: false });
    expect(statement.totalFen).toBe(1_000_00);
    // Nobody else's token acknowledges for 张 but a clerk's.
    await t.post(`/v1/households/${li}/acknowledgements`, ack, zhangUser).expect(403);
  });
});
