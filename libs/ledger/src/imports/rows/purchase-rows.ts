import { order } from '../../orders/order.state';
import { parseQuantity } from '../../orders/quantity';
import { RecordPurchasePaymentCommand } from '../../orders/record-purchase-payment/record-purchase-payment.command';
import { decideRecordPurchasePayment } from '../../orders/record-purchase-payment/record-purchase-payment.decide';
import { RecordPurchasePaymentRequest } from '../../orders/record-purchase-payment/record-purchase-payment.dto';
import { nameKey } from '../linkage-directory';
import {
  cellText,
  isBlank,
  parseAmountCell,
  parseDateCell,
  parseTextCell,
  type Cell,
  type Parsed,
} from '../roster/cells';
import { householdOfRow } from './household-rows';
import { checkAsRequest, FieldCollector, refuseRow, paymentResult, rowPlan, type RowKind } from './row-plan';

export interface PurchaseFields {
  registrationNo: string;
  product?: string;
  quantity: string;
  amountFen: number;
  deliveredOn: string;
  paidOn: string;
  reference?: string;
}

function parseQuantityCell(cell: Cell): Parsed<string> {
  const parsed = parseQuantity(typeof cell === 'number' ? cell : cellText(cell).replace(/,/g, ''));
  return parsed.ok
    ? { ok: true, value: parsed.text }
    : {
        ok: false,
        en: 'must be a positive quantity with at most 3 decimals',
        zh: '数量应为正数，最多三位小数',
      };
}

/** 收购单: one purchase payment per row, under the household's order with the entity (RecordPurchasePaymentCommand). */
export const purchaseRows: RowKind<PurchaseFields> = {
  kind: 'purchases',

  fields(record, checked) {
    const c = new FieldCollector();
    const registrationNo = c.take('registrationNo', parseTextCell(record.get('registrationNo'), 40));
    const product = isBlank(record.get('product')) ? undefined : cellText(record.get('product'));
    const quantity = c.take('quantity', parseQuantityCell(record.get('quantity')));
    const amountFen = c.take('amount', parseAmountCell(record.get('amount')));
    const deliveredOn = c.take('deliveredOn', parseDateCell(record.get('deliveredOn')));
    const paidOn = c.take('paidOn', parseDateCell(record.get('paidOn')));
    const reference = isBlank(record.get('reference')) ? undefined : cellText(record.get('reference'));
    if (c.problems.length > 0) return { problems: c.problems };
    const fields: PurchaseFields = {
      registrationNo: registrationNo!,
      ...(product === undefined ? {} : { product }),
      quantity: quantity!,
      amountFen: amountFen!,
      deliveredOn: deliveredOn!,
      paidOn: paidOn!,
      ...(reference === undefined ? {} : { reference }),
    };
    if (checked) return { fields, problems: [] };
    const { registrationNo: _r, product: _p, ...body } = fields;
    const problems = checkAsRequest(RecordPurchasePaymentRequest, body, {
      quantity: 'quantity',
      amountFen: 'amount',
      deliveredOn: 'deliveredOn',
      paidOn: 'paidOn',
      reference: 'reference',
    });
    return problems.length > 0 ? { problems } : { fields, problems: [] };
  },

  async plan(fields, context) {
    const entityId = context.params.entityId!;
    const found = await householdOfRow(context.directory, fields.registrationNo, context.actor);
    const all = await context.directory.orders(entityId, found.householdId);
    const named =
      fields.product === undefined ? all : all.filter((o) => nameKey(o.product) === nameKey(fields.product!));
    if (named.length === 0) {
      throw refuseRow(
        fields.product === undefined || all.length === 0 ? 'registrationNo' : 'product',
        'IMPORT.NO_ORDER',
        `Household ${fields.registrationNo} has no purchase order${fields.product ? ` for ${fields.product}` : ''} with this entity.`,
        `${found.headName}户（${fields.registrationNo}）与本经营主体没有${fields.product ? `“${fields.product}”的` : ''}订单，请先登记订单。`,
      );
    }
    // Chosen by the terms alone (never by what was paid), so every pass and every resume picks the same.
    const covering = named.filter((o) => o.startsOn <= fields.deliveredOn && fields.deliveredOn <= o.endsOn);
    if (covering.length > 1) {
      throw refuseRow(
        'product',
        'IMPORT.AMBIGUOUS_ORDER',
        `Household ${fields.registrationNo} has ${covering.length} orders with this entity covering ${fields.deliveredOn}; name the product (品名).`,
        `${found.headName}户（${fields.registrationNo}）与本经营主体有 ${covering.length} 份订单都包含 ${fields.deliveredOn}，请填写品名。`,
      );
    }
    const chosen = covering[0] ?? named[named.length - 1];
    const { registrationNo: _r, product: _p, ...payment } = fields;
    const command = new RecordPurchasePaymentCommand({ orderId: chosen.orderId, ...payment }, context.metadata);
    return rowPlan({
      streamId: chosen.orderId,
      evolver: order,
      command,
      decide: (state) => decideRecordPurchasePayment(command, state),
      township: (state) => (state.status === 'none' ? undefined : state.township),
      resultId: paymentResult('PurchasePaid', chosen.orderId),
      columns: {
        fields: { deliveredOn: 'deliveredOn', paidOn: 'paidOn', amountFen: 'amount' },
        forbidden: 'registrationNo',
        otherwise: 'amount',
      },
    });
  },
};
