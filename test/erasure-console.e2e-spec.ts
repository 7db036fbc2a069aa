import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { webConsoleDir } from '../apps/ledger-api/src/web-console';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support/test-app';

/**
 * Erasure in the web console, in a real browser: an admin erases from the household page behind a
 * confirmation that names the consequence; a clerk is not offered it. Skipped, saying why, without the
 * built console or /usr/bin/chromium (as test/console.e2e-spec.ts).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = !webConsoleDir()
  ? 'dist/ledger-web/index.html is missing (run `npm run build`)'
  : !existsSync(CHROMIUM)
    ? `${CHROMIUM} is missing (apt-get install chromium)`
    : undefined;
const describeIfBrowser = missing ? describe.skip : describe;

describeIfBrowser(`erasure in the web console${missing ? ` (skipped: ${missing})` : ''}`, () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let householdId: string;

  const signIn = async (token: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('令牌', { exact: true }).fill(token);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '退出登录' }).waitFor();
    return page;
  };

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    householdId = (
      await t
        .post('/v1/households', {
          registrationNo: '421127010100911',
          headName: '欧阳春花',
          members: 3,
          village: '桃园村',
          township: '城关镇',
          county: '英山县',
        })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('offers a clerk no erasure', async () => {
    const page = await signIn(await t.userToken({ role: 'clerk', townships: ['城关镇'] }));
    await page.goto(`${base}/#/h/${householdId}`);
    await page.getByText('欧阳春花', { exact: false }).first().waitFor();
    expect(await page.getByRole('button', { name: '删除个人信息' }).count()).toBe(0);
    await page.context().close();
  });

  it('lets an admin erase after a confirmation that names the consequence; the page then shows 已删除', async () => {
    const page = await signIn(ADMIN_TOKEN);
    await page.goto(`${base}/#/h/${householdId}`);
    await page.getByRole('button', { name: '删除个人信息' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('永久显示为“[已删除]”，无法恢复', { exact: false }).waitFor();
    // No grounds, no erasure: the field says so.
    await dialog.getByRole('button', { name: '永久删除' }).click();
    await dialog.getByText('请填写删除依据').waitFor();
    await dialog.getByLabel('删除依据', { exact: false }).fill('工单 2026-118');
    await dialog.getByRole('button', { name: '永久删除' }).click();
    await page.getByText('个人信息已删除').waitFor();
    await page.getByText('[已删除]', { exact: false }).first().waitFor();
    expect(await page.getByText('欧阳春花').count()).toBe(0);
    expect(await page.getByRole('button', { name: '删除个人信息' }).count()).toBe(0);
    await page.context().close();
  });
});
