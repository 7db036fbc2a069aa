import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@ledger/runtime';
import { forbidden } from '../../common/domain-error';
import { ProjectionsHost } from '../../projections/projections-host';
import { compareDates } from '../../primitives/calendar';
import type { LoanUse } from '../loan.events';
import { capFen, statusOf } from '../loan.figures';
import { loanBookProjection } from './loan-book.projection';
import { GetLoanBookQuery } from './loan-book.query';
import type { LoanBook, LoanBookItem } from './loan-book.view';

interface LoanRow {
  loan_id: string;
  household_id: string;
  registration_no: string | null;
  head_name: string | null;
  township: string;
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

/** The loan book in two queries over the loan-book tables: the loans with their sums, and the households. */
@QueryHandler(GetLoanBookQuery)
export class GetLoanBookHandler implements IQueryHandler<GetLoanBookQuery> {
  constructor(
    private readonly database: Database,
    private readonly projections: ProjectionsHost,
  ) {}

  async execute({ filter, actor, today }: GetLoanBookQuery): Promise<LoanBook> {
    if (actor.role === 'household') {
      throw forbidden('AUTH.NOT_YOURS', 'The loan book is for clerks and auditors.', '贷款台账仅供经办人和审计查看。');
    }
    await this.projections.waitFor(filter.minPosition, [loanBookProjection.name]);
    const values: unknown[] = [];
    const param = (value: unknown) => {
      values.push(value);
      return `$${values.length}`;
    };
    const where: string[] = [];
    if (filter.county !== undefined) where.push(`county = ${param(filter.county)}`);
    // A clerk reads its townships only.
    if (actor.role === 'clerk') where.push(`township = any(${param(actor.townships)})`);
    const scope = where.length ? `where ${where.join(' and ')}` : '';
    const [loans, households] = await Promise.all([
      this.database.pool.query<LoanRow>(
        `select l.loan_id, l.household_id, h.registration_no, h.head_name, l.township, l.lender, l.contract_no, l.use,
                l.entity_id, l.entity_name, l.principal_fen, l.annual_rate_bp, l.subsidy_rate_bp,
                to_char(l.disbursed_on, 'YYYY-MM-DD') as disbursed_on, to_char(l.matures_on, 'YYYY-MM-DD') as matures_on,
                coalesce(sum(p.principal_fen) filter (where p.kind = 'repayment' and not p.reversed), 0) as principal_repaid_fen,
                coalesce(sum(p.interest_fen) filter (where p.kind = 'repayment' and not p.reversed), 0) as interest_paid_fen,
                coalesce(sum(p.amount_fen) filter (where p.kind = 'subsidy' and not p.reversed), 0) as subsidised_fen
           from (select * from loan_book_loans ${scope}) l
           left join loan_book_households h on h.household_id = l.household_id
           left join loan_book_payments p on p.loan_id = l.loan_id
          group by l.loan_id, l.household_id, h.registration_no, h.head_name, l.township, l.lender, l.contract_no, l.use,
                   l.entity_id, l.entity_name, l.principal_fen, l.annual_rate_bp, l.subsidy_rate_bp, l.disbursed_on, l.matures_on`,
        values,
      ),
      this.database.pool.query<{ n: string }>(`select count(*) as n from loan_book_households ${scope}`, values),
    ]);
    const items = loans.rows.map((r) => toItem(r, today)).sort(overdueFirst);
    const sum = (f: (i: LoanBookItem) => number, only: (i: LoanBookItem) => boolean = () => true) =>
      items.filter(only).reduce((s, i) => s + f(i), 0);
    const overdue = (i: LoanBookItem) => i.status === 'overdue';
    const { position } = await this.projections.checkpoint(loanBookProjection.name);
    return {
      county: filter.county ?? null,
      on: today,
      position,
      loans: items.length,
      households: Number(households.rows[0].n),
      householdsWithLoan: new Set(items.map((i) => i.household.id)).size,
      principalFen: sum((i) => i.principalFen),
      outstandingPrincipalFen: sum((i) => i.outstandingPrincipalFen),
      overdue: { loans: items.filter(overdue).length, principalFen: sum((i) => i.outstandingPrincipalFen, overdue) },
      subsidisedFen: sum((i) => i.subsidisedFen),
      oversubsidisedFen: sum((i) => i.oversubsidisedFen),
      items,
    };
  }
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

/** Overdue loans first, the longest overdue first; then by maturity, then by id. */
function overdueFirst(a: LoanBookItem, b: LoanBookItem): number {
  const rank = (i: LoanBookItem) => (i.status === 'overdue' ? 0 : 1);
  return rank(a) - rank(b) || compareDates(a.maturesOn, b.maturesOn) || (a.loanId < b.loanId ? -1 : 1);
}
