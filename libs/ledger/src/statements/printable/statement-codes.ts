import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { notFound, type DomainError } from '../../common/domain-error';
import {
  statementTotals,
  type PrintableHousehold,
  type PrintableLine,
  type PrintableStatement,
} from './printable-statement';
import type { Fen } from '../../primitives/money';

/**
 * Verification codes (核验码) of printed clarity cards.
 *
 * Every card printed is recorded as an issue: which household, which span of dates, the ledger
 * instant it shows, and a digest of its lines. The code printed on the card finds the issue again;
 * verifying recomputes the statement as the ledger stood at that instant and compares. A card whose
 * figures were altered on paper, or a ledger whose past was changed behind its back, does not match.
 */

/** Crockford's base 32: digits and capitals without I, L, O and U, so a code survives being read aloud. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const CODE_LENGTH = 12;
const GROUP = 4;

/** `7K3M-9QXP-2HDT`: twelve Crockford characters (60 random bits) in groups of four. */
export const STATEMENT_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A new code from 60 random bits. `random` must hold at least 8 bytes (tests pass fixed ones); by
 * default it is `crypto.randomBytes(8)`.
 */
export function newStatementCode(random: Uint8Array = randomBytes(8)): string {
  if (random.length < 8) throw new RangeError('newStatementCode needs 8 random bytes');
  let bits = 0n;
  for (let i = 0; i < 8; i++) bits = (bits << 8n) | BigInt(random[i]);
  let chars = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    chars = CROCKFORD_ALPHABET[Number(bits & 31n)] + chars;
    bits >>= 5n;
  }
  return group(chars);
}

function group(chars: string): string {
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += GROUP) groups.push(chars.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * A code as typed from paper, in its printed form, or `undefined` if it cannot be one. Full-width
 * characters (a Chinese input method) and lower case are accepted, spaces, dashes and dots ignored,
 * and the letters people confuse with digits read as those digits: O as 0, I and L as 1.
 */
export function normaliseStatementCode(typed: string): string | undefined {
  if (typeof typed !== 'string' || typed.length > 64) return undefined;
  const chars = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.\u2010-\u2015\u30FC]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (chars.length !== CODE_LENGTH) return undefined;
  for (const c of chars) if (!CROCKFORD_ALPHABET.includes(c)) return undefined;
  return group(chars);
}

/**
 * SHA-256 (hex) of the statement's lines in a canonical form: `[paymentId, amountFen, reversed]` for
 * each line, ordered by payment id, as JSON. What a line says in words (and the language) does not
 * enter it; which payments, their amounts and whether they count, do.
 */
export function statementDigest(lines: readonly Pick<PrintableLine, 'paymentId' | 'amountFen' | 'reversed'>[]): string {
  const canonical = lines
    .map((l) => [l.paymentId, l.amountFen, l.reversed] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** A printed card, as recorded (table `statement_issues`). */
export interface StatementIssue {
  code: string;
  householdId: string;
  /** Inclusive bounds on the payment date, as printed (null: unbounded). */
  from: string | null;
  to: string | null;
  /** The ledger instant the card shows (ISO 8601, UTC). */
  asOf: string;
  /** Ledger position the statement was drawn at. */
  position: number;
  /** What the card counts: the unreversed lines. */
  totalFen: Fen;
  /** Lines listed, reversed ones included. */
  lines: number;
  digest: string;
  issuedAt: string;
  /** User id of who printed it. */
  issuedBy: string;
}

/**
 * The issue to record for a card about to be printed. Pure: the code and the time come from the
 * caller. The card shows the ledger as of `statement.asOf`; a statement drawn "as it stands now"
 * (no asOf) is taken as of `issuedAt`.
 */
export function statementIssueFor(
  statement: PrintableStatement,
  issue: { code: string; issuedAt: string; issuedBy: string },
): StatementIssue {
  const code = normaliseStatementCode(issue.code);
  if (!code) throw new RangeError(`not a statement code: ${issue.code}`);
  return {
    code,
    householdId: statement.household.id,
    from: statement.from ?? null,
    to: statement.to ?? null,
    asOf: statement.asOf ?? issue.issuedAt,
    position: statement.position,
    totalFen: statementTotals(statement.lines).totalFen,
    lines: statement.lines.length,
    digest: statementDigest(statement.lines),
    issuedAt: issue.issuedAt,
    issuedBy: issue.issuedBy,
  };
}

/** One way the ledger disagrees with a card. */
export interface StatementDifference {
  field: 'totalFen' | 'lines' | 'digest';
  card: number | string;
  ledger: number | string;
}

/** The outcome of checking a card against the ledger. */
export interface StatementVerification {
  /** The card matches the ledger as it stood at `issue.asOf`. */
  ok: boolean;
  issue: StatementIssue;
  /** Whose card it is. */
  household: PrintableHousehold;
  /** The same statement recomputed now (as of `issue.asOf`). */
  current: { totalFen: Fen; lines: number; digest: string; position: number };
  differences?: StatementDifference[];
}

/** Compares a recorded card with the statement recomputed for it. Pure. */
export function compareWithIssue(issue: StatementIssue, recomputed: PrintableStatement): StatementVerification {
  const current = {
    totalFen: statementTotals(recomputed.lines).totalFen,
    lines: recomputed.lines.length,
    digest: statementDigest(recomputed.lines),
    position: recomputed.position,
  };
  const differences: StatementDifference[] = [];
  if (current.totalFen !== issue.totalFen)
    differences.push({ field: 'totalFen', card: issue.totalFen, ledger: current.totalFen });
  if (current.lines !== issue.lines) differences.push({ field: 'lines', card: issue.lines, ledger: current.lines });
  if (current.digest !== issue.digest)
    differences.push({ field: 'digest', card: issue.digest, ledger: current.digest });
  // The household as the card prints it, no more: the route is public, and a code is on paper.
  const { id, registrationNo, headName, village, township, county } = recomputed.household;
  const household: PrintableHousehold = { id, registrationNo, headName, village, township, county };
  return differences.length
    ? { ok: false, issue, household, current, differences }
    : { ok: true, issue, household, current };
}

export function unknownStatementCode(typed: string): DomainError {
  const shown = typed.slice(0, 40);
  return notFound(
    'STATEMENT.UNKNOWN_CODE',
    `No printed statement has the verification code ${shown}; check what was typed.`,
    `没有核验码为 ${shown} 的明白卡，请核对输入是否有误。`,
  );
}

interface IssueRow {
  code: string;
  household_id: string;
  from_date: string | null;
  to_date: string | null;
  as_of: string;
  position: string;
  total_fen: string;
  lines: number;
  digest: string;
  issued_at: Date;
  issued_by: string;
}

const UTC_MICROS = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** The record of printed cards, in PostgreSQL. */
export class StatementIssues {
  constructor(private readonly pool: Pick<Pool, 'query'>) {}

  /** Records an issue; false (nothing written) if its code is already taken. */
  async record(issue: StatementIssue): Promise<boolean> {
    const result = await this.pool.query(
      `insert into statement_issues
         (code, household_id, from_date, to_date, as_of, position, total_fen, lines, digest, issued_at, issued_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       on conflict (code) do nothing`,
      [
        issue.code,
        issue.householdId,
        issue.from,
        issue.to,
        issue.asOf,
        issue.position,
        issue.totalFen,
        issue.lines,
        issue.digest,
        issue.issuedAt,
        issue.issuedBy,
      ],
    );
    return result.rowCount === 1;
  }

  /** The issue a typed code names, or undefined (malformed or unknown). */
  async find(typed: string): Promise<StatementIssue | undefined> {
    const code = normaliseStatementCode(typed);
    if (!code) return undefined;
    const { rows } = await this.pool.query<IssueRow>(
      `select code, household_id, to_char(from_date, 'YYYY-MM-DD') as from_date,
              to_char(to_date, 'YYYY-MM-DD') as to_date,
              to_char(as_of at time zone 'UTC', ${UTC_MICROS}) as as_of,
              position, total_fen, lines, digest, issued_at, issued_by
         from statement_issues where code = $1`,
      [code],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      code: row.code,
      householdId: row.household_id,
      from: row.from_date,
      to: row.to_date,
      asOf: row.as_of.replace(/\.(\d{3})000Z$/, '.$1Z'),
      position: Number(row.position),
      totalFen: Number(row.total_fen),
      lines: row.lines,
      digest: row.digest,
      issuedAt: row.issued_at.toISOString(),
      issuedBy: row.issued_by,
    };
  }

  /**
   * Checks a typed code: finds its issue (404 `STATEMENT.UNKNOWN_CODE` if none), has `recompute`
   * draw the same statement as the ledger stood at the issue's instant, and compares.
   */
  async verify(
    typed: string,
    recompute: (issue: StatementIssue) => Promise<PrintableStatement>,
  ): Promise<StatementVerification> {
    const issue = await this.find(typed);
    if (!issue) throw unknownStatementCode(typed);
    return compareWithIssue(issue, await recompute(issue));
  }
}
