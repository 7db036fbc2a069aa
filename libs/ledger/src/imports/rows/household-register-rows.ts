import { householdIdFor } from '../../households/household-id';
import { household } from '../../households/household.state';
import { RegisterHouseholdCommand } from '../../households/register-household/register-household.command';
import { decideRegisterHousehold } from '../../households/register-household/register-household.decide';
import { RegisterHouseholdRequest } from '../../households/register-household/register-household.dto';
import { parseCountCell, parseTextCell } from '../roster/cells';
import { checkAsRequest, FieldCollector, rowPlan, type RowKind } from './row-plan';

export interface HouseholdFields {
  registrationNo: string;
  headName: string;
  members: number;
  village: string;
  township: string;
  county: string;
}

const COLUMNS = ['registrationNo', 'headName', 'village', 'township', 'county'] as const;

/** 贫困户名册: one household per row, entered in the register (RegisterHouseholdCommand). */
export const householdRegisterRows: RowKind<HouseholdFields> = {
  kind: 'households',

  fields(record, checked) {
    const c = new FieldCollector();
    const text: Partial<Record<(typeof COLUMNS)[number], string>> = {};
    for (const column of COLUMNS)
      text[column] = c.take(column, parseTextCell(record.get(column), column === 'registrationNo' ? 40 : 50));
    const members = c.take('members', parseCountCell(record.get('members'), 1, 50));
    if (c.problems.length > 0) return { problems: c.problems };
    const fields = { ...(text as Record<(typeof COLUMNS)[number], string>), members: members! };
    if (checked) return { fields, problems: [] };
    const problems = checkAsRequest(
      RegisterHouseholdRequest,
      { ...fields },
      Object.fromEntries([...COLUMNS, 'members'].map((k) => [k, k])),
    );
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  plan(fields, context) {
    const command = new RegisterHouseholdCommand(
      { ...fields, householdId: householdIdFor(fields.registrationNo) },
      context.metadata,
    );
    return Promise.resolve(
      rowPlan({
        streamId: command.payload.householdId,
        evolver: household,
        command,
        decide: (state) => decideRegisterHousehold(command, state),
        township: () => command.payload.township,
        resultId: () => command.payload.householdId,
        columns: { fields: {}, forbidden: 'township', otherwise: 'registrationNo' },
      }),
    );
  },
};
