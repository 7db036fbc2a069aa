import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { order } from '../order.state';
import { RecordPurchasePaymentCommand } from './record-purchase-payment.command';
import { decideRecordPurchasePayment } from './record-purchase-payment.decide';

@CommandHandler(RecordPurchasePaymentCommand)
export class RecordPurchasePaymentHandler implements ICommandHandler<RecordPurchasePaymentCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: RecordPurchasePaymentCommand): Promise<WriteResult> {
    const { orderId } = command.payload;
    // The township is fixed when the order is contracted; it goes on the payment's metadata.
    const { events, position } = await this.streams.decide(
      orderId,
      order,
      (state) => decideRecordPurchasePayment(command, state),
      command.metadata,
      (state) => ({ township: state.status === 'none' ? undefined : state.township }),
    );
    const paid = events.find((e) => e.type === 'PurchasePaid');
    return { id: paid?.type === 'PurchasePaid' ? paid.data.paymentId : orderId, position };
  }
}
