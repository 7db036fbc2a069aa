import type { RecordedEvent } from '@ledger/event-store';
import type { LoanDisbursed, LoanRepaid } from '../../loans/loan.events';
import { insertOnce, row, rowStatement, type RowSql } from '../../projections/projection';

const LOANS = insertOnce('statement_loans', 'loan_id', {
  loan_id: 'text',
  household_id: 'text',
  lender: 'text',
  contract_no: 'text',
  principal_fen: 'bigint',
  use: 'text',
  entity_id: 'text',
  entity_name: 'text',
  disbursed_on: 'date',
  matures_on: 'date',
  recorded_at: 'timestamptz',
});

const LOAN_REPAYMENTS = insertOnce('statement_loan_repayments', 'payment_id', {
  payment_id: 'text',
  loan_id: 'text',
  principal_fen: 'bigint',
  recorded_at: 'timestamptz',
});

/** Only the first reversal of a repayment counts, as for lines. */
export const LOAN_REPAYMENT_REVERSED = rowStatement({
  columns: { payment_id: 'text', recorded_at: 'timestamptz' },
  sql: `update statement_loan_repayments p set reversal_recorded_at = v.recorded_at
          from (select distinct on (r.payment_id) r.payment_id, r.recorded_at from ROWS order by r.payment_id, r.ord) v
         where p.payment_id = v.payment_id and p.reversal_recorded_at is null`,
  reads: ['statement_loan_repayments'],
  writes: ['statement_loan_repayments'],
  keys: (r) => ({
    reads: [`statement_loan_repayments:${String(r.payment_id)}`],
    writes: [`statement_loan_repayments:${String(r.payment_id)}`],
  }),
});

/** A household's loan and its repayments, for `holdings.loans`: what is still owed, never lines. */
export function loanRows(event: LoanDisbursed | LoanRepaid, recorded: RecordedEvent): RowSql[] {
  switch (event.type) {
    case 'LoanDisbursed': {
      const d = event.data;
      return [
        row(
          LOANS,
          d.loanId,
          d.householdId,
          d.lender,
          d.contractNo ?? null,
          d.principalFen,
          d.use,
          d.entityId ?? null,
          d.entityName ?? null,
          d.disbursedOn,
          d.maturesOn,
          recorded.recordedAt,
        ),
      ];
    }
    case 'LoanRepaid':
      // Not income: no line; only what is still owed on the loan, for holdings.
      return [
        row(LOAN_REPAYMENTS, event.data.paymentId, event.data.loanId, event.data.principalFen, recorded.recordedAt),
      ];
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
