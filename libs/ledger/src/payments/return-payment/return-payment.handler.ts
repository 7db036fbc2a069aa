import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { decideOnPaymentStream } from '../bank-side.handler';
import { ReturnPaymentCommand } from './return-payment.command';
import { decideReturnPayment } from './return-payment.decide';

@CommandHandler(ReturnPaymentCommand)
export class ReturnPaymentHandler implements ICommandHandler<ReturnPaymentCommand> {
  constructor(private readonly streams: StreamWriter) {}

  execute(command: ReturnPaymentCommand): Promise<WriteResult> {
    const { paymentId } = command.payload;
    return decideOnPaymentStream(
      this.streams,
      paymentId,
      command.metadata,
      (state, linkage) => decideReturnPayment(command, state, linkage),
      () => paymentId,
    );
  }
}
