import type { Migration } from '@ledger/database';
import { erasedColumns } from '../../personal-data/erased-rows';
import type { RecordedEvent } from '@ledger/event-store';
import { eventOf, lastWins, row, rowStatement, type Projection, type RowSql } from '../../projections/projection';
import { handledTypes } from '../../projections/ledger-event';
import type { HouseholdEvent } from '../household.events';

export const householdListMigration: Migration = {
  name: '0100-household-list',
  up: `
    create table household_list (
      household_id    text primary key,
      registration_no text not null,
      head_name       text not null,
      members         int  not null,
      village         text not null,
      township        text not null,
      county          text not null,
      status          text not null,
      enrolled_on     date,
      registered_at   timestamptz not null
    );
    create index household_list_order on household_list (registration_no, household_id);
    create index household_list_place on household_list (township, village);
  `,
};

const REGISTERED = rowStatement({
  columns: {
    household_id: 'text',
    registration_no: 'text',
    head_name: 'text',
    members: 'int',
    village: 'text',
    township: 'text',
    county: 'text',
    enrolled_on: 'date',
    registered_at: 'timestamptz',
  },
  sql: `insert into household_list (household_id, registration_no, head_name, members, village, township, county, status, enrolled_on, registered_at)
        select r.household_id, r.registration_no, r.head_name, r.members, r.village, r.township, r.county, 'enrolled',
               r.enrolled_on, r.registered_at
          from ROWS order by r.ord
        on conflict (household_id) do nothing`,
  writes: ['household_list'],
  keys: (r) => ({ reads: [], writes: [`household_list:${String(r.household_id)}`] }),
});

/** An erased household's head reads `[已删除]`; searching by the name finds nothing. */
const ERASED = erasedColumns('household_list', ['head_name']);

/**
 * The erasure replayed against the key store: the handler destroys the key already, but a restored
 * backup or a key store older than the log may hold it again; every rebuild (restore runs one) and
 * every live application destroys it once more. Not one of this projection's tables, so a rebuild
 * writes the live key store, never a copy.
 */
const KEY_DESTROYED = rowStatement({
  columns: { household_id: 'text' },
  sql: `insert into household_keys (household_id, key, erased_at)
        select distinct r.household_id, null::bytea, now() from ROWS
        on conflict (household_id) do update set key = null, erased_at = coalesce(household_keys.erased_at, now())`,
  writes: ['household_keys'],
});

const TYPES = handledTypes<HouseholdEvent>({
  HouseholdRegistered: 'handles',
  HouseholdStatusChanged: 'handles',
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
  PaymentReversed: 'ignores',
  PaymentReturned: 'ignores',
  PaymentReissued: 'ignores',
  UserRegistered: 'ignores',
  UserTokenReplaced: 'ignores',
  LoanDisbursed: 'ignores',
  LoanRepaid: 'ignores',
  LoanInterestSubsidised: 'ignores',
  CountyContactSet: 'ignores',
  BankFileReconciled: 'ignores',
  NoticePosted: 'ignores',
  ObjectionRaised: 'ignores',
  ObjectionResolved: 'ignores',
  NoticeHoldChanged: 'ignores',
  StatementAcknowledged: 'ignores',
});

/** A household's status: the last change recorded wins, as it would one by one. */
const STATUS_CHANGED = lastWins('household_list', 'household_id', { household_id: 'text', status: 'text' });

/** The register as a table: for listing, searching and counting households by place. */
export const householdListProjection: Projection = {
  name: 'household-list',
  handles: TYPES,
  tables: ['household_list'],
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<HouseholdEvent>(recorded, TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'HouseholdRegistered': {
        const d = event.data;
        return [
          row(
            REGISTERED,
            d.householdId,
            d.registrationNo,
            d.headName,
            d.members,
            d.village,
            d.township,
            d.county,
            d.enrolledOn ?? null,
            recorded.recordedAt,
          ),
        ];
      }
      case 'HouseholdStatusChanged':
        return [row(STATUS_CHANGED, event.data.householdId, event.data.status)];
      case 'HouseholdErased':
        return [row(ERASED, event.data.householdId), row(KEY_DESTROYED, event.data.householdId)];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
