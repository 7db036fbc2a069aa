import { measureWeb } from '../apps/ledger-bench/src/measure/web';
import { describeInBrowser } from './support/browser';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The targets on a township's connection, measured as the bench measures them (slow 3G: 400 ms
 * latency, 400 kbit/s each way, cold cache): the household's phone page shows its total within 5 s of
 * opening the link, and the console loads at most 500 kB of compressed JavaScript before its first screen.
 */
describeInBrowser('the console on slow 3G', () => {
  jest.setTimeout(180_000);
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
  });
  afterAll(() => t?.close());

  let web: Awaited<ReturnType<typeof measureWeb>>;
  beforeAll(async () => {
    const householdId = (
      await t
        .post('/v1/households', {
          registrationNo: '421127010100701',
          headName: '张三',
          members: 4,
          village: '桃园村',
          township: '城关镇',
          county: '英山县',
        })
        .expect(201)
    ).body.id as string;
    const token = await t.userToken({ role: 'household', householdId });
    const address = t.app.getHttpServer().address() as { port: number };
    web = await measureWeb(`http://127.0.0.1:${address.port}`, { householdId, token, totalFen: 0 }, (line) =>
      console.log(line),
    );
  });

  it("loads at most 500 kB of compressed JavaScript before the console's first screen", () => {
    expect(web.available).toBe(true);
    expect(web.consoleFirstScreenKb).toBeLessThanOrEqual(500);
  });

  // The phone page is its own entry (phone.html: plain React, no antd), so only its own small bundle
  // crosses the slow link before the statement is asked for.
  it("shows the household's total within 5 s of opening its link", () => {
    expect(web.phoneStatementMs).toBeLessThanOrEqual(5000);
  });
});
