import { existsSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';

/**
 * The console on a township's connection, in Debian's chromium (playwright-core) with the network
 * throttled through the DevTools protocol (`Network.emulateNetworkConditions`) to the slow 3G:
 * 400 ms latency, 400 kbit/s each way, a cold cache. Two figures: how long the household's phone page
 * (phone.html, the link its printed card carries) takes from opening the link to showing its total, and how many bytes of JavaScript (as sent,
 * compressed) the clerk's console loads before its first screen (the sign-in form).
 */
export interface WebResults {
  available: boolean;
  reason?: string;
  phoneStatementMs?: number;
  consoleFirstScreenKb?: number;
  consoleFirstScreenScripts?: number;
}

export const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function throttled(browser: Browser, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  return { page, cdp, close: () => context.close() };
}

/** Bytes received for each script, as sent (compressed), from the protocol's own accounting. */
function scriptBytes(cdp: CDPSession): () => { bytes: number; scripts: number } {
  const scripts = new Set<string>();
  const bytes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e: { requestId: string; type?: string }) => {
    if (e.type === 'Script') scripts.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    bytes.set(e.requestId, e.encodedDataLength);
  });
  return () => {
    let total = 0;
    for (const id of scripts) total += bytes.get(id) ?? 0;
    return { bytes: total, scripts: scripts.size };
  };
}

const yuanOf = (fen: number) =>
  (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export async function measureWeb(
  baseUrl: string,
  phone: { householdId: string; token: string; totalFen: number },
  log: (line: string) => void,
): Promise<WebResults> {
  if (!existsSync(CHROMIUM)) return { available: false, reason: `${CHROMIUM} is missing (apt-get install chromium)` };
  let chromium: typeof import('playwright-core').chromium;
  try {
    // A development dependency: the bench runs from a development checkout.
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { available: false, reason: 'playwright-core is not installed' };
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
    // A Ctrl-C is the bench's to handle (withThrowawayServer cleans up, then exits): Playwright's
    // own handler would exit first and leave the database and its folder behind.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  try {
    log('web: the phone statement on slow 3G (400 ms, 400 kbit/s)');
    const phonePage = await throttled(browser, { width: 360, height: 740 });
    const started = Date.now();
    await phonePage.page.goto(
      `${baseUrl}/phone.html#/s?h=${encodeURIComponent(phone.householdId)}&token=${encodeURIComponent(phone.token)}`,
      { waitUntil: 'commit', timeout: 60_000 },
    );
    await shown(phonePage.page, `${yuanOf(phone.totalFen)} 元`);
    const phoneStatementMs = Date.now() - started;
    await phonePage.close();

    log("web: the clerk's console first screen on slow 3G");
    const consolePage = await throttled(browser, { width: 1280, height: 800 });
    const scripts = scriptBytes(consolePage.cdp);
    await consolePage.page.goto(`${baseUrl}/`, { waitUntil: 'commit', timeout: 60_000 });
    await consolePage.page.getByRole('button', { name: '登录' }).waitFor({ timeout: 60_000 });
    const first = scripts();
    await consolePage.close();
    log(
      `  phone total shown after ${phoneStatementMs} ms; console: ${first.scripts} scripts, ${Math.round(first.bytes / 1024)} kB`,
    );
    return {
      available: true,
      phoneStatementMs,
      consoleFirstScreenKb: Math.round(first.bytes / 1024),
      consoleFirstScreenScripts: first.scripts,
    };
  } finally {
    await browser.close();
  }
}

async function shown(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor({ timeout: 60_000 });
}
