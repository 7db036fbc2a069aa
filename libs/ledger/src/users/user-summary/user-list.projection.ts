import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import { handledTypes } from '../../projections/ledger-event';
import { eventOf, insertOnce, row, type Projection, type RowSql } from '../../projections/projection';
import type { UserRegistered } from '../../auth/user.events';

/** Users by role, for the admin's dashboard: ids and roles only, never names or token hashes. */
export const userListMigration: Migration = {
  name: '0970-console18-user-list',
  up: `
    create table user_list (
      user_id text primary key,
      role    text not null
    );
  `,
};

const REGISTERED = insertOnce('user_list', 'user_id', { user_id: 'text', role: 'text' });

const TYPES = handledTypes<UserRegistered>({
  HouseholdRegistered: 'ignores',
  HouseholdStatusChanged: 'ignores',
  HouseholdErased: 'ignores',
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
  UserRegistered: 'handles',
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

/** Every user registered and its role (a token replaced changes neither). */
export const userListProjection: Projection = {
  name: 'user-list',
  handles: TYPES,
  tables: ['user_list'],
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<UserRegistered>(recorded, TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'UserRegistered':
        return [row(REGISTERED, event.data.userId, event.data.role)];
      default: {
        const unknown: never = event.type;
        return unknown;
      }
    }
  },
};
