import type { OrderContracted, OrderEvent, PurchasePaid } from './order.events';

export const ORDER_ID = 'order-00000000-0000-5000-8000-000000000001';

/** An orchard buys a household's kiwi fruit at 3.80 yuan a kilogram during the 2018 harvest. */
export const contracted: OrderContracted = {
  type: 'OrderContracted',
  data: {
    orderId: ORDER_ID,
    entityId: 'entity-1',
    entityName: '桃园采摘园有限公司',
    householdId: 'household-1',
    township: '城关镇',
    product: '猕猴桃',
    unit: 'kg',
    priceFen: 380,
    startsOn: '2018-08-01',
    endsOn: '2018-10-31',
  },
};

/** The n-th purchase payment on the order. */
export function purchasePaid(
  n: number,
  quantity: string,
  amountFen: number,
  extra: Partial<PurchasePaid['data']> = {},
): PurchasePaid {
  return {
    type: 'PurchasePaid',
    data: {
      orderId: ORDER_ID,
      paymentId: `${ORDER_ID}.p${n}`,
      householdId: 'household-1',
      product: '猕猴桃',
      unit: 'kg',
      quantity,
      priceFen: 380,
      amountFen,
      deliveredOn: '2018-09-10',
      paidOn: '2018-09-15',
      ...extra,
    },
  };
}

export function reversed(n: number): OrderEvent {
  const paymentId = `${ORDER_ID}.p${n}`;
  return { type: 'PaymentReversed', data: { paymentId, reversalId: `${paymentId}.r`, reason: '数量录错' } };
}
