import type { TokenIssuer } from '../../auth/tokens';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The household's phone link printed on its card: the phone page, the console's own small bundle
 * without the admin UI (`/phone.html#/s?h=…&token=…`; the token stays in the hash, which browsers never
 * send to the server, so it is not in any access log), with a statement-link token that opens this household's statement only, until the end of the day
 * (China Standard Time) `days` after printing.
 */
export function phoneLinkFor(
  tokens: Pick<TokenIssuer, 'statementLinkFor'>,
  householdId: string,
  consoleUrl: string,
  issuedAt: Date,
  days: number,
): { url: string; expiresOn: string; expiresAt: Date } {
  const chinaDay = Math.floor((issuedAt.getTime() + CHINA_OFFSET_MS) / DAY_MS) + days;
  const expiresOn = new Date(chinaDay * DAY_MS).toISOString().slice(0, 10);
  // Valid through expiresOn: it expires at the next midnight in China.
  const expiresAt = new Date((chinaDay + 1) * DAY_MS - CHINA_OFFSET_MS);
  const token = tokens.statementLinkFor(householdId, expiresAt);
  const base = consoleUrl.replace(/\/+$/, '');
  return {
    url: `${base}/phone.html#/s?h=${encodeURIComponent(householdId)}&token=${encodeURIComponent(token)}`,
    expiresOn,
    expiresAt,
  };
}
