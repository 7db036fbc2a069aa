import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webConsoleDir } from '../apps/ledger-api/src/web-console';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Micro-credit in the web console, in a real browser: the county's loan book with the overdue loan
 * first, and a household's loans with their repayments. Skipped, saying why, without the built
 * console or /usr/bin/chromium (as test/console.e2e-spec.ts).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = !webConsoleDir()
  ? 'dist/ledger-web/index.html is missing (run `npm run build`)'
  : !existsSync(CHROMIUM)
    ? `${CHROMIUM} is missing (apt-get install chromium)`
    : undefined;
const describeIfBrowser = missing ? describe.skip : describe;

describeIfBrowser(`micro-credit in the web console${missing ? ` (skipped: ${missing})` : ''}`, () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let shots: string;
  let auditor: string;
  let clerk: string;
  let wang: string;

  const write = async (path: string, body: object) =>
    (await t.post(path, body).expect(201)).body as { id: string; position: number };

  const signIn = async (token: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('令牌', { exact: true }).fill(token);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    return page;
  };
  const screenshot = async (page: Page, name: string) => {
    const path = join(shots, `${name}.png`);
    await page.screenshot({ path, fullPage: true, animations: 'disabled', timeout: 60_000 });
    console.log(`screenshot: ${path}`);
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    shots = await mkdtemp(join(tmpdir(), 'ledger-loans-console-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    auditor = await t.userToken({ role: 'auditor' });
    clerk = await t.userToken({ role: 'clerk', townships: ['城关镇'] });
    const household = async (registrationNo: string, headName: string) =>
      (
        await write('/v1/households', {
          registrationNo,
          headName,
          members: 3,
          village: '桃园村',
          township: '城关镇',
          county: '英山县',
        })
      ).id;
    wang = await household('421127010400101', '王五');
    const zhao = await household('421127010400102', '赵六');
    const coop = (
      await write('/v1/entities', { name: '桃园养牛合作社', kind: 'cooperative', township: '城关镇', county: '英山县' })
    ).id;
    const loan = (
      await write('/v1/loans', {
        householdId: wang,
        lender: '英山县农商银行',
        contractNo: 'YS-2025-001',
        principalFen: 5_000_000,
        annualRateBp: 435,
        disbursedOn: '2025-03-01',
        maturesOn: '2028-03-01',
        use: 'invested_in_entity',
        entityId: coop,
        subsidy: { rateBp: 435, payer: 'county' },
      })
    ).id;
    await write(`/v1/loans/${loan}/repayments`, {
      principalFen: 1_000_000,
      interestFen: 217_500,
      paidOn: '2026-03-01',
      paidBy: 'entity',
      reference: 'HK-001',
    });
    await write(`/v1/loans/${loan}/subsidies`, { amountFen: 217_500, paidOn: '2026-03-15' });
    // 赵六's loan matured in 2019 with everything owed: overdue, so listed first.
    await write('/v1/loans', {
      householdId: zhao,
      lender: '英山县农商银行',
      contractNo: 'YS-2018-009',
      principalFen: 1_000_000,
      annualRateBp: 435,
      disbursedOn: '2018-01-01',
      maturesOn: '2019-01-01',
      use: 'own_production',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an auditor opens the loan book: the overdue loan first, in red', async () => {
    const page = await signIn(auditor);
    await page.getByRole('menuitem', { name: '小额信贷' }).click();
    await page.getByText('扶贫小额信贷台账').waitFor();
    const rows = page.getByRole('row').filter({ hasText: '英山县农商银行' });
    await rows.nth(1).waitFor();
    expect(await rows.first().textContent()).toContain('逾期');
    expect(await rows.first().textContent()).toContain('赵六');
    expect(await rows.nth(1).textContent()).toContain('户贷企用 · 桃园养牛合作社');
    expect(await rows.nth(1).textContent()).toContain('40,000.00');
    await screenshot(page, 'auditor-loan-book');
    await page.context().close();
  });

  it("a clerk opens a household's loans and their repayments; the subsidy is a statement line", async () => {
    const page = await signIn(clerk);
    await page.goto(`${base}/#/h/${wang}`);
    await page.getByText('扶贫小额信贷', { exact: true }).first().waitFor();
    await page.getByRole('row').filter({ hasText: '贴息' }).first().waitFor();
    const loanRow = page.getByRole('row').filter({ hasText: 'YS-2025-001' });
    await loanRow.getByRole('button').first().click();
    // The repayment's own row (the last match: the expanded row around the nested table matches too).
    const repayment = page.getByRole('row').filter({ hasText: 'HK-001' }).last();
    await repayment.waitFor();
    expect(await repayment.textContent()).toContain('经营主体');
    await screenshot(page, 'clerk-household-loans');
    await page.context().close();
  });
});
