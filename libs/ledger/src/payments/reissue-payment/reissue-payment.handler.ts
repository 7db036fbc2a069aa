import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { decideOnPaymentStream } from '../bank-side.handler';
import type { PaymentReissued } from '../payment';
import { ReissuePaymentCommand } from './reissue-payment.command';
import { decideReissuePayment } from './reissue-payment.decide';

@CommandHandler(ReissuePaymentCommand)
export class ReissuePaymentHandler implements ICommandHandler<ReissuePaymentCommand> {
  constructor(private readonly streams: StreamWriter) {}

  execute(command: ReissuePaymentCommand): Promise<WriteResult> {
    const { paymentId } = command.payload;
    return decideOnPaymentStream(
      this.streams,
      paymentId,
      command.metadata,
      (state, linkage) => decideReissuePayment(command, state, linkage),
      (events) => events.find((e): e is PaymentReissued => e.type === 'PaymentReissued')?.data.paymentId ?? paymentId,
    );
  }
}
