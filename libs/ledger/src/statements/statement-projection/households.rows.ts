import type { HouseholdEvent } from '../../households/household.events';
import { erasedColumns, erasedJsonField } from '../../personal-data/erased-rows';
import { lastWins, row, rowStatement, type RowSql } from '../../projections/projection';

/**
 * An erased household's statement: the head, its workers' names in wage lines' bases, the reasons of
 * its reversals and the bank's notes on its returns read `[已删除]`; amounts and dates stay.
 */
const ERASED_HEAD = erasedColumns('statement_households', ['head_name']);
const ERASED_LINES = erasedColumns('statement_lines', ['reversal_reason', 'return_detail']);
const ERASED_WORKERS = erasedJsonField('statement_lines', 'basis', 'workerName');

const HOUSEHOLDS = rowStatement({
  columns: {
    household_id: 'text',
    registration_no: 'text',
    head_name: 'text',
    members: 'int',
    village: 'text',
    township: 'text',
    county: 'text',
  },
  sql: `insert into statement_households (household_id, registration_no, head_name, members, village, township, county, status)
        select r.household_id, r.registration_no, r.head_name, r.members, r.village, r.township, r.county, 'enrolled'
          from ROWS order by r.ord
        on conflict (household_id) do nothing`,
  writes: ['statement_households'],
  keys: (r) => ({ reads: [], writes: [`statement_households:${String(r.household_id)}`] }),
});

/** The last status change recorded wins, as it would one by one. */
const HOUSEHOLD_STATUS = lastWins('statement_households', 'household_id', { household_id: 'text', status: 'text' });

/** The household a statement is headed with: registered, its status changed, or erased. */
export function householdRows(event: HouseholdEvent): RowSql[] {
  switch (event.type) {
    case 'HouseholdRegistered': {
      const d = event.data;
      return [row(HOUSEHOLDS, d.householdId, d.registrationNo, d.headName, d.members, d.village, d.township, d.county)];
    }
    case 'HouseholdStatusChanged':
      return [row(HOUSEHOLD_STATUS, event.data.householdId, event.data.status)];
    case 'HouseholdErased': {
      const id = event.data.householdId;
      return [row(ERASED_HEAD, id), row(ERASED_LINES, id), row(ERASED_WORKERS, id)];
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
