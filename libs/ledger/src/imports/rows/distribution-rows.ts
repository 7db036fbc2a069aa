import { PayDistributionCommand } from '../../collectives/pay-distribution/pay-distribution.command';
import { decidePayDistribution } from '../../collectives/pay-distribution/pay-distribution.decide';
import { PayDistributionRequest } from '../../collectives/pay-distribution/pay-distribution.dto';
import { distribution } from '../../collectives/distribution.state';
import { householdIdFor } from '../../households/household-id';
import { cellText, isBlank, parseAmountCell, parseDateCell, parseTextCell } from '../roster/cells';
import { householdOfRow } from './household-rows';
import { checkAsRequest, FieldCollector, paymentResult, rowPlan, type RowKind } from './row-plan';

export interface DistributionFields {
  registrationNo: string;
  amountFen: number;
  paidOn: string;
  reference?: string;
}

/** 村集体二次分配发放表: one household's share paid per row against the distribution (PayDistributionCommand). */
export const distributionRows: RowKind<DistributionFields> = {
  kind: 'distributions',

  fields(record, checked) {
    const c = new FieldCollector();
    const registrationNo = c.take('registrationNo', parseTextCell(record.get('registrationNo'), 40));
    const amountFen = c.take('amount', parseAmountCell(record.get('amount')));
    const paidOn = c.take('paidOn', parseDateCell(record.get('paidOn')));
    const reference = isBlank(record.get('reference')) ? undefined : cellText(record.get('reference'));
    if (c.problems.length > 0) return { problems: c.problems };
    const fields: DistributionFields = {
      registrationNo: registrationNo!,
      amountFen: amountFen!,
      paidOn: paidOn!,
      ...(reference === undefined ? {} : { reference }),
    };
    if (checked) return { fields, problems: [] };
    const { registrationNo: no, ...body } = fields;
    const problems = checkAsRequest(
      PayDistributionRequest,
      { householdId: householdIdFor(no), ...body },
      { householdId: 'registrationNo', amountFen: 'amount', paidOn: 'paidOn', reference: 'reference' },
    );
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  async plan(fields, context) {
    const distributionId = context.params.distributionId!;
    const found = await householdOfRow(context.directory, fields.registrationNo, context.actor);
    const { registrationNo: _r, ...payment } = fields;
    const command = new PayDistributionCommand(
      { distributionId, householdId: found.householdId, ...payment },
      context.metadata,
    );
    return rowPlan({
      streamId: distributionId,
      evolver: distribution,
      command,
      decide: (state) => decidePayDistribution(command, state),
      township: (state) =>
        state.status === 'declared'
          ? state.allocations.find((a) => a.householdId === found.householdId)?.township
          : undefined,
      resultId: paymentResult('DistributionPaid', distributionId),
      columns: {
        fields: { householdId: 'registrationNo', paidOn: 'paidOn', amountFen: 'amount' },
        forbidden: 'registrationNo',
        otherwise: 'amount',
      },
    });
  },
};
