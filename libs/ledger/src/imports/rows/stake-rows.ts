import { entity } from '../../entities/entity.state';
import { householdIdFor } from '../../households/household-id';
import { disbursedTo } from '../../projects/project.state';
import { AcquireStakeCommand } from '../../stakes/acquire-stake/acquire-stake.command';
import { decideAcquireStake, type AcquireStakeParties } from '../../stakes/acquire-stake/acquire-stake.decide';
import { AcquireStakeRequest } from '../../stakes/acquire-stake/acquire-stake.dto';
import type { StakeSource } from '../../stakes/stake.events';
import {
  cellText,
  isBlank,
  parseAmountCell,
  parseCountCell,
  parseDateCell,
  parseTextCell,
  parseWordCell,
} from '../roster/cells';
import { householdOfRow } from './household-rows';
import { checkAsRequest, FieldCollector, rowPlan, type RowKind } from './row-plan';

export interface StakeFields {
  registrationNo: string;
  source: StakeSource;
  projectId?: string;
  principalFen: number;
  shares: number;
  guaranteedYearlyFen?: number;
  startsOn: string;
  endsOn?: string;
}

const SOURCE_WORDS: Record<string, StakeSource> = {
  资金变股金: 'fiscal_fund',
  财政资金: 'fiscal_fund',
  财政资金入股: 'fiscal_fund',
  财政入股: 'fiscal_fund',
  土地入股: 'land',
  土地: 'land',
  户贷企用: 'household_loan',
  小额信贷: 'household_loan',
  扶贫小额信贷: 'household_loan',
  现金入股: 'cash',
  现金: 'cash',
  自有资金: 'cash',
  fiscal_fund: 'fiscal_fund',
  land: 'land',
  household_loan: 'household_loan',
  cash: 'cash',
};

/** A placeholder entity id for checking a row's body with the API's class (the real one is the parameter). */
const SOME_ENTITY = 'entity-00000000-0000-5000-8000-000000000000';

const REQUEST_COLUMNS = {
  householdId: 'registrationNo',
  projectId: 'projectId',
  source: 'source',
  principalFen: 'principal',
  shares: 'shares',
  guaranteedYearlyFen: 'guaranteedYearly',
  startsOn: 'startsOn',
  endsOn: 'endsOn',
};

/**
 * 入股名册: one equity stake per row, held for the household in the entity (AcquireStakeCommand).
 * Stakes live in the entity's stream, numbered in file order.
 */
export const stakeRows: RowKind<StakeFields> = {
  kind: 'stakes',

  fields(record, checked) {
    const c = new FieldCollector();
    const registrationNo = c.take('registrationNo', parseTextCell(record.get('registrationNo'), 40));
    const source = c.take(
      'source',
      parseWordCell(record.get('source'), SOURCE_WORDS, {
        en: 'fiscal_fund (资金变股金), land (土地入股), household_loan (户贷企用) or cash (现金入股)',
        zh: '“资金变股金”“土地入股”“户贷企用”或“现金入股”',
      }),
    );
    const projectId = isBlank(record.get('projectId')) ? undefined : cellText(record.get('projectId'));
    const principalFen = c.take('principal', parseAmountCell(record.get('principal')));
    const shares = c.take('shares', parseCountCell(record.get('shares'), 1, 999_999));
    const guaranteedYearlyFen = c.optional(record, 'guaranteedYearly', isBlank(record.get('guaranteedYearly')), () =>
      parseAmountCell(record.get('guaranteedYearly')),
    );
    const startsOn = c.take('startsOn', parseDateCell(record.get('startsOn')));
    const endsOn = c.optional(record, 'endsOn', isBlank(record.get('endsOn')), () =>
      parseDateCell(record.get('endsOn')),
    );
    if (c.problems.length > 0) return { problems: c.problems };
    const fields: StakeFields = {
      registrationNo: registrationNo!,
      source: source!,
      ...(projectId === undefined ? {} : { projectId }),
      principalFen: principalFen!,
      shares: shares!,
      ...(guaranteedYearlyFen === undefined ? {} : { guaranteedYearlyFen }),
      startsOn: startsOn!,
      ...(endsOn === undefined ? {} : { endsOn }),
    };
    if (checked) return { fields, problems: [] };
    const { registrationNo: no, ...body } = fields;
    const problems = checkAsRequest(
      AcquireStakeRequest,
      { entityId: SOME_ENTITY, householdId: householdIdFor(no), ...body },
      REQUEST_COLUMNS,
    );
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  async plan(fields, context) {
    const entityId = context.params.entityId!;
    const found = await householdOfRow(context.directory, fields.registrationNo, context.actor);
    const { registrationNo: _r, ...terms } = fields;
    const projectState =
      fields.projectId === undefined ? undefined : await context.directory.projectState(fields.projectId);
    // What the handler reads: the household, and the project whose money bought a fiscal-fund stake.
    const parties: AcquireStakeParties = {
      household: { householdId: found.householdId, township: found.township },
      project:
        projectState?.status === 'registered'
          ? {
              projectId: projectState.projectId,
              name: projectState.name,
              disbursedToEntityFen: disbursedTo(projectState, entityId),
            }
          : undefined,
    };
    const command = new AcquireStakeCommand({ entityId, householdId: found.householdId, ...terms }, context.metadata);
    return rowPlan({
      streamId: entityId,
      evolver: entity,
      command,
      decide: (state) => decideAcquireStake(command, state, parties),
      township: () => parties.household?.township,
      resultId: (events) => {
        const acquired = events.find((e) => e.type === 'StakeAcquired');
        return acquired?.type === 'StakeAcquired' ? acquired.data.stakeId : entityId;
      },
      columns: {
        fields: { householdId: 'registrationNo', endsOn: 'endsOn', projectId: 'projectId', principalFen: 'principal' },
        forbidden: 'registrationNo',
        otherwise: 'principal',
      },
    });
  },
};
