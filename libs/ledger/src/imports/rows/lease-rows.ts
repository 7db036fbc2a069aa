import { newStreamId } from '../../common/ids';
import { householdIdFor } from '../../households/household-id';
import { lease } from '../../leases/lease.state';
import { SignLeaseCommand } from '../../leases/sign-lease/sign-lease.command';
import { decideSignLease, type SignLeaseParties } from '../../leases/sign-lease/sign-lease.decide';
import { SignLeaseRequest } from '../../leases/sign-lease/sign-lease.dto';
import { formatArea, parseArea, type RentSchedule } from '../../primitives/rent';
import {
  cellText,
  parseAmountCell,
  parseDateCell,
  parseTextCell,
  parseWordCell,
  type Cell,
  type Parsed,
} from '../roster/cells';
import { householdOfRow } from './household-rows';
import { checkAsRequest, FieldCollector, rowPlan, type RowKind } from './row-plan';

export interface LeaseFields {
  registrationNo: string;
  areaMu: string;
  rentPerMuYearFen: number;
  startsOn: string;
  endsOn: string;
  schedule: RentSchedule;
}

const SCHEDULE_WORDS: Record<string, RentSchedule> = {
  按年: 'yearly',
  每年: 'yearly',
  年付: 'yearly',
  一年一付: 'yearly',
  按半年: 'half_yearly',
  半年: 'half_yearly',
  半年付: 'half_yearly',
  每半年: 'half_yearly',
  按季: 'quarterly',
  按季度: 'quarterly',
  季付: 'quarterly',
  每季: 'quarterly',
  yearly: 'yearly',
  half_yearly: 'half_yearly',
  quarterly: 'quarterly',
};

/** Land in mu (亩) as the canonical decimal string, exactly: `2.5` → `"2.50"`; never through a float sum. */
function parseAreaCell(cell: Cell): Parsed<string> {
  // A spreadsheet number prints as the shortest text that reads back as the same number: what was typed.
  const text = (typeof cell === 'number' ? String(cell) : cellText(cell)).replace(/亩$/, '');
  if (text === '') return { ok: false, en: 'missing', zh: '未填写' };
  const area = parseArea(text);
  return area.ok
    ? { ok: true, value: formatArea(area.hundredths) }
    : {
        ok: false,
        en: 'must be a positive area in mu with at most two decimals, e.g. 2.5',
        zh: '面积应为大于零、最多两位小数的亩数，如 2.5',
      };
}

/** A placeholder entity id for checking a row's body with the API's class (the real one is the parameter). */
const SOME_ENTITY = 'entity-00000000-0000-5000-8000-000000000000';

/**
 * 土地流转名册: one land lease per row, the household's land to the entity (SignLeaseCommand). The
 * lease's id derives from the row's command id, so a re-run or a resume signs it once.
 */
export const leaseRows: RowKind<LeaseFields> = {
  kind: 'leases',

  fields(record, checked) {
    const c = new FieldCollector();
    const registrationNo = c.take('registrationNo', parseTextCell(record.get('registrationNo'), 40));
    const areaMu = c.take('areaMu', parseAreaCell(record.get('areaMu')));
    const rentPerMuYearFen = c.take('rentPerMuYear', parseAmountCell(record.get('rentPerMuYear')));
    const startsOn = c.take('startsOn', parseDateCell(record.get('startsOn')));
    const endsOn = c.take('endsOn', parseDateCell(record.get('endsOn')));
    const schedule = c.take(
      'schedule',
      parseWordCell(record.get('schedule'), SCHEDULE_WORDS, {
        en: 'yearly (按年), half_yearly (按半年) or quarterly (按季)',
        zh: '“按年”“按半年”或“按季”',
      }),
    );
    if (c.problems.length > 0) return { problems: c.problems };
    const fields: LeaseFields = {
      registrationNo: registrationNo!,
      areaMu: areaMu!,
      rentPerMuYearFen: rentPerMuYearFen!,
      startsOn: startsOn!,
      endsOn: endsOn!,
      schedule: schedule!,
    };
    if (checked) return { fields, problems: [] };
    const { registrationNo: no, ...body } = fields;
    const problems = checkAsRequest(
      SignLeaseRequest,
      { entityId: SOME_ENTITY, householdId: householdIdFor(no), ...body },
      {
        householdId: 'registrationNo',
        areaMu: 'areaMu',
        rentPerMuYearFen: 'rentPerMuYear',
        startsOn: 'startsOn',
        endsOn: 'endsOn',
        schedule: 'schedule',
      },
    );
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  async plan(fields, context) {
    const entityId = context.params.entityId!;
    const found = await householdOfRow(context.directory, fields.registrationNo, context.actor);
    const entityState = await context.directory.entityState(entityId);
    // What the handler reads: the household and the entity.
    const parties: SignLeaseParties = {
      household: { householdId: found.householdId, township: found.township },
      entity: entityState.status === 'registered' ? { entityId, name: entityState.name } : undefined,
    };
    const { registrationNo: _r, ...terms } = fields;
    const command = new SignLeaseCommand(
      { leaseId: newStreamId('lease', context.metadata), entityId, householdId: found.householdId, ...terms },
      context.metadata,
    );
    return rowPlan({
      streamId: command.payload.leaseId,
      evolver: lease,
      command,
      decide: (state) => decideSignLease(command, state, parties),
      township: () => parties.household?.township,
      resultId: () => command.payload.leaseId,
      columns: {
        fields: {
          householdId: 'registrationNo',
          endsOn: 'endsOn',
          areaMu: 'areaMu',
          rentPerMuYearFen: 'rentPerMuYear',
        },
        forbidden: 'registrationNo',
        otherwise: 'startsOn',
      },
    });
  },
};
