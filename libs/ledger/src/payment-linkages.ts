import type { DomainEvent } from './common/decider';
import { distributionPayments } from './collectives/distribution.state';
import { dividendPayments } from './dividends/dividend.state';
import { employmentPayments } from './employment/employment.state';
import { leasePayments } from './leases/lease.state';
import { loanPayments } from './loans/loan.state';
import { orderPayments } from './orders/order.state';
import { stakeTopUps } from './stakes/stake-topups';
import { oneHousehold, type Reversible } from './payments/reverse-payment/reverse-payment.decide';

/** What a visit of a payment's linkage answers, whatever the linkage's state and events. */
export type LinkageVisit<Result> = <State, Event extends DomainEvent>(linkage: Reversible<State, Event>) => Result;

/**
 * Visits the linkage descriptor of the stream holding a payment, from the id's prefix, so that the
 * bank's side (returns, reissues) and reversals treat every payment kind alike. Undefined for an
 * id of no known kind.
 */
export function visitPaymentLinkage<Result>(linkageId: string, visit: LinkageVisit<Result>): Result | undefined {
  switch (linkageId.slice(0, linkageId.indexOf('-'))) {
    case 'dividend':
      // One declaration pays households of several townships: each payment is its household's.
      return visit(dividendPayments);
    case 'distribution':
      // A collective's distribution pays households of its village, each payment its household's.
      return visit(distributionPayments);
    case 'lease':
      return visit(oneHousehold(leasePayments));
    case 'employment':
      return visit(oneHousehold(employmentPayments));
    case 'order':
      return visit(oneHousehold(orderPayments));
    case 'loan':
      // A loan's repayments and interest subsidies: both concern the borrowing household.
      return visit(oneHousehold(loanPayments));
    case 'entity':
      // A stake's guarantee top-ups, kept in its entity's stream.
      return visit(stakeTopUps(linkageId));
    default:
      return undefined;
  }
}
