import { type ConsoleBrowser, describeInBrowser, openConsole } from './support/browser';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support/test-app';

/**
 * Erasure in the web console, in a real browser: an admin erases from the household page behind a
 * confirmation that names the consequence; a clerk is not offered it. Skipped, saying why, without the
 * built console or /usr/bin/chromium (as test/console.e2e-spec.ts).
 */

describeInBrowser('erasure in the web console', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let web: ConsoleBrowser;
  let base: string;
  let householdId: string;

  const signIn = (token: string) => web.signIn(token, { width: 1280, height: 800 });

  beforeAll(async () => {
    t = await startTestApp();
    web = await openConsole(t, 'erasure-console');
    ({ base } = web);
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
    await web?.close();
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
