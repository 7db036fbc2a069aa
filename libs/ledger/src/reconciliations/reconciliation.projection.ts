import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import type { HouseholdErased, HouseholdRegistered } from '../households/household.events';
import { erasedColumns } from '../personal-data/erased-rows';
import type { PaymentReissued, PaymentReturned, PaymentReversed } from '../payments/payment';
import { handledTypes } from '../projections/ledger-event';
import { eventOf, insertOnce, row, rowStatement, type Projection, type RowSql } from '../projections/projection';
import type { ReconciliationEvent } from './reconciliation.events';

/**
 * The reconciliations kept (银行对账记录): one row each with its counts for the list, and its lists
 * as recorded (the event's data) for reopening; the households' names and the payments' bank-side
 * state (returned, reissued) beside, joined when read, so a reopened reconciliation names each
 * household and shows which returned payment is still to be reissued.
 */
export const reconciliationsMigration: Migration = {
  name: '0800-reconcile-reconciliations',
  up: `
    create table reconciliations (
      reconciliation_id   text primary key,
      township            text        not null,
      file_name           text        not null,
      sha256              text        not null,
      rows                int         not null,
      matched             int         not null,
      returned            int         not null,
      returns_recorded    int         not null,
      amount_mismatches   int         not null,
      unmatched_bank_rows int         not null,
      unmatched_payments  int         not null,
      first_date          date,
      last_date           date,
      applied_returns     boolean     not null,
      lists               jsonb       not null,
      recorded_at         timestamptz not null,
      recorded_by         text,
      position            bigint      not null
    );
    create index reconciliations_township on reconciliations (township, position desc);
    create index reconciliations_recent on reconciliations (position desc);
    create table reconciliation_households (
      household_id    text primary key,
      registration_no text not null,
      head_name       text not null
    );
    create index reconciliation_households_no on reconciliation_households (registration_no);
    create table reconciliation_payments (
      payment_id  text primary key,
      returned    boolean not null default false,
      reissued_as text
    );
  `,
};

/**
 * A payment reversed (a clerk's correction) is neither paid nor to be returned: without this, a return
 * decided before the reversal read as pending for ever. Reversals recorded before this migration
 * reach the column, and `returns_recorded` (now counting returns written, not decided) its honest
 * count, by `ledger-cli projections rebuild reconciliations`.
 */
export const reconciliationReversalsMigration: Migration = {
  name: '0801-recon-reconciliation-payment-reversals',
  up: `alter table reconciliation_payments add column reversed boolean not null default false;`,
};

/**
 * Each return remembers what recorded it (its causation: a reconciliation's id, or a clerk's request),
 * so a second reconciliation that decided the same return reads it recorded elsewhere, not `applied`
 * by itself. The read model is emptied with its checkpoint and rebuilt from the log at start, which
 * also brings databases from before `0801` their reversals and honest counts.
 */
export const reconciliationReturnedByMigration: Migration = {
  name: '0802-recon-reconciliation-returned-by',
  up: `
    alter table reconciliation_payments add column returned_by text;
    truncate reconciliations, reconciliation_households, reconciliation_payments;
    delete from projection_checkpoints where name = 'reconciliations';
  `,
};

const RECONCILIATIONS = insertOnce('reconciliations', 'reconciliation_id', {
  reconciliation_id: 'text',
  township: 'text',
  file_name: 'text',
  sha256: 'text',
  rows: 'int',
  matched: 'int',
  returned: 'int',
  returns_recorded: 'int',
  amount_mismatches: 'int',
  unmatched_bank_rows: 'int',
  unmatched_payments: 'int',
  first_date: 'date',
  last_date: 'date',
  applied_returns: 'boolean',
  lists: 'jsonb',
  recorded_at: 'timestamptz',
  recorded_by: 'text',
  position: 'bigint',
});

const HOUSEHOLDS = insertOnce('reconciliation_households', 'household_id', {
  household_id: 'text',
  registration_no: 'text',
  head_name: 'text',
});

/** An erased household's name reads `[已删除]` here too. */
const ERASED = erasedColumns('reconciliation_households', ['head_name']);

/** A return marks the payment and what recorded it; a payment is returned at most once. */
const RETURNED = rowStatement({
  columns: { payment_id: 'text', returned_by: 'text' },
  sql: `insert into reconciliation_payments (payment_id, returned, returned_by)
        select distinct on (r.payment_id) r.payment_id, true, r.returned_by from ROWS order by r.payment_id, r.ord
        on conflict (payment_id) do update set returned = true, returned_by = excluded.returned_by`,
  reads: ['reconciliation_payments'],
  writes: ['reconciliation_payments'],
  keys: (r) => ({
    reads: [`reconciliation_payments:${String(r.payment_id)}`],
    writes: [`reconciliation_payments:${String(r.payment_id)}`],
  }),
});

/**
 * A reversal marks the payment, returned or not: the reconciliation cannot know which payments a
 * later file will name, and reversals are few.
 */
const REVERSED = rowStatement({
  columns: { payment_id: 'text' },
  sql: `insert into reconciliation_payments (payment_id, reversed)
        select distinct r.payment_id, true from ROWS
        on conflict (payment_id) do update set reversed = true`,
  reads: ['reconciliation_payments'],
  writes: ['reconciliation_payments'],
  keys: (r) => ({
    reads: [`reconciliation_payments:${String(r.payment_id)}`],
    writes: [`reconciliation_payments:${String(r.payment_id)}`],
  }),
});

/**
 * A return a reconciliation wrote (its command caused by the reconciliation) counts on that
 * reconciliation alone: each payment's return is written once, so two reconciliations that both
 * decided it (a file posted again while it was pending) never both claim it. The reconciliation is
 * kept before its returns, so its row is there to count on.
 */
const RETURN_RECORDED_BY = rowStatement({
  columns: { reconciliation_id: 'text' },
  sql: `update reconciliations t set returns_recorded = t.returns_recorded + c.n
          from (select r.reconciliation_id, count(*)::int as n from ROWS group by r.reconciliation_id) c
         where t.reconciliation_id = c.reconciliation_id`,
  reads: ['reconciliations'],
  writes: ['reconciliations'],
  keys: (r) => ({
    reads: [`reconciliations:${String(r.reconciliation_id)}`],
    writes: [`reconciliations:${String(r.reconciliation_id)}`],
  }),
});

/** A reissue names its payment on the returned one (a payment is reissued at most once; the last wins). */
const REISSUED = rowStatement({
  columns: { payment_id: 'text', reissued_as: 'text' },
  sql: `insert into reconciliation_payments (payment_id, returned, reissued_as)
        select distinct on (r.payment_id) r.payment_id, true, r.reissued_as from ROWS order by r.payment_id, r.ord desc
        on conflict (payment_id) do update set reissued_as = excluded.reissued_as`,
  reads: ['reconciliation_payments'],
  writes: ['reconciliation_payments'],
  keys: (r) => ({
    reads: [`reconciliation_payments:${String(r.payment_id)}`],
    writes: [`reconciliation_payments:${String(r.payment_id)}`],
  }),
});

type Handled =
  ReconciliationEvent | HouseholdRegistered | HouseholdErased | PaymentReturned | PaymentReissued | PaymentReversed;

const TYPES = handledTypes<Handled>({
  HouseholdRegistered: 'handles',
  HouseholdErased: 'handles',
  HouseholdStatusChanged: 'ignores',
  EntityRegistered: 'ignores',
  ProjectRegistered: 'ignores',
  ProjectFundsReceived: 'ignores',
  ProjectFundsDisbursed: 'ignores',
  StakeAcquired: 'ignores',
  StakeEnded: 'ignores',
  GuaranteeToppedUp: 'ignores',
  DividendDeclared: 'ignores',
  DividendPaid: 'ignores',
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
  LoanDisbursed: 'ignores',
  LoanRepaid: 'ignores',
  LoanInterestSubsidised: 'ignores',
  CountyContactSet: 'ignores',
  BankFileReconciled: 'handles',
  DistributionDeclared: 'ignores',
  DistributionPaid: 'ignores',
  NoticePosted: 'ignores',
  ObjectionRaised: 'ignores',
  ObjectionResolved: 'ignores',
  NoticeHoldChanged: 'ignores',
  StatementAcknowledged: 'ignores',
});

export const reconciliationsProjection: Projection = {
  name: 'reconciliations',
  tables: ['reconciliations', 'reconciliation_households', 'reconciliation_payments'],
  handles: TYPES,
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<Handled>(recorded, TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'HouseholdRegistered': {
        const d = event.data;
        return [row(HOUSEHOLDS, d.householdId, d.registrationNo, d.headName)];
      }
      case 'HouseholdErased':
        return [row(ERASED, event.data.householdId)];
      case 'PaymentReturned': {
        const causedBy = recorded.metadata.causationId;
        return [
          row(RETURNED, event.data.paymentId, typeof causedBy === 'string' ? causedBy : null),
          ...(typeof causedBy === 'string' ? [row(RETURN_RECORDED_BY, causedBy)] : []),
        ];
      }
      case 'PaymentReversed':
        return [row(REVERSED, event.data.paymentId)];
      case 'PaymentReissued':
        return [row(REISSUED, event.data.reissueOf, event.data.paymentId)];
      case 'BankFileReconciled': {
        const d = event.data;
        const recordedBy = typeof recorded.metadata.userId === 'string' ? recorded.metadata.userId : null;
        return [
          row(
            RECONCILIATIONS,
            d.reconciliationId,
            d.township,
            d.fileName,
            d.sha256,
            d.rows,
            d.matched.length,
            d.returned.length,
            0, // counted as each return is written (RETURN_RECORDED_BY), not as decided
            d.amountMismatches.length,
            d.unmatchedBankRows.length,
            d.unmatchedPayments.length,
            d.firstDate,
            d.lastDate,
            d.appliedReturns,
            JSON.stringify(d),
            recorded.recordedAt,
            recordedBy,
            recorded.position,
          ),
        ];
      }
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
