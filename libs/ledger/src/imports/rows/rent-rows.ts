import { RecordRentPaymentCommand } from '../../leases/record-rent-payment/record-rent-payment.command';
import { decideRecordRentPayment } from '../../leases/record-rent-payment/record-rent-payment.decide';
import { RecordRentPaymentRequest } from '../../leases/record-rent-payment/record-rent-payment.dto';
import { lease } from '../../leases/lease.state';
import { cellText, isBlank, parseAmountCell, parseDateCell, parsePeriodCell, parseTextCell } from '../roster/cells';
import { householdOfRow } from './household-rows';
import { checkAsRequest, FieldCollector, refuseRow, paymentResult, rowPlan, type RowKind } from './row-plan';

export interface RentFields {
  registrationNo: string;
  period: string;
  amountFen: number;
  paidOn: string;
  reference?: string;
}

/** 租金表: one rent payment per row, to the household's lease with the entity (RecordRentPaymentCommand). */
export const rentRows: RowKind<RentFields> = {
  kind: 'rents',

  fields(record, checked) {
    const c = new FieldCollector();
    const registrationNo = c.take('registrationNo', parseTextCell(record.get('registrationNo'), 40));
    const period = c.take('period', parsePeriodCell(record.get('period')));
    const amountFen = c.take('amount', parseAmountCell(record.get('amount')));
    const paidOn = c.take('paidOn', parseDateCell(record.get('paidOn')));
    const reference = isBlank(record.get('reference')) ? undefined : cellText(record.get('reference'));
    if (c.problems.length > 0) return { problems: c.problems };
    const fields: RentFields = {
      registrationNo: registrationNo!,
      period: period!,
      amountFen: amountFen!,
      paidOn: paidOn!,
      ...(reference === undefined ? {} : { reference }),
    };
    if (checked) return { fields, problems: [] };
    const { registrationNo: _r, ...body } = fields;
    const problems = checkAsRequest(RecordRentPaymentRequest, body, {
      period: 'period',
      amountFen: 'amount',
      paidOn: 'paidOn',
      reference: 'reference',
    });
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  async plan(fields, context) {
    const entityId = context.params.entityId!;
    const found = await householdOfRow(context.directory, fields.registrationNo, context.actor);
    const leases = await context.directory.leases(entityId, found.householdId);
    if (leases.length === 0) {
      throw refuseRow(
        'registrationNo',
        'IMPORT.NO_LEASE',
        `Household ${fields.registrationNo} (${found.headName}) has no land lease with this entity; record the lease first.`,
        `${found.headName}户（${fields.registrationNo}）与本经营主体没有土地租赁合同，请先登记租赁合同。`,
      );
    }
    // Chosen by the schedules alone (never by what was paid), so every pass and every resume picks the same.
    const covering = leases.filter((l) => l.periods.includes(fields.period));
    if (covering.length > 1) {
      throw refuseRow(
        'period',
        'IMPORT.AMBIGUOUS_LEASE',
        `Household ${fields.registrationNo} has ${covering.length} leases with this entity whose schedules include ${fields.period}; record these rents through the API.`,
        `${found.headName}户（${fields.registrationNo}）与本经营主体有 ${covering.length} 份租赁合同都包含期间 ${fields.period}，无法确定，请逐笔录入。`,
      );
    }
    const chosen = covering[0] ?? leases[leases.length - 1];
    const { registrationNo: _r, ...payment } = fields;
    const command = new RecordRentPaymentCommand({ leaseId: chosen.leaseId, ...payment }, context.metadata);
    return rowPlan({
      streamId: chosen.leaseId,
      evolver: lease,
      command,
      decide: (state) => decideRecordRentPayment(command, state),
      township: (state) => (state.status === 'signed' ? state.terms.township : undefined),
      resultId: paymentResult('RentPaid', chosen.leaseId),
      columns: {
        fields: { period: 'period', paidOn: 'paidOn', amountFen: 'amount' },
        forbidden: 'registrationNo',
        notFound: 'registrationNo',
        otherwise: 'amount',
      },
    });
  },
};
