import { createTestDatabase, type TestDatabase } from '../../../../../test/support/test-database';
import type { Actor } from '../../common/actor';
import { DomainError } from '../../common/domain-error';
import type { PrintableStatement } from './printable-statement';
import { statementDigest, StatementIssues } from './statement-codes';
import { statementIssuesMigration } from './statement-issues.migration';
import { StatementPrinter, type StatementLoadOptions, type StatementSource } from './statement-printer';
import { fixtureLines, fixtureStatement, HOUSEHOLD_ID } from './statement.fixtures';
import { pdfText } from './testing/pdf-text';

const clerk: Actor = { userId: 'user-clerk', role: 'clerk', townships: ['城关镇'] };

/** A statement source that answers with whatever the test sets, echoing the span and instant asked. */
class FakeSource implements StatementSource {
  calls: { householdId: string; options: StatementLoadOptions; actor: Actor }[] = [];
  lines = fixtureLines;

  load(householdId: string, options: StatementLoadOptions, actor: Actor): Promise<PrintableStatement> {
    this.calls.push({ householdId, options, actor });
    return Promise.resolve(
      fixtureStatement({
        from: options.from ?? null,
        to: options.to ?? null,
        asOf: options.asOf ?? null,
        lines: this.lines,
      }),
    );
  }
}

describe('StatementPrinter: issuing and verifying cards (PostgreSQL)', () => {
  let db: TestDatabase;
  let source: FakeSource;
  let printer: StatementPrinter;
  const now = new Date('2019-01-05T06:03:09.123Z');
  beforeAll(async () => {
    db = await createTestDatabase([statementIssuesMigration]);
  });
  afterAll(() => db.drop());
  beforeEach(() => {
    source = new FakeSource();
    printer = new StatementPrinter(source, db, { now: () => now });
  });

  it('records every card printed, pinned to the instant it was drawn at', async () => {
    const printed = await printer.html(HOUSEHOLD_ID, { from: '2018-01-01', to: '2018-12-31' }, clerk);
    expect(printed.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/);
    expect(printed.body).toContain(printed.code);
    expect(printed.body).toContain('6,864.29');
    expect(source.calls).toEqual([
      {
        householdId: HOUSEHOLD_ID,
        options: { from: '2018-01-01', to: '2018-12-31', asOf: now.toISOString(), lang: 'zh' },
        actor: clerk,
      },
    ]);
    const { rows } = await db.pool.query(
      `select code, household_id, from_date::text, to_date::text, as_of, position, total_fen, lines, digest, issued_at, issued_by
         from statement_issues where code = $1`,
      [printed.code],
    );
    expect(rows).toEqual([
      {
        code: printed.code,
        household_id: HOUSEHOLD_ID,
        from_date: '2018-01-01',
        to_date: '2018-12-31',
        as_of: now,
        position: '1234',
        total_fen: '686429',
        lines: 5,
        digest: statementDigest(fixtureLines),
        issued_at: now,
        issued_by: 'user-clerk',
      },
    ]);
  });

  it('verifies a card as typed from paper: ok while the ledger agrees, not ok once it does not', async () => {
    const printed = await printer.pdf(HOUSEHOLD_ID, { from: '2018-01-01', to: '2018-12-31' }, clerk);
    expect(printed.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const typed = printed.code.toLowerCase().replace(/-/g, '').replace(/0/g, 'o');

    const auditor: Actor = { userId: 'user-auditor', role: 'auditor', townships: [] };
    const match = await printer.verify(typed, auditor);
    expect(match).toMatchObject({
      ok: true,
      issue: {
        code: printed.code,
        householdId: HOUSEHOLD_ID,
        from: '2018-01-01',
        to: '2018-12-31',
        asOf: now.toISOString(),
        totalFen: 686429,
        lines: 5,
      },
      household: { headName: '张三' },
      current: { totalFen: 686429, lines: 5, digest: statementDigest(fixtureLines) },
    });
    expect(match.differences).toBeUndefined();
    // Recomputed for the one who verifies, as the ledger stood when the card was printed.
    expect(source.calls[1]).toEqual({
      householdId: HOUSEHOLD_ID,
      options: { from: '2018-01-01', to: '2018-12-31', asOf: now.toISOString(), lang: 'zh' },
      actor: auditor,
    });

    // Someone changed the past: the first payment's amount no longer matches.
    source.lines = fixtureLines.map((l, i) => (i === 0 ? { ...l, amountFen: 100000 } : l));
    const mismatch = await printer.verify(printed.code, auditor);
    expect(mismatch.ok).toBe(false);
    expect(mismatch.current.totalFen).toBe(661429);
    expect(mismatch.differences).toEqual([
      { field: 'totalFen', card: 686429, ledger: 661429 },
      { field: 'digest', card: statementDigest(fixtureLines), ledger: statementDigest(source.lines) },
    ]);
  });

  it('keeps the whole-record span and an asked-for instant, microseconds included', async () => {
    const asOf = '2018-12-31T23:59:59.999999+08:00';
    const printed = await printer.html(HOUSEHOLD_ID, { asOf, lang: 'en' }, clerk);
    expect(printed.body).toContain('Whole record');
    const issue = (await new StatementIssues(db.pool).find(printed.code))!;
    expect(issue).toMatchObject({ from: null, to: null, asOf: '2018-12-31T15:59:59.999999Z' });
    expect(new Date(issue.asOf).getTime()).toBe(new Date(asOf).getTime());
    expect((await printer.verify(printed.code, clerk)).ok).toBe(true);
    expect(source.calls[1].options).toEqual({ asOf: '2018-12-31T15:59:59.999999Z', lang: 'zh' });
  });

  it('answers 404 STATEMENT.UNKNOWN_CODE for a code no card has, or that cannot be one', async () => {
    for (const typed of ['ZZZZ-ZZZZ-ZZZZ', 'not-a-code']) {
      const error = await printer.verify(typed, clerk).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'STATEMENT.UNKNOWN_CODE', kind: 'not_found' });
    }
    expect(source.calls).toEqual([]);
  });

  it('never reuses a code: a taken one is drawn again', async () => {
    const codes = ['AAAA-AAAA-AAAA', 'AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB'];
    const drawing = new StatementPrinter(source, db, { now: () => now, newCode: () => codes.shift()! });
    expect((await drawing.html(HOUSEHOLD_ID, {}, clerk)).code).toBe('AAAA-AAAA-AAAA');
    expect((await drawing.html(HOUSEHOLD_ID, {}, clerk)).code).toBe('BBBB-BBBB-BBBB');
    const stuck = new StatementPrinter(source, db, { now: () => now, newCode: () => 'AAAA-AAAA-AAAA' });
    await expect(stuck.html(HOUSEHOLD_ID, {}, clerk)).rejects.toThrow('could not find a free statement code');
  });

  it('prints the same card on paper and in the record: the PDF carries the code and the total', async () => {
    const printed = await printer.pdf(HOUSEHOLD_ID, { lang: 'zh' }, clerk);
    const text = (await pdfText(printed.body)).text.replace(/\s+/g, '');
    expect(text).toContain(printed.code);
    expect(text).toContain('6,864.29');
    expect(text).toContain('张三');
  });
});
