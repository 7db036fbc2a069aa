import { Module } from '@nestjs/common';

/** Order contracts (订单联结) and purchase payments for delivered produce. */
@Module({
  controllers: [],
  providers: [],
})
export class OrdersModule {}
