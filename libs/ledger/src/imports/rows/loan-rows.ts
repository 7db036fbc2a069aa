import { householdIdFor } from '../../households/household-id';
import { loanIdForContract } from '../../loans/loan-id';
import { loan } from '../../loans/loan.state';
import type { LoanUse } from '../../loans/loan.events';
import { RecordLoanCommand } from '../../loans/record-loan/record-loan.command';
import { decideRecordLoan, type RecordLoanParties } from '../../loans/record-loan/record-loan.decide';
import { RecordLoanRequest } from '../../loans/record-loan/record-loan.dto';
import {
  cellText,
  isBlank,
  parseAmountCell,
  parseDateCell,
  parseRateCell,
  parseTextCell,
  parseWordCell,
} from '../roster/cells';
import { householdOfRow } from './household-rows';
import { checkAsRequest, FieldCollector, refuseRow, rowPlan, type RowKind } from './row-plan';

export interface LoanFields {
  registrationNo: string;
  contractNo: string;
  lender: string;
  principalFen: number;
  annualRateBp: number;
  disbursedOn: string;
  maturesOn: string;
  use: LoanUse;
  /** The entity as written: its id, or its name. */
  entity?: string;
  subsidyRateBp?: number;
}

const USE_WORDS: Record<string, LoanUse> = {
  自主发展: 'own_production',
  自主发展生产: 'own_production',
  自主经营: 'own_production',
  自用: 'own_production',
  户贷户用: 'own_production',
  户贷企用: 'invested_in_entity',
  入股: 'invested_in_entity',
  入股企业: 'invested_in_entity',
  own_production: 'own_production',
  invested_in_entity: 'invested_in_entity',
};

const REQUEST_COLUMNS: Record<string, string> = {
  householdId: 'registrationNo',
  contractNo: 'contractNo',
  lender: 'lender',
  principalFen: 'principal',
  annualRateBp: 'annualRate',
  disbursedOn: 'disbursedOn',
  maturesOn: 'maturesOn',
  use: 'use',
  entityId: 'entity',
  subsidy: 'subsidyRate',
};

/** A placeholder entity id for checking a row's body with the API's class (the real one is looked up). */
const SOME_ENTITY = 'entity-00000000-0000-5000-8000-000000000000';
const ENTITY_ID = /^entity-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * 扶贫小额信贷放款清单 (the bank's list of loans): one loan per row (RecordLoanCommand). The loan's
 * id derives from its lender and contract number, as through the API, so a contract already
 * recorded is a row error and a re-run or resume records each loan once. A subsidy rate, when
 * given, is the county's (a project's subsidy is recorded through the API).
 */
export const loanRows: RowKind<LoanFields> = {
  kind: 'loans',

  fields(record, checked) {
    const c = new FieldCollector();
    const registrationNo = c.take('registrationNo', parseTextCell(record.get('registrationNo'), 40));
    const contractNo = c.take('contractNo', parseTextCell(record.get('contractNo'), 100));
    const lender = c.take('lender', parseTextCell(record.get('lender'), 100));
    const principalFen = c.take('principal', parseAmountCell(record.get('principal')));
    const annualRateBp = c.take('annualRate', parseRateCell(record.get('annualRate')));
    const disbursedOn = c.take('disbursedOn', parseDateCell(record.get('disbursedOn')));
    const maturesOn = c.take('maturesOn', parseDateCell(record.get('maturesOn')));
    const use = c.take(
      'use',
      parseWordCell(record.get('use'), USE_WORDS, {
        en: 'own_production (自主发展) or invested_in_entity (户贷企用)',
        zh: '“自主发展”或“户贷企用”',
      }),
    );
    const entity = isBlank(record.get('entity')) ? undefined : cellText(record.get('entity'));
    const subsidyRateBp = c.optional(record, 'subsidyRate', isBlank(record.get('subsidyRate')), () =>
      parseRateCell(record.get('subsidyRate')),
    );
    if (c.problems.length > 0) return { problems: c.problems };
    const fields: LoanFields = {
      registrationNo: registrationNo!,
      contractNo: contractNo!,
      lender: lender!,
      principalFen: principalFen!,
      annualRateBp: annualRateBp!,
      disbursedOn: disbursedOn!,
      maturesOn: maturesOn!,
      use: use!,
      ...(entity === undefined ? {} : { entity }),
      ...(subsidyRateBp === undefined ? {} : { subsidyRateBp }),
    };
    if (checked) return { fields, problems: [] };
    const problems = checkAsRequest(RecordLoanRequest, requestBody(fields, SOME_ENTITY), REQUEST_COLUMNS);
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  async plan(fields, context) {
    const found = await householdOfRow(context.directory, fields.registrationNo, context.actor);
    const entity = fields.entity === undefined ? undefined : await entityOfRow(fields.entity, context.directory);
    const parties: RecordLoanParties = {
      household: { householdId: found.householdId, township: found.township, county: found.county },
      ...(entity === undefined ? {} : { entity }),
    };
    const body = requestBody(fields, entity?.entityId);
    const command = new RecordLoanCommand(
      {
        ...body,
        loanId: loanIdForContract(fields.lender, fields.contractNo),
        householdId: found.householdId,
      },
      context.metadata,
    );
    return rowPlan({
      streamId: command.payload.loanId,
      evolver: loan,
      command,
      decide: (state) => decideRecordLoan(command, state, parties),
      township: () => found.township,
      resultId: () => command.payload.loanId,
      columns: {
        fields: {
          householdId: 'registrationNo',
          contractNo: 'contractNo',
          principalFen: 'principal',
          maturesOn: 'maturesOn',
          entityId: 'entity',
          'subsidy.rateBp': 'subsidyRate',
        },
        forbidden: 'registrationNo',
        otherwise: 'principal',
      },
    });
  },
};

/** The API's request body for a row: what RecordLoanRequest checks and the command carries. */
function requestBody(fields: LoanFields, entityId: string | undefined) {
  return {
    householdId: householdIdFor(fields.registrationNo),
    lender: fields.lender,
    contractNo: fields.contractNo,
    principalFen: fields.principalFen,
    annualRateBp: fields.annualRateBp,
    disbursedOn: fields.disbursedOn,
    maturesOn: fields.maturesOn,
    use: fields.use,
    // A 户贷企用 loan needs its entity; one for own production must not name any.
    ...(fields.use === 'invested_in_entity' || fields.entity !== undefined ? { entityId: entityId ?? '' } : {}),
    ...(fields.subsidyRateBp === undefined
      ? {}
      : { subsidy: { rateBp: fields.subsidyRateBp, payer: 'county' as const } }),
  };
}

/** The entity a row names by id or by its registered name: exactly one. */
async function entityOfRow(
  written: string,
  directory: Parameters<RowKind<LoanFields>['plan']>[1]['directory'],
): Promise<{ entityId: string; name: string } | undefined> {
  if (ENTITY_ID.test(written)) {
    const state = await directory.entityState(written);
    return state.status === 'registered' ? { entityId: written, name: state.name } : undefined;
  }
  const named = await directory.entitiesNamed(written);
  if (named.length > 1) {
    throw refuseRow(
      'entity',
      'IMPORT.AMBIGUOUS_ENTITY',
      `${named.length} entities are registered as ${written}; write the entity's id (entity-…) instead.`,
      `名为“${written}”的经营主体有 ${named.length} 个，请改填经营主体编号（entity-…）。`,
    );
  }
  if (named.length === 0) {
    throw refuseRow(
      'entity',
      'IMPORT.UNKNOWN_ENTITY',
      `No entity is registered as ${written}; register it first or write its id (entity-…).`,
      `没有名为“${written}”的经营主体，请先登记或改填经营主体编号（entity-…）。`,
    );
  }
  return named[0];
}
