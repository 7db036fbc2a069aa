import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { StreamWriter } from '../../common/stream-writer';
import type { WriteResult } from '../../common/write-result';
import { lease } from '../lease.state';
import { RecordRentPaymentCommand } from './record-rent-payment.command';
import { decideRecordRentPayment } from './record-rent-payment.decide';

@CommandHandler(RecordRentPaymentCommand)
export class RecordRentPaymentHandler implements ICommandHandler<RecordRentPaymentCommand> {
  constructor(private readonly streams: StreamWriter) {}

  async execute(command: RecordRentPaymentCommand): Promise<WriteResult> {
    const { leaseId } = command.payload;
    // The township never changes after signing; read it so the events record whose township they concern.
    // It comes from the state folded for the decision: one read of the stream per command.
    const { events, position } = await this.streams.decide(
      leaseId,
      lease,
      (state) => decideRecordRentPayment(command, state),
      command.metadata,
      (state) => ({ township: state.status === 'signed' ? state.terms.township : undefined }),
    );
    const paid = events.find((event) => event.type === 'RentPaid');
    return { id: paid ? paid.data.paymentId : leaseId, position };
  }
}
