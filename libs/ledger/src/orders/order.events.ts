import type { DomainEvent } from '../common/decider';
import type { PaymentBankEvent, PaymentReversed } from '../payments/payment';
import type { Fen } from '../primitives/money';

/**
 * An entity contracts to buy a household's produce (订单联结): what product, in what unit, at what
 * price per unit (fen), during which term (deliveries inside it are bought at that price). `township`
 * is the household's, for clerks' scoping; `entityName` lets statements name the buyer.
 */
export type OrderContracted = DomainEvent<
  'OrderContracted',
  {
    orderId: string;
    entityId: string;
    entityName: string;
    householdId: string;
    township: string;
    product: string;
    unit: string;
    priceFen: Fen;
    startsOn: string;
    endsOn: string;
  }
>;

/**
 * The entity paid for produce the household delivered under the order: `quantity` in the order's
 * unit as a decimal string (at most three decimals, e.g. `"12.5"`), the contract price, and
 * `amountFen` = quantity × price rounded half-up to the fen. Product, unit and price are repeated so
 * the payment explains itself on a statement.
 */
export type PurchasePaid = DomainEvent<
  'PurchasePaid',
  {
    orderId: string;
    paymentId: string;
    householdId: string;
    product: string;
    unit: string;
    quantity: string;
    priceFen: Fen;
    amountFen: Fen;
    deliveredOn: string;
    paidOn: string;
    reference?: string;
  }
>;

export type OrderEvent = OrderContracted | PurchasePaid | PaymentReversed | PaymentBankEvent;
