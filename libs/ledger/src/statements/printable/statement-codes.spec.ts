import fc from 'fast-check';
import {
  compareWithIssue,
  CROCKFORD_ALPHABET,
  newStatementCode,
  normaliseStatementCode,
  STATEMENT_CODE_PATTERN,
  statementDigest,
  statementIssueFor,
} from './statement-codes';
import { fixtureLines, fixtureStatement, HOUSEHOLD_ID } from './statement.fixtures';

const bytes = fc.uint8Array({ minLength: 8, maxLength: 8 });

describe('newStatementCode', () => {
  it('writes 60 random bits as twelve Crockford characters in three groups', () => {
    expect(newStatementCode(new Uint8Array(8))).toBe('0000-0000-0000');
    expect(newStatementCode(new Uint8Array(8).fill(0xff))).toBe('ZZZZ-ZZZZ-ZZZZ');
    // The low 60 bits, most significant first: 0x0123456789abcdef → 0x123456789abcdef.
    expect(newStatementCode(Uint8Array.from([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]))).toBe('28T5-CY4T-QKFF');
    fc.assert(fc.property(bytes, (b) => STATEMENT_CODE_PATTERN.test(newStatementCode(b))));
    expect(CROCKFORD_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('draws from crypto.randomBytes by default: no two alike in ten thousand', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => newStatementCode()));
    expect(codes.size).toBe(10_000);
    for (const code of [...codes].slice(0, 100)) expect(code).toMatch(STATEMENT_CODE_PATTERN);
  });

  it('needs eight bytes', () => {
    expect(() => newStatementCode(new Uint8Array(7))).toThrow(RangeError);
  });
});

describe('normaliseStatementCode', () => {
  it.each([
    ['7K3M-9QXP-2HDT', '7K3M-9QXP-2HDT'],
    ['7k3m-9qxp-2hdt', '7K3M-9QXP-2HDT'],
    ['7K3M9QXP2HDT', '7K3M-9QXP-2HDT'],
    [' 7K3M 9QXP 2HDT ', '7K3M-9QXP-2HDT'],
    ['7K3M—9QXP—2HDT', '7K3M-9QXP-2HDT'],
    ['７Ｋ３Ｍ－９ＱＸＰ－２ＨＤＴ', '7K3M-9QXP-2HDT'], // full width, from a Chinese input method
    ['OOOO-oooo-0000', '0000-0000-0000'],
    ['IiLl-1111-iL1l', '1111-1111-1111'],
  ])('reads %s as %s', (typed, code) => {
    expect(normaliseStatementCode(typed)).toBe(code);
  });

  it.each([
    ['', 'empty'],
    ['7K3M-9QXP-2HD', 'too short'],
    ['7K3M-9QXP-2HDTX', 'too long'],
    ['7K3M-9QXP-2HDU', 'U is not a Crockford character'],
    ['7K3M-9QXP-2HD*', 'a symbol'],
    ['7K3M/9QXP/2HDT', 'slashes'],
    ['x'.repeat(100), 'far too long'],
  ])('refuses %s (%s)', (typed) => {
    expect(normaliseStatementCode(typed)).toBeUndefined();
  });

  it('gives back every code it made, however it is typed', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const code = newStatementCode(b);
        expect(normaliseStatementCode(code)).toBe(code);
        expect(normaliseStatementCode(code.toLowerCase().replace(/-/g, ''))).toBe(code);
        expect(normaliseStatementCode(code.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(code);
      }),
    );
  });
});

describe('statementDigest', () => {
  const digest = statementDigest(fixtureLines);

  it('is the SHA-256 of the lines’ ids, amounts and reversals, in any order and any language', () => {
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(statementDigest([...fixtureLines].reverse())).toBe(digest);
    expect(statementDigest(fixtureLines.map((l) => ({ ...l, explanation: 'in English' })))).toBe(digest);
  });

  it('changes with an amount, a reversal, a line more or less', () => {
    const changed = [
      fixtureLines.map((l, i) => (i === 0 ? { ...l, amountFen: l.amountFen + 1 } : l)),
      fixtureLines.map((l, i) => (i === 0 ? { ...l, reversed: true } : l)),
      fixtureLines.slice(1),
      [...fixtureLines, { ...fixtureLines[0], paymentId: 'lease-x.p2' }],
    ];
    for (const lines of changed) expect(statementDigest(lines)).not.toBe(digest);
  });
});

describe('statementIssueFor', () => {
  const issuedAt = '2019-01-05T06:03:10.000Z';

  it('records what the card shows: household, span, instant, position, total counted, lines, digest', () => {
    expect(statementIssueFor(fixtureStatement(), { code: '7k3m9qxp2hdt', issuedAt, issuedBy: 'user-1' })).toEqual({
      code: '7K3M-9QXP-2HDT',
      householdId: HOUSEHOLD_ID,
      from: '2018-01-01',
      to: '2018-12-31',
      asOf: '2019-01-05T06:03:09.000Z',
      position: 1234,
      totalFen: 686429,
      lines: 5,
      digest: statementDigest(fixtureLines),
      issuedAt,
      issuedBy: 'user-1',
    });
  });

  it('takes a statement without asOf as of the moment it is issued, and refuses a code that is not one', () => {
    const issue = statementIssueFor(fixtureStatement({ asOf: null, from: undefined, to: null }), {
      code: '7K3M-9QXP-2HDT',
      issuedAt,
      issuedBy: 'user-1',
    });
    expect(issue).toMatchObject({ asOf: issuedAt, from: null, to: null });
    expect(() => statementIssueFor(fixtureStatement(), { code: 'nope', issuedAt, issuedBy: 'u' })).toThrow(RangeError);
  });
});

describe('compareWithIssue', () => {
  const issue = statementIssueFor(fixtureStatement(), {
    code: '7K3M-9QXP-2HDT',
    issuedAt: '2019-01-05T06:03:10.000Z',
    issuedBy: 'user-1',
  });

  it('is ok when the ledger gives the same lines (position and wording may differ)', () => {
    const again = fixtureStatement({ position: 99999, lines: fixtureLines.map((l) => ({ ...l, explanation: 'x' })) });
    expect(compareWithIssue(issue, again)).toEqual({
      ok: true,
      issue,
      household: again.household,
      current: { totalFen: 686429, lines: 5, digest: issue.digest, position: 99999 },
    });
  });

  it('names what differs otherwise', () => {
    const changed = fixtureStatement({
      lines: fixtureLines.map((l, i) => (i === 0 ? { ...l, amountFen: 100000 } : l)),
    });
    const result = compareWithIssue(issue, changed);
    expect(result.ok).toBe(false);
    expect(result.differences).toEqual([
      { field: 'totalFen', card: 686429, ledger: 661429 },
      { field: 'digest', card: issue.digest, ledger: statementDigest(changed.lines) },
    ]);
    const reversedLater = fixtureStatement({
      lines: fixtureLines.map((l, i) => (i === 0 ? { ...l, reversed: true } : l)),
    });
    expect(compareWithIssue(issue, reversedLater).differences?.map((d) => d.field)).toEqual(['totalFen', 'digest']);
    const oneMore = fixtureStatement({ lines: [...fixtureLines, { ...fixtureLines[3], paymentId: 'x' }] });
    expect(compareWithIssue(issue, oneMore).differences?.map((d) => d.field)).toEqual(['lines', 'digest']);
  });
});
