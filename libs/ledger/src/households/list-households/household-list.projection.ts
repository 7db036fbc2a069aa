import type { Migration } from '@ledger/database';
import type { RecordedEvent } from '@ledger/event-store';
import { eventOf, type Projection, type Sql } from '../../projections/projection';
import { HOUSEHOLD_EVENT_TYPES, type HouseholdEvent } from '../household.events';

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

/** The register as a table: for listing, searching and counting households by place. */
export const householdListProjection: Projection = {
  name: 'household-list',
  tables: ['household_list'],
  apply(recorded: RecordedEvent): Sql[] {
    const event = eventOf<HouseholdEvent>(recorded, HOUSEHOLD_EVENT_TYPES);
    if (!event) return [];
    switch (event.type) {
      case 'HouseholdRegistered': {
        const d = event.data;
        return [
          {
            text: `insert into household_list (household_id, registration_no, head_name, members, village, township, county, status, enrolled_on, registered_at)
                   values ($1, $2, $3, $4, $5, $6, $7, 'enrolled', $8, $9) on conflict (household_id) do nothing`,
            values: [
              d.householdId,
              d.registrationNo,
              d.headName,
              d.members,
              d.village,
              d.township,
              d.county,
              d.enrolledOn ?? null,
              recorded.recordedAt,
            ],
          },
        ];
      }
      case 'HouseholdStatusChanged':
        return [
          {
            text: 'update household_list set status = $2 where household_id = $1',
            values: [event.data.householdId, event.data.status],
          },
        ];
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
