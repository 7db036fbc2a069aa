import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { type Browser, type Page } from 'playwright-core';
import { webConsoleDir } from '../apps/ledger-api/src/web-console';
import { TokenIssuer } from '../libs/ledger/src/auth/tokens';
import { type ConsoleBrowser, consoleMissing, describeInBrowser, openConsole, type Viewport } from './support/browser';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support/test-app';

/**
 * The web console in a real browser (Debian's chromium, driven by playwright-core), against the real
 * app on a fresh database. Needs the console built (`npm run build`, which `npm test` runs first) and
 * /usr/bin/chromium (`.ci/run` installs it when it can); without either, these report themselves skipped.
 */
const webDir = webConsoleDir();
const describeIfBuilt = consoleMissing ? describe.skip : describe;

describeIfBuilt(`web console served by the API${consoleMissing ? ` (skipped: ${consoleMissing})` : ''}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves the console at / without a token, and leaves the API its own answers', async () => {
    const page = await request(t.app.getHttpServer()).get('/').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<div id="root">');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)![1];
    await request(t.app.getHttpServer()).get(asset).expect(200);
    const unknown = await request(t.app.getHttpServer()).get('/v1/no-such-route').expect(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    await request(t.app.getHttpServer()).get('/v1/households').expect(401);
    await request(t.app.getHttpServer()).get('/health').expect(200);
  });

  it('sends the console precompressed and cacheable, its first screen within 500 kB of compressed JavaScript', async () => {
    const server = t.app.getHttpServer();
    const page = await request(server).get('/').set('Accept-Encoding', 'br').expect(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    // What the browser must fetch before the first screen: the entry script and the chunks it preloads.
    const html = await readFile(join(webDir!, 'index.html'), 'utf8');
    const firstScreen = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(firstScreen.length).toBeGreaterThan(0);
    const asset = await request(server).get(`/${firstScreen[0]}`).set('Accept-Encoding', 'br, gzip').expect(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const sizes = await Promise.all(firstScreen.map(async (file) => (await stat(join(webDir!, `${file}.br`))).size));
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`console's first screen: ${firstScreen.length} script(s), ${Math.round(total / 1024)} kB brotli`);
    expect(total).toBeLessThan(500 * 1024);
    // Pages are loaded when opened: the Sankey's chart library is not in the first screen.
    expect(firstScreen.some((file) => /FundFlowPage/.test(file))).toBe(false);
  });

  it("sends the household's phone page as its own small entry, without the console's antd", async () => {
    const server = t.app.getHttpServer();
    const page = await request(server).get('/phone.html').set('Accept-Encoding', 'br').expect(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = await readFile(join(webDir!, 'phone.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const asset = await request(server).get(`/${scripts[0]}`).set('Accept-Encoding', 'br, gzip').expect(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The console's entry (React and antd, ~150 kB brotli on its own) is not among them.
    const consoleEntry = /src="\/(assets\/[^"]+\.js)"/.exec(await readFile(join(webDir!, 'index.html'), 'utf8'))![1];
    expect(scripts).not.toContain(consoleEntry);
    for (const file of scripts) expect(await readFile(join(webDir!, file), 'utf8')).not.toMatch(/ant-btn|ant-collapse/);
    const sizes = await Promise.all(scripts.map(async (file) => (await stat(join(webDir!, `${file}.br`))).size));
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`phone page: ${scripts.length} script(s), ${Math.round(total / 1024)} kB brotli`);
    expect(total).toBeLessThan(100 * 1024);
    // Old cards' `/#/s?…` links are sent on by a script under its own name: never cached long.
    const oldLinks = await request(server).get('/old-phone-link.js').expect(200);
    expect(oldLinks.headers['cache-control']).toBe('no-cache');
  });

  it("compresses the API's larger answers", async () => {
    const docs = await request(t.app.getHttpServer()).get('/api/docs-json').set('Accept-Encoding', 'gzip').expect(200);
    expect(docs.headers['content-encoding']).toBe('gzip');
  });
});

describeInBrowser('web console in a browser', () => {
  // A browser on a busy 2-core machine can take a while; these are end-to-end journeys, not timings.
  jest.setTimeout(180_000);
  let t: TestApp;
  let web: ConsoleBrowser;
  let base: string;
  let browser: Browser;
  let clerk: string;
  let auditor: string;
  let zhangToken: string;
  let zhang: string;
  let li: string;
  let farm: string;
  let employmentId: string;
  let projectId: string;

  const write = async (path: string, body: object) =>
    (await t.post(path, body).expect(201)).body as { id: string; position: number };

  const screenshot = (page: Page, shot: string) => web.screenshot(page, shot);
  const signIn = (token: string, viewport?: Viewport) => web.signIn(token, viewport);

  beforeAll(async () => {
    t = await startTestApp();
    web = await openConsole(t, 'console');
    ({ base, browser } = web);

    const household = async (registrationNo: string, headName: string) =>
      (
        await write('/v1/households', {
          registrationNo,
          headName,
          members: 4,
          village: '桃园村',
          township: '城关镇',
          county: '英山县',
        })
      ).id;
    zhang = await household('421127010100101', '张三');
    li = await household('421127010100102', '李四');
    farm = (
      await write('/v1/entities', {
        name: '桃园茶叶专业合作社',
        kind: 'cooperative',
        township: '城关镇',
        county: '英山县',
      })
    ).id;
    employmentId = (
      await write('/v1/employments', {
        entityId: farm,
        householdId: zhang,
        workerName: '张三',
        startsOn: '2018-03-01',
        wageBasis: 'monthly',
        rateFen: 2_000_00,
      })
    ).id;
    const lease = await write('/v1/leases', {
      entityId: farm,
      householdId: zhang,
      areaMu: '2.50',
      rentPerMuYearFen: 800_00,
      startsOn: '2018-01-01',
      endsOn: '2020-12-31',
      schedule: 'yearly',
    });
    await write(`/v1/leases/${lease.id}/payments`, { period: '2018', amountFen: 2_000_00, paidOn: '2018-01-10' });

    projectId = (await write('/v1/projects', { name: '桃园茶园扶贫项目', industry: 'planting', county: '英山县' })).id;
    for (const [source, amountFen] of [
      ['central', 50_000_00],
      ['county', 30_000_00],
    ] as const) {
      await write(`/v1/projects/${projectId}/funds`, {
        source,
        amountFen,
        documentRef: '英财农〔2018〕30号',
        receivedOn: '2018-01-10',
      });
    }
    await write(`/v1/projects/${projectId}/disbursements`, {
      entityId: farm,
      amountFen: 60_000_00,
      purpose: '建设茶园',
      disbursedOn: '2018-02-01',
    });
    for (const [householdId, principalFen, shares] of [
      [zhang, 40_000_00, 4],
      [li, 20_000_00, 2],
    ] as const) {
      await write('/v1/stakes', {
        entityId: farm,
        householdId,
        projectId,
        source: 'fiscal_fund',
        principalFen,
        shares,
        startsOn: '2018-03-01',
      });
    }

    await write(`/v1/entities/${farm}/dividends`, {
      period: '2018',
      declaredOn: '2018-12-20',
      recordDate: '2018-12-01',
      poolFen: 600_00,
    }); // 张三 4 shares of 6: 400.00 allocated

    clerk = await t.userToken({ name: '王会计', role: 'clerk', townships: ['城关镇'] });
    auditor = await t.userToken({ name: '审计员', role: 'auditor' });
    zhangToken = await t.userToken({ name: '张三', role: 'household', householdId: zhang });
    // Statements and arrears are read models: let them catch up before the pages read them.
    const last = (
      await write('/v1/households', {
        registrationNo: '421127010100199',
        headName: '赵六',
        members: 1,
        village: '桃园村',
        township: '城关镇',
        county: '英山县',
      })
    ).position;
    await t.get(`/v1/households/${zhang}/statement?minPosition=${last}`).expect(200);
    await t.get(`/v1/entities/${farm}/obligations?minPosition=${last}`).expect(200);
    await t.get(`/v1/audit/fund-flow?projectId=${projectId}&minPosition=${last}`).expect(200);
    await t.get(`/v1/households/${zhang}/linkages?minPosition=${last}`).expect(200);
  });

  /** Picks `text` in the searchable select labelled `label` (an entity or project picker). */
  const pick = async (page: Page, label: string, text: string) => {
    await page.getByLabel(label, { exact: true }).fill(text);
    await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
  };

  afterAll(async () => {
    await web?.close();
    await t?.close();
  });

  it('a clerk finds a household, records a wage (errors beside their fields) and sees it on the statement', async () => {
    const page = await signIn(clerk);
    await page.getByRole('menuitem', { name: '农户查询' }).click();
    await page.getByText('共 3 条').waitFor(); // the register of its townships, with its total
    await page.getByLabel('关键词', { exact: true }).fill('张三');
    await page.getByRole('button', { name: '查询' }).click();
    // The register lists every household until the search answers: open 张三's own row either way.
    await page.getByRole('row').filter({ hasText: '421127010100101' }).getByRole('link', { name: '打开' }).click();
    await page.getByText('农户：张三（421127010100101）').waitFor();
    await page.getByText('2,000.00').first().waitFor(); // the rent paid through the API
    await page.getByText('王会计').waitFor(); // who is signed in (GET /v1/me)
    // The breadcrumb leads back to the search.
    await page.locator('.ant-breadcrumb').getByRole('link', { name: '农户查询' }).waitFor();
    await page.locator('.ant-breadcrumb').getByText('农户详情').waitFor();

    // The wage form is reached from the household's employment, which it records against.
    await page.getByRole('button', { name: '记录工资' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('桃园茶叶专业合作社').waitFor(); // names, not the linkage's id
    expect(await dialog.getByText(employmentId).count()).toBe(0);
    await dialog.getByLabel('月份', { exact: true }).fill('2018-04');
    await dialog.getByLabel('发放日期', { exact: true }).fill('2018-05-05');
    await dialog.getByLabel('金额（元）', { exact: true }).fill('2,000.505');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('金额格式不对').waitFor(); // checked in the page: no request sent

    // A slip of the keyboard: 25,000,000 yuan against 2,000 a month is asked about, and not sent unconfirmed.
    await dialog.getByLabel('金额（元）', { exact: true }).fill('25,000,000');
    await dialog.getByText('本次工资 25,000,000.00 元，远高于约定月薪 2,000.00 元。').waitFor();
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByRole('checkbox', { name: '已核对，仍然保存' }).waitFor();
    await screenshot(page, 'clerk-wage-sanity-warning');
    expect(
      (await t.get(`/v1/households/${zhang}/statement`).expect(200)).body.lines.filter(
        (l: { kind: string }) => l.kind === 'wage',
      ),
    ).toEqual([]);

    await dialog.getByLabel('金额（元）', { exact: true }).fill('2,000.50');
    await dialog.getByLabel('出勤天数', { exact: true }).fill('40');
    await dialog.getByRole('button', { name: '确定' }).click();
    // The API's 400 names daysWorked: its message sits under that field.
    const daysItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('出勤天数', { exact: true }) });
    await daysItem.getByText('daysWorked must be a whole number of days from 0 to 31').waitFor();
    await screenshot(page, 'clerk-wage-field-error');

    await dialog.getByLabel('出勤天数', { exact: true }).fill('22');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: '2,000.50' });
    await row.waitFor();
    expect(await row.textContent()).toContain('2018年4月'); // the period in words, never the API's code
    await screenshot(page, 'clerk-statement-after-wage');

    // Recorded exactly once, in fen.
    const statement = await t.get(`/v1/households/${zhang}/statement`).expect(200);
    const wages = (statement.body.lines as { kind: string; amountFen: number }[]).filter((l) => l.kind === 'wage');
    expect(wages.map((w) => w.amountFen)).toEqual([2_000_50]);
    await page.context().close();
  });

  it("a clerk prints the village's cards as one PDF from the household search", async () => {
    const page = await signIn(clerk);
    await page.getByRole('menuitem', { name: '农户查询' }).click();
    await page.getByRole('textbox', { name: /^村/ }).fill('桃园村');
    await page.getByRole('textbox', { name: /^乡镇/ }).fill('城关镇');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '打印本村明白卡' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('城关镇桃园村明白卡.pdf');
    const bytes = await readFile(await file.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a clerk records a dividend through its form: the refusal sits under the amount, then it is on the statement', async () => {
    const page = await signIn(clerk);
    await page.goto(`${base}/#/h/${zhang}`);
    await page.getByRole('button', { name: '记录分红' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('本户尚未领取 400.00 元').waitFor();
    const amount = dialog.getByLabel('金额（元）', { exact: true });
    expect(await amount.inputValue()).toBe('400.00'); // what is still owed, offered
    await amount.fill('500');
    await dialog.getByLabel('发放日期', { exact: true }).fill('2018-12-25');
    // Above the allocation: the form asks first; confirmed, the API has the last word.
    await dialog.getByText('本次分红 500.00 元，高于该户应分 400.00 元。').waitFor();
    await dialog.getByRole('checkbox', { name: '已核对，仍然保存' }).check();
    await dialog.getByRole('button', { name: '确定' }).click();
    // The API's 422 (overpayment) sits beside the amount it is about.
    const amountItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('金额（元）', { exact: true }) });
    await amountItem.locator('.ant-form-item-explain-error').waitFor();
    await screenshot(page, 'clerk-dividend-overpayment');

    await amount.fill('400.00');
    await dialog.getByLabel('凭证号', { exact: true }).fill('分红-2018-001');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row').filter({ hasText: '400.00' }).filter({ hasText: '分红' });
    await row.first().waitFor();
    await screenshot(page, 'clerk-statement-after-dividend');
    const statement = await t.get(`/v1/households/${zhang}/statement`).expect(200);
    const dividends = (statement.body.lines as { kind: string; amountFen: number }[]).filter(
      (l) => l.kind === 'dividend',
    );
    expect(dividends.map((d) => d.amountFen)).toEqual([400_00]);
    await page.context().close();
  });

  it('a dry run shows the bad cell; the fixed roster passes, is imported and opens the statement', async () => {
    const page = await signIn(clerk);
    await page.getByRole('menuitem', { name: '名册导入' }).click();
    await pick(page, '经营主体', '桃园茶叶');
    const roster = (amount: string) => ({
      name: '工资表.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `\uFEFF户编号,姓名,月份,金额,发放日期\r\n421127010100101,张三,2018-05,"2,000.00",2018-06-05\r\n421127010100101,张三,2018-06,${amount},2018-07-05\r\n`,
      ),
    });
    await page.getByLabel('文件', { exact: true }).setInputFiles(roster('20O0.00'));
    await page.getByRole('button', { name: '试导入（不写入）' }).click();
    const bad = page.locator('td.import-bad-cell[aria-invalid="true"]');
    await bad.first().waitFor();
    expect(await bad.count()).toBe(1);
    expect(await bad.textContent()).toContain('20O0.00');
    expect(await bad.locator('.import-reason').textContent()).toMatch(/^有误：.+/);
    // It is the amount column's cell, on spreadsheet row 3.
    const row = page.getByRole('row').filter({ has: bad });
    expect(await row.locator('td').first().textContent()).toBe('3');
    const headers = await page.locator('thead th').allTextContents();
    const cells: (string | null)[] = [];
    for (const cell of await row.locator('td').all()) cells.push(await cell.getAttribute('aria-invalid'));
    expect(headers[cells.indexOf('true')]).toBe('金额');
    expect(await page.getByRole('button', { name: '正式导入' }).isDisabled()).toBe(true);
    await screenshot(page, 'clerk-import-dry-run-bad-cell');

    await page.getByLabel('文件', { exact: true }).setInputFiles(roster('1800'));
    await page.getByRole('button', { name: '试导入（不写入）' }).click();
    await page.getByText('全部通过，可以正式导入。').waitFor();
    await page.getByRole('button', { name: '正式导入' }).click();
    await page.getByText('已写入台账').waitFor();
    await screenshot(page, 'clerk-import-committed');
    await page.getByRole('button', { name: '查看明白卡' }).first().click();
    await page.getByText('农户：张三（421127010100101）').waitFor();
    await page.getByRole('row').filter({ hasText: '1,800.00' }).first().waitFor();
    await page.context().close();
  });

  it('an auditor opens the fund-flow Sankey diagram and the arrears list', async () => {
    const page = await signIn(auditor);
    expect(await page.getByRole('menuitem', { name: '名册导入' }).count()).toBe(0); // auditors write nothing
    await page.getByRole('menuitem', { name: '资金流向' }).click();
    await pick(page, '项目', '桃园茶园');
    // The page shows the county's document first; the project's flow is the second card.
    await page.getByRole('button', { name: '查看' }).last().click();
    await page.getByText('桃园茶园扶贫项目').first().waitFor();
    await page.locator('canvas').first().waitFor();
    // 80,000 received, 60,000 disbursed: 20,000 stayed with the project, and the page says so.
    await page.getByText('仍有资金未到户，不能视为核平。').waitFor();
    expect(await page.getByText('各环节金额均已核平。').count()).toBe(0);
    expect(await page.getByText('80,000.00').count()).toBeGreaterThan(0);
    expect(await page.getByText('20,000.00').count()).toBeGreaterThan(0);
    await page.waitForTimeout(1200); // the diagram's entry animation
    await screenshot(page, 'auditor-fund-flow');
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 CSV' }).click();
    const csvText = await readFile(await (await csv).path(), 'utf8');
    expect(csvText.split('\r\n')[0]).toBe('\uFEFF来源,去向,金额（元）,金额（分）');
    expect(csvText).toContain('中央财政,桃园茶园扶贫项目,50000.00,5000000');
    expect(csvText).toContain('桃园茶叶专业合作社,城关镇桃园村（2 户）,60000.00,6000000');
    expect(csvText).not.toMatch(/household-|entity-|project-/);
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出图片' }).click();
    expect((await readFile(await (await png).path())).subarray(1, 4).toString('latin1')).toBe('PNG');

    // The county's arrears by entity name; the tea company opens to the households it owes.
    await page.getByRole('menuitem', { name: '欠付清单' }).click();
    await page.getByRole('button', { name: '查看' }).click();
    const entityRow = page.getByRole('row').filter({ hasText: '桃园茶叶' }).first();
    await entityRow.waitFor();
    await entityRow.getByRole('button', { name: '展开行' }).click();
    const rows = page
      .locator('.ant-card')
      .filter({ hasText: '欠付明细' })
      .last()
      .getByRole('row')
      .filter({ hasText: zhang });
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2); // rent for 2019 and 2020 still owed
    expect(await rows.first().textContent()).toContain('2,000.00');
    await page.getByRole('button', { name: '导出 CSV' }).first().isEnabled();
    await screenshot(page, 'auditor-arrears');
    await page.context().close();
  });

  it('each role lands on its dashboard, with a side menu of what it may open', async () => {
    const clerkPage = await signIn(clerk);
    await clerkPage.getByText('本辖区概况').waitFor();
    await clerkPage.getByText('辖区：城关镇').waitFor();
    await clerkPage.getByText('登记农户').waitFor();
    await clerkPage.getByText(/^\d+ 笔，\d+ 户$/).waitFor(); // this month's payments in its townships
    expect(await clerkPage.getByRole('menuitem', { name: '资金流向' }).count()).toBe(0); // auditors' and admins'
    await screenshot(clerkPage, 'clerk-dashboard');

    // The next person at the same desk: signing out leaves nothing of the clerk's behind.
    const auditorPage = clerkPage;
    await web.switchUser(auditorPage, auditor);
    await auditorPage.getByText('全县概况').waitFor();
    await auditorPage.getByText('完整').waitFor(); // the log check
    expect(await auditorPage.getByText('辖区：城关镇').count()).toBe(0);
    await screenshot(auditorPage, 'auditor-dashboard');
    // Coverage by year: 2018's linkages, each household once.
    await auditorPage.getByRole('menuitem', { name: '覆盖情况' }).click();
    await auditorPage.getByRole('combobox', { name: '年度' }).fill('2018');
    await auditorPage.locator('.ant-select-item-option').filter({ hasText: '2018年' }).click();
    await auditorPage.getByText('按 2018-12-31 在期的联结关系统计，每户只计一次').waitFor();
    const township = auditorPage.getByRole('row').filter({ hasText: '城关镇' });
    await township.first().waitFor();
    expect(await township.first().locator('td').allTextContents()).toEqual(
      expect.arrayContaining(['3', '2']), // 3 households, 2 covered
    );
    await screenshot(auditorPage, 'auditor-coverage-2018');

    const adminPage = auditorPage;
    await web.switchUser(adminPage, ADMIN_TOKEN);
    await adminPage.getByText('读模型状态').waitFor();
    await adminPage.getByText('服务正常').waitFor();
    await adminPage.getByText(/^管理员 1 · 经办人 \d+ · 审计 \d+ · 农户 \d+$/).waitFor(); // users by role
    await screenshot(adminPage, 'admin-dashboard');
    await adminPage.context().close();
  });

  it("a household's link opens its statement on a phone, and not another household's", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    let statementRequests = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/statement')) statementRequests += 1;
    });
    // The console's old address for it, as cards printed before phone.html carry it: sent on to phone.html.
    await page.goto(`${base}/#/s?h=${zhang}&token=${encodeURIComponent(zhangToken)}`);
    await page.getByText('我家的收益明白卡').waitFor();
    await page.getByText('张三 · 桃园村').waitFor();
    await page.getByText('2,000.00 元').first().waitFor();
    expect(page.url()).toBe(`${base}/phone.html#/s?h=${zhang}`); // the token left the address for the tab's session
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
    await screenshot(page, 'household-statement-360px');
    // Once: a page that re-renders itself forever (it once did) asks again and again and never settles.
    expect(statementRequests).toBe(1);

    await context.close();
    const otherContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const other = await otherContext.newPage();
    await other.goto(`${base}/#/s?h=${li}&token=${encodeURIComponent(zhangToken)}`);
    await other.getByText('此链接无权查看该农户的明白卡。').waitFor();
    expect(await other.getByText('李四').count()).toBe(0);
    await screenshot(other, 'household-other-refused');
    await otherContext.close();
  });

  it("the QR link printed on a household's card opens its statement on a phone, until it expires", async () => {
    const card = await t.get(`/v1/households/${zhang}/statement.html`, clerk).expect(200);
    const printed = /<a href="([^"]+)">/.exec(card.text)![1].replace(/&amp;/g, '&');
    expect(printed).toMatch(/\/phone\.html#\/s\?h=/); // the phone page's own small entry, not the console
    const link = `${base}${new URL(printed).pathname}${new URL(printed).hash}`;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByText('张三 · 桃园村').waitFor();
    expect(page.url()).not.toContain('token=');
    await screenshot(page, 'household-statement-from-card-link');

    const expired = t.app.get(TokenIssuer).statementLinkFor(zhang, new Date(Date.now() - 60_000));
    await page.goto(`${base}/#/s?h=${zhang}&token=${encodeURIComponent(expired)}`);
    await page.getByText('链接已失效，请向经办人重新索取。').waitFor();

    // The old address typed into a console already open (a hash change, no page load): on to phone.html too.
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.evaluate(`location.hash = ${JSON.stringify(new URL(printed).hash)}`);
    await page.getByText('张三 · 桃园村').waitFor();
    expect(page.url()).toBe(`${base}/phone.html#/s?h=${zhang}`);
    await context.close();
  });
});
