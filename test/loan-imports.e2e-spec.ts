import request from 'supertest';
import type { LoanView } from '../libs/ledger/src/loans/get-loan/loan.view';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support/test-app';

/**
 * The bank's lists as rosters: 扶贫小额信贷放款清单 (`loans`) and 还款清单 (`loan-repayments`), with
 * the bank's Chinese headers: dry run marking bad cells, an all-or-nothing commit, a duplicate file.
 */

interface Report {
  id: string;
  status: string;
  rows: number;
  accepted: number;
  rejected: number;
  errors: { row: number; column: string; value: string; message: string; code: string }[];
  duplicateOf?: string;
  position?: number;
}

const csv = (rows: (string | number)[][]): string =>
  rows
    .map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(','))
    .join('\r\n') + '\r\n';

describe('micro-credit imports over HTTP', () => {
  let t: TestApp;
  let clerk: string;
  let coopId: string;
  const households: Record<string, string> = {};

  const upload = (query: Record<string, string>, body: string, fileName: string, token = ADMIN_TOKEN) =>
    request(t.app.getHttpServer())
      .post(`/v1/imports?${new URLSearchParams(query).toString()}`)
      .set('Authorization', `Bearer ${token}`)
      .attach('file', Buffer.from(body, 'utf8'), fileName);

  const loanHeader = [
    '户编号',
    '借款合同号',
    '贷款银行',
    '贷款金额',
    '年利率',
    '放款日期',
    '到期日期',
    '用途',
    '入股主体',
    '贴息利率',
  ];
  const repaymentHeader = ['户编号', '借款合同号', '还款本金', '还款利息', '还款日期', '还款方', '凭证号'];

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    for (const [no, headName, township] of [
      ['4211270301001', '张三', '城关镇'],
      ['4211270301002', '李四', '城关镇'],
      ['4211270301003', '孙七', '温泉镇'],
    ]) {
      const res = await t
        .post('/v1/households', {
          registrationNo: no,
          headName,
          members: 3,
          village: '桃园村',
          township,
          county: '英山县',
        })
        .expect(201);
      households[no] = res.body.id as string;
    }
    const entity = await t
      .post('/v1/entities', { name: '桃园养牛合作社', kind: 'cooperative', township: '城关镇', county: '英山县' })
      .expect(201);
    coopId = entity.body.id as string;
    // Rows may name the entity by name: wait until the entity list has it.
    await t.get(`/v1/entities?minPosition=${entity.body.position as number}`).expect(200);
  });
  afterAll(() => t.close());

  const loans = (rows: (string | number)[][]) => csv([loanHeader, ...rows]);
  const goodLoans = loans([
    [
      '4211270301001',
      'YS-2018-001',
      '英山县农商银行',
      '50,000.00',
      '4.35%',
      '2018-03-01',
      '2021-03-01',
      '户贷企用',
      '桃园养牛合作社',
      '4.35',
    ],
    ['4211270301002', 'YS-2018-002', '英山县农商银行', '30000', '4.35', '2018/3/5', '2020/3/5', '自主发展', '', ''],
  ]);

  it('dry-runs the bank’s loan list, marking each bad cell with its reason, and writes nothing', async () => {
    const bad = loans([
      [
        '4211270301001',
        'YS-2018-001',
        '英山县农商银行',
        '50,000.01',
        '4.35%',
        '2018-03-01',
        '2021-03-01',
        '户贷企用',
        '桃园养牛合作社',
        '',
      ],
      [
        '4211270301002',
        'YS-2018-002',
        '英山县农商银行',
        '30000',
        '4.35',
        '2018-03-05',
        '2021-03-06',
        '自主发展',
        '',
        '',
      ],
      [
        '4211270301002',
        'YS-2018-003',
        '英山县农商银行',
        '30000',
        '四厘',
        '2018-03-05',
        '2020-03-05',
        '自主发展',
        '',
        '',
      ],
      [
        '4211270301002',
        'YS-2018-004',
        '英山县农商银行',
        '30000',
        '4.35',
        '2018-03-05',
        '2020-03-05',
        '户贷企用',
        '不存在的合作社',
        '',
      ],
      [
        '4211270301002',
        'YS-2018-005',
        '英山县农商银行',
        '30000',
        '4.35',
        '2018-03-05',
        '2020-03-05',
        '自主发展',
        '',
        '5',
      ],
      [
        '4211270301003',
        'YS-2018-006',
        '英山县农商银行',
        '30000',
        '4.35',
        '2018-03-05',
        '2020-03-05',
        '自主发展',
        '',
        '',
      ],
    ]);
    const res = await upload({ kind: 'loans', dryRun: 'true' }, bad, '放款清单.csv', clerk).expect(201);
    const report = res.body as Report;
    expect(report).toMatchObject({ status: 'validated', rows: 6, accepted: 0, rejected: 6 });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '贷款金额', 'LOAN.PRINCIPAL_ABOVE_LIMIT'],
      [3, '到期日期', 'LOAN.TERM_ABOVE_LIMIT'],
      [4, '年利率', 'IMPORT.BAD_VALUE'],
      [5, '入股主体', 'IMPORT.UNKNOWN_ENTITY'],
      [6, '贴息利率', 'LOAN.SUBSIDY_RATE_ABOVE_LOAN_RATE'],
      [7, '户编号', 'AUTH.OTHER_TOWNSHIP'],
    ]);
    const book = (await t.get('/v1/audit/loans').expect(200)).body as { loans: number };
    expect(book.loans).toBe(0);
  });

  let zhangLoan: string;

  it('commits the fixed list: every loan recorded, found again by its contract number', async () => {
    const dry = await upload({ kind: 'loans', dryRun: 'true' }, goodLoans, '放款清单.csv', clerk).expect(201);
    expect(dry.body).toMatchObject({ status: 'validated', rows: 2, accepted: 2, rejected: 0, errors: [] });
    const res = await upload({ kind: 'loans' }, goodLoans, '放款清单.csv', clerk).expect(201);
    const report = res.body as Report;
    expect(report).toMatchObject({ status: 'committed', rows: 2, accepted: 2 });
    const book = (await t.get(`/v1/audit/loans?minPosition=${report.position}`).expect(200)).body as {
      items: {
        loanId: string;
        contractNo: string;
        principalFen: number;
        annualRateBp: number;
        subsidyRateBp?: number;
        entity: { id: string } | null;
      }[];
    };
    const byContract = Object.fromEntries(book.items.map((i) => [i.contractNo, i]));
    expect(byContract['YS-2018-001']).toMatchObject({
      principalFen: 5_000_000,
      annualRateBp: 435,
      subsidyRateBp: 435,
      entity: { id: coopId },
    });
    expect(byContract['YS-2018-002']).toMatchObject({ principalFen: 3_000_000, entity: null });
    expect(byContract['YS-2018-002']).not.toHaveProperty('subsidyRateBp');
    zhangLoan = byContract['YS-2018-001'].loanId;
    // The same contract through the API is taken.
    await t
      .post('/v1/loans', {
        householdId: households['4211270301001'],
        lender: '英山县农商银行',
        contractNo: 'YS-2018-001',
        principalFen: 100,
        annualRateBp: 435,
        disbursedOn: '2018-03-01',
        maturesOn: '2019-03-01',
        use: 'own_production',
      })
      .expect(409);
  });

  it('the same list again is a duplicate (dry run too) and writes nothing', async () => {
    const again = await upload({ kind: 'loans' }, goodLoans, 'copy.csv', clerk).expect(201);
    expect(again.body).toMatchObject({ status: 'duplicate', duplicateOf: expect.stringMatching(/^import-/) });
    const dry = await upload({ kind: 'loans', dryRun: 'true' }, goodLoans, 'copy.csv', clerk).expect(201);
    expect(dry.body).toMatchObject({ status: 'duplicate', duplicateOf: again.body.duplicateOf });
    // Another file with a contract already recorded is refused row by row, all or nothing.
    const overlapping = loans([
      [
        '4211270301002',
        'YS-2018-009',
        '英山县农商银行',
        '1000',
        '4.35',
        '2019-01-01',
        '2020-01-01',
        '自主发展',
        '',
        '',
      ],
      [
        '4211270301001',
        'YS-2018-001',
        '英山县农商银行',
        '1000',
        '4.35',
        '2019-01-01',
        '2020-01-01',
        '自主发展',
        '',
        '',
      ],
    ]);
    const res = await upload({ kind: 'loans' }, overlapping, '补录.csv', clerk).expect(201);
    expect(res.body).toMatchObject({ status: 'rejected', accepted: 1, rejected: 1 });
    expect((res.body as Report).errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '借款合同号', 'LOAN.CONTRACT_NO_TAKEN'],
    ]);
  });

  const goodRepayments = csv([
    repaymentHeader,
    ['4211270301001', 'YS-2018-001', '20,000.00', '2,175.00', '2019-03-01', '经营主体', 'HK-001'],
    ['4211270301001', '', '0', '100', '2019-06-01', '经营主体', ''],
    ['4211270301002', '', '30000', '1305', '2020-03-05', '农户', 'HK-003'],
  ]);

  it('dry-runs, commits and refuses again the bank’s repayment list', async () => {
    const bad = csv([
      repaymentHeader,
      ['4211270301002', '', '1000', '0', '2019-03-05', '经营主体', ''],
      ['4211270301001', 'YS-2099-001', '1000', '0', '2019-03-05', '经营主体', ''],
      ['4211270301001', '', '0', '0', '2019-03-05', '经营主体', ''],
      ['4211270301001', '', '50,000.01', '0', '2019-03-05', '经营主体', ''],
      ['4211270301003', '', '1000', '0', '2019-03-05', '农户', ''],
    ]);
    const dryBad = await upload({ kind: 'loan-repayments', dryRun: 'true' }, bad, '还款清单.csv', clerk).expect(201);
    expect((dryBad.body as Report).errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '还款方', 'LOAN.ENTITY_REPAYMENT_NOT_INVESTED'],
      [3, '借款合同号', 'IMPORT.NO_LOAN'],
      [4, '还款本金', 'IMPORT.BAD_VALUE'],
      [5, '还款本金', 'LOAN.REPAYMENT_EXCEEDS_OUTSTANDING'],
      [6, '户编号', 'AUTH.OTHER_TOWNSHIP'],
    ]);

    const dry = await upload({ kind: 'loan-repayments', dryRun: 'true' }, goodRepayments, '还款清单.csv', clerk).expect(
      201,
    );
    expect(dry.body).toMatchObject({ status: 'validated', rows: 3, accepted: 3, rejected: 0 });
    const res = await upload({ kind: 'loan-repayments' }, goodRepayments, '还款清单.csv', clerk).expect(201);
    expect(res.body).toMatchObject({ status: 'committed', rows: 3, accepted: 3 });
    const zhang = (await t.get(`/v1/loans/${zhangLoan}`).expect(200)).body as LoanView;
    expect(zhang).toMatchObject({ outstandingPrincipalFen: 3_000_000, interestPaidFen: 227_500 });
    expect(zhang.repayments.map((r) => [r.principalFen, r.interestFen, r.paidBy, r.reference])).toEqual([
      [2_000_000, 217_500, 'entity', 'HK-001'],
      [0, 10_000, 'entity', undefined],
    ]);

    const again = await upload({ kind: 'loan-repayments' }, goodRepayments, 'copy.csv', clerk).expect(201);
    expect(again.body).toMatchObject({ status: 'duplicate', duplicateOf: (res.body as Report).id });
  });

  it('serves both templates with the bank’s headers', async () => {
    const loansTemplate = await t.get('/v1/imports/templates/loans.csv').expect(200);
    expect(loansTemplate.text.replace(/^\uFEFF/, '').trim()).toBe(loanHeader.join(','));
    const repaymentsTemplate = await t.get('/v1/imports/templates/loan-repayments.csv').expect(200);
    expect(repaymentsTemplate.text.replace(/^\uFEFF/, '').trim()).toBe(repaymentHeader.join(','));
  });
});
