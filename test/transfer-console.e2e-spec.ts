import { type Page } from 'playwright-core';
import { type ConsoleBrowser, describeInBrowser, openConsole } from './support/browser';
import { consoleFixture } from './support/console-fixture';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Share re-allocation and the county's arrears in the web console, in a real browser: an auditor reads
 * the county's arrears by entity name and opens one entity; the county's fund flow shows what is left
 * over; a clerk moves a household's fiscal shares to another household, the refusal of a mid-month
 * date beside its field. Skipped, saying why, without the built console or /usr/bin/chromium.
 */

describeInBrowser('share re-allocation and arrears in the web console', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let web: ConsoleBrowser;
  let base: string;
  let auditor: string;
  let clerk: string;
  let zhang: string;

  const signIn = (token: string) => web.signIn(token, { width: 1280, height: 900 });
  const screenshot = (page: Page, shot: string) => web.screenshot(page, shot);

  beforeAll(async () => {
    t = await startTestApp();
    web = await openConsole(t, 'transfer-console');
    ({ base } = web);
    const fixture = await consoleFixture(t, '石头村');
    ({ auditor, clerk } = fixture);
    const { write } = fixture;
    zhang = await fixture.household('421127010500101', '张三');
    await fixture.household('421127010500102', '李四');
    const farm = await fixture.cooperative('石头村养牛合作社');
    const project = (
      await write('/v1/projects', {
        name: '肉牛养殖扶贫项目',
        industry: 'breeding',
        county: '英山县',
        assistanceModel: 'asset_income',
      })
    ).id;
    await write(`/v1/projects/${project}/funds`, {
      source: 'county',
      amountFen: 20_000_00,
      documentRef: '英财农〔2018〕12号',
      receivedOn: '2017-12-10',
    });
    await write(`/v1/projects/${project}/disbursements`, {
      entityId: farm,
      amountFen: 10_000_00,
      purpose: '购买基础母牛',
      disbursedOn: '2017-12-20',
    });
    await write('/v1/stakes', {
      entityId: farm,
      householdId: zhang,
      projectId: project,
      source: 'fiscal_fund',
      principalFen: 10_000_00,
      shares: 10,
      guaranteedYearlyFen: 4_000_00,
      guaranteeSchedule: 'half_yearly',
      guarantor: 'project',
      startsOn: '2018-01-01',
      endsOn: '2030-12-31',
    });
    const declared = await write(`/v1/entities/${farm}/dividends`, {
      period: '2018-H2',
      declaredOn: '2019-01-10',
      recordDate: '2018-12-31',
      poolFen: 2_000_00,
    });
    await t.get(`/v1/households/${zhang}/statement?minPosition=${declared.position}`).expect(200);
    await t.get(`/v1/audit/arrears?minPosition=${declared.position}`).expect(200);
  });
  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  it('an auditor reads the county’s arrears by entity name, opens one, and sees the county’s leftovers', async () => {
    const page = await signIn(auditor);
    await page.getByRole('menuitem', { name: '欠付清单' }).click();
    await page.getByLabel('县区', { exact: true }).fill('英山县');
    await page.getByRole('button', { name: '查看' }).click();
    const row = page.getByRole('row').filter({ hasText: '石头村养牛合作社' }).first();
    await row.waitFor();
    // 2018-H2's dividend (2,000) unpaid, and every half-year's guarantee short since 2018 but the
    // declared one: 16 × 2,000 by today.
    expect(await row.textContent()).toContain('34,000.00');
    await row.getByRole('button', { name: '展开行' }).click();
    await page
      .locator('.ant-card')
      .filter({ hasText: '欠付明细' })
      .last()
      .getByRole('row')
      .filter({ hasText: zhang })
      .first()
      .waitFor();
    await page.getByText('带贫户数').waitFor();
    // Paged on the server, with the total over every page.
    await page.getByText('共 1 条').waitFor();
    await screenshot(page, 'auditor-county-arrears');

    // A header asks the server for its order (the CSV follows the same `sort`).
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/v1/audit/arrears') && r.url().includes('sort=oldestDue')),
      page.getByRole('columnheader', { name: '最早欠付日期' }).click(),
    ]);
    await page.getByRole('row').filter({ hasText: '石头村养牛合作社' }).first().waitFor();

    // By kind of obligation: the cooperative owes dividends and guarantee shortfalls, no rent.
    await page.getByRole('combobox', { name: '类别' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '租金' }).click();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/v1/audit/arrears') && r.url().includes('kind=rent')),
      page.getByRole('button', { name: '查看' }).click(),
    ]);
    await page.getByRole('row').filter({ hasText: '石头村养牛合作社' }).first().waitFor({ state: 'detached' });

    await page.getByRole('menuitem', { name: '资金流向' }).click();
    await page.getByLabel('县区', { exact: true }).fill('英山县');
    await page.getByRole('button', { name: '查看' }).first().click();
    // The county card alone names what stayed behind; the diagram (drawn from the same one answer)
    // points to it rather than repeating the figures.
    await page.getByText('到位未拨付', { exact: true }).first().waitFor();
    await page.getByText('资金尚未全部走完流程', { exact: false }).first().waitFor();
    await page.getByText('各环节结余见上方“全县汇总”。').waitFor();
    expect(await page.getByText('到位未拨付', { exact: true }).count()).toBe(1);
    expect(await page.getByText('各环节金额均已核平。').count()).toBe(0);
    expect(await page.getByRole('row').filter({ hasText: '肉牛养殖扶贫项目' }).first().textContent()).toContain(
      '资产收益',
    );
    await screenshot(page, 'auditor-county-fund-flow');
    await page.context().close();
  });

  it('a clerk moves 张三’s fiscal shares to 李四: a mid-month date is refused beside its field', async () => {
    const page = await signIn(clerk);
    // The register narrowed to a linkage form: of the two, only 张三 holds a stake.
    await page.getByRole('menuitem', { name: '农户查询' }).click();
    await page.getByText('共 2 条').waitFor();
    await page.getByRole('combobox', { name: '联结方式' }).click();
    await page.locator('.ant-select-item-option').filter({ hasText: '入股分红' }).click();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/v1/households?') && r.url().includes('form=equity')),
      page.getByRole('button', { name: '查询' }).click(),
    ]);
    await page.getByText('共 1 条').waitFor();
    expect(await page.getByRole('row').filter({ hasText: '张三' }).count()).toBe(1);

    await page.goto(`${base}/#/h/${zhang}`);
    const stakes = page.locator('.ant-card').filter({ hasText: '持有股份' });
    await stakes.getByRole('button', { name: '调整给他户' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('调整给', { exact: true }).fill('李四');
    await page.locator('.ant-select-item-option').filter({ hasText: '李四' }).first().click();
    await dialog.getByLabel('生效日期', { exact: true }).fill('2019-01-15');
    await dialog.getByLabel('原因', { exact: true }).fill('张三户已稳定脱贫');
    await dialog.getByRole('button', { name: '调整给他户' }).click();
    await dialog.getByText('只能在某月1日调整').first().waitFor();
    await screenshot(page, 'clerk-transfer-refused');
    await dialog.getByLabel('生效日期', { exact: true }).fill('2019-01-01');
    await dialog.getByRole('button', { name: '调整给他户' }).click();
    await stakes.getByText('已调整').first().waitFor();
    await screenshot(page, 'clerk-transfer-done');
    await page.context().close();
  });
});
