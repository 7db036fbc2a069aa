import type { Migration } from '@ledger/database';
import { erasedColumns } from '../../personal-data/erased-rows';
import type { RecordedEvent } from '@ledger/event-store';
import type { HouseholdErased, HouseholdRegistered } from '../../households/household.events';
import type { PaymentBankEvent, PaymentReversed } from '../../payments/payment';
import { handledTypes } from '../../projections/ledger-event';
import {
  eventOf,
  reissuedCopy,
  insertOnce,
  row,
  rowStatement,
  type Projection,
  type RowSql,
} from '../../projections/projection';
import type { LoanDisbursed, LoanInterestSubsidised, LoanRepaid } from '../loan.events';

/**
 * The county's loan book (`GET /v1/audit/loans`): every household registered (the denominator of
 * "households with a loan"), every loan with its terms, and every repayment and subsidy with whether
 * it was reversed. Sums and status are taken at query time, so "overdue" follows the calendar.
 */
export const loanBookMigration: Migration = {
  name: '0920-loan-book',
  up: `
    create table loan_book_households (
      household_id    text primary key,
      registration_no text not null,
      head_name       text not null,
      county          text not null,
      township        text not null
    );
    create index loan_book_households_place on loan_book_households (county, township);
    create table loan_book_loans (
      loan_id         text primary key,
      household_id    text   not null,
      county          text   not null,
      township        text   not null,
      lender          text   not null,
      contract_no     text,
      principal_fen   bigint not null,
      annual_rate_bp  int    not null,
      subsidy_rate_bp int,
      disbursed_on    date   not null,
      matures_on      date   not null,
      use             text   not null,
      entity_id       text,
      entity_name     text
    );
    create index loan_book_loans_place on loan_book_loans (county, township);
    create table loan_book_payments (
      payment_id    text primary key,
      loan_id       text    not null,
      kind          text    not null check (kind in ('repayment', 'subsidy')),
      principal_fen bigint  not null,
      interest_fen  bigint  not null,
      amount_fen    bigint  not null,
      reversed      boolean not null default false
    );
    create index loan_book_payments_loan on loan_book_payments (loan_id);
  `,
};

/**
 * The loan book filters by village (issue 18): each borrower's village, from its registration. The
 * events always carried it, the read model did not, so the book is emptied with its checkpoint and
 * rebuilt from the log when the service next starts (as statement v2 did; see 0205).
 */
export const loanBookVillageMigration: Migration = {
  name: '0921-lists18-loan-book-village',
  up: `
    truncate loan_book_payments, loan_book_loans, loan_book_households;
    alter table loan_book_households add column village text not null;
    create index loan_book_households_village on loan_book_households (county, township, village);
    delete from projection_checkpoints where name = 'loan-book';
  `,
};

/** An erased borrower's name reads `[已删除]`. */
const ERASED = erasedColumns('loan_book_households', ['head_name']);

type LoanBookEvent =
  | HouseholdRegistered
  | HouseholdErased
  | LoanDisbursed
  | LoanRepaid
  | LoanInterestSubsidised
  | PaymentReversed
  | PaymentBankEvent;

const TYPES = handledTypes<LoanBookEvent>({
  HouseholdRegistered: 'handles',
  HouseholdStatusChanged: 'ignores',
  HouseholdErased: 'handles',
  EntityRegistered: 'ignores',
  ProjectRegistered: 'ignores',
  ProjectFundsReceived: 'ignores',
  ProjectFundsDisbursed: 'ignores',
  StakeAcquired: 'ignores',
  StakeEnded: 'ignores',
  GuaranteeToppedUp: 'ignores',
  DividendDeclared: 'ignores',
  DividendPaid: 'ignores',
  DistributionDeclared: 'ignores',
  DistributionPaid: 'ignores',
  LeaseSigned: 'ignores',
  RentPaid: 'ignores',
  LeaseEnded: 'ignores',
  EmploymentStarted: 'ignores',
  WagePaid: 'ignores',
  EmploymentEnded: 'ignores',
  OrderContracted: 'ignores',
  PurchasePaid: 'ignores',
  PaymentReversed: 'handles',
  PaymentReturned: 'handles',
  PaymentReissued: 'handles',
  UserRegistered: 'ignores',
  UserTokenReplaced: 'ignores',
  LoanDisbursed: 'handles',
  LoanRepaid: 'handles',
  LoanInterestSubsidised: 'handles',
  CountyContactSet: 'ignores',
  BankFileReconciled: 'ignores',
  NoticePosted: 'ignores',
  ObjectionRaised: 'ignores',
  ObjectionResolved: 'ignores',
  NoticeHoldChanged: 'ignores',
  StatementAcknowledged: 'ignores',
});
const HOUSEHOLDS = insertOnce('loan_book_households', 'household_id', {
  household_id: 'text',
  registration_no: 'text',
  head_name: 'text',
  county: 'text',
  township: 'text',
  village: 'text',
});

const LOANS = insertOnce('loan_book_loans', 'loan_id', {
  loan_id: 'text',
  household_id: 'text',
  county: 'text',
  township: 'text',
  lender: 'text',
  contract_no: 'text',
  principal_fen: 'bigint',
  annual_rate_bp: 'int',
  subsidy_rate_bp: 'int',
  disbursed_on: 'date',
  matures_on: 'date',
  use: 'text',
  entity_id: 'text',
  entity_name: 'text',
});

const PAYMENTS = insertOnce('loan_book_payments', 'payment_id', {
  payment_id: 'text',
  loan_id: 'text',
  kind: 'text',
  principal_fen: 'bigint',
  interest_fen: 'bigint',
  amount_fen: 'bigint',
});

const REVERSED = rowStatement({
  columns: { payment_id: 'text' },
  sql: `update loan_book_payments p set reversed = true where p.payment_id in (select r.payment_id from ROWS)`,
  reads: ['loan_book_payments'],
  writes: ['loan_book_payments'],
  keys: (r) => ({
    reads: [`loan_book_payments:${String(r.payment_id)}`],
    writes: [`loan_book_payments:${String(r.payment_id)}`],
  }),
});

const REISSUED = reissuedCopy('loan_book_payments', ['loan_id', 'kind', 'principal_fen', 'interest_fen', 'amount_fen']);

export const loanBookProjection: Projection = {
  name: 'loan-book',
  tables: ['loan_book_payments', 'loan_book_loans', 'loan_book_households'],
  handles: TYPES,
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<LoanBookEvent>(recorded, TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'HouseholdRegistered': {
        const d = event.data;
        return [row(HOUSEHOLDS, d.householdId, d.registrationNo, d.headName, d.county, d.township, d.village)];
      }
      case 'LoanDisbursed': {
        const d = event.data;
        return [
          row(
            LOANS,
            d.loanId,
            d.householdId,
            d.county,
            d.township,
            d.lender,
            d.contractNo ?? null,
            d.principalFen,
            d.annualRateBp,
            d.subsidy?.rateBp ?? null,
            d.disbursedOn,
            d.maturesOn,
            d.use,
            d.entityId ?? null,
            d.entityName ?? null,
          ),
        ];
      }
      case 'LoanRepaid': {
        const d = event.data;
        return [
          row(
            PAYMENTS,
            d.paymentId,
            d.loanId,
            'repayment',
            d.principalFen,
            d.interestFen,
            d.principalFen + d.interestFen,
          ),
        ];
      }
      case 'LoanInterestSubsidised': {
        const d = event.data;
        return [row(PAYMENTS, d.paymentId, d.loanId, 'subsidy', 0, 0, d.amountFen)];
      }
      case 'PaymentReversed':
        // Only a loan's payments are in this book.
        return event.data.paymentId.startsWith('loan-') ? [row(REVERSED, event.data.paymentId)] : [];
      case 'PaymentReturned':
        // A repayment or subsidy the bank sent back is not in the book, as if reversed.
        return event.data.paymentId.startsWith('loan-') ? [row(REVERSED, event.data.paymentId)] : [];
      case 'PaymentReissued':
        return event.data.paymentId.startsWith('loan-')
          ? [row(REISSUED, event.data.paymentId, event.data.reissueOf)]
          : [];
      case 'HouseholdErased':
        return [row(ERASED, event.data.householdId)];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
