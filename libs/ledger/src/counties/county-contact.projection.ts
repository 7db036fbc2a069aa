import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import type { Pool } from 'pg';
import { handledTypes } from '../projections/ledger-event';
import { eventOf, row, rowStatement, type Projection, type RowSql } from '../projections/projection';
import type { Contact } from '../statements/statement.view';
import { NATIONAL_HOTLINE, type CountyContactEvent } from './county-contact.events';

export const countyContactsMigration: Migration = {
  name: '0220-county-contacts',
  up: `
    create table county_contacts (
      county  text primary key,
      office  text not null,
      phone   text not null,
      hotline text not null
    );
  `,
};

/** The contact last set for a county wins, as setting them one at a time would leave it. */
const CONTACTS = rowStatement({
  columns: { county: 'text', office: 'text', phone: 'text', hotline: 'text' },
  sql: `insert into county_contacts (county, office, phone, hotline)
        select distinct on (r.county) r.county, r.office, r.phone, r.hotline from ROWS order by r.county, r.ord desc
        on conflict (county) do update set office = excluded.office, phone = excluded.phone, hotline = excluded.hotline`,
  reads: ['county_contacts'],
  writes: ['county_contacts'],
  keys: (r) => ({ reads: [`county_contacts:${String(r.county)}`], writes: [`county_contacts:${String(r.county)}`] }),
});

const TYPES = handledTypes<CountyContactEvent>({
  HouseholdRegistered: 'ignores',
  HouseholdStatusChanged: 'ignores',
  HouseholdErased: 'ignores',
  EntityRegistered: 'ignores',
  ProjectRegistered: 'ignores',
  ProjectFundsReceived: 'ignores',
  ProjectFundsDisbursed: 'ignores',
  StakeAcquired: 'ignores',
  StakeEnded: 'ignores',
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
  UserRegistered: 'ignores',
  UserTokenReplaced: 'ignores',
  LoanDisbursed: 'ignores',
  LoanRepaid: 'ignores',
  LoanInterestSubsidised: 'ignores',
  CountyContactSet: 'handles',
  BankFileReconciled: 'ignores',
  GuaranteeToppedUp: 'ignores',
  PaymentReturned: 'ignores',
  PaymentReissued: 'ignores',
  NoticePosted: 'ignores',
  ObjectionRaised: 'ignores',
  ObjectionResolved: 'ignores',
  NoticeHoldChanged: 'ignores',
  StatementAcknowledged: 'ignores',
});

/** Each county's contact as last set. */
export const countyContactsProjection: Projection = {
  name: 'county-contacts',
  tables: ['county_contacts'],
  handles: TYPES,
  apply(recorded: RecordedEvent): RowSql[] {
    const event = eventOf<CountyContactEvent>(recorded, TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'CountyContactSet': {
        const d = event.data;
        return [row(CONTACTS, d.county, d.office, d.phone, d.hotline)];
      }
      default: {
        const unknown: never = event.type;
        return unknown;
      }
    }
  },
};

/** What a card prints for the county: its contact, or only the national hotline until one is set. */
export async function readContact(pool: Pool, county: string): Promise<Contact> {
  const { rows } = await pool.query<{ office: string; phone: string; hotline: string }>({
    name: 'ledger_read_county_contact',
    text: 'select office, phone, hotline from county_contacts where county = $1',
    values: [county],
  });
  const found = rows[0];
  return found
    ? { office: found.office, phone: found.phone, hotline: found.hotline }
    : { office: null, phone: null, hotline: NATIONAL_HOTLINE };
}
