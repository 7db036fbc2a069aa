import type { NoticeHoldChanged } from '../notices/notice.events';
import { NO_NOTICE_HOLDS, withNoticeHold, type NoticeHolds } from './notice-hold';
import {
  Payments,
  withPayment,
  withReissue,
  withReturn,
  withReversal,
  type PaymentBankEvent,
  type PaymentRecord,
  type PaymentReversed,
} from './payment';

/**
 * What has been paid against a list of allocations (a dividend's declaration, a collective's
 * distribution): the payments with their reversals and the bank's returns and reissues, their
 * voucher references, and the public notices (公示) holding them. One fold for both, so the two cannot
 * drift apart.
 */
export interface PaidAgainst {
  payments: Payments;
  /** Voucher references of payments, by payment id. */
  references: Readonly<Record<string, string>>;
  /** Public notices holding payments on the allocations, the latest hold per notice. */
  noticeHolds: NoticeHolds;
}

export const NOTHING_PAID_AGAINST: PaidAgainst = {
  payments: Payments.none,
  references: {},
  noticeHolds: NO_NOTICE_HOLDS,
};

/** The events that change what was paid against allocations, whatever the allocations are. */
export type PaidAgainstEvent = PaymentReversed | PaymentBankEvent | NoticeHoldChanged;

const withReference = (
  references: PaidAgainst['references'],
  paymentId: string,
  reference: string | undefined,
): PaidAgainst['references'] => (reference === undefined ? references : { ...references, [paymentId]: reference });

/** A payment made against the allocations (the capability's own "paid" event, once read). */
export function withPaidAgainst(paid: PaidAgainst, payment: PaymentRecord, reference: string | undefined): PaidAgainst {
  return {
    ...paid,
    payments: withPayment(paid.payments, payment),
    references: withReference(paid.references, payment.paymentId, reference),
  };
}

/** A reversal, a return, a reissue or a notice's hold, applied the same way to every kind of allocations. */
export function evolvePaidAgainst(paid: PaidAgainst, event: PaidAgainstEvent): PaidAgainst {
  switch (event.type) {
    case 'PaymentReversed':
      return { ...paid, payments: withReversal(paid.payments, event) };
    case 'PaymentReturned':
      return { ...paid, payments: withReturn(paid.payments, event) };
    case 'PaymentReissued':
      return {
        ...paid,
        payments: withReissue(paid.payments, event),
        references: withReference(paid.references, event.data.paymentId, event.data.reference),
      };
    case 'NoticeHoldChanged':
      return { ...paid, noticeHolds: withNoticeHold(paid.noticeHolds, event) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
