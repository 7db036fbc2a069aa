import type { RecordedEvent } from '@ledger/event-store';
import type { PaymentBankEvent, PaymentReversed } from '../../payments/payment';
import { reissuedCopy, row, rowStatement, type RowSql } from '../../projections/projection';
import { LOAN_REPAYMENT_REVERSED } from './loans.rows';

/** Only the first reversal of a line counts. */
const REVERSED = rowStatement({
  columns: { payment_id: 'text', reversal_id: 'text', reason: 'text', recorded_at: 'timestamptz' },
  sql: `update statement_lines l
           set reversal_id = v.reversal_id, reversal_reason = v.reason, reversal_recorded_at = v.recorded_at
          from (select distinct on (r.payment_id) r.payment_id, r.reversal_id, r.reason, r.recorded_at
                  from ROWS order by r.payment_id, r.ord) v
         where l.payment_id = v.payment_id and l.reversal_id is null`,
  reads: ['statement_lines'],
  writes: ['statement_lines'],
  keys: (r) => ({
    reads: [`statement_lines:${String(r.payment_id)}`],
    writes: [`statement_lines:${String(r.payment_id)}`],
  }),
});

/** Only the first return of a line counts (a returned payment cannot be returned again). */
const RETURNED = rowStatement({
  columns: { payment_id: 'text', returned_on: 'date', reason: 'text', detail: 'text', recorded_at: 'timestamptz' },
  sql: `update statement_lines l
           set returned_on = v.returned_on, return_reason = v.reason, return_detail = v.detail,
               return_recorded_at = v.recorded_at
          from (select distinct on (r.payment_id) r.payment_id, r.returned_on, r.reason, r.detail, r.recorded_at
                  from ROWS order by r.payment_id, r.ord) v
         where l.payment_id = v.payment_id and l.return_recorded_at is null`,
  reads: ['statement_lines'],
  writes: ['statement_lines'],
  keys: (r) => ({
    reads: [`statement_lines:${String(r.payment_id)}`],
    writes: [`statement_lines:${String(r.payment_id)}`],
  }),
});

/** The reissue's line: the returned line's kind, basis and linkage, paid again on another day. */
const REISSUED = reissuedCopy(
  'statement_lines',
  [
    'household_id',
    'amount_fen',
    'form',
    'kind',
    'entity_id',
    'entity_name',
    'linkage_id',
    'period',
    'delivered_on',
    'basis',
  ],
  // The reissue's own voucher (凭证号): the bank's new transfer, not the returned one's.
  { paid_on: 'date', recorded_at: 'timestamptz', recorded_by: 'text', position: 'bigint', reference: 'text' },
);

/** The returned line learns which payment paid it again. */
const REISSUED_AS = rowStatement({
  columns: { payment_id: 'text', reissue_of: 'text' },
  sql: `update statement_lines l set reissued_as = r.payment_id from ROWS where l.payment_id = r.reissue_of`,
  reads: ['statement_lines'],
  writes: ['statement_lines'],
  keys: (r) => ({
    reads: [`statement_lines:${String(r.reissue_of)}`],
    writes: [`statement_lines:${String(r.reissue_of)}`],
  }),
});

const REISSUE_OF = rowStatement({
  columns: { payment_id: 'text', reissue_of: 'text' },
  sql: `update statement_lines l set reissue_of = r.reissue_of from ROWS where l.payment_id = r.payment_id`,
  reads: ['statement_lines'],
  writes: ['statement_lines'],
  keys: (r) => ({
    reads: [`statement_lines:${String(r.payment_id)}`],
    writes: [`statement_lines:${String(r.payment_id)}`],
  }),
});

/** A line reversed, returned by the bank or paid again: new rows and marks, the line's figures kept. */
export function correctionRows(
  event: PaymentReversed | PaymentBankEvent,
  recorded: RecordedEvent,
  recordedBy: string | null,
): RowSql[] {
  switch (event.type) {
    case 'PaymentReversed': {
      const { paymentId, reversalId, reason } = event.data;
      const reversed = [row(REVERSED, paymentId, reversalId, reason, recorded.recordedAt)];
      // A loan's payment may be a repayment, which has no line but lowers what is owed.
      return paymentId.startsWith('loan-')
        ? [...reversed, row(LOAN_REPAYMENT_REVERSED, paymentId, recorded.recordedAt)]
        : reversed;
    }
    case 'PaymentReturned': {
      const { paymentId, returnedOn, reason, detail } = event.data;
      return [row(RETURNED, paymentId, returnedOn, reason, detail ?? null, recorded.recordedAt)];
    }
    case 'PaymentReissued': {
      const { paymentId, reissueOf, paidOn, reference } = event.data;
      return [
        row(
          REISSUED,
          paymentId,
          reissueOf,
          paidOn,
          recorded.recordedAt,
          recordedBy,
          recorded.position,
          reference ?? null,
        ),
        row(REISSUE_OF, paymentId, reissueOf),
        row(REISSUED_AS, paymentId, reissueOf),
      ];
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
