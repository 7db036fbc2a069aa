import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { forbidden } from '../../common/domain-error';
import { ProjectionsHost } from '../../projections/projections-host';
import { filterConditions, type FilterColumns } from '../../common/list-filter';
import { sortedPage, type SortSpec } from '../../common/list-sort';
import type { LoanUse } from '../loan.events';
import { capFen, statusOf } from '../loan.figures';
import { loanBookProjection } from './loan-book.projection';
import { GetLoanBookQuery } from './loan-book.query';
import type { LoanBookSort } from './loan-book.dto';
import type { LoanBook, LoanBookItem } from './loan-book.view';

interface LoanRow {
  loan_id: string;
  household_id: string;
  registration_no: string | null;
  head_name: string | null;
  township: string;
  village: string | null;
  lender: string;
  contract_no: string | null;
  use: LoanUse;
  entity_id: string | null;
  entity_name: string | null;
  principal_fen: string;
  annual_rate_bp: number;
  subsidy_rate_bp: number | null;
  disbursed_on: string;
  matures_on: string;
  principal_repaid_fen: string;
  interest_paid_fen: string;
  subsidised_fen: string;
}

/**
 * The loan book over the loan-book tables: one page of the loans with their sums under a sort, every loan
 * of the filter for the summary figures, and the households.
 */
@QueryHandler(GetLoanBookQuery)
export class GetLoanBookHandler implements IQueryHandler<GetLoanBookQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ filter, actor, today, everyPage }: GetLoanBookQuery): Promise<LoanBook> {
    if (actor.role === 'household') {
      throw forbidden('AUTH.NOT_YOURS', 'The loan book is for clerks and auditors.', '贷款台账仅供经办人和审计查看。');
    }
    await this.projections.waitFor(filter.minPosition, [loanBookProjection.name]);
    const values: unknown[] = [];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    const place = { county: filter.county, township: filter.township, village: filter.village };
    // The households counted (the denominator) are read by a query of their own, with its own values.
    const householdValues: unknown[] = [];
    const householdParam = (value: unknown) => `$${householdValues.push(value)}`;
    const where = filterConditions(place, PLACE, householdParam);
    // A clerk reads its townships only.
    if (actor.role === 'clerk') where.push(`township = any(${householdParam(actor.townships)})`);
    const scope = where.length ? `where ${where.join(' and ')}` : '';
    // The loans table keeps no village: a loan's is its borrower's (households never move).
    const loanWhere = filterConditions({ ...place, year: filter.year }, LOAN_PLACE, param);
    if (actor.role === 'clerk') loanWhere.push(`township = any(${param(actor.townships)})`);
    const matching: string[] = [];
    if (filter.status !== undefined) matching.push(`status = ${param(filter.status)}`);
    const book = bookOf(loanWhere, param(today));
    const everyValue = [...values];
    const every = `${book} select * from book ${matching.length ? `where ${matching.join(' and ')}` : ''}`;
    const limit = everyPage ? EVERY_LOAN : (filter.limit ?? 50);
    const sort = sortedPage(SORTS, filter.sort, filter.cursor, param);
    if (sort.after) matching.push(sort.after);
    // Queries start only once the sort and cursor are known good (a bad cursor is a 400, nothing left running).
    const households = this.database.pool.query<{ n: string }>(
      `select count(*) as n from loan_book_households ${scope}`,
      householdValues,
    );
    // The summary covers every loan of the filter, not only the page.
    const all = this.database.pool.query<LoanRow>(every, everyValue);
    const page = this.database.pool.query<LoanRow & { sort_key: string }>(
      `${book} select *, ${sort.key}::text as sort_key from book
        ${matching.length ? `where ${matching.join(' and ')}` : ''}
        order by ${sort.orderBy} limit ${param(limit + 1)}`,
      values,
    );
    const [everyLoan, pageRows, householdCount] = await Promise.all([all, page, households]);
    const loans = everyLoan.rows.map((r) => toItem(r, today));
    const sum = (f: (i: LoanBookItem) => number, only: (i: LoanBookItem) => boolean = () => true) =>
      loans.filter(only).reduce((s, i) => s + f(i), 0);
    const overdue = (i: LoanBookItem) => i.status === 'overdue';
    const last = pageRows.rows[limit - 1];
    const { position } = await this.projections.checkpoint(loanBookProjection.name);
    return {
      county: filter.county ?? null,
      on: today,
      position,
      loans: loans.length,
      households: Number(householdCount.rows[0].n),
      householdsWithLoan: new Set(loans.map((i) => i.household.id)).size,
      principalFen: sum((i) => i.principalFen),
      outstandingPrincipalFen: sum((i) => i.outstandingPrincipalFen),
      overdue: { loans: loans.filter(overdue).length, principalFen: sum((i) => i.outstandingPrincipalFen, overdue) },
      subsidisedFen: sum((i) => i.subsidisedFen),
      oversubsidisedFen: sum((i) => i.oversubsidisedFen),
      items: pageRows.rows.slice(0, limit).map((r) => toItem(r, today)),
      total: loans.length,
      ...(pageRows.rows.length > limit && last ? { nextCursor: sort.cursorAfter(last.sort_key, last.loan_id) } : {}),
    };
  }
}

/** The place filters over the households table, and over the loans table (the village is the borrower's). */
const PLACE: FilterColumns = { county: 'county', township: 'township', village: 'village' };
const LOAN_PLACE: FilterColumns = {
  county: 'county',
  township: 'township',
  village: '(select v.village from loan_book_households v where v.household_id = loan_book_loans.household_id)',
  year: 'disbursed_on',
};

/** The CSV's "page": more loans than a county will ever have, yet a bigint PostgreSQL accepts. */
const EVERY_LOAN = 1_000_000_000;

/** The sorts of the loan book; the default is the order an auditor reads it in: overdue ones first. */
const SORTS: SortSpec<LoanBookSort> = {
  keys: {
    // One text key for "overdue first, then by maturity", so a keyset cursor can carry it.
    overdueFirst: {
      sql: `(case when status = 'overdue' then '0' else '1' end || to_char(due_on, 'YYYYMMDD'))`,
      type: 'text',
    },
    issuedOn: { sql: 'issued_on', type: 'date' },
    household: { sql: 'head_name', type: 'text' },
    principal: { sql: 'principal_fen', type: 'bigint' },
    outstanding: { sql: 'outstanding_fen', type: 'bigint' },
    maturesOn: { sql: 'due_on', type: 'date' },
  },
  id: 'loan_id',
  default: 'overdueFirst',
};

/**
 * The `book` common table: every loan of the scope with its sums, what is outstanding and its status on
 * `today` (the same rule as `statusOf`), so status can be filtered and every key sorted in SQL.
 */
function bookOf(where: readonly string[], today: string): string {
  return `with sums as (
      select l.loan_id, l.household_id, h.registration_no, coalesce(h.head_name, '') as head_name, l.township, h.village, l.lender,
             l.contract_no, l.use, l.entity_id, l.entity_name, l.principal_fen, l.annual_rate_bp, l.subsidy_rate_bp,
             l.disbursed_on as issued_on, l.matures_on as due_on,
             to_char(l.disbursed_on, 'YYYY-MM-DD') as disbursed_on, to_char(l.matures_on, 'YYYY-MM-DD') as matures_on,
             coalesce(sum(p.principal_fen) filter (where p.kind = 'repayment' and not p.reversed), 0) as principal_repaid_fen,
             coalesce(sum(p.interest_fen) filter (where p.kind = 'repayment' and not p.reversed), 0) as interest_paid_fen,
             coalesce(sum(p.amount_fen) filter (where p.kind = 'subsidy' and not p.reversed), 0) as subsidised_fen
        from (select * from loan_book_loans ${where.length ? `where ${where.join(' and ')}` : ''}) l
        left join loan_book_households h on h.household_id = l.household_id
        left join loan_book_payments p on p.loan_id = l.loan_id
       group by l.loan_id, l.household_id, h.registration_no, h.head_name, l.township, h.village, l.lender, l.contract_no, l.use,
                l.entity_id, l.entity_name, l.principal_fen, l.annual_rate_bp, l.subsidy_rate_bp, l.disbursed_on, l.matures_on
    ), owed as (
      select s.*, s.principal_fen - s.principal_repaid_fen as outstanding_fen from sums s
    ), book as (
      select o.*, case when o.outstanding_fen <= 0 then 'repaid' when o.due_on < ${today}::date then 'overdue' else 'active' end as status
        from owed o
    )`;
}

function toItem(r: LoanRow, today: string): LoanBookItem {
  const principalFen = Number(r.principal_fen);
  const outstandingPrincipalFen = principalFen - Number(r.principal_repaid_fen);
  const interestPaidFen = Number(r.interest_paid_fen);
  const subsidisedFen = Number(r.subsidised_fen);
  const cap = capFen(interestPaidFen, r.subsidy_rate_bp ?? undefined, r.annual_rate_bp);
  return {
    loanId: r.loan_id,
    household: { id: r.household_id, registrationNo: r.registration_no ?? '', headName: r.head_name ?? '' },
    township: r.township,
    village: r.village ?? '',
    lender: r.lender,
    ...(r.contract_no === null ? {} : { contractNo: r.contract_no }),
    use: r.use,
    entity: r.entity_id === null ? null : { id: r.entity_id, name: r.entity_name ?? '' },
    principalFen,
    annualRateBp: r.annual_rate_bp,
    ...(r.subsidy_rate_bp === null ? {} : { subsidyRateBp: r.subsidy_rate_bp }),
    disbursedOn: r.disbursed_on,
    maturesOn: r.matures_on,
    outstandingPrincipalFen,
    interestPaidFen,
    subsidisedFen,
    oversubsidisedFen: Math.max(0, subsidisedFen - cap),
    status: statusOf(outstandingPrincipalFen, r.matures_on, today),
  };
}
