import { Module } from '@nestjs/common';
import { ContractOrderController } from './contract-order/contract-order.controller';
import { ContractOrderHandler } from './contract-order/contract-order.handler';
import { GetOrderController } from './get-order/get-order.controller';
import { GetOrderHandler } from './get-order/get-order.handler';
import { RecordPurchasePaymentController } from './record-purchase-payment/record-purchase-payment.controller';
import { RecordPurchasePaymentHandler } from './record-purchase-payment/record-purchase-payment.handler';

/** Order contracts (订单联结) and purchase payments for delivered produce. */
@Module({
  controllers: [ContractOrderController, RecordPurchasePaymentController, GetOrderController],
  providers: [ContractOrderHandler, RecordPurchasePaymentHandler, GetOrderHandler],
})
export class OrdersModule {}
