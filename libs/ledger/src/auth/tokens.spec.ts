import { isStatementLinkToken, TokenIssuer, userIdOfToken } from './tokens';

const HOUSEHOLD = 'household-11111111-2222-4333-8444-555555555555';
const OTHER = 'household-99999999-2222-4333-8444-555555555555';

describe('statement links (the token printed as a QR code on a clarity card)', () => {
  const issuer = new TokenIssuer('a-secret-of-at-least-thirty-two-characters');
  const now = new Date('2026-01-01T00:00:00Z');
  const later = new Date('2026-04-01T00:00:00Z');

  it('names its household and expiry, and proves itself with a MAC', () => {
    const token = issuer.statementLinkFor(HOUSEHOLD, later);
    expect(token).toMatch(new RegExp(`^hl1\\.${HOUSEHOLD}\\.\\d+\\.[A-Za-z0-9_-]{43}$`));
    expect(isStatementLinkToken(token)).toBe(true);
    expect(isStatementLinkToken(issuer.tokenFor('user-1'))).toBe(false);
    expect(issuer.readStatementLink(token, now)).toEqual({ householdId: HOUSEHOLD, expiresAt: later.toISOString() });
  });

  it('is refused once expired, at the very second', () => {
    const token = issuer.statementLinkFor(HOUSEHOLD, later);
    expect(issuer.readStatementLink(token, new Date(later.getTime() - 1000))).toBeDefined();
    expect(issuer.readStatementLink(token, later)).toBeUndefined();
  });

  it('is refused when any part is changed, or signed under another secret', () => {
    const token = issuer.statementLinkFor(HOUSEHOLD, later);
    const [prefix, id, expiry, mac] = token.split('.');
    expect(issuer.readStatementLink([prefix, OTHER, expiry, mac].join('.'), now)).toBeUndefined();
    expect(issuer.readStatementLink([prefix, id, String(Number(expiry) + 1), mac].join('.'), now)).toBeUndefined();
    expect(issuer.readStatementLink([prefix, id, expiry, `${mac.slice(0, -1)}A`].join('.'), now)).toBeUndefined();
    expect(issuer.readStatementLink(`${token}x`, now)).toBeUndefined();
    const stranger = new TokenIssuer('another-secret-of-at-least-thirty-two-chars');
    expect(stranger.readStatementLink(token, now)).toBeUndefined();
  });

  it('is never taken for a user token, nor a user token for a link', () => {
    // A user's token is `<userId>.<mac>`: the MAC for a user id is not a link's MAC.
    const userToken = issuer.tokenFor(HOUSEHOLD);
    expect(issuer.readStatementLink(userToken, now)).toBeUndefined();
    expect(userIdOfToken(issuer.statementLinkFor(HOUSEHOLD, later))).toBe('hl1');
  });
});
