/*
 * The ledger's contract as a client sees it: the shapes of the API's answers and refusals, and the
 * few browser-safe rules a form applies before sending (money, quantities, roster kinds). The web
 * console imports everything it knows of the API from here (`@ledger/contract`), never from deep
 * paths into the service. Only `*.view.ts` files, type-only exports and dependency-free modules
 * belong here: nothing that reaches Node or Nest (dependency-cruiser checks it).
 */

// Answers
export type * from './households/get-household/household.view';
export type * from './statements/statement.view';
export type * from './obligations/get-obligations/obligations.view';
export type * from './obligations/get-arrears/arrears.view';
export type * from './statements/get-entity-report/entity-report.view';
export type * from './fund-flow/get-fund-flow/fund-flow.view';
export type * from './coverage/coverage.view';
export type * from './coverage/payments-month/payments-month.view';
export type * from './users/user-summary/user-summary.view';
export type * from './directory/directory.view';
export type * from './leases/get-lease/lease.view';
export type * from './dividends/get-dividend/dividend.view';
export type * from './employment/get-employment/employment.view';
export type * from './entities/get-entity/entity.view';
export type * from './orders/get-order/order.view';
export type * from './projects/get-project/project.view';
export type * from './loans/get-loan/loan.view';
export type * from './loans/loan-book/loan-book.view';
export type * from './collectives/get-collective/collective.view';
export type * from './imports/import-report.view';
export type * from './reconciliations/reconciliation.view';
export type * from './notices/notice.view';
export type * from './acknowledgements/acknowledgement.view';
export type * from './common/page.view';
export type { WriteResult } from './common/write-result';

// Refusals
export type * from './http/problem.view';
export type { RefusalCode } from './refusals';

// Words a household reads, the same on the card, the phone page and the console
export * from './statements/glossary';
export { ERASED } from './personal-data/erased';
export { STATEMENT_FORMS } from './statements/statement.view';

// A payment's proof, checked in the browser against the published seal roots (pure: the hash is a parameter)
export { verifyProof, type HashBytes, type PaymentProof } from '../../event-store/src/seals/merkle';

// Rules a form applies before sending
export { formatYuan, parseYuanToFen, plainYuan } from './primitives/money';
export { parseQuantity, purchaseAmountFen } from './orders/quantity';
export { sanityWarnings, type PaymentFacts, type SanityWarning } from './payments/payment-sanity';
export { IMPORT_KINDS, KIND_COLUMNS, KIND_PARAM, KIND_TITLE, type ImportKind } from './imports/import-kinds';
export { rosterExample } from './imports/roster-example';
