import { type Page } from 'playwright-core';
import { type ConsoleBrowser, describeInBrowser, openConsole } from './support/browser';
import { consoleFixture } from './support/console-fixture';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Micro-credit in the web console, in a real browser: the county's loan book with the overdue loan
 * first, and a household's loans with their repayments. Skipped, saying why, without the built
 * console or /usr/bin/chromium (as test/console.e2e-spec.ts).
 */

describeInBrowser('micro-credit in the web console', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let web: ConsoleBrowser;
  let base: string;
  let auditor: string;
  let clerk: string;
  let wang: string;

  const signIn = (token: string) => web.signIn(token, { width: 1280, height: 800 });
  const screenshot = (page: Page, shot: string) => web.screenshot(page, shot);

  beforeAll(async () => {
    t = await startTestApp();
    web = await openConsole(t, 'loans-console');
    ({ base } = web);
    const fixture = await consoleFixture(t, '桃园村');
    ({ auditor, clerk } = fixture);
    const { write } = fixture;
    wang = await fixture.household('421127010400101', '王五');
    const zhao = await fixture.household('421127010400102', '赵六');
    const coop = await fixture.cooperative('桃园养牛合作社');
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
    await web?.close();
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

    // A header sorts on the server: twice on the principal reads the largest first.
    const header = page.getByRole('columnheader', { name: '贷款金额（元）' });
    const sortedBy = (sort: string) =>
      page.waitForResponse((r) => r.url().includes('/v1/audit/loans') && r.url().includes(`sort=${sort}`));
    await Promise.all([sortedBy('principal'), header.click()]);
    await Promise.all([sortedBy('-principal'), header.click()]);
    await rows.first().filter({ hasText: '王五' }).waitFor();
    expect(await rows.nth(1).textContent()).toContain('赵六');

    // By the borrower's village (the book keeps it): both borrowers live in 桃园村, none in 杏花村.
    const village = page.getByLabel('村', { exact: true });
    await village.fill('杏花村');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/v1/audit/loans') && r.url().includes('village=')),
      page.getByRole('button', { name: '查看' }).click(),
    ]);
    await rows.first().waitFor({ state: 'detached' });
    await village.fill('桃园村');
    await page.getByRole('button', { name: '查看' }).click();
    await rows.nth(1).waitFor();
    expect(await rows.first().textContent()).toContain('桃园村');
    await page.getByText('共 2 条').waitFor();
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
