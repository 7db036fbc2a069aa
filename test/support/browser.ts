import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webConsoleDir } from '../../apps/ledger-api/src/web-console';
import type { TestApp } from './test-app';

/**
 * The console in a real browser (Debian's chromium, driven by playwright-core) for the browser e2e
 * tests: one launch, one sign-in and one screenshot helper, instead of a copy in every file. Needs the
 * console built (`npm run build:web`) and /usr/bin/chromium (`.ci/run` installs it when it can);
 * without either, the tests report themselves skipped, saying why.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the console cannot be served (undefined: it can). */
export const consoleMissing = webConsoleDir()
  ? undefined
  : 'dist/ledger-web/index.html is missing (run `npm run build`)';

/** Why the browser tests cannot run here (undefined: they can). */
export const browserMissing =
  consoleMissing ?? (existsSync(CHROMIUM) ? undefined : `${CHROMIUM} is missing (apt-get install chromium)`);

/** `describe` for browser journeys: skipped, with the reason in its title, when they cannot run. */
export function describeInBrowser(title: string, body: () => void): void {
  (browserMissing ? describe.skip : describe)(`${title}${browserMissing ? ` (skipped: ${browserMissing})` : ''}`, body);
}

export interface Viewport {
  width: number;
  height: number;
}

/** The console of a running test app, in one browser. */
export interface ConsoleBrowser {
  /** `http://127.0.0.1:<port>`, where the app listens. */
  base: string;
  browser: Browser;
  /** A new tab (its own context: its own session) signed in with the token, once the console shows the user. */
  signIn(token: string, viewport?: Viewport): Promise<Page>;
  /** A new tab at a path of the console without signing in (the household's phone page, a card's link). */
  open(path: string, viewport?: Viewport): Promise<Page>;
  /** The same tab signed out and signed in again with another token, as at a shared desk (no reload). */
  switchUser(page: Page, token: string): Promise<void>;
  /**
   * A full-page screenshot in this run's folder, its path printed. Skipped under CI (nobody looks at
   * them there, and each costs the browser a full render and a PNG) unless LEDGER_SCREENSHOTS=1.
   */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

const DESKTOP: Viewport = { width: 1280, height: 800 };

const underCi = Boolean(process.env.CI) && process.env.CI !== 'false';
const takeScreenshots = process.env.LEDGER_SCREENSHOTS === '1' || !underCi;

async function signInOn(page: Page, token: string): Promise<void> {
  await page.getByLabel('令牌', { exact: true }).fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** Starts the app listening on a free port and launches chromium against it. */
export async function openConsole(t: TestApp, name: string): Promise<ConsoleBrowser> {
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const shots = await mkdtemp(join(tmpdir(), `ledger-${name}-`));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const open = async (path: string, viewport: Viewport = DESKTOP) => {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    return page;
  };
  return {
    base,
    browser,
    open,
    async signIn(token, viewport = DESKTOP) {
      const page = await open('/', viewport);
      await signInOn(page, token);
      return page;
    },
    async switchUser(page, token) {
      await page.getByRole('button', { name: '退出登录' }).click();
      await signInOn(page, token);
    },
    async screenshot(page, shot) {
      if (!takeScreenshots) return;
      const path = join(shots, `${shot}.png`);
      await page.bringToFront(); // a background tab draws no frames to capture
      await page.screenshot({ path, fullPage: true, animations: 'disabled', timeout: 60_000 });
      console.log(`screenshot: ${path}`);
    },
    close: () => browser.close(),
  };
}
