import { Module } from '@nestjs/common';
import { PaymentProofController } from './payment-proof/payment-proof.controller';
import { ReissuePaymentController } from './reissue-payment/reissue-payment.controller';
import { ReissuePaymentHandler } from './reissue-payment/reissue-payment.handler';
import { ReturnPaymentController } from './return-payment/return-payment.controller';
import { ReturnPaymentHandler } from './return-payment/return-payment.handler';
import { ReversePaymentController } from './reverse-payment/reverse-payment.controller';
import { ReversePaymentHandler } from './reverse-payment/reverse-payment.handler';

/**
 * Reversals (冲销) of payments recorded on any linkage: dividends, rent, wages, purchases, loans;
 * and the bank's side of them: returns (退回) and reissues (重新发放).
 */
@Module({
  controllers: [ReversePaymentController, ReturnPaymentController, ReissuePaymentController, PaymentProofController],
  providers: [ReversePaymentHandler, ReturnPaymentHandler, ReissuePaymentHandler],
})
export class PaymentsModule {}
