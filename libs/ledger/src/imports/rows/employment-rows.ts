import { newStreamId } from '../../common/ids';
import { WAGE_BASES, type WageBasis } from '../../employment/employment.events';
import { employment } from '../../employment/employment.state';
import { StartEmploymentCommand } from '../../employment/start-employment/start-employment.command';
import { decideStartEmployment } from '../../employment/start-employment/start-employment.decide';
import { StartEmploymentRequest } from '../../employment/start-employment/start-employment.dto';
import { cellText, parseAmountCell, parseDateCell, parseTextCell, type Parsed } from '../roster/cells';
import { householdOfRow } from './household-rows';
import { checkAsRequest, FieldCollector, rowPlan, type RowKind } from './row-plan';

export interface EmploymentFields {
  registrationNo: string;
  workerName: string;
  startsOn: string;
  wageBasis: WageBasis;
  rateFen: number;
}

const BASIS_WORDS: Record<string, WageBasis> = {
  月薪: 'monthly',
  按月: 'monthly',
  月: 'monthly',
  日薪: 'daily',
  按日: 'daily',
  日: 'daily',
  计件: 'piece',
  按件: 'piece',
  件: 'piece',
  monthly: 'monthly',
  daily: 'daily',
  piece: 'piece',
};

function parseWageBasis(text: string): Parsed<WageBasis> {
  const basis = BASIS_WORDS[text.toLowerCase()];
  return basis && WAGE_BASES.includes(basis)
    ? { ok: true, value: basis }
    : { ok: false, en: 'write 月薪 (monthly), 日薪 (daily) or 计件 (piece)', zh: '应填写“月薪”“日薪”或“计件”' };
}

/**
 * 务工人员名册: one employment per row at the entity (StartEmploymentCommand). The employment's id
 * derives from the row's command id, so a re-run or a resume starts it once.
 */
export const employmentRows: RowKind<EmploymentFields> = {
  kind: 'employments',

  fields(record, checked) {
    const c = new FieldCollector();
    const registrationNo = c.take('registrationNo', parseTextCell(record.get('registrationNo'), 40));
    const workerName = c.take('workerName', parseTextCell(record.get('workerName'), 50));
    const startsOn = c.take('startsOn', parseDateCell(record.get('startsOn')));
    const wageBasis = c.take('wageBasis', parseWageBasis(cellText(record.get('wageBasis'))));
    const rateFen = c.take('rate', parseAmountCell(record.get('rate')));
    if (c.problems.length > 0) return { problems: c.problems };
    const fields: EmploymentFields = {
      registrationNo: registrationNo!,
      workerName: workerName!,
      startsOn: startsOn!,
      wageBasis: wageBasis!,
      rateFen: rateFen!,
    };
    if (checked) return { fields, problems: [] };
    const { registrationNo: _r, ...body } = fields;
    const problems = checkAsRequest(
      StartEmploymentRequest,
      { entityId: 'entity', householdId: 'household', ...body },
      { workerName: 'workerName', startsOn: 'startsOn', wageBasis: 'wageBasis', rateFen: 'rate' },
    );
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  async plan(fields, context) {
    const entityId = context.params.entityId!;
    const found = await householdOfRow(context.directory, fields.registrationNo, context.actor);
    const parties = {
      household: await context.directory.householdState(found.householdId),
      entity: await context.directory.entityState(entityId),
    };
    const { registrationNo: _r, ...terms } = fields;
    const command = new StartEmploymentCommand(
      {
        employmentId: newStreamId('employment', context.metadata),
        entityId,
        householdId: found.householdId,
        ...terms,
      },
      context.metadata,
    );
    return rowPlan({
      streamId: command.payload.employmentId,
      evolver: employment,
      command,
      decide: (state) => decideStartEmployment(command, state, parties),
      // As readLinkageParties gives it to the handler: the household's township.
      township: () => (parties.household.status === 'registered' ? parties.household.township : undefined),
      resultId: () => command.payload.employmentId,
      columns: {
        fields: { householdId: 'registrationNo', entityId: 'registrationNo' },
        forbidden: 'registrationNo',
        otherwise: 'workerName',
      },
    });
  },
};
