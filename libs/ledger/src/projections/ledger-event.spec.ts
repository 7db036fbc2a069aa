import { ALL_PROJECTIONS } from '../all-projections';
import { handledTypes, type LedgerEventType } from './ledger-event';
import type { HouseholdEvent } from '../households/household.events';

/** Every event type of the ledger, as a value (a missing or unknown key is a type error). */
const EVERY_TYPE: Record<LedgerEventType, true> = {
  HouseholdRegistered: true,
  HouseholdStatusChanged: true,
  HouseholdErased: true,
  EntityRegistered: true,
  ProjectRegistered: true,
  ProjectFundsReceived: true,
  ProjectFundsDisbursed: true,
  StakeAcquired: true,
  StakeEnded: true,
  GuaranteeToppedUp: true,
  DividendDeclared: true,
  DividendPaid: true,
  DistributionDeclared: true,
  DistributionPaid: true,
  LeaseSigned: true,
  RentPaid: true,
  LeaseEnded: true,
  EmploymentStarted: true,
  WagePaid: true,
  EmploymentEnded: true,
  OrderContracted: true,
  PurchasePaid: true,
  PaymentReversed: true,
  PaymentReturned: true,
  PaymentReissued: true,
  UserRegistered: true,
  UserTokenReplaced: true,
  LoanDisbursed: true,
  LoanRepaid: true,
  LoanInterestSubsidised: true,
  CountyContactSet: true,
  BankFileReconciled: true,
  NoticePosted: true,
  ObjectionRaised: true,
  ObjectionResolved: true,
  NoticeHoldChanged: true,
  StatementAcknowledged: true,
};
const ignoringAll = Object.fromEntries(Object.keys(EVERY_TYPE).map((t) => [t, 'ignores'])) as Record<
  LedgerEventType,
  'ignores'
>;

describe('each projection lists the event types it handles, by construction', () => {
  it('given a choice for every type, when made, then the list is the types it handles', () => {
    expect(
      handledTypes<HouseholdEvent>({
        ...ignoringAll,
        HouseholdRegistered: 'handles',
        HouseholdStatusChanged: 'handles',
        HouseholdErased: 'handles',
      }),
    ).toEqual(['HouseholdRegistered', 'HouseholdStatusChanged', 'HouseholdErased']);
  });

  it('refuses, at compile time, a missing type or a choice against the union (checked by tsc)', () => {
    const { UserRegistered: _, ...missingOne } = ignoringAll;
    const both = {
      HouseholdRegistered: 'handles',
      HouseholdStatusChanged: 'handles',
      HouseholdErased: 'handles',
    } as const;
    // @ts-expect-error a type of the ledger without a choice (as a new event type would be)
    expect(() => handledTypes<HouseholdEvent>({ ...missingOne, ...both })).not.toThrow();
    // @ts-expect-error a type of its union marked as ignored
    expect(() => handledTypes<HouseholdEvent>({ ...ignoringAll, HouseholdRegistered: 'handles' })).not.toThrow();
    // @ts-expect-error a type outside its union marked as handled
    expect(() => handledTypes<HouseholdEvent>({ ...ignoringAll, ...both, WagePaid: 'handles' })).not.toThrow();
  });

  it('every projection handles only event types of the ledger, and at least one', () => {
    for (const projection of ALL_PROJECTIONS) {
      expect(projection.handles.length).toBeGreaterThan(0);
      for (const type of projection.handles) expect(EVERY_TYPE[type]).toBe(true);
    }
  });
});
