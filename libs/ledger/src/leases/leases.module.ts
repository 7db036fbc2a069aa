import { Module } from '@nestjs/common';
import { EndLeaseController } from './end-lease/end-lease.controller';
import { EndLeaseHandler } from './end-lease/end-lease.handler';
import { GetLeaseController } from './get-lease/get-lease.controller';
import { GetLeaseHandler } from './get-lease/get-lease.handler';
import { RecordRentPaymentController } from './record-rent-payment/record-rent-payment.controller';
import { RecordRentPaymentHandler } from './record-rent-payment/record-rent-payment.handler';
import { SignLeaseController } from './sign-lease/sign-lease.controller';
import { SignLeaseHandler } from './sign-lease/sign-lease.handler';

/** Land leases (土地流转): signing with a rent schedule, rent payments per period, early end. */
@Module({
  controllers: [SignLeaseController, RecordRentPaymentController, EndLeaseController, GetLeaseController],
  providers: [SignLeaseHandler, RecordRentPaymentHandler, EndLeaseHandler, GetLeaseHandler],
})
export class LeasesModule {}
