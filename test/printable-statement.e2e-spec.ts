import { pdfText } from '../libs/ledger/src/statements/printable/testing/pdf-text';
import { startTestApp, type TestApp } from './support/test-app';

describe('the printable statement (明白卡) over HTTP', () => {
  let t: TestApp;
  let householdId: string;
  let position = 0;

  beforeAll(async () => {
    t = await startTestApp({ replayOpenApi: true });
    const post = async (path: string, body: object) => {
      const res = await t.post(path, body).expect(201);
      position = res.body.position;
      return res.body as { id: string };
    };
    householdId = (
      await post('/v1/households', {
        registrationNo: 'card-1',
        headName: '张三',
        members: 4,
        village: '桃园村',
        township: '城关镇',
        county: '英山县',
      })
    ).id;
    const factory = await post('/v1/entities', {
      name: '英山服装卫星工厂',
      kind: 'satellite_factory',
      township: '城关镇',
      county: '英山县',
    });
    const job = await post('/v1/employments', {
      entityId: factory.id,
      householdId,
      workerName: '张三',
      startsOn: '2018-03-01',
      wageBasis: 'monthly',
      rateFen: 200_000,
    });
    await post(`/v1/employments/${job.id}/payments`, { period: '2018-07', amountFen: 198_000, paidOn: '2018-08-05' });
    await post(`/v1/employments/${job.id}/payments`, { period: '2018-08', amountFen: 488_429, paidOn: '2018-09-05' });
  });
  afterAll(() => t.close());

  it('prints a PDF that carries its text: the household and the total, with a verification code that checks out', async () => {
    const res = await t.http
      .get(`/v1/households/${householdId}/statement.pdf?minPosition=${position}`)
      .set('Authorization', 'Bearer admin-token-for-tests-0123456789')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toMatch(/application\/pdf/);
    const { text } = await pdfText(res.body as Buffer);
    expect(text).toContain('张三');
    expect(text).toContain('6,864.29');
    const code = res.headers['x-statement-code'];
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const verified = await t.get(`/v1/statements/verify/${code.toLowerCase().replace(/-/g, '')}`).expect(200);
    expect(verified.body).toMatchObject({ ok: true });
    await t.get('/v1/statements/verify/AAAA-BBBB-CCCC').expect(404);
  });

  it('prints an HTML page in Chinese, or English on request, for those who may read the household', async () => {
    const zh = await t.get(`/v1/households/${householdId}/statement.html?minPosition=${position}`).expect(200);
    expect(zh.headers['content-type']).toMatch(/text\/html/);
    expect(zh.text).toContain('张三');
    expect(zh.text).toContain('6,864.29');
    const en = await t.get(`/v1/households/${householdId}/statement.html?lang=en`).expect(200);
    expect(en.text).toMatch(/statement/i);
    const other = await t.userToken({ role: 'clerk', townships: ['温泉镇'] });
    await t.get(`/v1/households/${householdId}/statement.html`, other).expect(403);
    const own = await t.userToken({ role: 'household', householdId });
    await t.get(`/v1/households/${householdId}/statement.html`, own).expect(200);
  });

  it('prints the household’s latest acknowledgement on its card', async () => {
    const ack = await t
      .post(`/v1/households/${householdId}/acknowledgements`, {
        through: '2018-12-31',
        totalFen: 686_429,
        method: 'signature',
        acknowledgedOn: '2019-01-05',
      })
      .expect(201);
    const html = await t
      .get(`/v1/households/${householdId}/statement.html?minPosition=${ack.body.position}`)
      .expect(200);
    expect(html.text).toContain('已于2019年1月5日签字确认至2018年12月31日的合计6,864.29元。');
    const pdf = await t
      .get(`/v1/households/${householdId}/statement.pdf?minPosition=${ack.body.position}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const { text } = await pdfText(pdf.body as Buffer);
    expect(text.replace(/\s+/g, '')).toContain('已于2019年1月5日签字确认至2018年12月31日的合计6,864.29元。');
  });
});
