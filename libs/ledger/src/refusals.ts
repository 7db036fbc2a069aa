/*
 * Every refusal code the ledger can answer, gathered from each capability's catalogue: the one
 * type of `DomainError.code`, and the table the problem-details filter, the route contracts and the
 * importer read a refusal's kind and field from.
 */
import { ACKNOWLEDGEMENT_REFUSALS } from './acknowledgements/acknowledgement.refusals';
import { AUTH_REFUSALS } from './http/auth.refusals';
import { COLLECTIVE_REFUSALS } from './collectives/collective.refusals';
import { DIVIDEND_REFUSALS } from './dividends/dividend.refusals';
import { EMPLOYMENT_REFUSALS } from './employment/employment.refusals';
import { ENTITY_REFUSALS } from './entities/entity.refusals';
import { HOUSEHOLD_REFUSALS } from './households/household.refusals';
import { IDEMPOTENCY_REFUSALS } from './http/idempotency.refusals';
import { IMPORT_REFUSALS } from './imports/import.refusals';
import { LEASE_REFUSALS } from './leases/lease.refusals';
import { LEDGER_REFUSALS } from './common/ledger.refusals';
import { LOAN_REFUSALS } from './loans/loan.refusals';
import { NOTICE_REFUSALS } from './notices/notice.refusals';
import { ORDER_REFUSALS } from './orders/order.refusals';
import { PAYMENT_REFUSALS } from './payments/payment.refusals';
import { PROJECT_REFUSALS } from './projects/project.refusals';
import { QUERY_REFUSALS } from './projections/query.refusals';
import { RECONCILIATION_REFUSALS } from './reconciliations/reconciliation.refusals';
import { STAKE_REFUSALS } from './stakes/stake.refusals';
import { STATEMENT_REFUSALS } from './statements/statement.refusals';
import { USER_REFUSALS } from './users/user.refusals';

export const REFUSALS = {
  ...ACKNOWLEDGEMENT_REFUSALS,
  ...AUTH_REFUSALS,
  ...COLLECTIVE_REFUSALS,
  ...DIVIDEND_REFUSALS,
  ...EMPLOYMENT_REFUSALS,
  ...ENTITY_REFUSALS,
  ...HOUSEHOLD_REFUSALS,
  ...IDEMPOTENCY_REFUSALS,
  ...IMPORT_REFUSALS,
  ...LEASE_REFUSALS,
  ...LEDGER_REFUSALS,
  ...LOAN_REFUSALS,
  ...NOTICE_REFUSALS,
  ...ORDER_REFUSALS,
  ...PAYMENT_REFUSALS,
  ...PROJECT_REFUSALS,
  ...QUERY_REFUSALS,
  ...RECONCILIATION_REFUSALS,
  ...STAKE_REFUSALS,
  ...STATEMENT_REFUSALS,
  ...USER_REFUSALS,
} as const;

/** A stable refusal code (`LEASE.PERIOD_ALREADY_PAID`). */
export type RefusalCode = keyof typeof REFUSALS;
