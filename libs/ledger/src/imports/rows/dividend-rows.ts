import { PayDividendCommand } from '../../dividends/pay-dividend/pay-dividend.command';
import { decidePayDividend } from '../../dividends/pay-dividend/pay-dividend.decide';
import { PayDividendRequest } from '../../dividends/pay-dividend/pay-dividend.dto';
import { dividend, townshipOf } from '../../dividends/dividend.state';
import { householdIdFor } from '../../households/household-id';
import { cellText, isBlank, parseAmountCell, parseDateCell, parseTextCell } from '../roster/cells';
import { householdOfRow } from './household-rows';
import { checkAsRequest, FieldCollector, paymentResult, rowPlan, type RowKind } from './row-plan';

export interface DividendFields {
  registrationNo: string;
  amountFen: number;
  paidOn: string;
  reference?: string;
}

/** 分红表: one dividend payment per row against the declaration (PayDividendCommand). */
export const dividendRows: RowKind<DividendFields> = {
  kind: 'dividends',

  fields(record, checked) {
    const c = new FieldCollector();
    const registrationNo = c.take('registrationNo', parseTextCell(record.get('registrationNo'), 40));
    const amountFen = c.take('amount', parseAmountCell(record.get('amount')));
    const paidOn = c.take('paidOn', parseDateCell(record.get('paidOn')));
    const reference = isBlank(record.get('reference')) ? undefined : cellText(record.get('reference'));
    if (c.problems.length > 0) return { problems: c.problems };
    const fields: DividendFields = {
      registrationNo: registrationNo!,
      amountFen: amountFen!,
      paidOn: paidOn!,
      ...(reference === undefined ? {} : { reference }),
    };
    if (checked) return { fields, problems: [] };
    const { registrationNo: no, ...body } = fields;
    const problems = checkAsRequest(
      PayDividendRequest,
      { householdId: householdIdFor(no), ...body },
      { householdId: 'registrationNo', amountFen: 'amount', paidOn: 'paidOn', reference: 'reference' },
    );
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  async plan(fields, context) {
    const declarationId = context.params.declarationId!;
    const found = await householdOfRow(context.directory, fields.registrationNo, context.actor);
    const { registrationNo: _r, ...payment } = fields;
    const command = new PayDividendCommand(
      { declarationId, householdId: found.householdId, ...payment },
      context.metadata,
    );
    return rowPlan({
      streamId: declarationId,
      evolver: dividend,
      command,
      decide: (state) => decidePayDividend(command, state),
      township: (state) => (state.status === 'declared' ? townshipOf(state, found.householdId) : undefined),
      resultId: paymentResult('DividendPaid', declarationId),
      columns: {
        fields: { householdId: 'registrationNo', paidOn: 'paidOn', amountFen: 'amount' },
        forbidden: 'registrationNo',
        otherwise: 'amount',
      },
    });
  },
};
