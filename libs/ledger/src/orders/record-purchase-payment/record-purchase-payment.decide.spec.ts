import { admin, auditor, clerkOf, metadataFor } from '../../common/testing/actors';
import { specFor } from '../../common/testing/given-when-then';
import type { DomainError } from '../../common/domain-error';
import { contracted, ORDER_ID, purchasePaid, reversed } from '../order.fixtures';
import type { OrderContracted } from '../order.events';
import { order } from '../order.state';
import { RecordPurchasePaymentCommand } from './record-purchase-payment.command';
import { decideRecordPurchasePayment } from './record-purchase-payment.decide';

const spec = specFor(order, decideRecordPurchasePayment);

type Payload = Omit<RecordPurchasePaymentCommand['payload'], 'orderId'>;
const delivery: Payload = { quantity: '12.5', amountFen: 4750, deliveredOn: '2018-09-10', paidOn: '2018-09-15' };
const pay = (payload: Partial<Payload> = {}, actor = admin) =>
  new RecordPurchasePaymentCommand({ orderId: ORDER_ID, ...delivery, ...payload }, metadataFor(actor));
const atPrice = (priceFen: number): OrderContracted => ({ ...contracted, data: { ...contracted.data, priceFen } });

describe('record a purchase payment', () => {
  it('pays 12.5 kg at 380 fen as 4,750 fen, repeating product, unit and price', () => {
    spec
      .given([contracted])
      .when(pay())
      .then([purchasePaid(1, '12.5', 4750)]);
  });

  it('refuses an amount that is not quantity × price, naming the expected amount', () => {
    let error: DomainError | undefined;
    try {
      decideRecordPurchasePayment(pay({ amountFen: 4700 }), order.evolve(order.initialState, contracted));
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.code).toBe('ORDER.AMOUNT_MISMATCH');
    expect(error?.message).toContain('47.50');
    expect(error?.message).toContain('4750');
    expect(error?.messageZh).toContain('应付 47.50 元');
  });

  it('rounds 3.333 × 299 fen = 996.567 fen half-up to 997', () => {
    spec
      .given([atPrice(299)])
      .when(pay({ quantity: '3.333', amountFen: 997 }))
      .then([purchasePaid(1, '3.333', 997, { priceFen: 299 })]);
    spec
      .given([atPrice(299)])
      .when(pay({ quantity: '3.333', amountFen: 996 }))
      .thenRefused('ORDER.AMOUNT_MISMATCH', 'rule');
  });

  it('rounds an exact half fen up', () => {
    spec
      .given([atPrice(3)])
      .when(pay({ quantity: '1.5', amountFen: 5 }))
      .then([purchasePaid(1, '1.5', 5, { priceFen: 3 })]);
    spec
      .given([atPrice(3)])
      .when(pay({ quantity: '1.5', amountFen: 4 }))
      .thenRefused('ORDER.AMOUNT_MISMATCH');
  });

  it('refuses a purchase worth more than the ledger can record', () => {
    spec
      .given([atPrice(Number.MAX_SAFE_INTEGER)])
      .when(pay({ quantity: '2', amountFen: Number.MAX_SAFE_INTEGER }))
      .thenRefused('ORDER.AMOUNT_TOO_LARGE', 'rule');
  });

  it('records several deliveries, each with the next payment id, reversed ones included in the count', () => {
    spec
      .given([contracted, purchasePaid(1, '12.5', 4750), reversed(1)])
      .when(pay({ quantity: '10', amountFen: 3800, reference: 'DD-0915' }))
      .then([purchasePaid(2, '10', 3800, { reference: 'DD-0915' })]);
  });

  it('accepts deliveries on the first and last day of the contract, and refuses them outside it', () => {
    spec
      .given([contracted])
      .when(pay({ deliveredOn: '2018-08-01', paidOn: '2018-08-01' }))
      .then([purchasePaid(1, '12.5', 4750, { deliveredOn: '2018-08-01', paidOn: '2018-08-01' })]);
    spec
      .given([contracted])
      .when(pay({ deliveredOn: '2018-10-31', paidOn: '2018-11-05' }))
      .then([purchasePaid(1, '12.5', 4750, { deliveredOn: '2018-10-31', paidOn: '2018-11-05' })]);
    spec
      .given([contracted])
      .when(pay({ deliveredOn: '2018-07-31' }))
      .thenRefused('ORDER.DELIVERY_OUTSIDE_CONTRACT', 'rule');
    spec
      .given([contracted])
      .when(pay({ deliveredOn: '2018-11-01', paidOn: '2018-11-05' }))
      .thenRefused('ORDER.DELIVERY_OUTSIDE_CONTRACT', 'rule');
  });

  it('refuses a payment dated before the delivery', () => {
    spec
      .given([contracted])
      .when(pay({ paidOn: '2018-09-09' }))
      .thenRefused('ORDER.PAID_BEFORE_DELIVERY', 'rule');
  });

  it('answers not found for an order nobody contracted', () => {
    spec.given([]).when(pay()).thenRefused('ORDER.NOT_FOUND', 'not_found');
  });

  it("lets only admins and clerks of the household's township record purchases", () => {
    spec
      .given([contracted])
      .when(pay({}, clerkOf('城关镇')))
      .then([purchasePaid(1, '12.5', 4750)]);
    spec
      .given([contracted])
      .when(pay({}, clerkOf('温泉镇')))
      .thenRefused('AUTH.OTHER_TOWNSHIP', 'forbidden');
    spec.given([contracted]).when(pay({}, auditor)).thenRefused('AUTH.READ_ONLY_ROLE', 'forbidden');
  });
});
