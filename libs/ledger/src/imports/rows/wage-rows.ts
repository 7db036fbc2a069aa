import { RecordWagePaymentCommand } from '../../employment/record-wage-payment/record-wage-payment.command';
import { decideRecordWagePayment } from '../../employment/record-wage-payment/record-wage-payment.decide';
import { RecordWagePaymentRequest } from '../../employment/record-wage-payment/record-wage-payment.dto';
import { employment } from '../../employment/employment.state';
import { monthOf } from '../../primitives/calendar';
import { nameKey } from '../linkage-directory';
import {
  cellText,
  isBlank,
  parseAmountCell,
  parseCountCell,
  parseDateCell,
  parseMonthCell,
  parseTextCell,
  parseYesNoCell,
} from '../roster/cells';
import { householdOfRow } from './household-rows';
import { checkAsRequest, FieldCollector, refuseRow, paymentResult, rowPlan, type RowKind } from './row-plan';

export interface WageFields {
  registrationNo: string;
  workerName: string;
  period: string;
  amountFen: number;
  paidOn: string;
  daysWorked?: number;
  supplementary?: boolean;
  reference?: string;
}

const REQUEST_COLUMNS = {
  period: 'period',
  amountFen: 'amount',
  paidOn: 'paidOn',
  daysWorked: 'daysWorked',
  supplementary: 'supplementary',
  reference: 'reference',
};

/** 工资表: one wage payment per row, to the worker's employment at the entity (RecordWagePaymentCommand). */
export const wageRows: RowKind<WageFields> = {
  kind: 'wages',

  fields(record, checked) {
    const c = new FieldCollector();
    const registrationNo = c.take('registrationNo', parseTextCell(record.get('registrationNo'), 40));
    const workerName = c.take('workerName', parseTextCell(record.get('workerName'), 50));
    const period = c.take('period', parseMonthCell(record.get('period')));
    const amountFen = c.take('amount', parseAmountCell(record.get('amount')));
    const paidOn = c.take('paidOn', parseDateCell(record.get('paidOn')));
    const daysWorked = c.optional(record, 'daysWorked', isBlank(record.get('daysWorked')), () =>
      parseCountCell(record.get('daysWorked'), 0, 31),
    );
    const supplementary = c.optional(record, 'supplementary', isBlank(record.get('supplementary')), () =>
      parseYesNoCell(record.get('supplementary')),
    );
    const reference = isBlank(record.get('reference')) ? undefined : cellText(record.get('reference'));
    if (c.problems.length > 0) return { problems: c.problems };
    const fields: WageFields = {
      registrationNo: registrationNo!,
      workerName: workerName!,
      period: period!,
      amountFen: amountFen!,
      paidOn: paidOn!,
      ...(daysWorked === undefined ? {} : { daysWorked }),
      ...(supplementary ? { supplementary } : {}),
      ...(reference === undefined ? {} : { reference }),
    };
    if (checked) return { fields, problems: [] };
    const { registrationNo: _r, workerName: _w, ...body } = fields;
    const problems = checkAsRequest(RecordWagePaymentRequest, body, REQUEST_COLUMNS);
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  async plan(fields, context) {
    const entityId = context.params.entityId!;
    const found = await householdOfRow(context.directory, fields.registrationNo, context.actor);
    const all = await context.directory.employments(entityId, found.householdId);
    const named = all.filter((e) => nameKey(e.workerName) === nameKey(fields.workerName));
    if (named.length === 0) {
      const others = [...new Set(all.map((e) => e.workerName))].join('、');
      throw refuseRow(
        'workerName',
        'IMPORT.NO_EMPLOYMENT',
        `${fields.workerName} of household ${fields.registrationNo} has no employment at this entity` +
          (others ? ` (employed: ${others}).` : '; record the employment first.'),
        `${found.headName}户（${fields.registrationNo}）的 ${fields.workerName} 在本经营主体没有务工记录` +
          (others ? `（在册务工人员：${others}）。` : '，请先登记务工（劳务联结）。'),
      );
    }
    // Chosen by the terms alone (never by what was paid), so every pass and every resume picks the same.
    const covering = named.filter(
      (e) => monthOf(e.startsOn) <= fields.period && (e.endsOn === undefined || fields.period <= monthOf(e.endsOn)),
    );
    if (covering.length > 1) {
      throw refuseRow(
        'workerName',
        'IMPORT.AMBIGUOUS_EMPLOYMENT',
        `${fields.workerName} has ${covering.length} employments at this entity covering ${fields.period}; record the payment through the API.`,
        `${fields.workerName} 在本经营主体有 ${covering.length} 条务工记录都包含 ${fields.period}，无法确定，请逐笔录入。`,
      );
    }
    const chosen = covering[0] ?? named[named.length - 1];
    const { registrationNo: _r, workerName: _w, ...payment } = fields;
    const command = new RecordWagePaymentCommand({ employmentId: chosen.employmentId, ...payment }, context.metadata);
    return rowPlan({
      streamId: chosen.employmentId,
      evolver: employment,
      command,
      decide: (state) => decideRecordWagePayment(command, state),
      township: (state) => (state.status === 'none' ? undefined : state.township),
      resultId: paymentResult('WagePaid', chosen.employmentId),
      columns: {
        fields: { period: 'period', paidOn: 'paidOn', daysWorked: 'daysWorked', supplementary: 'supplementary' },
        forbidden: 'registrationNo',
        notFound: 'workerName',
        otherwise: 'amount',
      },
    });
  },
};
