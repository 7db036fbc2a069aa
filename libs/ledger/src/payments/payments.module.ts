import { Module } from '@nestjs/common';
import { PaymentProofController } from './payment-proof/payment-proof.controller';
import { ReversePaymentController } from './reverse-payment/reverse-payment.controller';
import { ReversePaymentHandler } from './reverse-payment/reverse-payment.handler';

/** Reversals (冲销) of payments recorded on any linkage: dividends, rent, wages, purchases. */
@Module({
  controllers: [ReversePaymentController, PaymentProofController],
  providers: [ReversePaymentHandler],
})
export class PaymentsModule {}
