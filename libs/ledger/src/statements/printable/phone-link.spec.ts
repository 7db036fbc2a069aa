import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenIssuer } from '../../auth/tokens';
import { phoneLinkFor } from './phone-link';
import { renderStatementHtml } from './statement-html';
import { renderStatementPdf } from './statement-pdf';
import { qrMatrix, qrSvg } from './statement-qr';
import { fixtureStatement } from './statement.fixtures';

const issuer = new TokenIssuer('a-secret-of-at-least-thirty-two-characters');
const HOUSEHOLD = 'household-11111111-2222-4333-8444-555555555555';

describe('the phone link on a clarity card', () => {
  it('lasts through the last day in China Standard Time, then expires at midnight there', () => {
    // 2026-01-01 23:30 in China (15:30 UTC): 90 days later is 2026-04-01, valid through its end.
    const link = phoneLinkFor(issuer, HOUSEHOLD, 'https://ledger.example.cn/', new Date('2026-01-01T15:30:00Z'), 90);
    expect(link.expiresOn).toBe('2026-04-01');
    expect(link.expiresAt.toISOString()).toBe('2026-04-01T16:00:00.000Z');
    expect(link.url).toMatch(
      new RegExp(`^https://ledger\\.example\\.cn/phone\\.html#/s\\?h=${HOUSEHOLD}&token=hl1\\.`),
    );
    const token = decodeURIComponent(link.url.split('token=')[1]);
    expect(issuer.readStatementLink(token, new Date('2026-04-01T15:59:59Z'))?.householdId).toBe(HOUSEHOLD);
    expect(issuer.readStatementLink(token, new Date('2026-04-01T16:00:00Z'))).toBeUndefined();
  });

  it('draws a QR code as one SVG path with a quiet zone, labelled for screen readers', () => {
    const matrix = qrMatrix('https://ledger.example.cn/#/s?h=x');
    expect(matrix.length).toBeGreaterThanOrEqual(21);
    expect(matrix.every((row) => row.length === matrix.length)).toBe(true);
    const svg = qrSvg('https://ledger.example.cn/#/s?h=x', '手机扫码查看 "本户"');
    expect(svg).toMatch(new RegExp(`viewBox="0 0 ${matrix.length + 8} ${matrix.length + 8}"`));
    expect(svg).toContain('aria-label="手机扫码查看 &#34;本户&#34;"');
  });

  const tools = ['/usr/bin/zbarimg', '/usr/bin/pdftoppm'];
  const scan = tools.every(existsSync) ? it : it.skip;
  scan('prints a QR code on the PDF that a scanner reads back as the link (needs zbarimg and pdftoppm)', async () => {
    const link = phoneLinkFor(issuer, HOUSEHOLD, 'https://ledger.example.cn', new Date('2026-01-01T00:00:00Z'), 90);
    const statement = fixtureStatement();
    const options = { verificationCode: '7K3M-9QXP-2HDT', phoneLink: { url: link.url, expiresOn: link.expiresOn } };
    expect(renderStatementHtml(statement, options)).toContain(link.url.replace(/&/g, '&amp;'));
    const dir = mkdtempSync(join(tmpdir(), 'ledger-qr-'));
    writeFileSync(join(dir, 'card.pdf'), await renderStatementPdf(statement, options));
    execFileSync(tools[1], ['-r', '150', '-png', join(dir, 'card.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png'));
    const found = pages.flatMap((page) => {
      try {
        return execFileSync(tools[0], ['--raw', '-q', join(dir, page)], { encoding: 'utf8' })
          .trim()
          .split('\n');
      } catch {
        return []; // zbarimg exits 4 on a page with no code
      }
    });
    expect(found).toContain(link.url);
  });
});
